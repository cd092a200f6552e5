import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importText } from '../src/core';
import { medianMicros, type BenchArea } from './harness';

/** The seed report (a whole report, tab-separated tables) from shared/fixtures beside the repo. */
function seedText(): string {
  // build/bench/import.js and bench/import.ts both sit two levels below the repository root or deeper.
  for (const up of [['..'], ['..', '..']]) {
    try {
      return readFileSync(resolve(__dirname, ...up, '..', 'shared', 'fixtures', 'seed-2022', 'report.txt'), 'utf8');
    } catch {
      // try the next candidate
    }
  }
  throw new Error('找不到 shared/fixtures/seed-2022/report.txt');
}

export const importBench: BenchArea = {
  name: 'import',
  run() {
    const text = seedText();
    return {
      // Goal ≤ 2 ms: importing a pasted report must feel instant.
      'import.seedMedianMs': Math.round(medianMicros(() => importText(text), 500, 100)) / 1000,
    };
  },
};
