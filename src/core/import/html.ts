/**
 * Splits pasted HTML (Excel, WPS, Word, browsers) into cells. Tables are laid out on a grid
 * honouring rowspan/colspan; the positions a span covers are merged cells and produce no
 * cell, so values never shift. Text outside tables becomes one cell per block.
 */
import { pushPlainCell } from './split';
import type { Token } from './types';

const MAX_SPAN = 64;
const MAX_GRID_CELLS = 20000;

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', mdash: '—', ndash: '–', emsp: ' ', ensp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

interface HtmlCell {
  text: string;
  rowspan: number;
  colspan: number;
  line: number;
}

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'title']);

function spanOf(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  const v = m ? parseInt(m[1], 10) : 1;
  return Number.isFinite(v) && v >= 1 ? Math.min(v, MAX_SPAN) : 1;
}

export function looksLikeHtml(text: string): boolean {
  return /<(?:table|tr|td|th|html|body|p|div|span|br)\b[^>]*>/i.test(text.slice(0, 20000));
}

export function splitHtml(html: string): Token[] {
  const out: Token[] = [];
  const src = html.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' ')).replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, (c) => c.replace(/[^\n]/g, ' '));
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9:]*)([^>]*)>|([^<]+)|</g;
  let line = 1;
  let lastIndex = 0;
  const advance = (to: number) => {
    for (let k = lastIndex; k < to; k++) if (src.charCodeAt(k) === 10) line++;
    lastIndex = to;
  };

  let depth = 0;
  let rowBase = 0;
  let rows: HtmlCell[][] = [];
  let row: HtmlCell[] | null = null;
  let cell: HtmlCell | null = null;
  let outside = '';
  let outsideLine = 1;

  const flushOutside = () => {
    // Text outside tables (a page copied as paragraphs): one cell per block, as in plain text.
    const t = decodeEntities(outside).replace(/[ \t\u00a0\n\r]+/g, ' ').trim();
    if (t) pushPlainCell(out, t, outsideLine, 1);
    outside = '';
  };
  const closeCell = () => {
    if (cell && row) row.push(cell);
    cell = null;
  };
  const closeRow = () => {
    closeCell();
    if (row) rows.push(row);
    row = null;
  };
  const flushTable = () => {
    closeRow();
    layoutTable(rows, out, rowBase);
    rowBase += rows.length + 1;
    rows = [];
  };

  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    advance(m.index);
    if (m[4] !== undefined || m[0] === '<') {
      const text = m[4] ?? '<';
      if (depth > 0) {
        if (cell) (cell as HtmlCell).text += text;
      } else {
        if (!outside.trim()) outsideLine = line;
        outside += text;
      }
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3] ?? '';
    if (tag === 'table') {
      if (!closing) {
        if (depth === 0) flushOutside();
        depth++;
      } else if (depth > 0) {
        depth--;
        if (depth === 0) flushTable();
      }
      continue;
    }
    if (depth > 0) {
      if (tag === 'tr') {
        if (!closing) {
          closeRow();
          row = [];
        } else closeRow();
      } else if (tag === 'td' || tag === 'th') {
        if (!closing) {
          closeCell();
          if (!row) row = [];
          cell = { text: '', rowspan: spanOf(attrs, 'rowspan'), colspan: spanOf(attrs, 'colspan'), line };
        } else closeCell();
      } else if (cell && BLOCK_TAGS.has(tag)) (cell as HtmlCell).text += '\n';
    } else if (BLOCK_TAGS.has(tag) || tag === 'tr' || tag === 'td') {
      flushOutside();
    }
  }
  advance(src.length);
  if (depth > 0) flushTable();
  flushOutside();
  return out;
}

/** Lays one table out; rows are numbered from rowBase so rows of different tables differ. */
function layoutTable(rows: HtmlCell[][], out: Token[], rowBase: number): void {
  // occupied[r] holds the columns covered by spans from rows above.
  const occupied: Set<number>[] = [];
  let budget = MAX_GRID_CELLS;
  for (let r = 0; r < rows.length; r++) {
    const taken = (occupied[r] ??= new Set());
    let c = 0;
    let first = true;
    for (const cell of rows[r]) {
      while (taken.has(c)) c++;
      const text = decodeEntities(cell.text).replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
      out.push({ text, line: cell.line, column: c + 1, rowStart: first, row: rowBase + r });
      first = false;
      for (let dr = 0; dr < cell.rowspan && budget > 0; dr++)
        for (let dc = 0; dc < cell.colspan && budget > 0; dc++) {
          if (dr === 0 && dc === 0) continue;
          (occupied[r + dr] ??= new Set()).add(c + dc);
          budget--;
        }
      c += cell.colspan;
    }
  }
}
