/**
 * The paste importer: whatever staff paste (spreadsheet TSV, HTML tables, published pages,
 * a whole report, a block of numbers) becomes report data plus issues naming every problem.
 * All paths split their input into cells and share one recognizer. Never throws.
 */
import { cellPlace } from '../describe';
import type { FormatId } from '../formats';
import { issueMessage } from '../messages/zh-CN';
import { looksLikeHtml, splitHtml } from './html';
import { recognize } from './recognize';
import { splitText } from './split';
import type { GridCell, ImportIssue, ImportOptions, ImportResult, Token } from './types';

export type { ImportIssue, ImportOptions, ImportResult, IssueSeverity, GridCell } from './types';
export { LABEL_VARIANTS } from './labels';

const MAX_INPUT = 2_000_000;

function safely(run: () => ImportResult, year?: number): ImportResult {
  try {
    return run();
  } catch (e) {
    // The importer must never throw; an internal failure still yields a report and says so.
    return {
      report: { format: '2021', year: year ?? null, agency: null, cells: {} },
      issues: [{ code: 'NO-TABLE', cells: [], severity: 'error', text: `内部错误：${(e as Error)?.message ?? String(e)}` }],
    };
  }
}

export function importText(text: string, options: ImportOptions = {}): ImportResult {
  return safely(() => {
    const input = typeof text === 'string' ? text.slice(0, MAX_INPUT).replace(/^\uFEFF/, '') : '';
    if (options.mime === 'text/html' || (options.mime !== 'text/plain' && looksLikeHtml(input))) return importHtml(input, options);
    return recognize(splitText(input).tokens, options);
  }, options.year);
}

export function importHtml(html: string, options: Omit<ImportOptions, 'mime'> = {}): ImportResult {
  return safely(() => recognize(splitHtml(typeof html === 'string' ? html.slice(0, MAX_INPUT) : ''), options), options.year);
}

/** An already split grid (rows of cells; merged cells null or ''), e.g. a foreign workbook. */
export function importGrid(grid: readonly (readonly GridCell[])[], options: { year?: number } = {}): ImportResult {
  return safely(() => {
    const tokens: Token[] = [];
    const rows = Array.isArray(grid) ? grid : [];
    rows.forEach((row, r) => {
      if (!Array.isArray(row)) return;
      row.forEach((cell, c) => {
        const t: Token = { text: '', line: r + 1, column: c + 1, rowStart: c === 0, row: r + 1 };
        if (typeof cell === 'number') {
          if (Number.isFinite(cell)) t.num = cell;
          t.text = String(cell);
        } else if (typeof cell === 'string') t.text = cell;
        tokens.push(t);
      });
    });
    return recognize(tokens, options);
  }, options.year);
}

export type DescribedIssue = ImportIssue & { message: string };

/** Issues with their Chinese message, cells named in the form's words. */
export function describeIssues(formatId: FormatId, issues: readonly ImportIssue[]): DescribedIssue[] {
  return issues.map((i) => ({
    ...i,
    message: issueMessage(i.code, {
      // Values that could not be placed: the message says they were not read (the ids stay in `cells`).
      cells: i.code === 'LOST-LABEL' && i.severity === 'error' ? [] : i.cells.map((id) => cellPlace(formatId, id)),
      text: i.text, readAs: i.readAs, expected: i.expected, found: i.found, line: i.line, column: i.column,
    }),
  }));
}
