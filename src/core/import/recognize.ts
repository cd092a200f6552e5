/**
 * Turns pasted cells (tokens, from any layout) into report data. One pass walks the tokens:
 * section headings, block titles, header cells and row labels open segments; values join the
 * open segment. Segments are then fitted to their rows: surplus empty cells (merged cells,
 * merge markers) are dropped, a short row is never shifted (MISSING-CELL), values without a
 * label are placed only where their count leaves no doubt (LOST-LABEL).
 */
import { formatIdForYear, getFormat, type FormatId, type ValueKind } from '../formats';
import type { Report } from '../report';
import {
  isT3HeaderWord, isT4Word, matchBlockTitle, matchColumn, matchSection, matchT2Row, matchT3, opensT4,
  t2Block, T3_INDEX, type MatchQuality, type Section, type T2BlockDef,
} from './labels';
import { labelKey, readValue, splitUnit, type ReadValue } from './normalize';
import type { ImportIssue, ImportResult, IssueSeverity, Token } from './types';
import type { IssueCode } from '../messages/zh-CN';

type Table = 't2' | 't3' | 't4';

const T3_COLUMNS = ['natural', 'business', 'research', 'publicWelfare', 'legalService', 'otherOrg', 'total'];
const T4_GROUPS = ['review', 'suitDirect', 'suitAfterReview'];
const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];

const SEVERITY: Record<IssueCode, IssueSeverity> = {
  BLANK: 'warning',
  'MISSING-CELL': 'error',
  'OLD-LABEL': 'info',
  'OLD-LAYOUT': 'warning',
  'LABEL-VARIANT': 'info',
  UNIT: 'warning',
  'TEXT-IN-NUMBER': 'error',
  'TEXT-IN-CELL': 'warning',
  'UNKNOWN-ROW': 'warning',
  'LOST-LABEL': 'warning',
  'DUPLICATE-ROW': 'error',
  'PASTED-TOTAL': 'warning',
  GARBLED: 'warning',
  'NO-TABLE': 'error',
  'NEEDS-LABELS': 'error',
  // Raised by the workbook readers (sheetplan/stored-totals.ts, severity by case), never by a paste.
  'TOTAL-OVERWRITTEN': 'error',
  'TOTAL-FORMULA-DELETED': 'error',
};

interface Block {
  instance: number;
  item: string | null;
  header: Token[];
  collecting: boolean;
  def?: T2BlockDef;
  /** Per header cell that matched a column: its column index and match quality. */
  headerMatches: { token: Token; column: number; quality: MatchQuality }[];
  unitYuan: Token | null;
  assigned: string[];
}

interface Target {
  table: Table;
  rowKey: string;
  order: number;
  cellIds: string[];
  kinds: ValueKind[];
  block?: Block;
  label?: Token;
  /** A label read through a variant: the issue to report on the row's cells. */
  labelIssue?: { code: 'LABEL-VARIANT' | 'OLD-LABEL'; readAs: string };
}

interface Segment {
  table: Table | null;
  target: Target | null;
  group: string | null;
  unknown: Token | null;
  block: Block | null;
  label: Token | null;
  values: { tok: Token; index: number }[];
  /** Index in the segment list (set when fitting). */
  position?: number;
  /** How many of the values are not blank. */
  filled: number;
  firstIndex: number;
  lastIndex: number;
}

interface PassResult {
  cells: Record<string, number | null>;
  raw: Record<string, string>;
  issues: ImportIssue[];
  text: { overview?: string; problems?: string; other?: string };
  votes2019: number;
  votes2021: number;
  assignedCount: number;
  bare: Token[];
}

const read = (t: Token): ReadValue =>
  t.num !== undefined ? { kind: 'number', value: t.num, raw: String(t.num), plain: true, decorated: false, unit: null } : readValue(t.text);
const isBlankTok = (t: Token) => t.num === undefined && read(t).kind === 'blank';
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
/** Cells of one row side by side (TSV, pipe rows, HTML, grids), not one cell per line. */
const sideBySide = (toks: readonly Token[]) =>
  toks.length > 1 && toks[0].row !== undefined && toks.every((t, k) => k === 0 || (t.row === toks[0].row && t.column > toks[k - 1].column));

