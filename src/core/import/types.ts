/** Data shapes of the importer: pasted cells (tokens) and import issues. */
import type { IssueCode } from '../messages/zh-CN';
import type { Report } from '../report';

/** One pasted cell with its place in the pasted text (1-based line and column). */
export interface Token {
  text: string;
  line: number;
  column: number;
  /** First cell of a row whose cells are laid out side by side (TSV, pipe rows, HTML, grids). */
  rowStart: boolean;
  /** The row of a side-by-side layout the cell belongs to (absent for one cell per line). */
  row?: number;
  /** A number given as a number (importGrid), not as text. */
  num?: number;
}

export type IssueSeverity = 'error' | 'warning' | 'info';

export interface ImportIssue {
  code: IssueCode;
  cells: string[];
  line?: number;
  column?: number;
  severity: IssueSeverity;
  /** The printed text concerned (a cell, a label). */
  text?: string;
  /** What the text was read as (the canonical label, the number used). */
  readAs?: string;
  expected?: number | null;
  found?: number | null;
}

export interface ImportResult {
  report: Report;
  issues: ImportIssue[];
}

export interface ImportOptions {
  /** The report year when the user knows it; a year printed in the title wins. */
  year?: number;
  mime?: 'text/plain' | 'text/html';
}

export type GridCell = string | number | null | undefined;
