/** Builds an Excel host on a fresh simulator, and reads sheets by cell id for assertions. */
import { compileSheetPlan, type FormatId } from '../../src/core';
import { cellAddresses, type SheetPlan } from '../../src/core/sheetplan';
import { createExcelHost, type ExcelHost, type ExcelHostDeps } from '../../src/office/excel-host';
import { createSimulator, type ExcelSimulator, type SimulatorOptions } from '../simulator/excel-simulator';

export interface Setup {
  sim: ExcelSimulator;
  host: ExcelHost;
  notices: string[];
}

export function setup(options?: SimulatorOptions, deps: Partial<ExcelHostDeps> = {}): Setup {
  const sim = createSimulator(options);
  const notices: string[] = [];
  const host = createExcelHost({ Excel: sim.Excel, Office: sim.Office, debounceMs: 20, onNotice: (m) => notices.push(m), ...deps });
  return { sim, host, notices };
}

export function plan2022(agency: string | null = '测试镇人民政府'): SheetPlan {
  return compileSheetPlan('2021', { year: 2022, agency });
}

export function planFor(format: FormatId, year: number): SheetPlan {
  return compileSheetPlan(format, { year, agency: '测试镇人民政府' });
}

/** Where a canonical cell is drawn: sheet name and A1 address. */
export function where(plan: SheetPlan, cellId: string): { sheet: string; address: string } {
  const a = cellAddresses(plan).get(cellId);
  if (!a) throw new Error(`no cell ${cellId}`);
  return { sheet: a.sheet, address: a.address };
}

export function wait(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Waits until `condition` holds (polling), failing after `timeoutMs`: robust on a loaded machine. */
export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms: ${condition}`);
    await wait(2);
  }
}
