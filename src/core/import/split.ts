/**
 * Splits pasted plain text into cells (tokens). Layouts: tab-separated (Excel, WPS; quoted
 * fields), pipe rows and pipe-terminated cells, one cell per paragraph (blank-line separated;
 * extra empty lines are empty cells), one cell per line, and PDF lines of space-separated
 * numbers. The recognizer reads every layout from the same token list.
 */
import { isValueLike } from './normalize';
import type { Token } from './types';

export type Layout = 'tsv' | 'pipe' | 'paragraph' | 'lines';

export function detectLayout(lines: readonly string[]): Layout {
  let nonEmpty = 0;
  let tabs = 0;
  let pipes = 0;
  let gapsWithBlank = 0;
  let gaps = 0;
  let prevNonEmpty = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === '' && !l.includes('\t')) continue;
    nonEmpty++;
    if (l.includes('\t')) tabs++;
    if (l.includes('|')) pipes++;
    if (prevNonEmpty >= 0) {
      gaps++;
      if (i - prevNonEmpty > 1) gapsWithBlank++;
    }
    prevNonEmpty = i;
  }
  if (nonEmpty === 0) return 'lines';
  if (tabs >= 2 || tabs / nonEmpty > 0.2) return 'tsv';
  if (pipes / nonEmpty >= 0.3) return 'pipe';
  if (gaps > 0 && gapsWithBlank / gaps >= 0.6) return 'paragraph';
  return 'lines';
}

/** A plain cell; whitespace-separated values at its end are split off: 「规章 0 0 0」, 「0 0 … 0」 (PDF text). */
export function pushPlainCell(out: Token[], text: string, line: number, column: number): void {
  const trimmed = text.trim();
  const parts = trimmed.split(/[ \u00a0\u3000]+/);
  if (parts.length >= 2) {
    // Split off the trailing run of values; the rest (if any) is the row label.
    let cut = parts.length;
    while (cut > 0 && isValueLike(parts[cut - 1]) && parts[cut - 1] !== '') cut--;
    const valueCount = parts.length - cut;
    if (valueCount >= 2 || (valueCount >= 1 && cut >= 1)) {
      const label = parts.slice(0, cut).join(' ');
      let col = column;
      let first = true;
      if (label) {
        out.push({ text: label, line, column: col, rowStart: true, row: line });
        first = false;
        col += label.length + 1;
      }
      for (let i = cut; i < parts.length; i++) {
        out.push({ text: parts[i], line, column: col, rowStart: first, row: line });
        first = false;
        col += parts[i].length + 1;
      }
      return;
    }
  }
  out.push({ text, line, column, rowStart: false });
}

function splitTsv(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let fieldLine = 1;
  let col = 1;
  let field = '';
  let rowStart = true;
  let i = 0;
  const n = text.length;
  let fieldStartsAt = 0;
  const emitRowEnd = () => {
    rowStart = true;
    col = 1;
  };
  let row = 0;
  const pushField = () => {
    if (rowStart) row++;
    out.push({ text: field, line: fieldLine, column: col, rowStart, row });
    rowStart = false;
    col++;
    field = '';
  };
  while (i < n) {
    fieldStartsAt = i;
    fieldLine = line;
    if (text[i] === '"') {
      // Excel quotes a cell that holds a line break, a tab or a quote.
      let j = i + 1;
      let value = '';
      let closed = false;
      let lines = 0;
      while (j < n) {
        const c = text[j];
        if (c === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        if (c === '\n') lines++;
        value += c;
        j++;
      }
      if (closed && (j >= n || text[j] === '\t' || text[j] === '\n')) {
        field = value;
        line += lines;
        i = j;
      } else {
        i = fieldStartsAt;
      }
    }
    if (i === fieldStartsAt) {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n') j++;
      field = text.slice(i, j);
      i = j;
    }
    const sep = i < n ? text[i] : '\n';
    i++;
    if (sep === '\t') pushField();
    else {
      const wholeLineEmpty = field === '' && col === 1;
      if (!wholeLineEmpty) pushField();
      emitRowEnd();
      line++;
    }
  }
  return out;
}

function splitPipe(lines: readonly string[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.includes('|')) {
      if (l.trim() === '') continue;
      // A cell on its own line, terminated by a lone 「|」 line (when one follows): consume it.
      const lineNo = i + 1;
      if (i + 1 < lines.length && lines[i + 1].trim() === '|') i++;
      pushPlainCell(out, l, lineNo, 1);
      continue;
    }
    const pieces = l.split('|');
    if (pieces.length > 1 && pieces[pieces.length - 1].trim() === '') pieces.pop();
    const contentful = pieces.filter((p) => p.trim() !== '').length;
    for (let p = 0; p < pieces.length; p++)
      out.push({ text: pieces[p], line: i + 1, column: p + 1, rowStart: p === 0 && contentful >= 2, row: contentful >= 2 ? i + 1 : undefined });
  }
  return out;
}

function splitParagraphs(lines: readonly string[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  // Skip leading empty lines.
  while (i < lines.length && lines[i] === '') i++;
  while (i < lines.length) {
    const start = i;
    const group: string[] = [];
    while (i < lines.length && lines[i] !== '') group.push(lines[i++]);
    // Within a paragraph, text lines join (a header broken over lines); value lines stand alone.
    let text = '';
    let textLine = start + 1;
    for (let g = 0; g < group.length; g++) {
      const l = group[g];
      if (l.trim() !== '' && isValueLike(l)) {
        if (text) pushPlainCell(out, text, textLine, 1);
        text = '';
        pushPlainCell(out, l, start + g + 1, 1);
        textLine = start + g + 2;
      } else {
        if (!text) textLine = start + g + 1;
        text = text ? `${text}\n${l}` : l;
      }
    }
    if (text) pushPlainCell(out, text, textLine, 1);
    let empties = 0;
    while (i < lines.length && lines[i] === '') {
      empties++;
      i++;
    }
    // One empty line separates paragraphs; each further one is an empty cell.
    if (i < lines.length) for (let e = 1; e < empties; e++) out.push({ text: '', line: start + group.length + e + 1, column: 1, rowStart: false });
  }
  return out;
}

function splitLines(lines: readonly string[]): Token[] {
  const out: Token[] = [];
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === '') {
      // An empty line is an empty cell once cells have started.
      if (seenContent) out.push({ text: '', line: i + 1, column: 1, rowStart: false });
      continue;
    }
    seenContent = true;
    pushPlainCell(out, l, i + 1, 1);
  }
  return out;
}

export function splitText(text: string): { tokens: Token[]; layout: Layout } {
  const normalized = text.replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  const layout = detectLayout(lines);
  switch (layout) {
    case 'tsv':
      return { tokens: splitTsv(normalized), layout };
    case 'pipe':
      return { tokens: splitPipe(lines), layout };
    case 'paragraph':
      return { tokens: splitParagraphs(lines), layout };
    default:
      return { tokens: splitLines(lines), layout };
  }
}
