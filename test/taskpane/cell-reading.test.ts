/** The grid reads typed text as the importer reads numbers (full-width, separators), and nothing more. */
import { readCellText } from '../../src/app/cell-text';
import { readValue } from '../../src/core/import/normalize';

describe('readCellText reads numbers as the importer does', () => {
  test.each([
    ['１２', 12],
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['1,234.5', 1234.5],
    ['－3', -3],
    ['１２．５', 12.5],
  ])('%j is the number %d, flagged as normalised', (text, value) => {
    expect(readCellText(text)).toEqual({ value, normalized: true });
    // The same value the importer gives for the pasted text.
    expect(readValue(text)).toMatchObject({ kind: 'number', value });
  });

  test.each([
    ['12', 12],
    ['-4', -4],
    [' 7 ', 7],
    ['.5', 0.5],
  ])('a plain %j needs no note', (text, value) => expect(readCellText(text)).toEqual({ value }));

  test.each(['减4', '5件', '3万元', '无', '/', '十二', '=1+1', '1,23', '1e3'])(
    '%j is not guessed: kept as typed with a blank value',
    (text) => expect(readCellText(text)).toEqual({ value: null, raw: text }),
  );

  test('empty text is blank, not 0', () => expect(readCellText('　 ')).toEqual({ value: null }));
});