function t3Target(format: FormatId, rowId: string, label?: Token): Target {
  const order = T3_INDEX[format].rowIds.indexOf(rowId);
  return {
    table: 't3', rowKey: `t3.${rowId}`, order, label,
    cellIds: T3_COLUMNS.map((c) => `t3.${rowId}.${c}`), kinds: T3_COLUMNS.map(() => 'count'),
  };
}

function t3RowLabel(format: FormatId, rowId: string): string {
  const path = getFormat(format).t3.rows.find((r) => r.id === rowId)?.path ?? [];
  return path.length > 1 ? path.slice(1).join(' ') : (path[0] ?? rowId);
}

function t4Target(): Target {
  const cellIds = T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `t4.${g}.${c}`));
  return { table: 't4', rowKey: 't4', order: 0, cellIds, kinds: cellIds.map(() => 'count') };
}

/** Chooses the layout (2021 / 2019 columns) of a table 二 block from its header cells. */
function resolveBlock(block: Block, item: string, format: FormatId, rowOnlyIn: FormatId | null): void {
  if (block.def && block.item === item) return;
  block.item = item;
  let headerTokens = block.header.filter((t) => labelKey(t.text) !== '' && labelKey(t.text) !== '信息内容');
  // A header split over two rows (「本年新」 above 「制作数量」): join the cells of each column.
  if (headerTokens.length && headerTokens.every((t) => t.row !== undefined) && new Set(headerTokens.map((t) => t.row)).size > 1) {
    const byColumn = new Map<number, Token[]>();
    for (const t of headerTokens) byColumn.set(t.column, [...(byColumn.get(t.column) ?? []), t]);
    headerTokens = [...byColumn.entries()].sort((a, b) => a[0] - b[0]).map(([, ts]) => ({ ...ts[0], text: ts.map((t) => t.text.trim()).join('') }));
  }
  let best: { def: T2BlockDef; score: number; matches: Block['headerMatches'] } | null = null;
  for (const f of [format, format === '2021' ? '2019' : '2021'] as FormatId[]) {
    const def = t2Block(f, item);
    if (!def) continue;
    if (rowOnlyIn && rowOnlyIn !== f) continue;
    const matches: Block['headerMatches'] = [];
    let next = 0;
    let exact = 0;
    for (const tok of headerTokens) {
      const key = labelKey(tok.text);
      for (let c = next; c < def.columns.length; c++) {
        const m = matchColumn(key, def.columns[c]);
        if (m) {
          matches.push({ token: tok, column: c, quality: m.quality });
          if (m.quality === 'exact') exact++;
          next = c + 1;
          break;
        }
      }
    }
    const score = headerTokens.length
      ? matches.length * 10 + exact - 6 * Math.abs(headerTokens.length - def.columns.length)
      : 0;
    if (!best || score > best.score) best = { def, score, matches };
  }
  if (!best) return;
  block.def = best.def;
  block.headerMatches = best.matches;
  // A header with one cell per column: a cell matching no column label is a variant of the
  // column at its place (a typo, a missing word).
  if (headerTokens.length === best.def.columns.length)
    headerTokens.forEach((tok, c) => {
      if (!best!.matches.some((m) => m.token === tok || m.column === c)) block.headerMatches.push({ token: tok, column: c, quality: 'variant' });
    });
  block.unitYuan = headerTokens.find((t) => splitUnit(labelKey(t.text)).unit === 'yuan') ?? null;
}

function detectTitle(tokens: readonly Token[]): { year: number | null; agency: string | null } {
  const limit = Math.min(tokens.length, 400);
  for (let i = 0; i < limit; i++) {
    const key = labelKey(tokens[i].text);
    if (key.length > 80) continue;
    const m = /((?:19|20)\d{2})年度?政府信息公开(?:工作)?(?:年度)?报告/.exec(key);
    if (!m) continue;
    const year = Number(m[1]);
    let agency: string | null = key.slice(0, m.index) || null;
    if (!agency)
      for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
        const t = tokens[j].text.trim();
        if (!t) continue;
        const k = labelKey(t);
        if (k.length <= 40 && !/\d/.test(k) && !/报告/.test(k)) agency = k;
        break;
      }
    return { year, agency };
  }
  return { year: null, agency: null };
}

