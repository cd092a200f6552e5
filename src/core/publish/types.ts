/**
 * The DocumentPlan: the published report (title, notes, sections 一–六 with their paragraphs and
 * the official tables 二, 三, 四), decided once in pure code and drawn by two renderers (.docx
 * and .html, outside the core). Text is plain; a run marked `mark` is a 【…】 place only a
 * person can write (or must confirm), which renderers highlight.
 */
import type { FormatId } from '../formats';
import type { SectionKey } from '../narrative/types';

export interface Run {
  text: string;
  /** A 【…】 placeholder or note: highlighted by renderers. */
  mark?: boolean;
}

export interface DocParagraph {
  kind: 'paragraph';
  /** 「（一）主动公开」: printed before the text, followed by 「。」. */
  subheading?: string;
  runs: Run[];
}

export type CellKind = 'header' | 'corner' | 'label' | 'number';

export interface DocCell {
  kind: CellKind;
  /** As printed; '' for a blank number cell (never 0). */
  text: string;
  rowSpan: number;
  colSpan: number;
  align: 'left' | 'center' | 'right';
  /** Canonical cell id of a number cell. */
  cellId?: string;
  /** A number cell the report leaves blank (unknown). */
  blank?: boolean;
}

export interface DocTable {
  kind: 'table';
  /** Which official table. */
  table: 't2' | 't3' | 't4';
  /** The table's title as the form prints it (used as the caption). */
  title: string;
  /** Relative column widths (from the SheetPlan's column widths). */
  columnWidths: number[];
  /** Leading header rows repeated on every page the table spans (0: the table has header rows further down). */
  headerRows: number;
  /** Cells row by row; positions covered by a span have no cell. */
  rows: DocCell[][];
  /** Number cells left blank, in table order. */
  blanks: string[];
}

export type DocBlock = DocParagraph | DocTable;

export interface DocSection {
  key: SectionKey;
  /** 「一、总体情况」 */
  heading: string;
  blocks: DocBlock[];
}

export interface DocumentPlan {
  format: FormatId;
  year: number | null;
  agency: string | null;
  /** 「偃师区缙氏镇人民政府2022年政府信息公开工作年度报告」, as runs (a missing agency or year is a placeholder). */
  title: Run[];
  /** 【…】 notes printed above the first section: failing checks, blank cells. */
  notices: DocParagraph[];
  sections: DocSection[];
}
