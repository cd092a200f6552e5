/**
 * The district batch against what an office would script otherwise: one headless LibreOffice
 * converting the same workbooks to CSV. The workbooks (N ≥ 100, varied: both formats, blanks,
 * failing sums, narrative text, subfolders, a few broken files) are generated once into
 * .bench-data/batch/ (gitignored). Both sides are timed as whole processes, start-up included:
 * `xxgk-nianbao batch <folder> -o summary.xlsx` (the bundle the bin loads) in a fresh node
 * process (peak RSS from process.resourceUsage().maxRSS, worker threads included), and
 * `soffice --headless --convert-to csv` of every workbook, all sheets, after one untimed run
 * that creates its profile. The best run of each side counts (the bench machine may be busy).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getFormat, type FormatId, type Report } from '../src/core';
import { compileSheetPlan } from '../src/core/sheetplan';
import { writeXlsx } from '../src/xlsx';
import type { BenchArea, Figures } from './harness';

const REPO_ROOT = resolve(__dirname, '..', '..');
const DATA = join(REPO_ROOT, '.bench-data', 'batch');
const FILES = 120;
/** Bump when the generator changes, so old data is regenerated. */
const GENERATION = 1;

/** mulberry32: a small seeded generator, so every machine benches the same files. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (max: number) => Math.floor(next() * (max + 1)) };
}

const PLACES = ['城关镇', '东关街道', '西山乡', '河口镇', '南湖街道', '北坡乡', '新城街道', '古城镇'];
const DEPARTMENTS = ['发展和改革局', '教育局', '公安分局', '民政局', '财政局', '自然资源局', '生态环境分局', '住房和城乡建设局', '交通运输局', '卫生健康委员会', '市场监督管理局', '应急管理局'];

/** A report whose sums hold, varied in size; then blanks, errors or text as `kind` says. */
function variedReport(i: number, rnd: ReturnType<typeof prng>): Report {
  const old = i % 10 === 9; // one in ten is a 2020 report in the 2019 format
  const formatId: FormatId = old ? '2019' : '2021';
  const f = getFormat(formatId);
  const scale = [3, 10, 40, 200][i % 4];
  const cells: Report['cells'] = {};
  const parts = f.t3.columns.filter((c) => c.role === 'input').map((c) => c.id);
  const results = f.t3.rows.filter((r) => r.path.length > 1 && r.role === 'input').map((r) => r.id);
  const rowTotal: Record<string, number> = {};
  const put = (row: string, col: string, v: number) => {
    cells[`t3.${row}.${col}`] = v;
    rowTotal[row] = (rowTotal[row] ?? 0) + v;
  };
  for (const col of parts) {
    const busy = col === 'natural' ? 1 : 0.2;
    let handled = 0;
    for (const row of results) {
      const v = rnd.next() < 0.35 ? rnd.int(Math.ceil(scale * busy)) : 0;
      put(row, col, v);
      handled += v;
    }
    const forward = rnd.int(Math.ceil(scale * busy * 0.2));
    const over = rnd.int(Math.min(handled + forward, Math.ceil(scale * busy * 0.2)));
    put('handledTotal', col, handled);
    put('carriedForward', col, forward);
    put('carriedOver', col, over);
    put('received', col, handled + forward - over);
  }
  for (const row of f.t3.rows) cells[`t3.${row.id}.total`] = rowTotal[row.id];
  for (const g of f.t4.groups) {
    let total = 0;
    for (const c of f.t4.columns.filter((x) => x.role === 'input')) total += cells[`t4.${g.id}.${c.id}`] = rnd.int(3);
    cells[`t4.${g.id}.total`] = total;
  }
  for (const c of f.cells.filter((x) => x.table === 't2'))
    cells[c.id] = c.kind === 'amount' ? rnd.int(5_000_000) / 10_000 : c.kind === 'signedCount' ? rnd.int(20) - 10 : rnd.int(scale);
  for (const row of ['regulation', 'normative'])
    if (`t2.${row}.inForce` in cells)
      cells[`t2.${row}.inForce`] = (cells[`t2.${row}.issued`] as number) + rnd.int(scale * 3);

  if (i % 7 === 3) cells[`t3.${results[rnd.int(results.length - 1)]}.${parts[rnd.int(parts.length - 1)]}`] = null; // a blank
  if (i % 11 === 5) cells['t3.received.natural'] = (cells['t3.received.natural'] as number) + 1; // a failing balance
  const agency = i % 3 === 0 ? `${PLACES[i % PLACES.length]}人民政府（${i}）` : `某某区${DEPARTMENTS[i % DEPARTMENTS.length]}（${i}）`;
  const report: Report = { format: formatId, year: old ? 2020 : 2023, agency, cells };
  if (i % 4 === 1)
    report.text = {
      overview: '本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》。'.repeat(20 + rnd.int(200)),
      problems: '存在的主要问题是公开内容不够全面。'.repeat(5 + rnd.int(30)),
    };
  return report;
}

