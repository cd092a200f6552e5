/**
 * The one-file offline page dist/年报助手.html (every script, the sample and every reader it
 * offers inlined): its size on disk (goal ≤ 3 MB) and gzipped (what an email or a download
 * carries). Run `npm run build:web` first, else 'not built'.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchArea, Figures } from './harness';

/** bench runs from build/bench/, so dist/ is two folders up. */
const ONE_FILE_PAGE = path.resolve(__dirname, '..', '..', 'dist', '年报助手.html');

export const offlineBench: BenchArea = {
  name: 'offline',
  run(): Figures {
    if (!existsSync(ONE_FILE_PAGE)) return { 'offline.fileBytes': 'not built (npm run build:web)' };
    const bytes = readFileSync(ONE_FILE_PAGE);
    return { 'offline.fileBytes': bytes.length, 'offline.gzipBytes': gzipSync(bytes, { level: 9 }).length };
  },
};
