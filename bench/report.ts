import { performance } from 'node:perf_hooks';
import { planDocument, sampleReport } from '../src/core';
import { writeDocx } from '../src/publish/docx';
import { writeHtml } from '../src/publish/html';
import type { BenchArea } from './harness';
import { medianMicros } from './harness';

/** Median wall time of an async `fn` in milliseconds (the .docx writer's packing is async). */
async function medianMsAsync(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)] * 100) / 100;
}

/** The published report of the sample, in process: plan + Word document (goal ≤ 50 ms), plan + web page. */
export const reportBench: BenchArea = {
  name: 'report',
  async run() {
    const report = sampleReport();
    const bytes = await writeDocx(planDocument(report));
    return {
      'report.docxMedianMs': await medianMsAsync(() => writeDocx(planDocument(report)), 60, 10),
      'report.htmlMedianMs': Math.round(medianMicros(() => writeHtml(planDocument(report)), 200, 20) / 10) / 100,
      'report.docxBytes': bytes.length,
    };
  },
};
