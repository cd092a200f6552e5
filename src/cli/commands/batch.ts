/** `xxgk-nianbao batch <folder> [-o summary.xlsx] [--json] [--all] [--strict] [--last-year <folder>] [--agency <name>] [--jobs <n>]` */
import { extname } from 'node:path';
import { VERDICT_WORDS, unitBlanksText, type UnitVerdict } from '../../core/batch-plan';
import { batchFailed, runBatch, type BatchResult, type ProgressSink } from '../../node/batch';
import { SUMMARY_EXTENSIONS, summaryJson, writeSummary } from '../../node/batch/output';
import { EXIT, processIo, type Io } from '../io';
import type { Command } from './types';

const FORMAT_NAMES: Record<string, string> = { '2021': '30号文', '2019': '60号文' };

/** ✓ only for a unit with nothing failing or undecided (warnings are reminders). */
const VERDICT_MARKS: Record<UnitVerdict, string> = { unreadable: '✗', errors: '✗', incomplete: '△', warnings: '✓', pass: '✓' };

export function renderBatch(result: BatchResult): string {
  const read = result.units.filter((u) => u.status === 'ok');
  const failing = read.filter((u) => u.verdict === 'errors');
  const incomplete = read.filter((u) => u.verdict === 'incomplete');
  const lines = [
    `共 ${result.units.length} 个文件：已检查 ${read.length}，无法读取 ${result.units.length - read.length}；` +
      `有错误的单位 ${failing.length}，不完整的单位 ${incomplete.length}`,
    '',
  ];
  for (const u of read) {
    const where = `${u.unit}（${u.year ?? '年度不详'}年度 · ${FORMAT_NAMES[u.format ?? ''] ?? u.format}）`;
    lines.push(
      `${VERDICT_MARKS[u.verdict]} ${where}${VERDICT_WORDS[u.verdict]}：错误 ${u.errors}，提醒 ${u.warnings}，无法判断 ${u.undecided}` +
        `${u.importIssues ? `，导入问题 ${u.importIssues}` : ''}`,
    );
    for (const m of u.firstFindings) lines.push(`    ${m}`);
    if (u.blankCells.length) lines.push(`    待补的空白单元格（${u.blankCells.length} 个）：${unitBlanksText(u)}`);
    if (u.reason) lines.push(`    ${u.reason}`);
  }
  if (result.broken.length) {
    lines.push('', `无法读取（${result.broken.length}）：`);
    // The reason names the file already (readers' messages start with its path).
    for (const b of result.broken) lines.push(`  ${b.reason.includes(b.file) ? b.reason : `${b.file}：${b.reason}`}`);
  }
  if (result.aggregate) {
    const blank = Object.keys(result.incomplete).length;
    const summed = result.units.filter((u) => u.aggregated).length;
    lines.push(
      '',
      `汇总：${summed} 个单位，${result.aggregate.year ?? '年度不详'}年度 · ${FORMAT_NAMES[result.aggregate.format]}格式` +
        (blank
          ? `；${blank} 个单元格不完整：有单位留空，只合计了已填报单位的数值（用 -o 或 --json 查看是哪些单位）`
          : '；所有单元格均已完整汇总'),
    );
  }
  if (result.ignored.length) lines.push('', `已跳过 ${result.ignored.length} 个其他类型的文件`);
  return lines.join('\n');
}

function progressSink(io: Io): ProgressSink {
  if (io === processIo)
    return { tty: process.stderr.isTTY === true, write: (t) => process.stderr.write(t), columns: process.stderr.columns };
  return { tty: false, write: (t) => io.err(t.replace(/\n$/, '')) };
}

export const batchCommand: Command = {
  name: 'batch',
  summary:
    '检查文件夹中所有单位的年报（.xlsx .txt .html .json，含子文件夹），生成各单位情况、校验结果和全区汇总表；' +
    '有空白单元格使检查无法判断的单位为「不完整」，并列出待补的单元格；' +
    '退出码 0 全部可读且无错误，1 有单位存在错误或有文件无法读取（--strict 时有不完整的单位也算），2 文件夹无法读取',
  usage: 'batch <文件夹> [-o 汇总.xlsx|汇总.json|汇总.csv] [--json] [--all] [--strict] [--last-year <上年报告文件夹>] [--agency <汇总单位名称>] [--jobs <线程数>] [--quiet]',
  options: {
    output: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    agency: { type: 'string' },
    jobs: { type: 'string' },
    quiet: { type: 'boolean' },
    strict: { type: 'boolean' },
    'blanks-as-zero': { type: 'boolean' },
    'last-year': { type: 'string' },
  },
  async run(args, io: Io) {
    const { values, positionals } = args;
    if (positionals.length !== 1) {
      io.err(`用法：xxgk-nianbao ${this.usage}`);
      return EXIT.unreadable;
    }
    let jobs: number | undefined;
    if (typeof values.jobs === 'string') {
      jobs = Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 0) {
        io.err(`参数错误：--jobs 应为不小于 0 的整数（同时检查的文件数），实为「${values.jobs}」`);
        return EXIT.unreadable;
      }
    }
    // Checked before the batch runs, so a typo does not cost a long run.
    if (typeof values.output === 'string' && !SUMMARY_EXTENSIONS.includes(extname(values.output).toLowerCase())) {
      io.err(`参数错误：-o 的文件应以 ${SUMMARY_EXTENSIONS.join('、')} 结尾，实为「${values.output}」`);
      return EXIT.unreadable;
    }
    const result = await runBatch(positionals[0], {
      jobs,
      all: values.all === true,
      blanksAsZero: values['blanks-as-zero'] === true,
      agency: typeof values.agency === 'string' ? values.agency : null,
      lastYear: typeof values['last-year'] === 'string' ? values['last-year'] : undefined,
      progress: values.quiet ? undefined : progressSink(io),
    });
    if (typeof values.output === 'string') {
      const written = writeSummary(values.output, result);
      if (!values.quiet) io.err(`已写入 ${written.join('、')}`);
    }
    io.out(values.json ? JSON.stringify(summaryJson(result), null, 2) : renderBatch(result));
    return batchFailed(result, values.strict === true) ? EXIT.findings : EXIT.ok;
  },
};
