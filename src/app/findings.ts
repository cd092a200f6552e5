/**
 * Check outcomes and unreadable cell texts as the pane lists them: grouped by table, each with
 * the cell to select when clicked. Texts come from the core's message file.
 */
import type { CheckResult } from '../core/check';
import { cellPlace, type DescribedOutcome } from '../core/describe';
import { findCell, type FormatId, type TableId } from '../core/formats';
import * as zhCN from '../core/messages/zh-CN';
import type { Report } from '../core/report';
import { rulesFor } from '../core/rules/derive';
import type { Rule } from '../core/rules/types';

/** 'sheet': what the reader found in the sheet itself (a total typed over its formula, or deleted). */
export type FindingKind = 'fail' | 'undecided' | 'text' | 'sheet';

export interface Finding {
  /** Stable key for lists: rule|instance or text|cell. */
  key: string;
  kind: FindingKind;
  severity: 'error' | 'warning';
  /** Rule id, or 'TEXT-IN-NUMBER' for a cell holding text. */
  code: string;
  message: string;
  /** The cell selected when the finding is clicked. */
  target: string;
  /** The target named in the form's words (「表三（七）总计·自然人」). */
  targetPlace: string;
  cells: string[];
}

export interface FindingGroup {
  table: TableId;
  /** 表二 / 表三 / 表四 */
  name: string;
  findings: Finding[];
}

const TABLES: readonly TableId[] = ['t2', 't3', 't4'];
const TABLE_NAMES: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };

function ruleIndex(result: CheckResult): Map<string, Rule> {
  const map = new Map<string, Rule>();
  for (const crossYear of [false, true])
    for (const rule of rulesFor(result.format, { crossYear })) map.set(`${rule.id}|${rule.instance}`, rule);
  return map;
}

/** The cell a finding points at: the first input cell of the checked side, else the checked cell. */
function targetOf(result: CheckResult, outcome: DescribedOutcome, rule: Rule | undefined): string {
  const found = rule?.found.filter((t) => !t.lastYear).map((t) => t.cell) ?? [];
  const candidates = [...found, ...outcome.cells];
  return candidates.find((id) => findCell(result.format, id)?.role === 'input') ?? candidates[0] ?? outcome.instance;
}

function tableOf(cellId: string): TableId {
  const t = cellId.slice(0, 2);
  return (TABLES as readonly string[]).includes(t) ? (t as TableId) : 't3';
}

export interface FindingOptions {
  /** Also list rules that could not be decided (blank cells). */
  includeUndecided?: boolean;
}

/** A problem the host's reader found in the sheets, worded by the core's describeIssues. */
export interface SheetIssue {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  cells: string[];
}

/**
 * Findings from the sheet as read (TOTAL-OVERWRITTEN, TOTAL-FORMULA-DELETED …): each selects its
 * cell when clicked. Information (a total's text read as its number) is no finding; text in a
 * cell is listed once, by buildFindings, so the reader's TEXT-IN-NUMBER is not repeated.
 */
export function sheetFindings(formatId: FormatId, issues: readonly SheetIssue[], textCellIds: readonly string[]): Finding[] {
  return shownSheetIssues(issues, textCellIds).map((i) => ({
      key: `sheet|${i.code}|${i.cells.join(',')}`,
      kind: 'sheet' as const,
      severity: i.severity === 'error' ? 'error' : 'warning',
      code: i.code,
      message: i.message,
      target: i.cells[0],
      targetPlace: cellPlace(formatId, i.cells[0]),
      cells: i.cells,
    }));
}

/** The reader's issues the pane lists (and counts in the verdict). */
export function shownSheetIssues<T extends SheetIssue>(issues: readonly T[], textCellIds: readonly string[]): T[] {
  const texts = new Set(textCellIds);
  return issues.filter((i) => i.severity !== 'info' && i.cells.length > 0 && !(i.code === 'TEXT-IN-NUMBER' && texts.has(i.cells[0])));
}

