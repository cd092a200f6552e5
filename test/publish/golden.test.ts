/**
 * The published report's structure as golden files (test/golden/report-*.json): the title, the
 * notes, sections 一–六 and tables 二–四 row by row. A change to the document shows up as a diff;
 * rewrite them after reviewing it with
 *   UPDATE_GOLDEN=1 npx jest test/publish/golden.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planDocument, sampleReport, type DocumentPlan } from '../../src/core';
import { REPO_ROOT } from '../support/paths';
import { zeroReport } from './support';

const GOLDEN_DIR = join(REPO_ROOT, 'test', 'golden');

const CASES: [string, () => DocumentPlan][] = [
  ['report-2021.json', () => planDocument(sampleReport())],
  ['report-2019.json', () => planDocument(zeroReport('2019', 2020, '示例县人民政府'))],
];

/** Pretty JSON with one line per table row and per paragraph, so a change reads as a small diff. */
function goldenText(plan: DocumentPlan): string {
  const text = JSON.stringify(
    plan,
    (key, value: unknown) => {
      if (key === 'rows' && Array.isArray(value)) return value.map((row) => `\u0000${JSON.stringify(row)}`);
      if ((key === 'runs' || key === 'title' || key === 'columnWidths' || key === 'blanks') && Array.isArray(value)) return `\u0000${JSON.stringify(value)}`;
      return value;
    },
    1,
  );
  return `${text.replace(/"\\u0000((?:[^"\\]|\\.)*)"/g, (m) => (JSON.parse(m) as string).slice(1))}\n`;
}

describe('golden document plans', () => {
  it.each(CASES)('%s is unchanged', (file, make) => {
    const text = goldenText(make());
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(join(GOLDEN_DIR, file), text);
    expect(text).toBe(readFileSync(join(GOLDEN_DIR, file), 'utf8'));
    // The golden file is the plan itself, not a rendering of it.
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(make())));
  });
});
