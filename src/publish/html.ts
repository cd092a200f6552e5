/**
 * Draws a DocumentPlan as one self-contained web page in the style government sites publish
 * the annual report: semantic tables (<caption>, <thead>, <th scope>), a wide table scrolling
 * inside its own box on a phone, A4 when printed, 【…】 highlighted with <mark>. No script.
 * Every text is escaped.
 */
import type { DocCell, DocParagraph, DocTable, DocumentPlan, Run } from '../core/publish';
import { titleText } from '../core/publish';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f4f4f4; color: #1a1a1a; font: 16px/1.9 "仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; background: #fff; }
h1 { font: 1.6rem/1.5 "方正小标宋简体", "小标宋", "宋体", SimSun, "Noto Serif CJK SC", serif; text-align: center; margin: 1rem 0 1.5rem; }
h2 { font: 1.1rem/1.9 "黑体", SimHei, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 1.2rem 0 .4rem; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.sub { font-family: "楷体_GB2312", "楷体", KaiTi, STKaiti, serif; }
mark { background: #fff176; color: inherit; padding: 0 .1em; }
.note { margin: .6rem 0; }
.table-box { overflow-x: auto; margin: .6rem 0 1rem; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font: 14px/1.5 "宋体", SimSun, "Noto Serif CJK SC", serif; }
/* The section heading above already shows the table's title: the caption is for screen readers. */
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.table-box { position: relative; }
th, td { border: 1px solid #333; padding: .25rem .35rem; vertical-align: middle; }
th { font-weight: normal; }
thead th, th.head { font-weight: bold; background: #f2f2f2; text-align: center; }
th.left, td.left { text-align: left; }
th.center, td.center { text-align: center; }
td.num { text-align: center; font-variant-numeric: tabular-nums; }
table.wide { min-width: 44rem; }
@media (max-width: 40rem) { main { padding: 1rem .75rem 2rem; } body { font-size: 15px; } }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { background: #fff; font-size: 16pt; line-height: 29pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 22pt; }
  h2 { font-size: 16pt; break-after: avoid; }
  .table-box { overflow: visible; }
  table { font-size: 10.5pt; }
  table.wide { min-width: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  mark { background: #ff0; }
}
`.trim();

function runsHtml(runs: readonly Run[]): string {
  return runs.map((r) => (r.mark ? `<mark>${escapeHtml(r.text)}</mark>` : escapeHtml(r.text))).join('');
}

function paragraphHtml(p: DocParagraph, cls?: string): string {
  const lead = p.subheading ? `<span class="sub">${escapeHtml(p.subheading)}。</span>` : '';
  return `<p${cls ? ` class="${cls}"` : ''}>${lead}${runsHtml(p.runs)}</p>`;
}

function spans(cell: DocCell): string {
  return `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
}

function cellHtml(cell: DocCell, inHead: boolean): string {
  const text = escapeHtml(cell.text);
  if (cell.kind === 'number') return `<td class="num"${spans(cell)}>${text}</td>`;
  if (cell.kind === 'label') return `<th scope="row" class="${cell.align}"${spans(cell)}>${text}</th>`;
  // Column headers (a spanning one heads every column it spans); the corner note describes the rows, so it has no scope.
  const scope = cell.kind === 'corner' ? '' : ' scope="col"';
  return `<th${scope} class="${inHead ? '' : 'head '}${cell.align}"${spans(cell)}>${text}</th>`;
}

/** Column widths in the proportions of the sheet (and of the Word table). */
function colgroup(table: DocTable): string {
  const sum = table.columnWidths.reduce((a, b) => a + b, 0);
  return `<colgroup>${table.columnWidths.map((w) => `<col style="width:${((w / sum) * 100).toFixed(2)}%">`).join('')}</colgroup>`;
}

function tableHtml(table: DocTable): string {
  const rowHtml = (cells: DocCell[], inHead: boolean) => `<tr>${cells.map((c) => cellHtml(c, inHead)).join('')}</tr>`;
  const head = table.rows.slice(0, table.headerRows).map((r) => rowHtml(r, true)).join('\n');
  const body = table.rows.slice(table.headerRows).map((r) => rowHtml(r, false)).join('\n');
  const wide = table.columnWidths.length > 6 ? ' class="wide"' : '';
  return [
    `<div class="table-box" role="region" aria-label="${escapeHtml(table.title)}" tabindex="0">`,
    `<table${wide}>`,
    `<caption>${escapeHtml(table.title)}</caption>`,
    colgroup(table),
    head ? `<thead>\n${head}\n</thead>` : '',
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    '</div>',
  ].filter(Boolean).join('\n');
}

/** The page's HTML. */
export function writeHtml(plan: DocumentPlan): string {
  const title = titleText(plan);
  const parts: string[] = [`<h1>${runsHtml(plan.title)}</h1>`, ...plan.notices.map((p) => paragraphHtml(p, 'note'))];
  for (const s of plan.sections) {
    parts.push(`<section aria-labelledby="s-${s.key}">`, `<h2 id="s-${s.key}">${escapeHtml(s.heading)}</h2>`);
    for (const b of s.blocks) parts.push(b.kind === 'table' ? tableHtml(b) : paragraphHtml(b));
    parts.push('</section>');
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="xxgk-nianbao">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...parts,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