export function buildFindings(result: CheckResult, options: FindingOptions = {}, fromSheet: readonly Finding[] = []): FindingGroup[] {
  const rules = ruleIndex(result);
  const byTable = new Map<TableId, Finding[]>(TABLES.map((t) => [t, []]));
  const texts = new Set(textCells(result));
  for (const f of fromSheet) byTable.get(tableOf(f.target))!.push(f);
  for (const [cellId, text] of Object.entries(result.raw ?? {})) {
    if (!texts.has(cellId)) continue;
    const place = cellPlace(result.format, cellId);
    byTable.get(tableOf(cellId))!.push({
      key: `text|${cellId}`, kind: 'text', severity: 'error', code: 'TEXT-IN-NUMBER',
      message: zhCN.issueMessage('TEXT-IN-NUMBER', { cells: [place], text }),
      target: cellId, targetPlace: place, cells: [cellId],
    });
  }
  for (const outcome of result.outcomes) {
    if (outcome.status === 'pass') continue;
    if (outcome.status === 'undecided' && !options.includeUndecided) continue;
    // A cell holding text is listed once above, in the user's words; its undecided domain rule would repeat it.
    if (outcome.status === 'undecided' && outcome.instance === outcome.cells[0] && texts.has(outcome.instance)) continue;
    const rule = rules.get(`${outcome.rule}|${outcome.instance}`);
    const target = targetOf(result, outcome, rule);
    const table = rule?.table ?? tableOf(target);
    byTable.get(table)!.push({
      key: `${outcome.rule}|${outcome.instance}`,
      kind: outcome.status,
      severity: outcome.severity,
      code: outcome.rule,
      message: outcome.message,
      target,
      targetPlace: cellPlace(result.format, target),
      cells: outcome.cells,
    });
  }
  const order = (f: Finding) => (f.kind === 'undecided' ? 2 : f.severity === 'error' ? 0 : 1);
  return TABLES.map((table) => ({
    table,
    name: TABLE_NAMES[table],
    findings: byTable.get(table)!.sort((a, b) => order(a) - order(b)),
  })).filter((g) => g.findings.length > 0);
}

/** Cells whose value is not a number because the user typed text (kept in raw). */
export function textCells(report: Pick<Report, 'cells' | 'raw'>): string[] {
  return Object.entries(report.raw ?? {})
    .filter(([id, text]) => report.cells[id] === null && text.trim() !== '')
    .map(([id]) => id);
}

type Severity = 'error' | 'warning' | 'info';
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Items of one kind shown together: one item alone, or a repeated reminder folded into one line. */
export interface ItemGroup<T> {
  key: string;
  code: string;
  severity: Severity;
  items: T[];
}

/**
 * Errors first, then warnings, then information; a code repeated `minRepeat` times or more at one
 * severity (56 blank cells) becomes one group, so a single error is not buried under reminders.
 * Order within a severity is kept (the paste's order).
 */
export function groupRepeated<T extends { code: string; severity: Severity }>(items: readonly T[], minRepeat = 3): ItemGroup<T>[] {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(`${it.severity}|${it.code}`, (counts.get(`${it.severity}|${it.code}`) ?? 0) + 1);
  const groups: ItemGroup<T>[] = [];
  const folded = new Map<string, ItemGroup<T>>();
  items.forEach((it, i) => {
    const kind = `${it.severity}|${it.code}`;
    if ((counts.get(kind) ?? 0) < minRepeat) {
      groups.push({ key: `${kind}|${i}`, code: it.code, severity: it.severity, items: [it] });
      return;
    }
    let group = folded.get(kind);
    if (!group) {
      group = { key: kind, code: it.code, severity: it.severity, items: [] };
      folded.set(kind, group);
      groups.push(group);
    }
    group.items.push(it);
  });
  // Array.prototype.sort is stable: the paste's order survives within a severity.
  return groups.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