function generate(): string[] {
  // Hidden, so the batch does not read it as a report.
  const manifest = join(DATA, '.manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { generation: number; files: string[] };
    if (m.generation === GENERATION && m.files.every((f) => existsSync(join(DATA, f)))) return m.files;
  }
  rmSync(DATA, { recursive: true, force: true });
  const rnd = prng(2023);
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const sub = i % 3 === 0 ? '乡镇' : '部门';
    mkdirSync(join(DATA, sub), { recursive: true });
    const name = `${sub}/${String(i).padStart(3, '0')}.xlsx`;
    const report = variedReport(i, rnd);
    // Two of the files are damaged the way e-mailed attachments are: cut short.
    let bytes = writeXlsx(compileSheetPlan(report.format, { report }));
    if (i === 17 || i === 88) bytes = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    writeFileSync(join(DATA, name), bytes);
    files.push(name);
  }
  writeFileSync(manifest, JSON.stringify({ generation: GENERATION, files }));
  return files;
}

/**
 * The shipped command — the bundle that bin/xxgk-nianbao.js loads — in a fresh node process,
 * which then reports its own peak memory and CPU time (worker threads included).
 */
const CHILD = `
  const [bundle, ...args] = process.argv.slice(1);
  require(bundle).main(args, { out: () => {}, err: (t) => process.stderr.write(t + '\\n'), isTTY: false }).then((code) => {
    const u = process.resourceUsage();
    process.stdout.write(JSON.stringify({ code, maxRssKb: u.maxRSS, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }) + '\\n');
  });`;

function timeBatch(jobs?: number): { seconds: number; peakRssMb: number; code: number; cpuSeconds: number } {
  const out = join(mkdtempSync(join(tmpdir(), 'xxgk-bench-batch-')), 'summary.xlsx');
  const bundle = join(REPO_ROOT, 'build', 'cli', 'main.js');
  const args = ['batch', DATA, '-o', out, '--quiet', ...(jobs === undefined ? [] : ['--jobs', String(jobs)])];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-e', CHILD, bundle, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`batch child failed: ${r.stderr}`);
  const { code, maxRssKb, cpuSeconds } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { code: number; maxRssKb: number; cpuSeconds: number };
  if (!existsSync(out)) throw new Error('batch wrote no summary');
  return { seconds, peakRssMb: Math.round(maxRssKb / 1024), code, cpuSeconds };
}

/** Wall and CPU seconds (CPU through /usr/bin/time when it exists: soffice runs as child processes). */
function timeLibreOffice(files: string[]): { seconds: number; cpuSeconds: number | null } | null {
  const profile = `file://${join(tmpdir(), 'lo-bench-batch')}`;
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  const timer = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const run = (paths: string[]) => {
    const outdir = mkdtempSync(join(tmpdir(), 'xxgk-bench-lo-'));
    const cpuFile = join(outdir, '.cpu');
    const args = ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', filter, '--outdir', outdir, ...paths];
    const t0 = performance.now();
    const r = timer
      ? spawnSync(timer, ['-f', '%U %S', '-o', cpuFile, 'soffice', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
      : spawnSync('soffice', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    const seconds = (performance.now() - t0) / 1000;
    const written = r.error ? 0 : readdirSync(outdir).filter((f) => f.endsWith('.csv')).length;
    const cpu = timer && existsSync(cpuFile) ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number) : null;
    rmSync(outdir, { recursive: true, force: true });
    if (r.error || r.status !== 0 || written === 0) return null;
    return { seconds, cpuSeconds: cpu && cpu.every(Number.isFinite) ? cpu[0] + cpu[1] : null };
  };
  // Untimed: creates the profile, as on an office machine where LibreOffice has run before.
  if (run([join(DATA, files[0])]) === null) return null;
  return run(files.map((f) => join(DATA, f)));
}

export const batchBench: BenchArea = {
  name: 'batch',
  run(): Figures {
    const files = generate();
    // The best run on each side: the machine may be busy with other work, and a sub-second
    // run feels that most, so the batch gets three tries and LibreOffice (seconds long) two.
    const best = <T extends { seconds: number }>(runs: T[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const runs = [timeBatch(), timeBatch(), timeBatch()];
    const batch = best(runs);
    // For a folder this size the default checks on this thread only (defaultJobs); this is what forcing a worker gives.
    const twoLanes = best([timeBatch(2), timeBatch(2), timeBatch(2)]);
    const loRuns = [timeLibreOffice(files), timeLibreOffice(files)].filter((x) => x !== null);
    const lo = loRuns.length ? best(loRuns) : null;
    const round = (v: number, places = 2) => Math.round(v * 10 ** places) / 10 ** places;
    const figures: Figures = {
      'batch.files': files.length,
      'batch.seconds': round(batch.seconds),
      'batch.libreOfficeSeconds': lo === null ? 'n/a（soffice 不可用）' : round(lo.seconds),
      'batch.ratioVsLibreOffice': lo === null ? 'n/a' : round(lo.seconds / batch.seconds, 1),
      'batch.secondsJobs2': round(twoLanes.seconds),
      'batch.peakRssMb': Math.max(...runs.map((r) => r.peakRssMb)),
      // CPU time is less sensitive to a busy machine than wall time.
      'batch.cpuSeconds': round(batch.cpuSeconds),
    };
    if (lo?.cpuSeconds != null) {
      figures['batch.libreOfficeCpuSeconds'] = round(lo.cpuSeconds);
      figures['batch.cpuRatioVsLibreOffice'] = round(lo.cpuSeconds / batch.cpuSeconds, 1);
    }
    return figures;
  },
};

