/**
 * The project seed: its section 一 says 「2022年我镇收到依申请公开申请事项0件」, which must be
 * read as 新收 = 0 and agree with table 三. The text sections are cut out of the seed here by
 * their headings (the real importer lives elsewhere); the cells come from expected.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, checkFailed, checkNarrative, parseReport, readClaims, type ReportText } from '../../src/core';
import { FIXTURES } from '../support/paths';

const raw = readFileSync(join(FIXTURES, 'seed-2022', 'report.txt'), 'utf8');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'seed-2022', 'expected.json'), 'utf8'));
const report = parseReport({ format: expected.format, year: expected.year, agency: expected.agency, cells: expected.cells });

function between(start: string, end: string | null): string {
  const from = raw.indexOf(start);
  const to = end === null ? raw.length : raw.indexOf(end, from);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  return raw.slice(from + start.length, to).trim();
}

const text: ReportText = {
  overview: between('一、总体情况', '二、主动公开政府信息情况'),
  problems: between('五、存在的主要问题及改进情况', '六、其他需要报告的事项'),
  other: between('六、其他需要报告的事项', null),
};

describe('the seed narrative', () => {
  it('reads 「收到依申请公开申请事项0件」 as 新收 = 0 (表三 一·总计)', () => {
    const overview = text.overview as string;
    const sentence = '2022年我镇收到依申请公开申请事项0件';
    const at = overview.indexOf(sentence);
    expect(at).toBeGreaterThanOrEqual(0);
    const claims = readClaims(report, overview);
    const received = claims.filter((c) => c.start > at && c.start < at + sentence.length);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ kind: 'count', value: 0, quantity: { table: 't3', row: 'received', column: 'total' } });
    expect(report.cells['t3.received.total']).toBe(0);
  });

  it('agrees with its tables: no narrative finding in sections 一, 五 and 六', () => {
    expect(checkNarrative(report, text)).toEqual([]);
  });

  it('would be caught if table 三 said otherwise', () => {
    const other = { ...report, cells: { ...report.cells, 't3.received.natural': 2, 't3.received.total': 2 } };
    const findings = checkNarrative(other, text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'N-MISMATCH', section: 'overview', cells: ['t3.received.total'], expected: 2, found: 0 });
    expect(findings[0].sentence).toContain('收到依申请公开申请事项0件');
  });

  it('check runs the narrative rules when the report has text sections', () => {
    const ok = check({ ...report, text });
    expect(ok.outcomes.filter((o) => o.rule.startsWith('N-'))).toEqual([]);
    const wrong = check({ ...report, text: { ...text, overview: (text.overview as string).replace('申请事项0件', '申请事项3件') } });
    const narrative = wrong.outcomes.filter((o) => o.rule.startsWith('N-'));
    expect(narrative).toHaveLength(1);
    expect(narrative[0]).toMatchObject({ rule: 'N-MISMATCH', status: 'fail', severity: 'error', cells: ['t3.received.total'], expected: 0, found: 3 });
    expect(narrative[0].message).toContain('表三 一、本年新收政府信息公开申请数量·总计');
    expect(narrative[0].message).toContain('收到依申请公开申请事项3件');
    expect(checkFailed(wrong)).toBe(true);
  });
});
