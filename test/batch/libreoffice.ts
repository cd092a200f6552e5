/**
 * Recalculates a workbook in headless LibreOffice and returns every sheet as CSV rows (the
 * numbers LibreOffice computed, full precision), as the sheets feature's LibreOffice test
 * does (its CSV parser is reused). A fresh profile keeps it apart from other LibreOffice runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseCsv } from '../sheets/support';

const FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Sheet name → rows of cells as LibreOffice shows them after recalculating. */
export function recalculate(xlsxPath: string): Map<string, string[][]> {
  const out = mkdtempSync(join(tmpdir(), 'xxgk-lo-out-'));
  const profile = mkdtempSync(join(tmpdir(), 'lo-batch-'));
  const r = spawnSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', FILTER, '--outdir', out, xlsxPath],
    { encoding: 'utf8', timeout: 120000 },
  );
  rmSync(profile, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  const stem = basename(xlsxPath, '.xlsx');
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(out))
    if (f.startsWith(`${stem}-`) && f.endsWith('.csv')) sheets.set(f.slice(stem.length + 1, -4), parseCsv(readFileSync(join(out, f), 'utf8')));
  if (!sheets.size) throw new Error(`soffice wrote no CSV: ${r.stdout} ${r.stderr}`);
  return sheets;
}

/** The workbook as LibreOffice saves it again as .xlsx (what it kept of ours). */
export function resave(xlsxPath: string): Uint8Array {
  const out = mkdtempSync(join(tmpdir(), 'xxgk-lo-resave-'));
  const profile = mkdtempSync(join(tmpdir(), 'lo-batch-'));
  const r = spawnSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, xlsxPath],
    { encoding: 'utf8', timeout: 120000 },
  );
  rmSync(profile, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  return new Uint8Array(readFileSync(join(out, basename(xlsxPath))));
}
