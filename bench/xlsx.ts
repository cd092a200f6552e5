import { compileSheetPlan, sampleReport } from '../src/core';
import { readXlsx, writeXlsx } from '../src/xlsx';
import type { BenchArea } from './harness';
import { medianMicros } from './harness';

/** Building (compile + write) and reading the seed's workbook, in milliseconds. */
export const xlsxBench: BenchArea = {
  name: 'xlsx',
  run() {
    const report = sampleReport();
    const bytes = writeXlsx(compileSheetPlan('2021', { report }));
    const ms = (us: number) => Math.round(us / 10) / 100;
    return {
      'xlsx.buildMedianMs': ms(medianMicros(() => writeXlsx(compileSheetPlan('2021', { report })), 200, 20)),
      'xlsx.readMedianMs': ms(medianMicros(() => readXlsx(bytes), 200, 20)),
      'xlsx.bytes': bytes.length,
    };
  },
};
