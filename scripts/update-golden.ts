/**
 * Rewrites the golden SheetPlan files under test/golden/ (the only way they change):
 *   npm run golden:update
 * then review the diff: every change to the official layout shows up there.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileSheetPlan, sampleReport, type SheetPlan } from '../src/core';

/** The plans kept as golden files: 2021 with the seed's data, 2019 blank. */
export function goldenCases(): { file: string; plan: SheetPlan }[] {
  return [
    { file: 'sheetplan-2021.json', plan: compileSheetPlan('2021', { report: sampleReport(), toolVersion: 'golden' }) },
    { file: 'sheetplan-2019.json', plan: compileSheetPlan('2019', { year: 2020, agency: '示例县人民政府', toolVersion: 'golden' }) },
  ];
}

/** Pretty JSON with one line per cell, merge and name, so a layout change reads as a small diff. */
export function goldenText(plan: SheetPlan): string {
  const ONE_LINE = new Set(['cells', 'merges', 'definedNames', 'conditionalFormats']);
  const text = JSON.stringify(
    plan,
    (key, value: unknown) => {
      if (ONE_LINE.has(key) && Array.isArray(value)) return value.map((v) => `\u0000${JSON.stringify(v)}`);
      if ((key === 'columnWidths' || key === 'rowHeights') && Array.isArray(value)) return `\u0000${JSON.stringify(value)}`;
      return value;
    },
    1,
  );
  return `${text.replace(/"\\u0000((?:[^"\\]|\\.)*)"/g, (m) => (JSON.parse(m) as string).slice(1))}\n`;
}

/** test/golden, from the source tree or from build/scripts. */
export function goldenDir(): string {
  const root = __dirname.includes(`${'/'}build${'/'}`) ? resolve(__dirname, '..', '..') : resolve(__dirname, '..');
  return resolve(root, 'test', 'golden');
}

if (require.main === module) {
  for (const { file, plan } of goldenCases()) {
    writeFileSync(resolve(goldenDir(), file), goldenText(plan));
    process.stdout.write(`wrote test/golden/${file}\n`);
  }
}
