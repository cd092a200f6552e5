/**
 * The workbook cases: each folder here holds `case.json` (how a unit changed our exported sample
 * workbook) and `expected.json` (what every reader must then find). This module makes a case's
 * .xlsx from the sample — the .xlsx writer, then the edited cells replaced in the sheet XML as
 * Excel or WPS would store them — and re-saves the cases that ask for it through LibreOffice, all
 * in one soffice call. See README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { cellAddresses, compileSheetPlan, sampleReport, type SheetPlan } from '../../../src/core';
import { writeXlsx } from '../../../src/xlsx';

/** What a unit left in one cell: a number typed, text typed, or the cell emptied. */
export type CellEdit = { cell: string; constant: number } | { cell: string; text: string } | { cell: string; empty: true };

export interface CaseSpec {
  description: string;
  edits: CellEdit[];
  /** Opened and saved again by LibreOffice (formulas then carry cached values). */
  resaveWithLibreOffice?: boolean;
}

/** A finding every reader must give: a rule outcome that is not a pass, or a reader issue. */
export type Finding = { rule: string; cells: string[]; status: string } | { issue: string; cells: string[]; severity: string };

export interface Expected {
  /** `check`'s exit code: 1 when a rule fails with an error or a reader issue is an error. */
  exitCode: number;
  findings: Finding[];
}

export interface WorkbookCase {
  name: string;
  spec: CaseSpec;
  expected: Expected;
}

export const CASES_DIR = __dirname;

export function loadCases(): WorkbookCase[] {
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      name: d.name,
      spec: JSON.parse(readFileSync(join(CASES_DIR, d.name, 'case.json'), 'utf8')) as CaseSpec,
      expected: JSON.parse(readFileSync(join(CASES_DIR, d.name, 'expected.json'), 'utf8')) as Expected,
    }));
}

/** The plan of the exported sample every case starts from. */
export function samplePlan(): SheetPlan {
  const report = sampleReport();
  return compileSheetPlan(report.format, { report });
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The cell element as Excel stores what was left in it, keeping the cell's style. */
function editedCellXml(address: string, style: string, edit: CellEdit): string {
  if ('empty' in edit) return `<c r="${address}"${style}/>`;
  if ('text' in edit) return `<c r="${address}"${style} t="inlineStr"><is><t>${escapeXml(edit.text)}</t></is></c>`;
  return `<c r="${address}"${style}><v>${edit.constant}</v></c>`;
}

/** Our exported sample with the case's edits applied to the sheet XML. */
export function caseWorkbook(spec: CaseSpec): Uint8Array {
  const plan = samplePlan();
  const files = unzipSync(writeXlsx(plan)) as Record<string, Uint8Array>;
  const addresses = cellAddresses(plan);
  for (const edit of spec.edits) {
    const at = addresses.get(edit.cell);
    if (!at) throw new Error(`case edits an unknown cell ${edit.cell}`);
    // The writer stores sheet i of the plan as sheet{i+1}.xml.
    const part = `xl/worksheets/sheet${plan.sheets.findIndex((s) => s.name === at.sheet) + 1}.xml`;
    const xml = strFromU8(files[part]);
    const cell = new RegExp(`<c r="${at.address}"( s="\\d+")?[^>]*?(?:/>|>.*?</c>)`).exec(xml);
    if (!cell) throw new Error(`no cell ${at.address} in ${part}`);
    const edited = xml.slice(0, cell.index) + editedCellXml(at.address, cell[1] ?? '', edit) + xml.slice(cell.index + cell[0].length);
    files[part] = strToU8(edited);
  }
  return zipSync(files as Zippable);
}

/** Every case's workbook written into `dir` as <name>.xlsx; the LibreOffice ones re-saved in one soffice call. */
export function writeCaseWorkbooks(cases: readonly WorkbookCase[], dir: string): Map<string, string> {
  const paths = new Map<string, string>();
  const viaLibreOffice: string[] = [];
  const made = join(dir, 'made');
  mkdirSync(made, { recursive: true });
  for (const c of cases) {
    const path = join(made, `${c.name}.xlsx`);
    writeFileSync(path, caseWorkbook(c.spec));
    if (c.spec.resaveWithLibreOffice) viaLibreOffice.push(path);
    else paths.set(c.name, path);
  }
  if (viaLibreOffice.length) {
    const out = join(dir, 'resaved');
    resaveWithLibreOffice(viaLibreOffice, out);
    for (const c of cases) if (c.spec.resaveWithLibreOffice) paths.set(c.name, join(out, `${c.name}.xlsx`));
  }
  return paths;
}

function resaveWithLibreOffice(files: string[], outDir: string) {
  const profile = mkdtempSync(join(tmpdir(), 'xxgk-cases-lo-'));
  try {
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 240000 },
    );
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
