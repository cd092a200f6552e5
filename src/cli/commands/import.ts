/** `xxgk-nianbao import <file.txt|file.html|file.xlsx> [--json] [--year N]`: pasted text → report data + import issues. */
import {
  XxgkError, check, checkFailed, describeIssues, importText, zhCN, type DescribedIssue, type ImportResult,
} from '../../core';
import { readXlsx } from '../../xlsx';
import type { LoadedInput } from '../input';
import { readInputBytes } from '../read-file';
import { EXIT, type Io } from '../io';
import type { Command } from './types';

/** UTF-8 (BOM stripped); bytes that are not valid UTF-8 are read as GB18030 (old Windows exports). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function importFile(path: string, bytes: Uint8Array, year?: number): ImportResult {
  // Workbooks: ours through their defined names, any other through the same importer (importGrid).
  if (/\.xlsx$/i.test(path)) return readXlsx(bytes, { year });
  const mime = /\.html?$/i.test(path) ? 'text/html' : 'text/plain';
  return importText(decodeText(bytes), { mime, year });
}

/** The READERS entry for .txt / .html / .htm: import, then the rules run on the report. */
export function readPasted(path: string, bytes: Uint8Array): LoadedInput {
  const { report, issues } = importFile(path, bytes);
  return { report, issues: describeIssues(report.format, issues) };
}

export function renderIssues(result: ImportResult, described: DescribedIssue[]): string {
  const r = result.report;
  const filled = Object.values(r.cells).filter((v) => v !== null).length;
  const lines = [
    `${r.agency ?? '（未注明机关）'} ${r.year === null ? '（未注明年度）' : `${r.year}年度`} · ${r.format === '2021' ? '30号文格式' : '60号文格式'}`,
    `读取 ${Object.keys(r.cells).length} 个单元格（有数值 ${filled} 个）；导入问题 ${described.length} 条`,
  ];
  for (const sev of ['error', 'warning', 'info'] as const)
    for (const i of described) if (i.severity === sev) lines.push(`  [${zhCN.SEVERITY_NAMES[sev]}] ${i.message}`);
  if (r.year === null) lines.push('', '未找到年度，请用 --year 指定（未猜测年度）。');
  if (!described.length) lines.push('', '未发现导入问题。');
  return lines.join('\n');
}

export const importCommand: Command = {
  name: 'import',
  summary: '导入粘贴的表格文本（Excel/WPS 制表符文本、网页 HTML、已发布年报的文字），列出无法读取之处',
  usage: 'import <file.txt|file.html|file.xlsx> [--json] [--year <年度>]',
  options: { json: { type: 'boolean' }, year: { type: 'string' } },
  run({ values, positionals }, io: Io) {
    if (positionals.length !== 1) {
      io.err(`用法：xxgk-nianbao ${this.usage}`);
      return EXIT.unreadable;
    }
    const year = typeof values.year === 'string' ? Number(values.year) : undefined;
    if (year !== undefined && !Number.isInteger(year)) throw new XxgkError('YEAR-UNSUPPORTED', { year: values.year });
    const path = positionals[0];
    const bytes = readInputBytes(path);
    const result = importFile(path, bytes, year);
    const described = describeIssues(result.report.format, result.issues);
    if (values.json) io.out(JSON.stringify({ ...result.report, issues: described }, null, 2));
    else io.out(renderIssues(result, described));
    const failed = described.some((i) => i.severity === 'error') || checkFailed(check(result.report));
    return failed ? EXIT.findings : EXIT.ok;
  },
};
