/**
 * What an import will write, keep and leave out (the import preview), apart from the controller so
 * that it loads with the importer, not in the pane's first download.
 */
import { getFormat } from '../core/formats';
import type { Report } from '../core/report';
import { sheetTotals } from '../core/sheetplan/compile';
import { filledInputs, type ImportIssueView, type ImportPreview } from './controller';

/**
 * Each total's sum over the pasted parts only: null when a part is blank or missing in the paste
 * (nested totals count through their own parts). Used to tell a pasted total that disagrees from
 * one that cannot be compared.
 */
function pastedPartSums(imported: Report): Record<string, number | null> {
  const inputs: Report['cells'] = {};
  for (const c of getFormat(imported.format).cells) if (c.role === 'input') inputs[c.id] = imported.cells[c.id] ?? null;
  return sheetTotals(imported.format, inputs);
}

/** What an import will write, keep and leave out, against the report the sheets hold now. */
export function planImport(
  imported: Report, issues: ImportIssueView[], source: 'text' | 'html', current: Report | null,
): ImportPreview {
  const format = getFormat(imported.format);
  const writes: Record<string, number> = {};
  const blanks: string[] = [];
  const notWritten: ImportPreview['notWritten'] = [];
  const totalsNotComparable: string[] = [];
  let totalsAgreeing = 0;
  const sums = pastedPartSums(imported);
  for (const [id, value] of Object.entries(imported.cells)) {
    const def = format.cellById.get(id);
    if (value === null) {
      if (def?.role === 'input') blanks.push(id);
      continue;
    }
    if (!def) notWritten.push({ cellId: id, value, why: 'otherFormat' });
    else if (def.role === 'total') {
      const sum = sums[id];
      if (sum === null || sum === undefined) totalsNotComparable.push(id);
      else if (Math.abs(sum - value) < 1e-9) totalsAgreeing++;
      else notWritten.push({ cellId: id, value, why: 'total' });
    }
    else writes[id] = value;
  }
  const missing = format.cells.filter((c) => c.role === 'input' && !(c.id in imported.cells)).map((c) => c.id);
  let retitle: ImportPreview['retitle'] = null;
  const yearDiffers = imported.year !== null && imported.year !== current?.year;
  const agencyFills = !!imported.agency && !current?.agency;
  if (yearDiffers || agencyFills)
    retitle = { year: imported.year ?? current?.year ?? null, agency: current?.agency || imported.agency || null };
  return {
    source, report: imported, issues, writes, blanks, missing, notWritten, totalsAgreeing, totalsNotComparable, retitle,
    replacing: filledInputs(current),
  };
}
