/** `batch --last-year <folder>`: each unit meets last year's report of the same agency; the fixture pairs' outcomes come out. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../../src/node/batch';
import { runCli } from '../support/cli';

const PAIRS = join(__dirname, 'pairs');
const pairs = readdirSync(PAIRS).sort();
const root = mkdtempSync(join(tmpdir(), 'xxgk-crossyear-batch-'));
const thisYear = join(root, '2023');
const lastYear = join(root, '2022');
mkdirSync(thisYear);
mkdirSync(lastYear);
const read = (name: string, file: string) => JSON.parse(readFileSync(join(PAIRS, name, file), 'utf8'));
for (const name of pairs) {
  writeFileSync(join(thisYear, `${name}.json`), JSON.stringify({ ...read(name, 'this.json'), agency: name }));
  writeFileSync(join(lastYear, `上年-${name}.json`), JSON.stringify({ ...read(name, 'last.json'), agency: name }));
}
// No report last year; and a report two years back, which is not compared.
const lone = { ...read('carry-pass', 'this.json'), agency: '新设局' };
writeFileSync(join(thisYear, 'lone.json'), JSON.stringify(lone));
writeFileSync(join(thisYear, 'gap.json'), JSON.stringify({ ...read('carry-pass', 'this.json'), agency: '隔年局' }));
writeFileSync(join(lastYear, 'gap.json'), JSON.stringify({ ...read('carry-pass', 'last.json'), year: 2021, agency: '隔年局' }));

describe('batch --last-year', () => {
  it('runs X-CARRY and X-INFORCE on every matched pair, with the outcomes of the fixtures', async () => {
    const result = await runBatch(thisYear, { jobs: 0, all: true, lastYear });
    for (const name of pairs) {
      const row = result.units.find((u) => u.unit === name)!;
      expect(row.lastYear).toBe(`上年-${name}.json`);
      const got = result.findings
        .filter((f) => f.unit === name && f.code.startsWith('X-'))
        .map((f) => ({ rule: f.code, instance: f.instance, status: f.status, expected: f.expected, found: f.found }));
      const want = read(name, 'expected.json').outcomes.map(({ blanks: _b, ...o }: { blanks?: string[] }) => o);
      expect(got).toEqual(want);
    }
    for (const unit of ['新设局', '隔年局']) {
      expect(result.units.find((u) => u.unit === unit)!.lastYear).toBeNull();
      expect(result.findings.filter((f) => f.unit === unit && f.code.startsWith('X-'))).toEqual([]);
    }
  });

  it('counts failing cross-year rules as warnings: they never make the exit status 1 on their own', async () => {
    const r = await runCli(['batch', thisYear, '--last-year', lastYear, '--json', '--quiet', '--jobs', '0']);
    const json = JSON.parse(r.out);
    const inforce = json.units.find((u: { unit: string }) => u.unit === 'inforce-fail');
    const without = JSON.parse((await runCli(['batch', thisYear, '--json', '--quiet', '--jobs', '0'])).out).units.find((u: { unit: string }) => u.unit === 'inforce-fail');
    expect(inforce.warnings - without.warnings).toBe(2);
    expect(inforce.errors).toBe(without.errors);
    expect(inforce.firstFindings.some((m: string) => m.includes('上年现行有效件数'))).toBe(true);
  });

  it('exits 2 when the last-year folder cannot be read', async () => {
    const r = await runCli(['batch', thisYear, '--last-year', join(root, 'nope'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件夹不存在/);
  });
});
