/** `xxgk-nianbao build [input] -o out.xlsx [--year] [--agency] [--sample] [--password]`: the official sheets as .xlsx. */
import { writeFileSync } from 'node:fs';
import {
  XxgkError, blankReport, cellPlace, compileSheetPlan, formatIdForYear, sampleReport, valuesNotKept, zhCN, type Report,
} from '../../core';
import { writeXlsx } from '../../xlsx';
import { nodeDeflateRaw } from '../../node/zlib';
import { loadInput } from '../input';
import { EXIT, type Io } from '../io';
import type { Command } from './types';

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
    let issues: unknown[] = [];
    if (values.sample) report = sampleReport();
    else if (positionals.length) {
      const input = loadInput(positionals[0]);
      report = input.report;
      issues = input.issues ?? [];
    } else {
      const y = year ?? new Date().getFullYear();
      report = blankReport(formatIdForYear(y), y, agency ?? null);
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
    if (issues.length) io.err(`导入时发现 ${issues.length} 个问题，请用 import 或 check 命令查看。`);
    if (notes.length) io.err(`以下单元格与输入不同：\n${notes.join('\n')}`);
    return EXIT.ok;
  },
};
