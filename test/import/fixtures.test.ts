/**
 * Golden test over every fixture in shared/fixtures (directory-driven: a new pair is a new
 * case). The import must reproduce `cells` exactly and report every listed problem: rule kinds
 * through check(), the others as import issues; no arithmetic rule may fail beyond the list.
 */
import { check, importText, RULE_IDS } from '../../src/core';
import { covered, loadFixtures } from './support';

/** Fixtures known not to pass yet (asserted to still fail, so fixing one forces an update). */
const KNOWN_FAILING: readonly string[] = [];

const fixtures = loadFixtures();

function problemsOf(id: string): string[] {
  const f = fixtures.find((x) => x.id === id)!;
  // The year is what the user knows about the report (the add-in asks for it); the text decides the rest.
  const { report, issues } = importText(f.text, { year: f.expected.year ?? undefined });
  const found: string[] = [];
  const keys = new Set([...Object.keys(report.cells), ...Object.keys(f.expected.cells)]);
  for (const k of keys)
    if (report.cells[k] !== f.expected.cells[k]) found.push(`cell ${k}: got ${String(report.cells[k])}, want ${String(f.expected.cells[k])}`);
  const outcomes = check(report).outcomes;
  for (const p of f.expected.problems) {
    if ((RULE_IDS as readonly string[]).includes(p.kind)) {
      const failing = outcomes.filter((o) => o.rule === p.kind && o.status === 'fail');
      if (!failing.length || p.cells.some((c) => !failing.some((o) => o.cells.includes(c)))) found.push(`rule ${p.kind} not failing on ${p.cells.join(',')}`);
    } else {
      const missing = covered(issues, p.kind, p.cells);
      if (missing.length) found.push(`issue ${p.kind} missing for ${missing.join(',')}`);
    }
  }
  const listed = new Set(f.expected.problems.map((p) => p.kind));
  for (const o of outcomes) if (o.status === 'fail' && !listed.has(o.rule)) found.push(`unexpected failing rule ${o.rule} (${o.cells.join(',')})`);
  return found;
}

test('there are fixtures to run', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(21);
  expect(fixtures.map((f) => f.id)).toContain('seed-2022');
});

describe.each(fixtures.map((f) => [f.id]))('fixture %s', (id) => {
  if (KNOWN_FAILING.includes(id)) {
    test('still fails (remove it from KNOWN_FAILING once it passes)', () => {
      expect(problemsOf(id).length).toBeGreaterThan(0);
    });
  } else {
    test('cells and problems', () => {
      expect(problemsOf(id)).toEqual([]);
    });
  }
});

test('raw text of non-numeric cells is kept as printed', () => {
  for (const f of fixtures) {
    const { report } = importText(f.text, { year: f.expected.year ?? undefined });
    for (const [id, raw] of Object.entries(f.expected.raw ?? {})) expect([f.id, id, report.raw?.[id]]).toEqual([f.id, id, raw]);
  }
});

test('the seed: year, agency and narrative sections come from the text', () => {
  const seed = fixtures.find((f) => f.id === 'seed-2022')!;
  const { report } = importText(seed.text);
  expect(report.year).toBe(2022);
  expect(report.format).toBe('2021');
  expect(report.agency).toBe(seed.expected.agency);
  expect(report.text?.overview).toMatch(/^2022年/);
  expect(report.text?.problems).toContain('下一步');
  expect(report.text?.other).toContain('信息处理费');
  expect(report.text?.overview).not.toContain('行政许可');
});

test('without a year, the format comes from the labels (2019 table 二 → 2019)', () => {
  for (const id of ['004', '006', '018', '045']) {
    const f = fixtures.find((x) => x.id === id);
    if (f) expect([id, importText(f.text).report.format]).toEqual([id, '2019']);
  }
  for (const id of ['001', '008', '047']) {
    const f = fixtures.find((x) => x.id === id);
    if (f) expect([id, importText(f.text).report.format]).toEqual([id, '2021']);
  }
});
