/**
 * The embedded sample: the figures of the project seed (2022 report of 偃师区缙氏镇人民政府),
 * without its prose. Every cell is 0 except the 自然人 cell of （七）总计, which the published
 * table leaves empty — kept blank, as the blank policy demands.
 */
import { getFormat } from './formats';
import type { Report } from './report';

export function sampleReport(): Report {
  const cells: Report['cells'] = {};
  for (const c of getFormat('2021').cells) cells[c.id] = 0;
  cells['t3.handledTotal.natural'] = null;
  return {
    format: '2021',
    year: 2022,
    agency: '偃师区缙氏镇人民政府',
    cells,
    raw: { 't3.handledTotal.natural': '' },
  };
}
