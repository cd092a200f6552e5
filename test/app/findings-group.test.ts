import { groupRepeated } from '../../src/app/findings';

type Item = { code: string; severity: 'error' | 'warning' | 'info'; n: number };
const item = (code: string, severity: Item['severity'], n: number): Item => ({ code, severity, n });

describe('groupRepeated', () => {
  test('errors come first, then warnings, then notes; alike reminders fold into one group in the paste\'s order', () => {
    const items = [
      ...Array.from({ length: 4 }, (_, i) => item('BLANK', 'warning', i)),
      item('MISSING-CELL', 'error', 10),
      item('TOTAL', 'info', 20),
      item('BLANK', 'warning', 4),
      item('LABEL-VARIANT', 'warning', 30),
    ];
    const groups = groupRepeated(items);
    expect(groups.map((g) => [g.severity, g.code, g.items.map((i) => i.n)])).toEqual([
      ['error', 'MISSING-CELL', [10]],
      ['warning', 'BLANK', [0, 1, 2, 3, 4]],
      ['warning', 'LABEL-VARIANT', [30]],
      ['info', 'TOTAL', [20]],
    ]);
  });

  test('below the repeat threshold each item stays on its own line', () => {
    const groups = groupRepeated([item('BLANK', 'warning', 0), item('BLANK', 'warning', 1)]);
    expect(groups.map((g) => g.items.length)).toEqual([1, 1]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(2);
  });

  test('the same code at two severities is two groups', () => {
    const groups = groupRepeated([...Array.from({ length: 3 }, (_, i) => item('X', 'warning', i)), ...Array.from({ length: 3 }, (_, i) => item('X', 'error', i))]);
    expect(groups.map((g) => [g.severity, g.items.length])).toEqual([['error', 3], ['warning', 3]]);
  });
});