function pass(tokens: readonly Token[], format: FormatId): PassResult {
  const issues: ImportIssue[] = [];
  const cells: Record<string, number | null> = {};
  const raw: Record<string, string> = {};
  const narrative: Record<'overview' | 'problems' | 'other', string[]> = { overview: [], problems: [], other: [] };
  const segments: Segment[] = [];
  const blocks: Block[] = [];
  const bare: Token[] = [];
  let section: Section | null = null;
  let block: Block | null = null;
  let group: string | null = null;
  let t3RowsSeen = false;
  let votes2019 = 0;
  let votes2021 = 0;
  const t3 = T3_INDEX[format];

  const newSeg = (i: number, init: Partial<Segment> = {}): Segment => ({
    table: section === 't2' || section === 't3' || section === 't4' ? section : null,
    target: null, group: null, unknown: null, block, label: null, values: [], filled: 0, firstIndex: i, lastIndex: i, ...init,
  });
  let cur = newSeg(0);
  const hasValue = (s: Segment) => s.filled > 0;
  const push = (tok: Token, i: number) => {
    cur.values.push({ tok, index: i });
    if (!isBlankTok(tok)) cur.filled++;
    cur.lastIndex = i;
  };
  const close = (i: number) => {
    const keep = cur.target ? cur.target.table !== 't4' || hasValue(cur) : cur.unknown || cur.group || hasValue(cur);
    if (keep) segments.push(cur);
    cur = newSeg(i);
  };
  const newBlock = (item: string | null): Block => {
    const b: Block = { instance: blocks.length, item, header: [], collecting: true, headerMatches: [], unitYuan: null, assigned: [] };
    blocks.push(b);
    return b;
  };

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const rv = read(tok);
    if (tok.rowStart) {
      close(i);
      if (section === 't4') cur = newSeg(i, { target: t4Target() });
    }
    if (rv.kind !== 'text') {
      if (section === null) {
        if (rv.kind === 'number' || tok.rowStart || bare.length) bare.push(tok);
        continue;
      }
      if (section === 'overview' || section === 'problems' || section === 'other') continue;
      if (rv.kind === 'number' && block) block.collecting = false;
      push(tok, i);
      continue;
    }
    const text = tok.text;
    const sec = matchSection(text);
    if (sec) {
      close(i);
      section = sec;
      block = null;
      group = null;
      if (sec === 't4') cur = newSeg(i, { target: t4Target() });
      continue;
    }
    if (section === 'overview' || section === 'problems' || section === 'other') {
      const t = text.trim();
      if (t) narrative[section].push(t);
      continue;
    }
    const title = matchBlockTitle(text);
    if (title) {
      close(i);
      section = 't2';
      block = newBlock(title.item);
      cur = newSeg(i);
      continue;
    }
    const key = labelKey(text);
    if (key === '信息内容') {
      close(i);
      section = 't2';
      if (!block || block.def || block.header.length) block = newBlock(null);
      block.collecting = true;
      cur = newSeg(i);
      continue;
    }
    if (section === 't2' || section === null) {
      const row = matchT2Row(text);
      if (row) {
        close(i);
        section = 't2';
        if (!block || (block.item !== null && block.item !== row.item) || (block.def && block.item !== row.item)) block = newBlock(row.item);
        // A row that exists in one format only (其他对外管理服务事项, 政府集中采购) fixes the layout.
        const other = row.labelFormats[0] === '2021' ? '2019' : '2021';
        const onlyOne = row.labelFormats.length === 1 && !t2Block(other, row.item)?.rows.some((r) => r.id === row.rowId)
          ? row.labelFormats[0] : null;
        resolveBlock(block, row.item, format, onlyOne);
        block.collecting = false;
        const def = block.def;
        if (def) {
          const target: Target = {
            table: 't2', rowKey: `t2.${row.rowId}`, order: def.rows.findIndex((r) => r.id === row.rowId), label: tok, block,
            cellIds: def.columns.map((c) => `t2.${row.rowId}.${c.id}`), kinds: def.columns.map((c) => c.kind),
          };
          if (row.typo) target.labelIssue = { code: 'LABEL-VARIANT', readAs: def.rows.find((r) => r.id === row.rowId)?.label ?? '' };
          else if (!row.labelFormats.includes(def.format)) {
            const canonical = def.rows.find((r) => r.id === row.rowId)?.label ?? '';
            target.labelIssue = { code: def.format === '2021' ? 'OLD-LABEL' : 'LABEL-VARIANT', readAs: canonical };
          }
          cur = newSeg(i, { target, label: tok, block });
        }
        continue;
      }
    }
    if (section === 't3' || section === 't2' || section === null) {
      if (isT3HeaderWord(text)) {
        if (section !== 't3' && (key.startsWith('(本列数据') || key.startsWith('本列数据') || key === '申请人情况')) {
          close(i);
          section = 't3';
          block = null;
          group = null;
          cur = newSeg(i);
        }
        if (section === 't3' && !hasValue(cur)) cur.values = [];
        continue;
      }
      const m = matchT3(text, t3, group);
      if (m && (section === 't3' || (m.strong && m.quality === 'exact'))) {
        close(i);
        section = 't3';
        block = null;
        if (m.groupKey) {
          const g = t3.groups.get(m.groupKey);
          // 三、本年度办理结果 spans the result rows; the numbered groups (三)–(六) hold sub-items.
          group = g && g.children.length < 10 ? m.groupKey : null;
          cur = newSeg(i, { group: m.groupKey, label: tok });
        } else if (m.rowId) {
          t3RowsSeen = true;
          const target = t3Target(format, m.rowId, tok);
          if (m.quality !== 'exact') target.labelIssue = { code: 'LABEL-VARIANT', readAs: t3RowLabel(format, m.rowId) };
          const parent = [...t3.groups.values()].find((g) => g.children.length < 10 && g.children.includes(m.rowId!));
          group = parent ? parent.key : null;
          if (m.rowId.startsWith('other.')) votes2021++;
          if (m.rowId === 'other') votes2019++;
          cur = newSeg(i, { target, label: tok });
        }
        continue;
      }
    }
    if (section === 't4' || (section !== 't2' && opensT4(text))) {
      if (section !== 't4') {
        close(i);
        section = 't4';
        block = null;
        cur = newSeg(i, { target: t4Target() });
        continue;
      }
      if (!hasValue(cur)) {
        cur.values = [];
        if (!cur.target) cur.target = t4Target();
        continue;
      }
      if (isT4Word(text)) continue;
      close(i);
      section = null;
      continue;
    }
    // Text where a row still expects values is a number cell holding text (TEXT-IN-NUMBER),
    // when it sits on the label's line or is too short to be a label.
    if (
      (section === 't2' || section === 't3') && cur.target && !tok.rowStart &&
      cur.values.length < cur.target.cellIds.length && (tok.line === cur.label?.line || key.length <= 8)
    ) {
      push(tok, i);
      continue;
    }
    if (section === 't2') {
      if (block && block.collecting && !hasValue(cur)) {
        block.header.push(tok);
        continue;
      }
      close(i);
      cur = newSeg(i, { unknown: tok, label: tok });
      continue;
    }
    if (section === 't3') {
      if (!t3RowsSeen) continue;
      close(i);
      cur = newSeg(i, { unknown: tok, label: tok });
      continue;
    }
  }
  close(tokens.length);

  // -------------------------------------------------------------------------------------
  // Fit segments to rows.
  // The last printed cell: a row ending there may have been cut off by the paste.
  let lastContent = -1;
  for (let i = tokens.length - 1; i >= 0; i--)
    if (tokens[i].num !== undefined || tokens[i].text.trim() !== '') {
      lastContent = i;
      break;
    }

  const assignedRows = new Map<string, { values: (number | null)[]; cellIds: string[] }>();
  const duplicated = new Set<string>();
  let assignedCount = 0;
  const issue = (code: IssueCode, cellsOf: string[], at?: Token, extra: Partial<ImportIssue> = {}) => {
    const it: ImportIssue = { code, cells: cellsOf, severity: SEVERITY[code], ...extra };
    if (at) {
      it.line = at.line;
      it.column = at.column;
    }
    issues.push(it);
  };

  const commitRow = (target: Target, toks: Token[]) => {
    const staged: { id: string; value: number | null; raw?: string; tok: Token; issues: [IssueCode, Partial<ImportIssue>][] }[] = [];
    toks.forEach((tok, c) => {
      const id = target.cellIds[c];
      const kind = target.kinds[c];
      const rv = read(tok);
      const found: [IssueCode, Partial<ImportIssue>][] = [];
      if (rv.kind === 'blank') {
        found.push(['BLANK', rv.raw ? { text: rv.raw } : {}]);
        staged.push({ id, value: null, raw: rv.raw, tok, issues: found });
        return;
      }
      if (rv.kind === 'text') {
        found.push(['TEXT-IN-NUMBER', { text: rv.raw }]);
        staged.push({ id, value: null, raw: rv.raw, tok, issues: found });
        return;
      }
      let value = rv.value;
      const yuanHeader = kind === 'amount' && target.block?.unitYuan && rv.unit !== 'wan';
      if (kind === 'amount' && (rv.unit === 'yuan' || yuanHeader)) {
        value = round6(value / 10000);
        found.push(['UNIT', { text: rv.raw, readAs: String(value) }]);
      } else if (rv.decorated) {
        found.push(['TEXT-IN-CELL', { text: rv.raw, readAs: String(value) }]);
      } else if (id === 't2.procurement.amount') {
        // The 2019 form prints no unit for 采购总金额: read as 万元, ask to confirm (0 is 0 in any unit).
        found.push(['UNIT', { text: `${rv.raw}（未注明单位）`, readAs: String(value), ...(value === 0 ? { severity: 'info' as const } : {}) }]);
      }
      staged.push({ id, value, raw: rv.plain ? undefined : rv.raw, tok, issues: found });
    });
    if (duplicated.has(target.rowKey)) return;
    const prev = assignedRows.get(target.rowKey);
    if (prev) {
      const same = prev.cellIds.length === staged.length && staged.every((s, k) => s.id === prev.cellIds[k] && s.value === prev.values[k]);
      if (!same) {
        duplicated.add(target.rowKey);
        for (const id of prev.cellIds) {
          delete cells[id];
          delete raw[id];
        }
        issue('DUPLICATE-ROW', [...new Set([...prev.cellIds, ...staged.map((s) => s.id)])], target.label, { text: target.label?.text.trim() });
      }
      return;
    }
    assignedRows.set(target.rowKey, { values: staged.map((s) => s.value), cellIds: staged.map((s) => s.id) });
    for (const s of staged) {
      cells[s.id] = s.value;
      if (s.raw !== undefined) raw[s.id] = s.raw;
      for (const [code, extra] of s.issues) issue(code, [s.id], s.tok, extra);
      target.block?.assigned.push(s.id);
      assignedCount++;
    }
    if (target.labelIssue && staged.length && target.label)
      issue(target.labelIssue.code, staged.map((s) => s.id), target.label, { text: target.label.text.trim(), readAs: target.labelIssue.readAs });
  };

  // Where rows are laid out side by side, the column of a row's first value (taken from the
  // rows that leave no doubt) tells merged label cells from a blank first value.
  const startColumn = new Map<Table, number>();
  {
    const votes = new Map<string, number>();
    for (const seg of segments) {
      if (!seg.target) continue;
      const v = seg.values.map((x) => x.tok);
      let a = 0;
      let b = v.length;
      while (a < b && isBlankTok(v[a])) a++;
      while (b > a && isBlankTok(v[b - 1])) b--;
      if (b - a === seg.target.cellIds.length && sideBySide(v)) {
        const k = `${seg.target.table}:${v[a].column}`;
        votes.set(k, (votes.get(k) ?? 0) + 1);
      }
    }
    const best = new Map<Table, number>();
    for (const [k, count] of votes) {
      const [table, col] = k.split(':') as [Table, string];
      if (count > (best.get(table) ?? 0)) {
        best.set(table, count);
        startColumn.set(table, Number(col));
      }
    }
  }

  /** Drops surplus empty cells (merged cells, merge markers) down to n; never drops a value. */
  const fit = (vals: Token[], n: number, table?: Table): Token[] => {
    const col = table ? startColumn.get(table) : undefined;
    if (col !== undefined && vals.length > n && sideBySide(vals)) {
      const at = vals.findIndex((t) => t.column === col);
      if (at >= 0 && at + n <= vals.length && vals.every((t, k) => (k >= at && k < at + n) || isBlankTok(t))) return vals.slice(at, at + n);
    }
    const v = vals.slice();
    while (v.length > n && isBlankTok(v[v.length - 1])) v.pop();
    while (v.length > n && isBlankTok(v[0])) v.shift();
    return v;
  };

  const rowsOfTable = (seg: Segment): { targets: Target[]; from: number; to: number } | null => {
    const same = (s: Segment) => s.table === seg.table && (seg.table !== 't2' || s.block === seg.block) && (s.target || s.group);
    const idx = seg.position ?? segments.indexOf(seg);
    let prev: Segment | undefined;
    let next: Segment | undefined;
    for (let k = idx - 1; k >= 0; k--) if (same(segments[k]) && segments[k].target) { prev = segments[k]; break; }
    for (let k = idx + 1; k < segments.length; k++) if (same(segments[k])) { next = segments[k]; break; }
    if (seg.table === 't3') {
      let rowIds = t3.rowIds.slice();
      const orderOf = (s: Segment | undefined) => (s?.target ? s.target.order : s?.group ? t3.rowIds.indexOf(t3.groups.get(s.group)?.children[0] ?? '') : -1);
      const from = prev ? orderOf(prev) + 1 : 0;
      const to = next ? orderOf(next) : rowIds.length;
      rowIds = rowIds.slice(from, Math.max(from, to));
      if (seg.group) {
        const g = t3.groups.get(seg.group);
        rowIds = rowIds.filter((r) => g?.children.includes(r));
      }
      return { targets: rowIds.map((r) => t3Target(format, r)), from, to };
    }
    if (seg.table === 't2') {
      const b = seg.block ?? prev?.block ?? next?.block;
      const def = b?.def;
      if (!def || !b) return null;
      const from = prev?.target ? prev.target.order + 1 : 0;
      const to = next?.target ? next.target.order : def.rows.length;
      return {
        targets: def.rows.slice(from, Math.max(from, to)).map((r, k) => ({
          table: 't2' as const, rowKey: `t2.${r.id}`, order: from + k, block: b,
          cellIds: def.columns.map((c) => `t2.${r.id}.${c.id}`), kinds: def.columns.map((c) => c.kind),
        })),
        from, to,
      };
    }
    return null;
  };

  const placeLost = (seg: Segment, vals: Token[]) => {
    const first = vals.find((t) => !isBlankTok(t)) ?? vals[0];
    const span = rowsOfTable(seg);
    if (!span || span.targets.length === 0) {
      issue('LOST-LABEL', [], first, { severity: 'error', text: first?.text.trim() });
      return;
    }
    const n = span.targets[0].cellIds.length;
    const total = n * span.targets.length;
    const v = fit(vals, total);
    if (v.length === total && span.targets.every((t) => t.cellIds.length === n)) {
      const placed: string[] = [];
      span.targets.forEach((t, k) => {
        commitRow(t, v.slice(k * n, k * n + n));
        placed.push(...t.cellIds);
      });
      issue('LOST-LABEL', placed, first);
      return;
    }
    issue('LOST-LABEL', span.targets.flatMap((t) => t.cellIds), first, { severity: 'error' });
  };

  segments.forEach((s, k) => (s.position = k));
  for (const seg of segments) {
    const vals = seg.values.map((v) => v.tok);
    if (seg.unknown) {
      if (vals.some((t) => !isBlankTok(t))) issue('UNKNOWN-ROW', [], seg.unknown, { text: seg.unknown.text.trim() });
      continue;
    }
    if (seg.target) {
      const t = seg.target;
      const n = t.cellIds.length;
      const v = fit(vals, n, t.table);
      const segEnd = Math.max(seg.lastIndex, seg.firstIndex);
      const isLast = segEnd >= lastContent;
      if (v.length === n) commitRow(t, v);
      else if (v.length > n) {
        commitRow(t, v.slice(0, n));
        placeLost({ ...seg, target: null, group: null }, v.slice(n));
      } else {
        const missing = isLast ? t.cellIds.slice(v.length) : t.cellIds;
        if (isLast && v.length) commitRow({ ...t, cellIds: t.cellIds.slice(0, v.length), kinds: t.kinds.slice(0, v.length) }, v);
        issue('MISSING-CELL', missing, t.label ?? v[0], { text: t.label?.text.trim() });
      }
      continue;
    }
    if (vals.some((t) => !isBlankTok(t))) {
      if (seg.table === 't2' || seg.table === 't3') placeLost(seg, vals);
      if (seg.group && seg.table === 't3') votes2019 += format === '2021' && seg.group.includes('其他处理') ? 1 : 0;
    }
  }

  // Header issues of table 二 blocks, and old layouts.
  for (const b of blocks) {
    if (!b.def) continue;
    if (b.header.length) {
      if (b.def.format === '2019') votes2019++;
      else votes2021++;
    }
    const inBlock = (col: number) => b.assigned.filter((id) => id.endsWith(`.${b.def!.columns[col].id}`));
    for (const hm of b.headerMatches)
      if (hm.quality !== 'exact') {
        const ids = inBlock(hm.column);
        if (ids.length) issue('LABEL-VARIANT', ids, hm.token, { text: hm.token.text.trim(), readAs: b.def.columns[hm.column].label });
      }
    const headerCells = b.header.filter((t) => labelKey(t.text) !== '' && labelKey(t.text) !== '信息内容');
    if (b.assigned.length && headerCells.length > 0 && headerCells.length < b.def.columns.length)
      issue('MISSING-CELL', [], headerCells[0], { text: headerCells.map((t) => t.text.trim()).join(' | ') });
    if (b.def.format === '2019' && format === '2021' && b.assigned.length)
      issue('OLD-LAYOUT', b.assigned.slice(), b.header[0]);
    if (b.def.format === '2019' && (b.item === '九' || b.def.rows.some((r) => r.id === 'otherService'))) votes2019++;
  }

  pastedTotals(cells, t3.rowIds, issues);

  const text: PassResult['text'] = {};
  for (const k of ['overview', 'problems', 'other'] as const) if (narrative[k].length) text[k] = narrative[k].join('\n');
  return { cells, raw, issues, text, votes2019, votes2021, assignedCount, bare };
}

