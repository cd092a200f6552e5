/**
 * Pasted HTML (a web page or Word table) as the tab-separated text the importer reads: one line
 * per table row, a tab between cells, other blocks on their own lines. Pure string work, so it
 * runs the same in the pane and in tests. Formulas are never produced: the result is plain text.
 */
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ', thinsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const CELL_END = '\u0001';

export function htmlToText(html: string): string {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    // Inside a cell, line breaks and whitespace runs are layout, not structure.
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/t[dh]\s*>/gi, CELL_END)
    .replace(/<\/tr\s*>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|table|caption|section|article)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(body)
    .split('\n')
    // The last cell of a row ends the line; every other cell end is a tab (empty cells kept).
    .map((line) =>
      line
        .replace(/[ \u00a0]+/g, ' ')
        .replace(new RegExp(` *${CELL_END} *$`), '')
        .replace(new RegExp(` *${CELL_END} *`, 'g'), '\t')
        .replace(/^ +| +$/g, ''),
    )
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
