/**
 * Label recognition. The labels come from the format definitions (src/core/formats); a small
 * table of known variants (typos, truncations, old wording) maps the rest. Every match says
 * whether it was exact, so the importer can report LABEL-VARIANT / OLD-LABEL.
 */
import { getFormat, type FormatId, type ValueKind } from '../formats';
import { labelKey, splitNumbering, splitUnit, stripTrailingParen, type NumberingKind } from './normalize';

export type MatchQuality = 'exact' | 'variant' | 'old';

/**
 * Known variants seen in real reports, as data: printed label (any width / traditional form)
 * → the canonical label of the form. `old` marks 2019 wording inside a 2021 table.
 */
export const LABEL_VARIANTS: ReadonlyArray<{ printed: string; canonical: string; quality: MatchQuality }> = [
  { printed: '本年度止件数', canonical: '本年废止件数', quality: 'variant' },
  { printed: '本年度废止件数', canonical: '本年废止件数', quality: 'variant' },
  { printed: '现行有效件', canonical: '现行有效件数', quality: 'variant' },
  { printed: '现行有效件数（历史累计）', canonical: '现行有效件数', quality: 'variant' },
  { printed: '本年度收费金额', canonical: '本年收费金额（单位：万元）', quality: 'variant' },
  { printed: '处理决定数量', canonical: '本年处理决定数量', quality: 'variant' },
  { printed: '本年度处理决定数量', canonical: '本年处理决定数量', quality: 'variant' },
  { printed: '本年增减', canonical: '本年增/减', quality: 'variant' },
  { printed: '结转下一年度继续办理', canonical: '结转下年度继续办理', quality: 'variant' },
  { printed: '结转下年继续办理', canonical: '结转下年度继续办理', quality: 'variant' },
  { printed: '本年新收政府信息公开申请', canonical: '本年新收政府信息公开申请数量', quality: 'variant' },
];

const VARIANT_BY_KEY: ReadonlyMap<string, { canonicalKey: string; quality: MatchQuality }> = new Map(
  LABEL_VARIANTS.map((v) => [labelKey(v.printed), { canonicalKey: labelKey(v.canonical), quality: v.quality }]),
);

// ---------------------------------------------------------------------------------------
// Table 二

export interface T2Column {
  id: string;
  label: string;
  key: string;
  kind: ValueKind;
}

export interface T2BlockDef {
  /** 一 / 五 / 六 / 八 / 九 (第二十条第（…）项). */
  item: string;
  format: FormatId;
  columns: T2Column[];
  rows: { id: string; label: string; key: string }[];
}

const itemOf = (title: string) => /（(.+)）/.exec(title)?.[1] ?? title;

function t2Blocks(format: FormatId): T2BlockDef[] {
  return getFormat(format).t2.blocks.map((b) => ({
    item: itemOf(b.title),
    format,
    columns: b.columns.map((c) => ({ id: c.id, label: c.label, key: splitUnit(labelKey(c.label)).key, kind: c.kind })),
    rows: b.rows.map((r) => ({ id: r.id, label: r.label, key: labelKey(r.label) })),
  }));
}

export const T2_BLOCKS: Record<FormatId, T2BlockDef[]> = { '2021': t2Blocks('2021'), '2019': t2Blocks('2019') };

export function t2Block(format: FormatId, item: string): T2BlockDef | undefined {
  return T2_BLOCKS[format].find((b) => b.item === item);
}

/** Edit distance (two swapped characters count once), bounded: max + 1 once it is exceeded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** How many wrong characters a label of this length may carry and still be recognised. */
const typoBudget = (len: number) => (len >= 8 ? 2 : len >= 4 ? 1 : 0);

export interface T2RowMatch {
  rowId: string;
  item: string;
  /** Recognised despite a typo (a wrong, missing or extra character). */
  typo?: boolean;
  /** The formats whose printed label this is (规范性文件 is 2019's, 行政规范性文件 2021's). */
  labelFormats: FormatId[];
}

