/**
 * The district batch on a folder mixing good, failing and broken files: per-unit rows, the
 * broken list, the aggregate (= the sum of the readable units of the majority format), the
 * findings, the CLI's exit statuses and outputs — in this thread and on worker threads.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFormat, sampleReport, type Report } from '../../src/core';
import { checkFiles, runBatch, type BatchResult } from '../../src/node/batch';
import { runCli } from '../support/cli';

/** A complete, consistent 2021 report whose figures depend on `k` (every rule passes). */
function goodReport(agency: string, k: number, year = 2023): Report {
  const r = sampleReport();
  r.agency = agency;
  r.year = year;
  delete r.raw;
  r.cells['t3.handledTotal.natural'] = 0;
  const add = (row: string, col: string, v: number) => {
    r.cells[`t3.${row}.${col}`] = (r.cells[`t3.${row}.${col}`] as number) + v;
    r.cells[`t3.${row}.total`] = (r.cells[`t3.${row}.total`] as number) + v;
  };
  add('received', 'natural', 10 + k);
  add('granted', 'natural', 6 + k);
  add('handledTotal', 'natural', 6 + k);
  add('carriedForward', 'natural', 4);
  add('received', 'business', k);
  add('partlyGranted', 'business', k);
  add('handledTotal', 'business', k);
  r.cells['t2.normative.issued'] = k;
  r.cells['t2.normative.inForce'] = 20 + k;
  r.cells['t2.fee.amount'] = 0.1 * k;
  r.cells['t4.review.upheld'] = k;
  r.cells['t4.review.total'] = k;
  return r;
}

