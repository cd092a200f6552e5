/**
 * Acceptance of issue 11 item 1 (「检查表格显示的数」): for every case in this folder, the CLI
 * (`check <file> --json`, the built binary), the .xlsx reader and the Excel adapter on the
 * simulator give the findings of the case's expected.json. The simulator gets the same cells as
 * the case (the user unprotects the sheet and types over, or deletes, as in Excel).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, checkFailed, type Report } from '../../../src/core';
import type { ImportIssue } from '../../../src/core/import/types';
import { readXlsx } from '../../../src/xlsx';
import { setup, where } from '../../office/support';
import { runBin } from '../../support/cli';
import { loadCases, samplePlan, writeCaseWorkbooks, type CaseSpec, type Finding, type WorkbookCase } from './cases';

interface Seen {
  exitCode: number;
  findings: Finding[];
}

/** What `check` finds on a report read with these issues, as expected.json lists it. */
function seenBy(report: Report, issues: readonly Pick<ImportIssue, 'code' | 'cells' | 'severity'>[]): Seen {
  const result = check(report);
  const failed = checkFailed(result) || issues.some((i) => i.severity === 'error');
  return {
    exitCode: failed ? 1 : 0,
    findings: [
      ...issues.map((i) => ({ issue: i.code, cells: i.cells, severity: i.severity })),
      ...result.outcomes.filter((o) => o.status !== 'pass').map((o) => ({ rule: o.rule, cells: o.cells, status: o.status })),
    ],
  };
}

/** Order-free comparison: findings sorted by their JSON. */
function sorted(seen: Seen): Seen {
  return { exitCode: seen.exitCode, findings: [...seen.findings].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) };
}

/** The sample generated in the simulator's Excel, then the case's cells left as the unit left them. */
async function readInSimulator(spec: CaseSpec): Promise<Seen> {
  const { sim, host } = setup();
  const plan = samplePlan();
  await host.generate(plan);
  for (const edit of spec.edits) {
    const { sheet, address } = where(plan, edit.cell);
    // Protection has no password by default: a unit can switch it off and type over a total.
    sim.sheet(sheet).protection.protected = false;
    if ('empty' in edit) sim.simulateUserDelete(sheet, address);
    else sim.simulateUserEdit(sheet, address, [['text' in edit ? edit.text : edit.constant]]);
  }
  const report = await host.readReport();
  if (!report) throw new Error('the adapter found no report');
  return seenBy(report, host.lastReadIssues);
}

const cases = loadCases();
let dir: string;
let files: Map<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-cases-'));
  files = writeCaseWorkbooks(cases, dir);
}, 300000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(cases.map((c) => [c.name, c] as [string, WorkbookCase]))('workbook case %s', (_name, c) => {
  const expected = sorted(c.expected);

  it('the CLI check reports the expected findings and exit code', () => {
    const r = runBin(['check', files.get(c.name)!, '--json']);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as Parameters<typeof seenBy>[0] & { issues?: ImportIssue[]; outcomes: { rule: string; cells: string[]; status: string }[] };
    const findings: Finding[] = [
      ...(json.issues ?? []).map((i) => ({ issue: i.code, cells: i.cells, severity: i.severity })),
      ...json.outcomes.filter((o) => o.status !== 'pass').map((o) => ({ rule: o.rule, cells: o.cells, status: o.status })),
    ];
    expect(sorted({ exitCode: r.code ?? -1, findings })).toEqual(expected);
  });

  it('the .xlsx reader gives the expected findings', () => {
    const { report, issues } = readXlsx(readFileSync(files.get(c.name)!));
    expect(sorted(seenBy(report, issues))).toEqual(expected);
  });

  it('the Excel adapter on the simulator gives the expected findings', async () => {
    expect(sorted(await readInSimulator(c.spec))).toEqual(expected);
  });
});

it('has cases of every kind the issue names, ours and re-saved by LibreOffice', () => {
  const kinds = (c: WorkbookCase) => c.spec.edits.map((e) => ('empty' in e ? 'deleted' : 'text' in e ? 'text' : e.cell.endsWith('.total') || e.cell.includes('handledTotal') ? 'typed-over' : 'part'));
  for (const lo of [false, true]) {
    const present = new Set(cases.filter((c) => !!c.spec.resaveWithLibreOffice === lo).flatMap(kinds));
    expect([...present].sort()).toEqual(expect.arrayContaining(['deleted', 'part', 'typed-over']));
  }
});