/** A pasted 总计 that differs from the sum of its parts (the pasted value is kept). */
function pastedTotals(cells: Record<string, number | null>, rowIds: string[], issues: ImportIssue[]): void {
  const num = (id: string) => (typeof cells[id] === 'number' ? (cells[id] as number) : null);
  const check = (totalId: string, parts: string[]) => {
    const total = num(totalId);
    if (total === null) return;
    let sum = 0;
    for (const p of parts) {
      const v = num(p);
      if (v === null) return;
      sum += v;
    }
    if (round6(sum) !== round6(total))
      issues.push({ code: 'PASTED-TOTAL', cells: [totalId, ...parts], severity: SEVERITY['PASTED-TOTAL'], expected: round6(sum), found: total });
  };
  for (const r of rowIds) check(`t3.${r}.total`, T3_COLUMNS.slice(0, 6).map((c) => `t3.${r}.${c}`));
  const results = rowIds.filter((r) => r !== 'received' && r !== 'carriedOver' && r !== 'handledTotal' && r !== 'carriedForward');
  for (const c of T3_COLUMNS) check(`t3.handledTotal.${c}`, results.map((r) => `t3.${r}.${c}`));
  for (const g of T4_GROUPS) check(`t4.${g}.total`, T4_COLUMNS.slice(0, 4).map((c) => `t4.${g}.${c}`));
}

