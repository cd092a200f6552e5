/** A1 addresses: the hand-written parser against the regular expression it replaced. */
import fc from 'fast-check';
import { a1, a1Range, columnIndex, parseA1, parseA1Range } from '../../src/core/sheetplan/a1';

/** The parser as first written (the oracle). */
function referenceParseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(ref.trim());
  if (!m) return null;
  const col = columnIndex(m[1]);
  return col < 0 ? null : { row: Number(m[2]) - 1, col };
}

describe('parseA1', () => {
  it('reads plain and absolute addresses and refuses the rest', () => {
    expect(parseA1('D6')).toEqual({ row: 5, col: 3 });
    expect(parseA1(' $aa$10\n')).toEqual({ row: 9, col: 26 });
    expect(parseA1('XFD1048576')).toEqual({ row: 1048575, col: 16383 });
    for (const bad of ['', 'A', '6', 'A0', 'A06', 'ABCD1', 'A12345678', '$$A1', 'A1:B2', 'A 1', '一1', 'A1$'])
      expect([bad, parseA1(bad)]).toEqual([bad, null]);
  });

  it('agrees with the regular expression on random text', () => {
    const piece = fc.constantFrom('$', 'A', 'z', 'Q', 'AB', '0', '1', '9', '10', ' ', '\t', '\u3000', ':', '一', '-', '.');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const ref = pieces.join('');
        expect(parseA1(ref)).toEqual(referenceParseA1(ref));
      }),
      { numRuns: 20_000, seed: 11 },
    );
  });

  it('round-trips every address it writes', () => {
    fc.assert(
      fc.property(fc.nat(1_048_575), fc.nat(16_383), fc.boolean(), (row, col, abs) => {
        expect(parseA1(a1(row, col, abs))).toEqual({ row, col });
        expect(parseA1Range(a1Range(row, col, row + 1, col, abs))).toEqual({ top: row, left: col, bottom: row + 1, right: col });
      }),
      { seed: 12 },
    );
  });
});
