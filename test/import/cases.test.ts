/**
 * Hand-written paste cases, script-lab style: test/import/cases/<name>.txt|.html with
 * <name>.expected.json beside it. Add a file and its JSON to add a case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues, importText, parseReport } from '../../src/core';
import { covered } from './support';

interface CaseExpectation {
  year?: number;
  format?: '2021' | '2019';
  /** The whole cell map, exactly. */
  cells?: Record<string, number | null>;
  /** Some cells, and the number of cells. */
  cellsInclude?: Record<string, number | null>;
  cellCount?: number;
  raw?: Record<string, string>;
  issues: { code: string; cells?: string[]; line?: number; column?: number; expected?: number; found?: number }[];
  /** Year and agency read from the text, and words each narrative section must contain. */
  readYear?: number;
  agency?: string;
  text?: Partial<Record<'overview' | 'problems' | 'other', string>>;
  /** No issue of a code not listed in `issues`. */
  noOtherIssues?: boolean;
}

const DIR = join(__dirname, 'cases');
const cases = readdirSync(DIR).filter((f) => /\.(txt|html)$/.test(f)).sort();

test('the case folder has cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(12);
});

describe.each(cases.map((c) => [c]))('%s', (file) => {
  const expected: CaseExpectation = JSON.parse(readFileSync(join(DIR, file.replace(/\.(txt|html)$/, '.expected.json')), 'utf8'));
  const text = readFileSync(join(DIR, file), 'utf8');
  const result = importText(text, { year: expected.year, mime: file.endsWith('.html') ? 'text/html' : 'text/plain' });

  test('cells', () => {
    if (expected.cells) expect(result.report.cells).toEqual(expected.cells);
    if (expected.cellsInclude) expect(result.report.cells).toMatchObject(expected.cellsInclude);
    if (expected.cellCount !== undefined) expect(Object.keys(result.report.cells)).toHaveLength(expected.cellCount);
    if (expected.raw) expect(result.report.raw).toEqual(expected.raw);
    if (expected.format) expect(result.report.format).toBe(expected.format);
    if (expected.readYear !== undefined) expect(result.report.year).toBe(expected.readYear);
    if (expected.agency !== undefined) expect(result.report.agency).toBe(expected.agency);
    for (const [k, words] of Object.entries(expected.text ?? {})) expect(result.report.text?.[k as 'overview']).toContain(words);
  });

  test('issues', () => {
    for (const want of expected.issues) {
      expect([want.code, covered(result.issues, want.code, want.cells ?? [])]).toEqual([want.code, []]);
      const matching = result.issues.filter((i) => i.code === want.code && (want.cells ?? []).every((c) => i.cells.includes(c)));
      if (want.line !== undefined) expect(matching.map((i) => i.line)).toContain(want.line);
      if (want.column !== undefined) expect(matching.map((i) => i.column)).toContain(want.column);
      if (want.expected !== undefined) expect(matching.map((i) => i.expected)).toContain(want.expected);
      if (want.found !== undefined) expect(matching.map((i) => i.found)).toContain(want.found);
    }
    if (expected.noOtherIssues) {
      const allowed = new Set(expected.issues.map((i) => i.code));
      expect(result.issues.filter((i) => !allowed.has(i.code))).toEqual([]);
    }
  });

  test('the report is valid and every issue has a Chinese message naming its place', () => {
    expect(() => parseReport(result.report)).not.toThrow();
    for (const d of describeIssues(result.report.format, result.issues)) {
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.message).not.toMatch(/t[234]\.[a-z]/);
    }
  });
});
