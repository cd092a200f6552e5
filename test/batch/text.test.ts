/**
 * The batch reads pasted text and web pages through the importer (whatever `loadInput` reads):
 * the project seed as .txt and as .html, a published excerpt without agency or year, and a
 * text with no table at all (listed as unreadable, not summed as an empty unit).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFormat } from '../../src/core';
import { loadInput } from '../../src/cli/input';
import { runBatch } from '../../src/node/batch';
import { FIXTURES } from '../support/paths';

const folder = mkdtempSync(join(tmpdir(), 'xxgk-batch-text-'));
const seedText = readFileSync(join(FIXTURES, 'seed-2022', 'report.txt'), 'utf8');
writeFileSync(join(folder, 'seed.txt'), seedText);

/** The seed as a web page: prose as paragraphs, tab-separated lines as table rows. */
function asHtml(text: string): string {
  const out: string[] = ['<html><body>'];
  let inTable = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) {
      if (!inTable) out.push('<table border="1">');
      inTable = true;
      out.push(`<tr>${line.split('\t').map((c) => `<td>${c.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</td>`).join('')}</tr>`);
    } else {
      if (inTable) out.push('</table>');
      inTable = false;
      if (line.trim()) out.push(`<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
    }
  }
  if (inTable) out.push('</table>');
  return `${out.join('\n')}</body></html>`;
}
writeFileSync(join(folder, 'seed.html'), asHtml(seedText));
// A published excerpt, fed without its two header lines as the fixture README says.
const excerpt = readFileSync(join(FIXTURES, 'published', '002.txt'), 'utf8').split('\n').slice(2).join('\n');
writeFileSync(join(folder, '摘录.txt'), excerpt);
writeFileSync(join(folder, '会议纪要.txt'), '会议纪要：研究部署下一阶段工作。\n');

describe('batch over text and web pages', () => {
  it('reads them with the importer, counts import issues, and sums what the units give, marking cells some left blank', async () => {
    const result = await runBatch(folder, { jobs: 0 });
    const seed = loadInput(join(folder, 'seed.txt'));
    const page = loadInput(join(folder, 'seed.html'));
    const part = loadInput(join(folder, '摘录.txt'));
    expect(page.report.cells).toEqual(seed.report.cells);

    const seedName = `${seed.report.agency}（seed.txt）`;
    const pageName = `${seed.report.agency}（seed.html）`;
    expect(result.units.map((u) => [u.unit, u.status])).toEqual([
      [pageName, 'ok'], [seedName, 'ok'], ['会议纪要', 'broken'], ['摘录', 'ok'],
    ]);
    expect(result.broken).toEqual([{ file: '会议纪要.txt', reason: expect.stringMatching(/会议纪要\.txt：没有读到年报表格中的任何单元格（未在粘贴内容中找到表二、表三或表四/) }]);

    const seedRow = result.units.find((u) => u.unit === seedName)!;
    const notable = (seed.issues as { severity: string }[]).filter((i) => i.severity !== 'info').length;
    expect(notable).toBeGreaterThan(0); // the seed's blank 总计 cell
    expect(seedRow).toMatchObject({ year: 2022, format: '2021', importIssues: notable, errors: 0, aggregated: true });
    expect(seedRow.warnings).toBe(notable);
    // The same agency and year twice: both summed, and said so on both rows.
    expect(seedRow.reason).toBe('同一单位另有报告 seed.html，均已计入汇总：如为重复或修改稿，请删去其一后重新汇总');
    expect(result.units.find((u) => u.unit === pageName)!.reason).toContain('seed.txt');
    expect(result.units.find((u) => u.unit === '摘录')!.reason).toBeNull();
    expect(result.findings.filter((f) => f.unit === seedName && f.source === 'import').length).toBe((seed.issues ?? []).length);
    expect(result.units.find((u) => u.unit === '摘录')).toMatchObject({ year: null, aggregated: true });

    const agg = result.aggregate!;
    expect(agg.year).toBe(2022);
    for (const cell of getFormat('2021').cells) {
      const values = [page, seed, part].map((u) => u.report.cells[cell.id]);
      const blanks = [pageName, seedName, '摘录'].filter((_, i) => typeof values[i] !== 'number');
      // The known units' sum, marked incomplete with the units that left it blank.
      const known = values.filter((v): v is number => typeof v === 'number');
      if (known.length) expect(agg.cells[cell.id]).toBeCloseTo(known.reduce((a, b) => a + b, 0), 9);
      else expect(agg.cells[cell.id]).toBeNull();
      if (blanks.length) expect(result.incomplete[cell.id]).toEqual(expect.arrayContaining(blanks));
    }
    expect(Object.values(agg.cells).some((v) => v !== null)).toBe(true);
  });
});
