/**
 * X-CARRY and X-INFORCE on fixture pairs (test/crossyear/pairs/<name>/{this,last,expected}.json):
 * this year's report, last year's, and the outcome data a careful reviewer expects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/core';
import { loadInput } from '../../src/cli/input';
import { runCli } from '../support/cli';

const PAIRS = join(__dirname, 'pairs');
const pairs = readdirSync(PAIRS).sort();

interface ExpectedOutcome {
  rule: string;
  instance: string;
  status: string;
  expected: number | null;
  found: number | null;
  blanks?: string[];
}

function expectedOf(name: string): ExpectedOutcome[] {
  return JSON.parse(readFileSync(join(PAIRS, name, 'expected.json'), 'utf8')).outcomes;
}

function crossYear(outcomes: { rule: string }[]) {
  return outcomes
    .filter((o) => o.rule.startsWith('X-'))
    .map((o) => {
      const { rule, instance, status, expected, found, blanks } = o as ExpectedOutcome;
      return blanks ? { rule, instance, status, expected, found, blanks } : { rule, instance, status, expected, found };
    });
}

describe('cross-year rules on fixture pairs', () => {
  it('has pairs where each rule passes, fails and is undecided', () => {
    const all = pairs.flatMap(expectedOf);
    for (const rule of ['X-CARRY', 'X-INFORCE'])
      for (const status of ['pass', 'fail', 'undecided'])
        expect(all.some((o) => o.rule === rule && o.status === status)).toBe(true);
  });

  it.each(pairs)('%s: outcomes of X-CARRY and X-INFORCE', (name) => {
    const thisYear = loadInput(join(PAIRS, name, 'this.json')).report;
    const lastYear = loadInput(join(PAIRS, name, 'last.json')).report;
    const result = check(thisYear, { lastYear });
    expect(crossYear(result.outcomes)).toEqual(expectedOf(name));
    for (const o of result.outcomes.filter((x) => x.rule.startsWith('X-'))) {
      expect(o.severity).toBe('warning');
      expect(o.lastYearCells?.length).toBe(1);
      if (o.status === 'fail') expect(o.message).toMatch(/上年/);
      if (o.status === 'undecided') expect(o.message).toMatch(/空|无法/);
    }
  });

  it.each(pairs)('%s: the same through `check --last-year`, warnings never fail the exit status', async (name) => {
    const r = await runCli(['check', join(PAIRS, name, 'this.json'), '--last-year', join(PAIRS, name, 'last.json'), '--json']);
    expect(crossYear(JSON.parse(r.out).outcomes)).toEqual(expectedOf(name));
    const errorsFail = JSON.parse(r.out).outcomes.some((o: { status: string; severity: string }) => o.status === 'fail' && o.severity === 'error');
    expect(r.code).toBe(errorsFail ? 1 : 0);
  });

  it('runs no cross-year rule without last year', () => {
    const thisYear = loadInput(join(PAIRS, 'carry-fail', 'this.json')).report;
    expect(check(thisYear).outcomes.filter((o) => o.rule.startsWith('X-'))).toEqual([]);
  });

  it('names last year’s cell in the text of a failing X-CARRY', async () => {
    const r = await runCli(['check', join(PAIRS, 'carry-fail', 'this.json'), '--last-year', join(PAIRS, 'carry-fail', 'last.json')]);
    expect(r.out).toContain('表三 二、上年结转·自然人 与上年报告的 四、结转下年度继续办理 不一致：应为 5，实为 3');
  });
});