/** A block of bare numbers: placed only when its shape names one table. */
function importBare(bare: Token[], format: FormatId | null, issues: ImportIssue[], cells: Record<string, number | null>, raw: Record<string, string>): FormatId | null {
  const rows: Token[][] = [];
  for (const t of bare) {
    if (t.rowStart || rows.length === 0) rows.push([]);
    rows[rows.length - 1].push(t);
  }
  const trimmed = rows
    .map((r) => {
      let a = 0;
      let b = r.length;
      while (a < b && isBlankTok(r[a])) a++;
      while (b > a && isBlankTok(r[b - 1])) b--;
      return r.slice(a, b);
    })
    .filter((r) => r.length > 0);
  const flat = trimmed.flat();
  const byRows = bare.some((t) => t.rowStart) && trimmed.length > 1;
  const allRowsOf = (n: number) => !byRows || trimmed.every((r) => r.length === n);
  let chosen: { format: FormatId | null; ids: string[] } | null = null;
  const t3For = (f: FormatId) => T3_INDEX[f].rowIds.flatMap((r) => T3_COLUMNS.map((c) => `t3.${r}.${c}`));
  if (flat.length === 175 && format !== '2019' && allRowsOf(7)) chosen = { format: '2021', ids: t3For('2021') };
  else if (flat.length === 161 && format !== '2021' && allRowsOf(7)) chosen = { format: '2019', ids: t3For('2019') };
  else if (flat.length === 15 && (!byRows || allRowsOf(5))) chosen = { format, ids: t4Target().cellIds };
  if (!chosen) {
    issues.push({ code: 'NEEDS-LABELS', cells: [], severity: 'error', text: String(flat.length), line: flat[0]?.line, column: flat[0]?.column });
    return format;
  }
  for (let k = 0; k < flat.length; k++) {
    const rv = read(flat[k]);
    const id = chosen.ids[k];
    const tok = flat[k];
    if (rv.kind === 'number') {
      cells[id] = rv.value;
      if (!rv.plain) raw[id] = rv.raw;
      if (rv.decorated) issues.push({ code: 'TEXT-IN-CELL', cells: [id], severity: 'warning', line: tok.line, column: tok.column, text: rv.raw, readAs: String(rv.value) });
    } else {
      cells[id] = null;
      raw[id] = rv.raw;
      issues.push({ code: rv.kind === 'blank' ? 'BLANK' : 'TEXT-IN-NUMBER', cells: [id], severity: rv.kind === 'blank' ? 'warning' : 'error', line: tok.line, column: tok.column, text: rv.raw || undefined });
    }
  }
  pastedTotals(cells, T3_INDEX[chosen.format ?? '2021'].rowIds, issues);
  return chosen.format ?? format;
}

/** The recognizer over tokens of any layout. Never throws. */
export function recognize(tokens: readonly Token[], options: { year?: number } = {}): ImportResult {
  const title = detectTitle(tokens);
  let year: number | null = title.year ?? (typeof options.year === 'number' && Number.isInteger(options.year) ? options.year : null);
  let format: FormatId | null = null;
  if (year !== null) {
    try {
      format = formatIdForYear(year);
    } catch {
      year = null;
    }
  }
  let result = pass(tokens, format ?? '2021');
  let chosen: FormatId = format ?? '2021';
  if (format === null && result.votes2019 > result.votes2021) {
    result = pass(tokens, '2019');
    chosen = '2019';
  }
  const { cells, raw, issues } = result;
  if (result.assignedCount === 0 && Object.keys(cells).length === 0) {
    if (result.bare.some((t) => !isBlankTok(t))) chosen = importBare(result.bare, format, issues, cells, raw) ?? chosen;
    else if (!issues.length) issues.push({ code: 'NO-TABLE', cells: [], severity: 'error' });
  }
  const report: Report = { format: chosen, year, agency: title.agency, cells };
  if (Object.keys(raw).length) report.raw = raw;
  if (Object.keys(result.text).length) report.text = result.text;
  return { report, issues };
}
