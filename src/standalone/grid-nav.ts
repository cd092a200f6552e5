/**
 * Where the keyboard goes in the grids, as in a spreadsheet: Enter / arrows move to the nearest
 * input cell in that direction on the same table, skipping the computed totals (and labels,
 * headers). At a table's edge the focus stays. Pure: works on the plan's sheets, no DOM.
 */
import type { SheetSpec } from '../core/sheetplan/types';

export type Move = 'up' | 'down' | 'left' | 'right';

interface Place {
  id: string;
  sheet: string;
  row: number;
  /** First and last column the cell covers (merged cells cover several). */
  left: number;
  right: number;
  input: boolean;
}

export interface GridMap {
  places: ReadonlyMap<string, Place>;
  inputsBySheet: ReadonlyMap<string, readonly Place[]>;
}

/** Every input and computed cell of the sheets, with the columns it covers. */
export function gridMap(sheets: readonly SheetSpec[]): GridMap {
  const places = new Map<string, Place>();
  const inputsBySheet = new Map<string, Place[]>();
  for (const sheet of sheets) {
    const inputs: Place[] = [];
    for (const cell of sheet.cells) {
      if (!cell.cellId || (cell.role !== 'input' && cell.role !== 'total' && cell.role !== 'check')) continue;
      const merge = sheet.merges.find((m) => m.top === cell.row && m.left === cell.col);
      const place = { id: cell.cellId, sheet: sheet.key, row: cell.row, left: cell.col, right: merge?.right ?? cell.col, input: cell.role === 'input' };
      places.set(place.id, place);
      if (place.input) inputs.push(place);
    }
    inputsBySheet.set(sheet.key, inputs);
  }
  return { places, inputsBySheet };
}

/** The input cell a move from `fromId` lands on, or null to stay where it is. */
export function neighbour(map: GridMap, fromId: string, move: Move): string | null {
  const from = map.places.get(fromId);
  if (!from) return null;
  const inputs = map.inputsBySheet.get(from.sheet) ?? [];
  const best = move === 'up' || move === 'down' ? nearestInColumn(inputs, from, move === 'down' ? 1 : -1) : nearestInRow(inputs, from, move === 'right' ? 1 : -1);
  return best?.id ?? null;
}

/** The nearest row in that direction holding an input that covers the cell's first column. */
function nearestInColumn(inputs: readonly Place[], from: Place, step: 1 | -1): Place | null {
  let best: Place | null = null;
  for (const p of inputs) {
    if ((p.row - from.row) * step <= 0 || p.left > from.left || p.right < from.left) continue;
    if (!best || Math.abs(p.row - from.row) < Math.abs(best.row - from.row)) best = p;
  }
  return best;
}

/** The nearest input on the same row in that direction. */
function nearestInRow(inputs: readonly Place[], from: Place, step: 1 | -1): Place | null {
  let best: Place | null = null;
  for (const p of inputs) {
    if (p.row !== from.row) continue;
    const ahead = step === 1 ? p.left > from.right : p.right < from.left;
    if (ahead && (!best || Math.abs(p.left - from.left) < Math.abs(best.left - from.left))) best = p;
  }
  return best;
}
