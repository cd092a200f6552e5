/**
 * Writes the batch summary to a file chosen by its extension: .xlsx (the aggregate in the
 * official layout plus 汇总说明, 各单位情况, 校验结果 — see core/batch-plan.ts), .json (the
 * --json object) or .csv (three files: units, aggregate by cell, findings; UTF-8 with BOM so
 * Excel opens them).
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { XxgkError } from '../../core';
import { aggregateTable, batchSheetPlan, findingTable, unitFormats, unitTable, type Table } from '../../core/batch-plan';
import { writeXlsx } from '../../xlsx/write';
import { nodeDeflateRaw } from '../zlib';
import type { BatchResult } from './assemble';

/** Extensions `-o` accepts. */
export const SUMMARY_EXTENSIONS: readonly string[] = ['.xlsx', '.json', '.csv'];

export function summaryJson(result: BatchResult) {
  const { units, aggregate, incomplete, findings, broken, ignored } = result;
  return { units, aggregate, incomplete, findings, broken, ignored };
}

/** Text that a spreadsheet would read as a formula (=, +, -, @) is written as text. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(table: Table): string {
  return `\uFEFF${[table.headers, ...table.rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function summaryXlsx(result: BatchResult): Uint8Array {
  return writeXlsx(batchSheetPlan(result), { deflateRaw: nodeDeflateRaw });
}

/** Writes the summary; returns the paths written. */
export function writeSummary(path: string, result: BatchResult): string[] {
  const ext = extname(path).toLowerCase();
  const write = (p: string, data: string | Uint8Array) => {
    try {
      writeFileSync(p, data);
    } catch (e) {
      throw new XxgkError('FILE-UNWRITABLE', { path: p, reason: (e as Error).message });
    }
    return p;
  };
  if (ext === '.xlsx') return [write(path, summaryXlsx(result))];
  if (ext === '.json') return [write(path, `${JSON.stringify(summaryJson(result), null, 2)}\n`)];
  if (ext === '.csv') {
    const base = path.slice(0, -ext.length);
    return [
      write(path, toCsv(unitTable(result.units))),
      write(`${base}.汇总.csv`, toCsv(aggregateTable(result.aggregate, result.incomplete))),
      write(`${base}.校验结果.csv`, toCsv(findingTable(result.findings, unitFormats(result.units)))),
    ];
  }
  throw new XxgkError('FILE-UNWRITABLE', { path, reason: `汇总结果可写为 ${SUMMARY_EXTENSIONS.join('、')} 文件` });
}
