/**
 * `npm run bench` prints figures; `npm run bench -- --json` prints them as one JSON object.
 * Each area lives in its own file; a feature adds its area to AREAS (one line).
 */
import { batchBench } from './batch';
import { coreBench } from './core';
import { importBench } from './import';
import type { BenchArea, Figures } from './harness';
import { officeBench } from './office';
import { offlineBench } from './offline';
import { reportBench } from './report';
import { xlsxBench } from './xlsx';

const AREAS: BenchArea[] = [
  coreBench,
  importBench,
  batchBench,
  xlsxBench,
  officeBench,
  offlineBench,
  reportBench,
];

async function main() {
  const json = process.argv.includes('--json');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const figures: Figures = {};
  for (const area of AREAS) {
    if (only && area.name !== only) continue;
    const started = Date.now();
    Object.assign(figures, await area.run());
    if (!json) process.stderr.write(`bench ${area.name}: ${Date.now() - started} ms\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(36)} ${v}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
