import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../support/paths';
import { runBin, runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-'));
const seed = JSON.parse(readFileSync(join(FIXTURES, 'seed-2022', 'expected.json'), 'utf8'));
const seedReport = { format: seed.format, year: seed.year, agency: seed.agency, cells: seed.cells, raw: seed.raw };

function write(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('xxgk-nianbao check', () => {
  it('passes the seed: no rule fails (the blank 总计 cell leaves four undecided)', async () => {
    const r = await runCli(['check', write('seed.json', seedReport), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.format).toBe('2021');
    expect(json.cells).toEqual(seed.cells);
    expect(json.outcomes.filter((o: { status: string }) => o.status === 'fail')).toEqual([]);
    expect(json.outcomes.filter((o: { status: string }) => o.status === 'undecided').map((o: { rule: string; instance: string }) => `${o.rule}:${o.instance}`).sort())
      .toEqual(['CELL-INTEGER:t3.handledTotal.natural', 'T3-BALANCE:natural', 'T3-HANDLED-SUM:natural', 'T3-ROW-SUM:handledTotal']);
    for (const o of json.outcomes) {
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['rule', 'status', 'severity', 'cells', 'expected', 'found', 'message']));
      expect(o.message).toMatch(/表[二三四]/);
    }
  });

  it('exits 1 and names the place when an error rule fails', async () => {
    const broken = { ...seedReport, cells: { ...seedReport.cells, 't3.received.business': 2, 't3.received.total': 2 } };
    const r = await runCli(['check', write('broken.json', broken)]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('表三 第一项+第二项 ≠ 第三项+第四项（商业企业列）：应为 2，实为 0');
    expect(r.out).toContain('【表三 依申请公开】');
  });

  it('exits 0 when only warnings fail', async () => {
    const warn = { ...seedReport, cells: { ...seedReport.cells, 't2.regulation.issued': 3 } };
    const r = await runCli(['check', write('warn.json', warn), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).outcomes.find((o: { rule: string; status: string }) => o.rule === 'T2-INFORCE' && o.status === 'fail')).toBeTruthy();
  });

  it('runs cross-year rules with --last-year', async () => {
    const last = { ...seedReport, year: 2021, cells: { ...seedReport.cells, 't3.carriedForward.natural': 4 } };
    const r = await runCli(['check', write('this.json', seedReport), '--last-year', write('last.json', last), '--json']);
    const carry = JSON.parse(r.out).outcomes.find((o: { rule: string; instance: string }) => o.rule === 'X-CARRY' && o.instance === 'natural');
    expect(carry).toMatchObject({ status: 'fail', severity: 'warning', expected: 4, found: 0, lastYearCells: ['t3.carriedForward.natural'] });
    expect(r.code).toBe(0);
  });

  it.each([
    ['bad.json', '{"format": "2021",', /不是有效的 JSON/],
    ['invalid.json', { format: '2021', year: 2022, agency: null, cells: { 't3.received.natural': 'abc' } }, /cells\.t3\.received\.natural/],
    ['old.json', { format: '2021', year: 2016, agency: null, cells: {} }, /不支持 2016 年度/],
  ])('exits 2 with a reason for %s', async (name, content, why) => {
    const r = await runCli(['check', write(name, content)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(why);
    expect(r.err).toContain(name);
  });

  it('exits 2 for a missing file or an unsupported type', async () => {
    const missing = await runCli(['check', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
    const doc = await runCli(['check', write('x.doc', 'x')]);
    expect(doc.code).toBe(2);
    expect(doc.err).toContain('.doc');
  });

  it('never says all is well while rules are undecided: names the blank cells and what they block', async () => {
    // The seed: 表三（七）总计·自然人 is blank, four rules cannot be decided.
    const r = await runCli(['check', write('seed-blank.json', seedReport)]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[1]).toBe('检查 244 项：错误 0，提醒 0，无法判断 4，通过 240');
    expect(lines[2]).toBe('有 1 个单元格空白，4 项检查无法判断：表三（七）总计·自然人。请填写这些单元格（确为 0 的填 0）后再检查');
    expect(r.out).not.toMatch(/^未发现错误。$/m);
    expect(r.out).toContain('未发现错误，但检查不完整：4 项无法判断。');
  });

  it('groups many blank cells by row and abbreviates the list', async () => {
    const cells = { ...seedReport.cells };
    for (const col of ['natural', 'business', 'research', 'publicWelfare', 'legalService', 'otherOrg']) cells[`t3.received.${col}`] = null;
    cells['t4.review.upheld'] = null;
    const r = await runCli(['check', write('many-blank.json', { ...seedReport, cells })]);
    const headline = r.out.split('\n')[2];
    expect(headline).toMatch(/^有 8 个单元格空白，\d+ 项检查无法判断：/);
    // In the form's order: 一 before （七）.
    expect(headline).toContain('：表三 一、本年新收政府信息公开申请数量·自然人、商业企业、科研机构等 6 列；表三（七）总计·自然人；表四 行政复议·结果维持。');
  });

  it('with --strict exits 1 when anything is undecided, 0 when everything is decided', async () => {
    expect((await runCli(['check', write('seed-strict.json', seedReport), '--strict'])).code).toBe(1);
    const complete = { ...seedReport, cells: { ...seedReport.cells, 't3.handledTotal.natural': 0 } };
    const r = await runCli(['check', write('complete.json', complete), '--strict']);
    expect(r.out).toContain('无法判断 0');
    expect(r.out).toMatch(/^未发现错误。$/m);
    expect(r.code).toBe(0);
    // --blanks-as-zero decides every rule: nothing undecided is left for --strict.
    expect((await runCli(['check', write('seed-zero.json', seedReport), '--strict', '--blanks-as-zero'])).code).toBe(0);
  });

  it('checks the embedded sample', async () => {
    const r = await runCli(['check', '--sample']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('偃师区缙氏镇人民政府 2022年度');
  });

  it('the built binary returns the same exit statuses', () => {
    expect(runBin(['check', write('seed2.json', seedReport)]).code).toBe(0);
    const broken = { ...seedReport, cells: { ...seedReport.cells, 't4.review.total': 1 } };
    const r = runBin(['check', write('broken2.json', broken)]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('表四 行政复议·总计');
    expect(runBin(['check', join(dir, 'absent.json')]).code).toBe(2);
  });
});

describe('xxgk-nianbao template', () => {
  it('prints a format definition as JSON', async () => {
    const r = await runCli(['template', '--format', '2021', '--json']);
    expect(r.code).toBe(0);
    const def = JSON.parse(r.out);
    expect(def.id).toBe('2021');
    expect(def.t3.rows).toHaveLength(25);
    expect(def.cells).toHaveLength(200);
    expect(def.cells[0]).toMatchObject({ id: 't2.regulation.issued', rowLabel: '规章', columnLabel: '本年制发件数' });
  });

  it('rejects an unknown format', async () => {
    const r = await runCli(['template', '--format', '2018']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2018');
  });
});