/** 「规章」, 「規範性檔案（…指引…）」 → a row of table 二 (guidance in brackets is ignored). */
export function matchT2Row(text: string): T2RowMatch | null {
  const key = labelKey(text);
  if (!key || key.length > 200) return null;
  const bare = stripTrailingParen(key);
  let found: T2RowMatch | null = null;
  for (const f of ['2021', '2019'] as const)
    for (const b of T2_BLOCKS[f])
      for (const r of b.rows)
        if (r.key === key || r.key === bare) {
          if (found && found.rowId === r.id) found.labelFormats.push(f);
          else if (!found) found = { rowId: r.id, item: b.item, labelFormats: [f] };
        }
  if (found || bare.length > 40) return found;
  for (const f of ['2021', '2019'] as const)
    for (const b of T2_BLOCKS[f])
      for (const r of b.rows) {
        const budget = typoBudget(r.key.length);
        if (budget && editDistance(bare, r.key, budget) <= budget) return { rowId: r.id, item: b.item, labelFormats: [f], typo: true };
      }
  return null;
}

export interface HeaderMatch {
  quality: MatchQuality;
}

/** A header cell against a column label: exact, a known variant, guidance text, or a truncation. */
export function matchColumn(headerKey: string, column: T2Column): HeaderMatch | null {
  const k = splitUnit(headerKey).key;
  if (!k) return null;
  if (k === column.key) return { quality: 'exact' };
  const variant = VARIANT_BY_KEY.get(headerKey) ?? VARIANT_BY_KEY.get(k);
  if (variant) return splitUnit(variant.canonicalKey).key === column.key ? { quality: variant.quality } : null;
  if (k.startsWith(`${column.key}(`)) return { quality: 'exact' };
  const bare = stripTrailingParen(k);
  if (bare === column.key) return { quality: 'variant' };
  if (k.length >= 3 && column.key.startsWith(k)) return { quality: 'variant' };
  if (k.length >= 4 && (column.key.includes(k) || bare.includes(column.key))) return { quality: 'variant' };
  return null;
}

/** 第二十条第（一）项, 第二十條第(一)項, 第二十条第一项, or a bare 第二十条第 (item unknown). */
export function matchBlockTitle(text: string): { item: string | null } | null {
  const key = labelKey(text);
  if (!key.startsWith('第二十条') || key.length > 20) return null;
  const m = /^第二十条第?\(?([一二三四五六七八九十]{1,2})\)?项?/.exec(key);
  return { item: m ? m[1] : null };
}

// ---------------------------------------------------------------------------------------
// Table 三

export interface T3Group {
  key: string;
  /** Row ids of the group, in order. */
  children: string[];
}

interface T3Label {
  level: 1 | 2 | 3;
  kind: NumberingKind;
  num: string;
  body: string;
  rowId?: string;
  groupKey?: string;
  /** The group a level-3 label belongs to. */
  parent?: string;
}

export interface T3Index {
  format: FormatId;
  rowIds: string[];
  groups: Map<string, T3Group>;
  labels: T3Label[];
}

function buildT3(format: FormatId): T3Index {
  const rows = getFormat(format).t3.rows;
  const groups = new Map<string, T3Group>();
  const labels: T3Label[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    for (let level = 0; level < r.path.length; level++) {
      const printed = r.path[level];
      const isLeaf = level === r.path.length - 1;
      const k = labelKey(printed);
      const n = splitNumbering(k);
      const body = stripTrailingParen(n.body);
      if (isLeaf) {
        labels.push({ level: (level + 1) as 1 | 2 | 3, kind: n.kind, num: n.num, body, rowId: r.id, parent: level > 0 ? labelKey(r.path[level - 1]) : undefined });
      } else {
        const g = groups.get(k) ?? { key: k, children: [] };
        g.children.push(r.id);
        groups.set(k, g);
        if (!seen.has(k)) {
          seen.add(k);
          labels.push({ level: (level + 1) as 1 | 2 | 3, kind: n.kind, num: n.num, body, groupKey: k, parent: level > 0 ? labelKey(r.path[level - 1]) : undefined });
        }
      }
    }
  }
  return { format, rowIds: rows.map((r) => r.id), groups, labels };
}

export const T3_INDEX: Record<FormatId, T3Index> = { '2021': buildT3('2021'), '2019': buildT3('2019') };

/** Header words of table 三: never row labels. */
const T3_HEADER_WORDS = new Set(
  ['申请人情况', '自然人', '法人或其他组织', '总计', '商业企业', '商业', '企业', '科研机构', '科研', '机构', '社会公益组织', '法律服务机构', '其他', '合计'].map(labelKey),
);

