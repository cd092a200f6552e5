/** Reports and helpers the publish tests share. */
import fc from 'fast-check';
import { getFormat, sampleReport, type DocTable, type FormatId, type Report } from '../../src/core';
import { arbReport } from '../narrative/arbitraries';

/** Every cell of `format` as 0: a clean report. */
export function zeroReport(formatId: FormatId, year: number, agency: string): Report {
  const cells: Report['cells'] = {};
  for (const c of getFormat(formatId).cells) cells[c.id] = 0;
  return { format: formatId, year, agency, cells };
}

/** Reports whose every rule holds and whose figures vary (many zeros, some large), reproducibly. */
export function variedReports(formatId: FormatId, n: number, seed: number): Report[] {
  return fc.sample(arbReport(formatId), { seed, numRuns: n });
}

/** The sample with table 三 out of balance: 一 + 二 ≠ 三 + 四 in the 自然人 column. */
export function unbalancedSample(): Report {
  const r = sampleReport();
  r.cells['t3.received.natural'] = 5;
  return r;
}

/**
 * The table laid out on a grid: which cell covers each position. Throws when two cells
 * overlap, a row does not fill the width or a span runs past the table.
 */
export function layoutGrid(table: DocTable): (string | undefined)[][] {
  const width = table.columnWidths.length;
  const grid: (string | undefined)[][] = table.rows.map(() => Array.from({ length: width }, () => undefined));
  table.rows.forEach((cells, r) => {
    let col = 0;
    cells.forEach((cell, i) => {
      while (col < width && grid[r][col] !== undefined) col++;
      for (let dr = 0; dr < cell.rowSpan; dr++)
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (r + dr >= grid.length || col + dc >= width) throw new Error(`row ${r} cell ${i} runs past the table`);
          if (grid[r + dr][col + dc] !== undefined) throw new Error(`row ${r} cell ${i} overlaps`);
          grid[r + dr][col + dc] = `${r}:${i}`;
        }
      col += cell.colSpan;
    });
  });
  grid.forEach((row, r) => {
    if (row.some((c) => c === undefined)) throw new Error(`row ${r} does not fill the table's width`);
  });
  return grid;
}
