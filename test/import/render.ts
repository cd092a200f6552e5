/**
 * Renders a report the way staff paste it: TSV with merged (empty) label cells, HTML with
 * rowspan/colspan, pipe rows, one cell per line, one cell per paragraph. Used by the
 * round-trip property test: each rendering must import back to the same data.
 */
import { getFormat, type FormatId, type Report } from '../../src/core';

type Cell = string | null;
/** A row: label cells (with how far each spans), then values. */
interface Row {
  labels: { text: string; rowspan?: number; colspan?: number; first: boolean }[];
  values: (number | null)[];
}
interface Table {
  heading: string;
  /** Header rows (text cells, '' for an empty merged position). */
  header: string[][];
  rows: Row[];
  labelColumns: number;
}

const T4_HEADER = [
  ['行政复议', '', '', '', '', '行政诉讼'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉'],
  ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
];

export function tablesOf(report: Report): Table[] {
  const f = getFormat(report.format as FormatId);
  const v = (id: string) => (report.cells[id] === undefined ? null : report.cells[id]);
  const t2: Table = { heading: f.t2.title, header: [], rows: [], labelColumns: 1 };
  const blocks: Table[] = f.t2.blocks.map((b) => ({
    heading: b.title,
    header: [b.header],
    labelColumns: 1,
    rows: b.rows.map((r) => ({ labels: [{ text: r.label, first: true }], values: b.columns.map((c) => v(`t2.${r.id}.${c.id}`)) })),
  }));
  const t3rows: Row[] = [];
  const seen = new Set<string>();
  const count = (prefix: string[]) => f.t3.rows.filter((r) => prefix.every((p, k) => r.path[k] === p)).length;
  for (const r of f.t3.rows) {
    const labels: Row['labels'] = [];
    r.path.forEach((p, k) => {
      const isLeaf = k === r.path.length - 1;
      const key = r.path.slice(0, k + 1).join('/');
      const first = !seen.has(key);
      seen.add(key);
      labels.push({ text: p, first, rowspan: isLeaf ? 1 : count(r.path.slice(0, k + 1)), colspan: isLeaf ? 3 - k : 1 });
    });
    t3rows.push({ labels, values: f.t3.columns.map((c) => v(`t3.${r.id}.${c.id}`)) });
  }
  const t3: Table = {
    heading: f.t3.title,
    header: [[f.t3.cornerNote, '', '', '申请人情况'], ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'], ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']],
    rows: t3rows,
    labelColumns: 3,
  };
  const t4: Table = {
    heading: f.t4.title,
    header: T4_HEADER,
    labelColumns: 0,
    rows: [{ labels: [], values: f.t4.groups.flatMap((g) => f.t4.columns.map((c) => v(`t4.${g.id}.${c.id}`))) }],
  };
  return [t2, ...blocks, t3, t4];
}

const num = (x: number | null) => (x === null ? '' : String(x));
const END = '五、存在的主要问题及改进情况';

export function renderTsv(report: Report): string {
  const lines: string[] = [];
  for (const t of tablesOf(report)) {
    lines.push(t.heading + (t.labelColumns === 1 && t.header.length ? '\t\t\t' : ''));
    for (const h of t.header) lines.push(h.join('\t'));
    for (const r of t.rows) {
      const labelCells: Cell[] = [];
      if (t.labelColumns === 3) {
        r.labels.forEach((l, k) => {
          labelCells.push(l.first || k === r.labels.length - 1 ? l.text : '');
          if (k === r.labels.length - 1) for (let pad = k + 1; pad < 3; pad++) labelCells.push('');
        });
      } else for (const l of r.labels) labelCells.push(l.text);
      lines.push([...labelCells, ...r.values.map(num)].join('\t'));
    }
  }
  lines.push(END);
  return `${lines.join('\n')}\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function renderHtml(report: Report): string {
  const out: string[] = ['<html><body>'];
  const tables = tablesOf(report);
  for (const t of tables) {
    out.push(`<p>${esc(t.heading)}</p>`);
    if (!t.rows.length) continue;
    out.push('<table border="1">');
    for (const h of t.header) out.push(`<tr>${h.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
    for (const r of t.rows) {
      const cells: string[] = [];
      if (t.labelColumns === 3) {
        for (const l of r.labels) {
          if (!l.first && l.rowspan !== 1) continue;
          const span = `${(l.rowspan ?? 1) > 1 ? ` rowspan="${l.rowspan}"` : ''}${(l.colspan ?? 1) > 1 ? ` colspan="${l.colspan}"` : ''}`;
          cells.push(`<td${span}>${esc(l.text)}</td>`);
        }
      } else for (const l of r.labels) cells.push(`<td>${esc(l.text)}</td>`);
      for (const x of r.values) cells.push(`<td>${x === null ? '&nbsp;' : num(x)}</td>`);
      out.push(`<tr>\n${cells.join('\n')}\n</tr>`);
    }
    out.push('</table>');
  }
  out.push(`<p>${END}</p></body></html>`);
  return out.join('\n');
}

export function renderPipe(report: Report): string {
  const lines: string[] = [];
  for (const t of tablesOf(report)) {
    lines.push(t.heading + (t.labelColumns === 1 && t.header.length ? ' | |||' : ''));
    for (const h of t.header) lines.push(`${h.filter((c) => c).join(' | ')} |`);
    for (const r of t.rows) {
      const labels = t.labelColumns === 3 ? r.labels.filter((l, k) => l.first || k === r.labels.length - 1) : r.labels;
      lines.push(`${[...labels.map((l) => l.text), ...r.values.map((x) => (x === null ? ' ' : num(x)))].join(' | ')} |`);
    }
  }
  lines.push(END);
  return `${lines.join('\n')}\n`;
}

/** Cells in reading order: headings, header cells, labels (each group label once), values. */
function cellsInOrder(report: Report): (string | null)[] {
  const cells: (string | null)[] = [];
  for (const t of tablesOf(report)) {
    cells.push(t.heading);
    for (const h of t.header) for (const c of h) if (c) cells.push(c);
    for (const r of t.rows) {
      for (const [k, l] of r.labels.entries()) if (l.first || k === r.labels.length - 1) cells.push(l.text);
      for (const x of r.values) cells.push(x === null ? null : num(x));
    }
  }
  cells.push(END);
  return cells;
}

export function renderLines(report: Report): string {
  return `${cellsInOrder(report).map((c) => c ?? '').join('\n')}\n`;
}

/** A printed cell ends with two line breaks; an empty cell adds one more (as in real pages). */
export function renderParagraphs(report: Report): string {
  return cellsInOrder(report).map((c) => (c === null ? '\n' : `${c}\n\n`)).join('');
}

export const LAYOUTS = { tsv: renderTsv, html: renderHtml, pipe: renderPipe, lines: renderLines, paragraphs: renderParagraphs } as const;
