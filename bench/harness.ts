/** Small timing helpers for `npm run bench` (figures only; no test depends on speed). */
import { performance } from 'node:perf_hooks';

/** Median wall time of `fn` in microseconds over `runs` runs after `warmup` runs. */
export function medianMicros(fn: () => unknown, runs = 2000, warmup = 200): number {
  for (let i = 0; i < warmup; i++) fn();
  const times = new Array<number>(runs);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times[i] = (performance.now() - t0) * 1000;
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)] * 100) / 100;
}

export type Figures = Record<string, number | string>;

/** One area of the benchmark: returns named figures such as `core.confrontMedianUs`. */
export interface BenchArea {
  name: string;
  run(): Figures | Promise<Figures>;
}
