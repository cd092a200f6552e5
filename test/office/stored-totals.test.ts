/**
 * The Excel adapter reads totals as Excel holds them (values and formulas in the live check's one
 * sync): a total typed over its formula is what the report takes and what the rules check, and
 * regenerating the sheets puts the formula back while keeping the entered values.
 */
import { check, compileSheetPlan, sampleReport } from '../../src/core';
import { setup, where } from './support';

async function generatedSample() {
  const s = setup();
  const report = sampleReport();
  const plan = compileSheetPlan(report.format, { report });
  await s.host.generate(plan);
  return { ...s, plan };
}

describe('Excel adapter: stored totals', () => {
  it('reads a total typed over its formula in one sync, reports it, and the rules compare it with the parts', async () => {
    const { sim, host, plan } = await generatedSample();
    const total = where(plan, 't3.received.total');
    sim.sheet(total.sheet).protection.protected = false; // protection has no password by default
    sim.simulateUserEdit(total.sheet, total.address, [[12]]);
    expect(sim.cell(total.sheet, total.address).formula).toBeUndefined();
    sim.resetCounts();
    const report = (await host.readReport())!;
    expect(sim.syncCount).toBe(1);
    expect(report.cells['t3.received.total']).toBe(12);
    expect(host.lastReadIssues).toEqual([{ code: 'TOTAL-OVERWRITTEN', cells: ['t3.received.total'], severity: 'error', expected: 0, found: 12 }]);
    const rowSum = check(report).outcomes.find((o) => o.rule === 'T3-ROW-SUM' && o.cells[0] === 't3.received.total');
    expect(rowSum).toMatchObject({ status: 'fail', found: 12, expected: 0 });
  });

  it('takes the value Excel computes for an intact formula, following the parts', async () => {
    const { host } = await generatedSample();
    await host.writeCells({ 't3.received.natural': 4, 't3.received.otherOrg': 1 });
    const report = (await host.readReport())!;
    expect(report.cells['t3.received.total']).toBe(5);
    expect(host.lastReadIssues).toEqual([]);
  });

  it('makes a deleted total unknown, and regenerating restores the formula and keeps what was entered', async () => {
    const { sim, host, plan } = await generatedSample();
    await host.writeCells({ 't4.review.upheld': 2 });
    const total = where(plan, 't4.review.total');
    sim.sheet(total.sheet).protection.protected = false;
    sim.simulateUserDelete(total.sheet, total.address);
    const damaged = (await host.readReport())!;
    expect(damaged.cells['t4.review.total']).toBeNull();
    expect(host.lastReadIssues).toMatchObject([{ code: 'TOTAL-FORMULA-DELETED', cells: ['t4.review.total'], expected: 2 }]);

    await host.generate(plan);
    expect(sim.cell(total.sheet, total.address).formula).toMatch(/^=SUM\(/);
    const repaired = (await host.readReport())!;
    expect(repaired.cells['t4.review.upheld']).toBe(2);
    expect(repaired.cells['t4.review.total']).toBe(2);
    expect(host.lastReadIssues).toEqual([]);
  });
});
