/**
 * Office adapter figures: syncs per operation, counted on the simulator (goals: generate 1,
 * generateOverExisting 2, liveCheck 1, importWrite 1), and the gzip size of the built task-pane
 * JavaScript in dist/ (goal ≤ 200 KB; run `npm run build:web` first, else 'not built').
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { compileSheetPlan } from '../src/core/sheetplan';
import { createExcelHost } from '../src/office/excel-host';
import { createSimulator } from '../test/simulator/excel-simulator';
import type { BenchArea, Figures } from './harness';

async function countSyncs(): Promise<Figures> {
  const plan = compileSheetPlan('2021', { year: 2022, agency: '偃师区缙氏镇人民政府' });
  const sim = createSimulator();
  const host = createExcelHost({ Excel: sim.Excel, Office: sim.Office, debounceMs: 1 });
  const measure = async (op: () => Promise<unknown>) => {
    sim.resetCounts();
    await op();
    return sim.syncCount;
  };
  await host.readReport(); // the pane reads once at start-up
  const generate = await measure(() => host.generate(plan));
  const importWrite = await measure(() => host.writeCells({ 't3.received.natural': 12, 't3.granted.natural': 5, 't4.review.upheld': 1 }));
  const liveCheck = await measure(() => host.readReport());
  const generateOverExisting = await measure(() => host.generate(plan));
  return {
    'syncs.generate': generate,
    'syncs.generateOverExisting': generateOverExisting,
    'syncs.liveCheck': liveCheck,
    'syncs.importWrite': importWrite,
  };
}

/** The scripts taskpane.html loads at start (our bundle, not office.js) and the lazy chunks. */
function bundleFigures(): Figures {
  const dist = path.resolve(__dirname, '..', '..', 'dist');
  const html = path.join(dist, 'taskpane.html');
  if (!existsSync(html)) return { 'bundle.taskpaneGzipBytes': 'not built (npm run build:web)' };
  const initial = [...readFileSync(html, 'utf8').matchAll(/<script[^>]*\bsrc=["']?([^"' >]+\.js)/g)]
    .map((m) => m[1])
    .filter((src) => !src.startsWith('office/') && !/^https?:/.test(src));
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  const lazy = readdirSync(dist).filter((f) => f.endsWith('.js') && !initial.includes(f) && !f.startsWith('commands'));
  return {
    'bundle.taskpaneGzipBytes': initial.reduce((n, f) => n + gz(f), 0),
    'bundle.taskpaneLazyChunksGzipBytes': lazy.reduce((n, f) => n + gz(f), 0),
  };
}

export const officeBench: BenchArea = {
  name: 'office',
  async run() {
    return { ...(await countSyncs()), ...bundleFigures() };
  },
};
