/**
 * `xxgk-nianbao build [input] -o out.xlsx [--year] [--agency] [--sample] [--password]`: the official sheets as .xlsx.
 * The year is never guessed: a blank workbook needs --year (it decides the format); a paste
 * without a year gives a workbook without one, and says so. Import errors: the workbook is
 * written (nothing typed is lost) and the exit status is 1.
 */
import { writeFileSync } from 'node:fs';
import {
  XxgkError, blankReport, cellPlace, compileSheetPlan, formatIdForYear, sampleReport, valuesNotKept, zhCN, type DescribedIssue, type Report,
} from '../../core';
import { writeXlsx } from '../../xlsx';
import { nodeDeflateRaw } from '../../node/zlib';
import { loadInput } from '../input';
import { EXIT, type Io } from '../io';
import type { Command } from './types';

const YEAR_NEEDED = '未找到年度，请用 --year 指定';

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text.trim())) throw new XxgkError('YEAR-UNSUPPORTED', { year: text });
  formatIdForYear(year);
  return year;
}

export const buildCommand: Command = {
  name: 'build',
  summary: '生成官方格式的 Excel 表格（表二、表三、表四、文字说明），可带入数据',
  usage: 'build [input.txt|.html|.json|.xlsx] -o out.xlsx [--year <年度>] [--agency <机关>] [--sample] [--password <密码>]',
  options: {
    output: { type: 'string', short: 'o' },
    year: { type: 'string' },
    agency: { type: 'string' },
    sample: { type: 'boolean' },
    password: { type: 'string' },
  },
  run({ values, positionals }, io: Io) {
    const out = values.output;
    if (typeof out !== 'string' || !out || positionals.length > 1 || (values.sample && positionals.length)) {
      io.err(`用法：xxgk-nianbao ${this.usage}`);
      return EXIT.unreadable;
    }
    const year = typeof values.year === 'string' ? parseYear(values.year) : undefined;
    const agency = typeof values.agency === 'string' ? values.agency : undefined;
    let report: Report;
    let issues: DescribedIssue[] = [];
    if (values.sample) report = sampleReport();
    else if (positionals.length) {
      const input = loadInput(positionals[0]);
      report = input.report;
      issues = input.issues ?? [];
    } else {
      if (year === undefined) {
        io.err(`${YEAR_NEEDED}（空白表格按年度选用 30号文或 60号文格式）。\n用法：xxgk-nianbao ${this.usage}`);
        return EXIT.unreadable;
      }
      report = blankReport(formatIdForYear(year), year, agency ?? null);
    }
    if (year !== undefined && formatIdForYear(year) !== report.format)
      throw new XxgkError('REPORT-INVALID', { details: [`${year} 年度应使用 ${formatIdForYear(year)} 格式，输入数据为 ${report.format} 格式`] });

    const plan = compileSheetPlan(report.format, {
      report, year: year ?? report.year, agency: agency ?? report.agency,
      ...(typeof values.password === 'string' && values.password ? { password: values.password } : {}),
    });
    const bytes = writeXlsx(plan, { deflateRaw: nodeDeflateRaw });
    try {
      writeFileSync(out, bytes);
    } catch (e) {
      throw new XxgkError('FILE-UNWRITABLE', { path: out, reason: (e as Error).message });
    }

    const notes: string[] = [];
    const kept = valuesNotKept(report);
    const n = (v: number | null) => (v === null ? '空白' : zhCN.formatNumber(v));
    for (const r of kept.recomputed)
      notes.push(`  ${cellPlace(report.format, r.cellId)}：表格中由公式计算，原为 ${n(r.given)}，公式结果为 ${n(r.sheet)}`);
    for (const id of kept.dropped) notes.push(`  ${cellPlace(report.format, id)}：不属于 ${report.format} 格式的表格，未写入`);
    io.out(`已生成 ${out}（${report.format === '2021' ? '30号文格式' : '60号文格式'}，${plan.year ?? '未注明'}年度${plan.agency ? `，${plan.agency}` : ''}）`);
    if (plan.year === null) io.err(`${YEAR_NEEDED}：表格标题中没有年度。`);
    const importErrors = issues.filter((i) => i.severity === 'error').length;
    if (importErrors)
      io.err(`导入时发现 ${issues.length} 个问题，其中错误 ${importErrors} 个：表格已生成，但这些单元格未能读取，请用 import 命令查看并在表格中补全。`);
    else if (issues.length) io.err(`导入时发现 ${issues.length} 个问题，请用 import 或 check 命令查看。`);
    if (notes.length) io.err(`以下单元格与输入不同：\n${notes.join('\n')}`);
    return importErrors ? EXIT.findings : EXIT.ok;
  },
};
