/**
 * Decides the published report once: the title, 【】 notes on top (failing checks), sections
 * 一–六 with the narrative written from the tables (or the text the report carries for 一, 五
 * and 六), and tables 二, 三, 四 in their sections, each followed by a note naming its blanks.
 */
import { check } from '../check';
import { cellPlace, type DescribedOutcome } from '../describe';
import { getFormat } from '../formats';
import { draftSections } from '../narrative/write';
import type { NarrativeSection, Paragraph, SectionKey } from '../narrative/types';
import type { Report, ReportText } from '../report';
import { compileSheetPlan } from '../sheetplan/compile';
import { tableFromSheet } from './tables';
import * as T from './texts.zh-CN';
import type { DocBlock, DocParagraph, DocSection, DocTable, DocumentPlan, Run } from './types';

export interface PublishOptions {
  /** Last year's report: the narrative then says how figures changed. */
  lastYear?: Report | null;
  /** The check's outcomes when the caller has them; otherwise the report is checked here. */
  outcomes?: readonly DescribedOutcome[];
}

const TABLE_OF_SECTION: Partial<Record<SectionKey, DocTable['table']>> = { active: 't2', requests: 't3', review: 't4' };
const TEXT_OF_SECTION: Partial<Record<SectionKey, keyof ReportText>> = { overview: 'overview', problems: 'problems', other: 'other' };

/** Splits text into runs: every 【…】 is a marked run. */
export function toRuns(text: string): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(/【[^【】]*】/g)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index) });
    runs.push({ text: m[0], mark: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

function paragraph(text: string, subheading?: string): DocParagraph {
  return { kind: 'paragraph', ...(subheading ? { subheading } : {}), runs: toRuns(text) };
}

function fromDraft(p: Paragraph): DocParagraph {
  return paragraph(p.text, p.subheading);
}

/** What the person wrote for 一/五/六, one paragraph a line; null when nothing was written. */
function writtenText(report: Report, key: keyof ReportText): DocParagraph[] | null {
  const lines = (report.text?.[key] ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines.map((l) => paragraph(l)) : null;
}

function documentTitle(report: Report): Run[] {
  const agency = report.agency?.trim();
  return [
    agency ? { text: agency } : { text: T.AGENCY_TO_FILL, mark: true },
    report.year !== null ? { text: String(report.year) } : { text: T.YEAR_TO_FILL, mark: true },
    { text: T.TITLE_SUFFIX },
  ];
}

function failingChecks(outcomes: readonly DescribedOutcome[]): DocParagraph[] {
  const failing = outcomes.filter((o) => o.status === 'fail');
  if (!failing.length) return [];
  const errors = failing.filter((o) => o.severity === 'error').length;
  // Errors first: they are what must be corrected before publishing.
  const ordered = [...failing.filter((o) => o.severity === 'error'), ...failing.filter((o) => o.severity !== 'error')];
  const listed = ordered.slice(0, T.MAX_LISTED_FAILURES).map((o) => o.message);
  return [paragraph(T.failingChecksNotice(errors, failing.length - errors, listed, failing.length - listed.length))];
}

function blanksNote(report: Report, table: DocTable): DocParagraph[] {
  if (!table.blanks.length) return [];
  const places = table.blanks.slice(0, T.MAX_LISTED_BLANKS).map((id) => cellPlace(report.format, id));
  return [paragraph(T.blankCellsNotice(T.TABLE_NAMES[table.table], places, table.blanks.length - places.length))];
}

function officialTables(report: Report): Record<DocTable['table'], DocTable> {
  const f = getFormat(report.format);
  const sheets = compileSheetPlan(report.format, { report }).sheets;
  const one = (key: DocTable['table']) => {
    const sheet = sheets.find((s) => s.key === key)!;
    return tableFromSheet({ ...sheet, key }, f[key].title, report.cells);
  };
  return { t2: one('t2'), t3: one('t3'), t4: one('t4') };
}

function sectionBlocks(report: Report, s: NarrativeSection, tables: Record<DocTable['table'], DocTable>): DocBlock[] {
  const tableKey = TABLE_OF_SECTION[s.key];
  if (tableKey) return [tables[tableKey], ...blanksNote(report, tables[tableKey])];
  const textKey = TEXT_OF_SECTION[s.key];
  return (textKey && writtenText(report, textKey)) || s.paragraphs.map(fromDraft);
}

/** The published report of `report`, decided once for every renderer. */
export function planDocument(report: Report, options: PublishOptions = {}): DocumentPlan {
  const lastYear = options.lastYear ?? null;
  const outcomes = options.outcomes ?? check(report, { lastYear }).outcomes;
  const tables = officialTables(report);
  const sections: DocSection[] = draftSections(report, { lastYear }).map((s) => ({
    key: s.key, heading: s.heading, blocks: sectionBlocks(report, s, tables),
  }));
  return {
    format: report.format, year: report.year, agency: report.agency, title: documentTitle(report),
    notices: failingChecks(outcomes), sections,
  };
}

/** The title as one string. */
export function titleText(plan: Pick<DocumentPlan, 'title'>): string {
  return plan.title.map((r) => r.text).join('');
}