const folder = mkdtempSync(join(tmpdir(), 'xxgk-batch-'));
const put = (rel: string, content: unknown) => {
  const p = join(folder, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
};

const good = [goodReport('甲镇人民政府', 1), goodReport('乙镇人民政府', 2), goodReport('丙街道办事处', 3)];
const failing = goodReport('丁局', 4);
failing.cells['t3.received.natural'] = 99; // T3-BALANCE (自然人) and T3-ROW-SUM (received) fail
const warning = goodReport('戊局', 5);
warning.cells['t2.normative.inForce'] = 1; // T2-INFORCE (a warning) fails
const blank = goodReport('己乡人民政府', 6);
blank.cells['t4.review.upheld'] = null; // its total stays 6: T4 undecided, aggregate cell incomplete
const old = { ...goodReport('庚局', 7, 2020), format: '2019' as const, cells: { 't3.received.natural': 3 } };
const noAgency = { ...goodReport('x', 8), agency: null };

put('甲.json', good[0]);
put('乡镇/乙.json', good[1]);
put('乡镇/深/丙.json', good[2]);
put('部门/丁.json', failing);
put('部门/戊.json', warning);
put('己.json', blank);
put('庚-2020.json', old);
put('辛镇.json', noAgency);
put('坏/bad.json', '{"format": "2021",');
put('坏/notreport.json', { hello: 1 });
put('坏/empty.json', '');
put('说明.doc', 'not a report');
put('.hidden.json', { hello: 1 });
put('~$甲.xlsx', 'lock');

const included = [good[0], good[1], good[2], failing, warning, blank, noAgency];

function expectSummary(result: BatchResult) {
  const byUnit = new Map(result.units.map((u) => [u.unit, u]));
  expect(result.units.map((u) => u.file)).toEqual([
    '乡镇/乙.json', '乡镇/深/丙.json', '坏/bad.json', '坏/empty.json', '坏/notreport.json', '己.json',
    '庚-2020.json', '甲.json', '辛镇.json', '部门/戊.json', '部门/丁.json',
  ].sort());
  for (const name of ['甲镇人民政府', '乙镇人民政府', '丙街道办事处'])
    expect(byUnit.get(name)).toMatchObject({ status: 'ok', year: 2023, format: '2021', errors: 0, warnings: 0, undecided: 0, aggregated: true, firstFindings: [] });
  expect(byUnit.get('丁局')).toMatchObject({ status: 'ok', aggregated: true, warnings: 0 });
  expect(byUnit.get('丁局')!.errors).toBe(2);
  expect(byUnit.get('丁局')!.firstFindings).toEqual([
    '表三 第一项+第二项 ≠ 第三项+第四项（自然人列）：应为 99，实为 14',
    expect.stringMatching(/^表三 一、本年新收政府信息公开申请数量·总计 不等于各类申请人之和/),
  ]);
  expect(byUnit.get('戊局')).toMatchObject({ errors: 0, warnings: 1, aggregated: true });
  expect(byUnit.get('戊局')!.firstFindings).toEqual([expect.stringContaining('现行有效件数')]);
  // Undecided rules: 不完整, never a pass, with the blank cell to chase in the form's words.
  expect(byUnit.get('己乡人民政府')).toMatchObject({
    errors: 0, warnings: 0, undecided: 2, aggregated: true, verdict: 'incomplete',
    blankCells: ['t4.review.upheld'], blankPlaces: ['表四 行政复议·结果维持'],
  });
  for (const name of ['甲镇人民政府', '乙镇人民政府', '丙街道办事处']) expect(byUnit.get(name)).toMatchObject({ verdict: 'pass', blankCells: [] });
  expect(byUnit.get('丁局')).toMatchObject({ verdict: 'errors' });
  expect(byUnit.get('戊局')).toMatchObject({ verdict: 'warnings' });
  expect(byUnit.get('庚局')).toMatchObject({ status: 'ok', format: '2019', aggregated: false });
  expect(byUnit.get('庚局')!.reason).toContain('60号文');
  // A report without an agency is named after its file.
  expect(byUnit.get('辛镇')).toMatchObject({ status: 'ok', aggregated: true });

  expect(result.broken.map((b) => b.file)).toEqual(['坏/bad.json', '坏/empty.json', '坏/notreport.json']);
  expect(result.broken[0].reason).toMatch(/bad\.json 不是有效的 JSON/);
  expect(result.broken[1].reason).toMatch(/empty\.json 不是有效的 JSON/);
  expect(result.broken[2].reason).toMatch(/notreport\.json：年报数据不符合格式要求/);
  for (const b of result.broken) expect(byUnit.get(b.file.replace(/^坏\//, '').replace('.json', ''))).toMatchObject({ status: 'broken', reason: b.reason });
  expect(result.ignored).toEqual(['说明.doc']);

  const agg = result.aggregate!;
  expect(agg).toMatchObject({ format: '2021', year: 2023 });
  for (const cell of getFormat('2021').cells) {
    // A cell a unit left blank holds the others' sum (incomplete); the rest are full sums.
    const values = included.map((r) => r.cells[cell.id]).filter((v) => v !== null);
    expect(agg.cells[cell.id]).toBeCloseTo(values.reduce((a, b) => (a as number) + (b as number), 0) as number, 9);
  }
  expect(result.incomplete).toEqual({ 't4.review.upheld': ['己乡人民政府'], 't4.review.total': ['己乡人民政府'] });
  expect(agg.cells['t4.review.upheld']).toBe(1 + 2 + 3 + 4 + 5 + 8);
  expect(agg.cells['t3.received.natural']).toBe(11 + 12 + 13 + 99 + 15 + 16 + 18);
  expect(agg.cells['t2.fee.amount']).toBe(2.9); // 0.1 × (1+2+3+4+5+6+8), without float noise

  // Findings: every failing or undecided outcome of every readable unit, named by unit.
  const findingsOf = (u: string) => result.findings.filter((f) => f.unit === u);
  expect(findingsOf('甲镇人民政府')).toEqual([]);
  expect(findingsOf('丁局').filter((f) => f.status === 'fail').map((f) => f.code).sort()).toEqual(['T3-BALANCE', 'T3-ROW-SUM']);
  expect(findingsOf('戊局')).toEqual([expect.objectContaining({ code: 'T2-INFORCE', status: 'fail', severity: 'warning', file: '部门/戊.json' })]);
  expect(findingsOf('己乡人民政府').map((f) => `${f.code}:${f.status}`).sort()).toEqual(['CELL-INTEGER:undecided', 'T4-GROUP-SUM:undecided']);
  expect(new Set(result.findings.map((f) => f.unit))).toEqual(new Set(['丁局', '戊局', '己乡人民政府', '庚局']));
}

describe('batch', () => {
  let inThread: BatchResult;
  beforeAll(async () => {
    inThread = await runBatch(folder, { jobs: 0 });
  });

  it('checks every report under the folder in this thread', () => expectSummary(inThread));

  it('gives the same summary on two worker threads', async () => {
    const lines: string[] = [];
    const onWorkers = await runBatch(folder, { jobs: 2, thisThread: false, progress: { tty: false, write: (t) => lines.push(t) } });
    expect(onWorkers).toEqual(inThread);
    expect(lines[0]).toBe('共 11 个文件待检查\n');
    expect(lines.filter((l) => /^\[\d+\/11\] /.test(l))).toHaveLength(11);
    expect(lines.some((l) => l.includes('坏/bad.json：无法读取'))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^已检查 11 个文件/);
  });

  it('shares the files between this thread and the workers, each file checked once', async () => {
    const lanes: string[] = [];
    const files = Array.from({ length: 40 }, (_, i) => ({ path: join(folder, '甲.json'), file: `f${i}`, options: {} }));
    const results = await checkFiles(files, { jobs: 2, onResult: (_r, _done, lane) => lanes.push(lane) });
    expect(results.map((r) => r.file)).toEqual(files.map((f) => f.file));
    expect(lanes).toHaveLength(40);
    expect(lanes).toContain('this');
    const onlyWorkers: string[] = [];
    await checkFiles(files.slice(0, 4), { jobs: 2, thisThread: false, onResult: (_r, _d, lane) => onlyWorkers.push(lane) });
    expect(onlyWorkers).toEqual(['worker', 'worker', 'worker', 'worker']);
  });

  it('draws a bar with \\r on a terminal', async () => {
    const out: string[] = [];
    await runBatch(join(folder, '乡镇'), { jobs: 0, progress: { tty: true, write: (t) => out.push(t), columns: 80 } });
    expect(out[0]).toMatch(/^\r检查中 .+ 1\/2$/);
    expect(out[1]).toMatch(/^\r检查中 █+ 2\/2$/);
    expect(out[2]).toMatch(/^\n已检查 2 个文件/);
  });

  it('keeps passing outcomes too with `all`', async () => {
    const all = await runBatch(join(folder, '乡镇'), { jobs: 0, all: true });
    expect(all.findings.filter((f) => f.unit === '乙镇人民政府').length).toBeGreaterThan(200);
    expect(all.findings.every((f) => f.status === 'pass')).toBe(true);
  });
});

describe('xxgk-nianbao batch', () => {
  it('prints { units, aggregate, findings } with --json and exits 1 when a unit has errors or a file is broken', async () => {
    const r = await runCli(['batch', folder, '--json', '--jobs', '0', '--agency', '某某区']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.aggregate.agency).toBe('某某区');
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['units', 'aggregate', 'findings', 'incomplete', 'broken']));
    expectSummary(json);
    expect(r.err).toContain('[11/11]');
  });

  it('exits 0 on a folder where every report reads and passes, and prints a readable summary', async () => {
    const r = await runCli(['batch', join(folder, '乡镇'), '--quiet']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('共 2 个文件：已检查 2，无法读取 0；有错误的单位 0，不完整的单位 0');
    expect(r.out).toContain('✓ 乙镇人民政府（2023年度 · 30号文）通过：错误 0，提醒 0，无法判断 0');
    expect(r.out).toContain('汇总：2 个单位，2023年度 · 30号文格式；所有单元格均已完整汇总');
  });

  it('lists broken files and incomplete cells in the text summary', async () => {
    const r = await runCli(['batch', folder, '--quiet', '--jobs', '0']);
    expect(r.out).toContain('无法读取（3）：');
    expect(r.out).toContain('坏/empty.json 不是有效的 JSON');
    expect(r.out).toContain('✗ 丁局');
    expect(r.out).toContain('2 个单元格不完整：有单位留空，只合计了已填报单位的数值');
    expect(r.out).toContain('已跳过 1 个其他类型的文件');
  });

  it('calls a unit with blank cells 「不完整」, never ✓, lists its blank cells, and marks the district cells', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'xxgk-batch-blank-'));
    writeFileSync(join(sub, '甲.json'), JSON.stringify(good[0]));
    writeFileSync(join(sub, '己.json'), JSON.stringify(blank));
    const r = await runCli(['batch', sub, '--quiet', '--jobs', '0']);
    expect(r.code).toBe(0); // nothing fails; --strict makes 不完整 count
    expect(r.out).toContain('有错误的单位 0，不完整的单位 1');
    expect(r.out).toContain('△ 己乡人民政府（2023年度 · 30号文）不完整：错误 0，提醒 0，无法判断 2');
    expect(r.out).not.toContain('✓ 己乡人民政府');
    expect(r.out).toContain('    待补的空白单元格（1 个）：表四 行政复议·结果维持');
    expect(r.out).toContain('✓ 甲镇人民政府（2023年度 · 30号文）通过');
    expect(r.out).toContain('2 个单元格不完整');
    expect((await runCli(['batch', sub, '--quiet', '--jobs', '0', '--strict'])).code).toBe(1);
    expect((await runCli(['batch', join(folder, '乡镇'), '--quiet', '--strict'])).code).toBe(0);

    const json = JSON.parse((await runCli(['batch', sub, '--json', '--quiet', '--jobs', '0'])).out);
    expect(json.units.find((u: { unit: string }) => u.unit === '己乡人民政府')).toMatchObject({
      verdict: 'incomplete', blankCells: ['t4.review.upheld'], blankPlaces: ['表四 行政复议·结果维持'],
    });
    expect(json.aggregate.cells['t4.review.upheld']).toBe(good[0].cells['t4.review.upheld']);
    expect(json.incomplete).toEqual({ 't4.review.upheld': ['己乡人民政府'], 't4.review.total': ['己乡人民政府'] });
  });

  it('writes the summary as CSV files (UTF-8 with BOM; text never read as a formula)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-batch-out-'));
    const sub = mkdtempSync(join(tmpdir(), 'xxgk-batch-eq-'));
    writeFileSync(join(sub, 'a.json'), JSON.stringify(goodReport('=HYPERLINK("x")', 1)));
    const r = await runCli(['batch', sub, '-o', join(dir, 'summary.csv'), '--jobs', '0']);
    expect(r.code).toBe(0);
    const units = readFileSync(join(dir, 'summary.csv'), 'utf8');
    expect(units.startsWith('\uFEFF单位,文件,结论')).toBe(true);
    expect(units).toContain(`"'=HYPERLINK(""x"")",a.json,通过,2023,2021,0,0,0,,0,是`);
    const agg = readFileSync(join(dir, 'summary.汇总.csv'), 'utf8').split('\r\n');
    expect(agg).toContain('t3.received.natural,表三 一、本年新收政府信息公开申请数量·自然人,11,完整,');
    expect(readFileSync(join(dir, 'summary.校验结果.csv'), 'utf8')).toContain('结果,单位,说明,单元格,应为,实为,规则,文件,编号');
  });

  it('writes the --json object to a .json file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xxgk-batch-out-')), 's.json');
    const r = await runCli(['batch', join(folder, '乡镇'), '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).aggregate.cells['t3.received.natural']).toBe(12 + 13);
  });

  it.each([
    [['batch', join(tmpdir(), 'no-such-folder-xxgk')], /文件夹不存在/],
    [['batch', join(folder, '甲.json')], /这不是一个文件夹/],
    [['batch'], /用法：xxgk-nianbao batch/],
    [['batch', folder, '-o', 'x.pdf'], /-o 的文件应以/],
    [['batch', folder, '--jobs', 'many'], /--jobs/],
  ])('exits 2 for %j', async (args, why) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(why);
  });
});
