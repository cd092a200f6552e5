/**
 * Fuzzing: 100,000 random and mutated inputs (mutations of the fixtures, in every layout the
 * importer reads) never throw, always return a report, and each returns within 50 ms (the
 * issue's correctness bound for a single paste; measured as computing time — the lesser of wall
 * and CPU time, best of 5 for a slow call — so load from other jobs is not counted). Seeded.
 */
import { performance } from 'node:perf_hooks';
import { importGrid, importHtml, importText, type GridCell } from '../../src/core';
import { loadFixtures } from './support';
import { renderHtml, renderTsv } from './render';

const RUNS = 100_000;
const MAX_MS = 50;
/** Per-case size stays small so the whole test fits ~60 s on 2 cores. */
const MAX_SLICE = 300;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  '\t', '\n', '\n\n', '|', ' ', '0', '1', '9', '-', '/', '—', '无', '减', '万元', '元', '（', '）', '(', ')', '、', '.', ',', '１', '，',
  '规章', '行政规范性文件', '规范性文件', '第二十条第(一)项', '信息内容', '本年制发件数', '本年度止件数', '总计', '自然人',
  '一、本年新收政府信息公开申请数量', '(三)不予公开', '1.属于国家秘密', '(七)总计', '四、结转下年度继续办理', '行政复议',
  '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况',
  '<table>', '<tr>', '<td rowspan="999999">', '<td colspan="3">', '</td>', '</tr>', '&nbsp;', '&#x1F600;', '"', '\uFEFF', '\u0000', '\uD800',
  '2022年政府信息公开工作年度报告', '政府集中采购', '592万元', '1,234', '+3', '若干',
];

test('100,000 random and mutated inputs never throw and each returns within 50 ms', () => {
  const rnd = mulberry32(20240611);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const fixtures = loadFixtures().map((f) => f.text);
  const seeds = [...fixtures, renderTsv({ format: '2021', year: 2023, agency: null, cells: {} }), renderHtml({ format: '2019', year: 2020, agency: null, cells: {} })];

  const randomText = () => {
    let s = '';
    const n = Math.floor(rnd() * 60);
    for (let i = 0; i < n; i++) s += pick(ALPHABET);
    return s;
  };
  const mutate = (src: string) => {
    const start = Math.floor(rnd() * src.length);
    let s = src.slice(start, start + 1 + Math.floor(rnd() * MAX_SLICE));
    const edits = 1 + Math.floor(rnd() * 6);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(rnd() * (s.length + 1));
      const op = rnd();
      if (op < 0.35) s = s.slice(0, at) + pick(ALPHABET) + s.slice(at);
      else if (op < 0.6) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 20));
      else if (op < 0.75) {
        const line = s.slice(at, s.indexOf('\n', at) + 1 || s.length);
        s = s.slice(0, at) + line + line + s.slice(at);
      } else if (op < 0.9) s = s.replace(/\n/g, pick(['\t', ' | ', '\n\n', '\n|\n', ' ']));
      else s = s.slice(0, at) + String.fromCharCode(Math.floor(rnd() * 0xffff)) + s.slice(at);
    }
    return s;
  };
  const randomGrid = (): GridCell[][] => {
    const rows: GridCell[][] = [];
    const h = Math.floor(rnd() * 30);
    for (let r = 0; r < h; r++) {
      const row: GridCell[] = [];
      const w = Math.floor(rnd() * 12);
      for (let c = 0; c < w; c++) {
        const k = rnd();
        row.push(k < 0.3 ? null : k < 0.6 ? Math.floor(rnd() * 100) : k < 0.65 ? Number.NaN : k < 0.7 ? -Infinity : pick(ALPHABET));
      }
      rows.push(row);
    }
    return rows;
  };

  let worst = 0;
  let worstInput = '';
  for (let i = 0; i < RUNS; i++) {
    const kind = i % 10;
    let input: string | GridCell[][];
    if (kind === 0) input = randomText();
    else if (kind === 1) input = randomGrid();
    else input = mutate(pick(seeds));
    const run = () =>
      typeof input !== 'string' ? importGrid(input, { year: 2022 })
        : kind === 2 ? importHtml(input)
        : importText(input, kind === 3 ? { year: 2020 } : {});
    // Time spent computing: the lesser of wall time and this process's CPU time (other jobs on a
    // busy machine stall the wall clock, not the CPU clock); a slow call is timed again, best of 5.
    const timed = () => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = run();
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      return { r, ms: Math.min(wall, (c.user + c.system) / 1000) };
    };
    const first = timed();
    const result = first.r;
    let ms = first.ms;
    for (let retry = 0; retry < 4 && ms >= MAX_MS; retry++) ms = Math.min(ms, timed().ms);
    if (ms > worst) {
      worst = ms;
      worstInput = typeof input === 'string' ? input : JSON.stringify(input);
    }
    if (!result || !result.report || typeof result.report.cells !== 'object' || !Array.isArray(result.issues))
      throw new Error(`bad result for input #${i}: ${JSON.stringify(input).slice(0, 200)}`);
  }
  expect({ worstMs: worst < MAX_MS ? 'ok' : worst, input: worst < MAX_MS ? '' : worstInput.slice(0, 300) }).toEqual({ worstMs: 'ok', input: '' });
});

test('hostile inputs: not a string, huge spans, deep nesting', () => {
  expect(importText(undefined as unknown as string).report.cells).toEqual({});
  expect(importGrid(null as unknown as GridCell[][]).issues[0].code).toBe('NO-TABLE');
  const spans = `<table>${'<tr><td rowspan="100000" colspan="100000">1</td></tr>'.repeat(200)}</table>`;
  const t0 = performance.now();
  importHtml(spans);
  expect(performance.now() - t0).toBeLessThan(1000);
  expect(() => importHtml('<table>'.repeat(5000) + '<td>1'.repeat(5000))).not.toThrow();
});
