import { confront, rulesFor, sampleReport } from '../src/core';
import { medianMicros, type BenchArea } from './harness';

export const coreBench: BenchArea = {
  name: 'core',
  run() {
    const report = sampleReport();
    // A complete report (no blank) so every rule is decided, as in normal use.
    report.cells['t3.handledTotal.natural'] = 0;
    const rules = rulesFor('2021', { crossYear: true });
    return {
      'core.rules2021': rules.length,
      'core.confrontMedianUs': medianMicros(() => confront(report, rules, { lastYear: report }), 5000, 500),
    };
  },
};