export function isT3HeaderWord(text: string): boolean {
  const key = labelKey(text);
  return T3_HEADER_WORDS.has(key) || key.startsWith('(本列数据的勾稽关系') || key.startsWith('本列数据的勾稽关系');
}

export interface T3Match {
  rowId?: string;
  groupKey?: string;
  quality: MatchQuality;
  /** Matched on the body text (not by number alone, not a truncated label). */
  strong: boolean;
}

/**
 * A label of table 三 in the context of the current group (「(三)不予公开」 before 「1.属于国家秘密」).
 * Numbering and body both count; a truncated label matches its unique completion.
 */
export function matchT3(text: string, index: T3Index, group: string | null): T3Match | null {
  const key = labelKey(text);
  if (!key || key.length > 120) return null;
  const n = splitNumbering(key);
  let body = stripTrailingParen(n.body);
  const variant = VARIANT_BY_KEY.get(body);
  let quality: MatchQuality = 'exact';
  if (variant) {
    body = variant.canonicalKey;
    quality = 'variant';
  }
  let best: { l: T3Label; score: number; strong: boolean } | null = null;
  for (const l of index.labels) {
    let score = 0;
    let strong = false;
    const numSame = n.kind !== 'none' && n.num === l.num;
    const numConflict = n.kind !== 'none' && l.kind !== 'none' && n.num !== l.num;
    if (body && body === l.body) {
      strong = true;
      score = numConflict ? 50 : n.kind === l.kind && numSame ? 100 : n.kind === 'none' ? 90 : 80;
    } else if (body.length >= 1 && l.body.startsWith(body) && (body.length >= 2 || numSame)) {
      score = numConflict ? 0 : numSame && n.kind === l.kind ? 60 : 0;
      if (!numSame && body.length >= 4) score = 40;
    } else if (!body && numSame && n.kind === l.kind) {
      score = 30;
    } else if (body.length >= 4 && body.length <= 40 && !numConflict) {
      const budget = typoBudget(l.body.length);
      if (budget && editDistance(body, l.body, budget) <= budget) score = numSame ? 55 : 35;
    }
    if (score === 0) continue;
    if (l.level === 3 && group !== null && l.parent !== group) score -= strong ? 5 : 45;
    if (l.level === 3 && group === null && !strong) score -= 20;
    if (score <= 0) continue;
    if (!best || score > best.score) best = { l, score, strong };
  }
  if (!best) return null;
  const exactNumbering = n.kind === best.l.kind || n.kind === 'none';
  const q: MatchQuality = quality === 'variant' || !best.strong || !exactNumbering ? 'variant' : 'exact';
  return { rowId: best.l.rowId, groupKey: best.l.groupKey, quality: q, strong: best.strong };
}

// ---------------------------------------------------------------------------------------
// Section headings and table 四

export type Section = 'overview' | 't2' | 't3' | 't4' | 'problems' | 'other';

/** 一、总体情况 … 六、其他需要报告的事项 (a 四 heading names 行政复议/行政诉讼). */
export function matchSection(text: string): Section | null {
  const key = labelKey(text);
  if (key.length > 40) return null;
  const n = splitNumbering(key);
  if (n.kind !== 'cn') return null;
  const b = n.body;
  if (n.num === '一' && b.startsWith('总体情况')) return 'overview';
  if (n.num === '二' && b.includes('主动公开')) return 't2';
  if (n.num === '三' && b.includes('收到和处理')) return 't3';
  if (n.num === '四' && (b.includes('行政复议') || b.includes('行政诉讼'))) return 't4';
  if (n.num === '五' && (b.includes('存在的主要问题') || b.includes('改进情况'))) return 'problems';
  if (n.num === '六' && b.includes('其他需要报告')) return 'other';
  return null;
}

const T4_WORDS = new Set(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '维持', '纠正', '结果', '其他', '尚未', '审结', '总', '计'].map(labelKey));

export function isT4Word(text: string): boolean {
  const key = labelKey(text);
  if (T4_WORDS.has(key)) return true;
  const parts = key.length > 0 ? text.trim().split(/\s+/).map(labelKey) : [];
  return parts.length > 1 && parts.every((p) => T4_WORDS.has(p));
}

/** Tokens that open table 四 when met outside it. */
export function opensT4(text: string): boolean {
  const key = labelKey(text);
  return key === '行政复议' || key.startsWith('行政复议行政诉讼');
}
