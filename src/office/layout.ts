/**
 * Where the report lives in a workbook, found from its defined names — never from sheet names.
 *
 * Our sheets are marked by workbook-scoped defined names that point into them: one per canonical
 * cell (XXGK_T3_RECEIVED_NATURAL → '表三 依申请公开'!$D$8), the block names (XXGK_T3_DATA …),
 * the narrative text areas (XXGK_TEXT_*) and XXGK_META on the hidden metadata sheet. The .xlsx
 * writer writes the same names, so exported workbooks are recognised too. Names follow a sheet
 * when the user renames it and die with it (#REF!) when it is deleted; a user's own sheet that
 * happens to carry one of our sheet names has none of them, so it is never taken for ours.
 */
import { FORMAT_IDS, getFormat, type FormatId } from '../core/formats';
import { cellDefinedName, parseA1Range } from '../core/sheetplan';

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The sheets the adapter draws: the plan's four plus the hidden metadata sheet. */
export type TargetKey = 't2' | 't3' | 't4' | 'narrative' | 'meta';

export const META_NAME = 'XXGK_META';
export const TEXT_NAMES = { overview: 'XXGK_TEXT_OVERVIEW', problems: 'XXGK_TEXT_PROBLEMS', other: 'XXGK_TEXT_OTHER' } as const;
export type TextKey = keyof typeof TEXT_NAMES;

export interface NameRef {
  name: string;
  /** Null when the name no longer points to a sheet (#REF!, a constant, …). */
  sheet: string | null;
  box: Box | null;
}

export interface CellLocation {
  sheet: string;
  row: number;
  col: number;
}

export interface Located {
  /** Every sheet of the workbook, in order. */
  sheets: { name: string; id: string }[];
  /** Our defined names (XXGK_*), by upper-case name. */
  names: Map<string, NameRef>;
  /** The format whose cell names are present (null when none is). */
  format: FormatId | null;
  /** Canonical cell id → where its name points. */
  cells: Map<string, CellLocation>;
  /** Which existing sheet is ours for each key (current names). */
  ours: Map<TargetKey, string>;
}

/** 'Sheet'!$A$1:$B$2, =Sheet!A1, '表三 依申请公开'!$D$8 → sheet and box; null otherwise. */
export function parseNameValue(value: unknown): { sheet: string; box: Box } | null {
  if (typeof value !== 'string') return null;
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!([$A-Za-z0-9:]+)$/.exec(value.trim());
  if (!m) return null;
  const box = parseA1Range(m[3].replace(/\$/g, ''));
  if (!box) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], box };
}

/** The sheet a name of ours marks, from its prefix. */
export function keyOfName(name: string): TargetKey | null {
  const n = name.toUpperCase();
  if (n === META_NAME) return 'meta';
  if (n.startsWith('XXGK_TEXT_')) return 'narrative';
  const m = /^XXGK_(T[234])_/.exec(n);
  return m ? (m[1].toLowerCase() as TargetKey) : null;
}

let idByName: Map<string, { id: string; formats: FormatId[] }> | null = null;

/** XXGK_T3_RECEIVED_NATURAL → t3.received.natural (with the formats that have it). */
function cellIdsByName(): Map<string, { id: string; formats: FormatId[] }> {
  if (!idByName) {
    idByName = new Map();
    for (const f of FORMAT_IDS)
      for (const c of getFormat(f).cells) {
        const key = cellDefinedName(c.id).toUpperCase();
        const entry = idByName.get(key);
        if (entry) entry.formats.push(f);
        else idByName.set(key, { id: c.id, formats: [f] });
      }
  }
  return idByName;
}

export function locate(sheets: { name: string; id: string }[], names: { name: string; value: unknown }[]): Located {
  const ourNames = new Map<string, NameRef>();
  for (const n of names) {
    if (!n.name.toUpperCase().startsWith('XXGK_')) continue;
    const ref = parseNameValue(n.value);
    const sheet = ref && sheets.some((s) => s.name === ref.sheet) ? ref.sheet : null;
    ourNames.set(n.name.toUpperCase(), { name: n.name, sheet, box: sheet ? ref!.box : null });
  }
  const votes: Record<FormatId, number> = { '2021': 0, '2019': 0 };
  const found: { id: string; formats: FormatId[]; ref: NameRef }[] = [];
  const byName = cellIdsByName();
  for (const [upper, ref] of ourNames) {
    const entry = byName.get(upper);
    if (!entry || !ref.sheet || !ref.box) continue;
    found.push({ ...entry, ref });
    if (entry.formats.length === 1) votes[entry.formats[0]]++;
  }
  const format: FormatId | null = found.length === 0 ? null : votes['2019'] > votes['2021'] ? '2019' : '2021';
  const cells = new Map<string, CellLocation>();
  for (const f of found) cells.set(f.id, { sheet: f.ref.sheet!, row: f.ref.box!.top, col: f.ref.box!.left });
  const ours = new Map<TargetKey, string>();
  for (const ref of ourNames.values()) {
    const key = keyOfName(ref.name);
    if (key && ref.sheet && !ours.has(key)) ours.set(key, ref.sheet);
  }
  return { sheets, names: ourNames, format, cells, ours };
}

/** The same report sheets, by the same names, at the same places. */
export function sameLayout(a: Located, b: Located): boolean {
  if (a.format !== b.format || a.cells.size !== b.cells.size || a.ours.size !== b.ours.size) return false;
  for (const [k, v] of a.ours) if (b.ours.get(k) !== v) return false;
  for (const [id, l] of a.cells) {
    const o = b.cells.get(id);
    if (!o || o.sheet !== l.sheet || o.row !== l.row || o.col !== l.col) return false;
  }
  return true;
}
