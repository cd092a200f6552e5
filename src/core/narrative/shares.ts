/**
 * Shares that add up to exactly 100 %: largest-remainder (Hamilton) rounding. Each share is
 * rounded down to the unit, then the units still missing go to the largest remainders, so
 * every share is within one unit of its exact value and the shares sum to the whole.
 */

/**
 * Integer shares of `units` (1000 = tenths of a percent) for the given counts. Ties go to
 * the earlier count, so the result is deterministic. All zeros when the counts sum to 0.
 */
export function largestRemainder(counts: readonly number[], units = 1000): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return counts.map(() => 0);
  const floors = counts.map((c) => Math.floor((c * units) / total));
  const remainders = counts.map((c, i) => ({ i, rest: c * units - floors[i] * total }));
  let missing = units - floors.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of remainders) {
    if (missing <= 0) break;
    floors[i]++;
    missing--;
  }
  return floors;
}

/** 417 tenths → 「41.7」. */
export function tenthsToText(tenths: number): string {
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
