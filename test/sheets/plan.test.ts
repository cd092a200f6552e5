/** The SheetPlan compiler: golden files, the official layout, protection and validation, addresses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FORMAT_IDS, TOOL_VERSION, cellAddresses, compileSheetPlan, dataRanges, getFormat, sampleReport, sheetTotals,
  valuesNotKept, type PlanCell, type SheetSpec,
} from '../../src/core';
import { goldenCases, goldenDir, goldenText } from '../../scripts/update-golden';
import { REPO_ROOT } from '../support/paths';

const sheet = (formatId: '2021' | '2019', key: SheetSpec['key']) => compileSheetPlan(formatId).sheets.find((s) => s.key === key)!;
const at = (s: SheetSpec, row: number, col: number): PlanCell | undefined => s.cells.find((c) => c.row === row && c.col === col);
const mergeAt = (s: SheetSpec, row: number, col: number) => s.merges.find((m) => m.top === row && m.left === col);
const cellWith = (s: SheetSpec, value: string) => s.cells.find((c) => c.value === value)!;

describe('golden SheetPlans (rewritten only by npm run golden:update)', () => {
  it.each(goldenCases().map((c) => [c.file, c.plan] as const))('%s is unchanged', (file, plan) => {
    const golden = readFileSync(join(goldenDir(), file), 'utf8');
    expect(goldenText(plan)).toBe(golden);
  });
});

describe.each(FORMAT_IDS)('layout, format %s', (formatId) => {
  const f = getFormat(formatId);
  const plan = compileSheetPlan(formatId, { year: formatId === '2021' ? 2023 : 2020, agency: '某县人民政府' });

  it('has the four sheets with their names and a title naming agency and year', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(['表二 主动公开', '表三 依申请公开', '表四 复议诉讼', '文字说明']);
    for (const s of plan.sheets) expect(at(s, 0, 0)?.value).toBe(`某县人民政府${plan.year}年政府信息公开工作年度报告`);
  });

  it('places every cell of the format exactly once, inputs as inputs and totals as formulas', () => {
    const placed = plan.sheets.flatMap((s) => s.cells.filter((c) => c.cellId));
    expect(placed.map((c) => c.cellId).sort()).toEqual(f.cells.map((c) => c.id).sort());
    for (const c of placed) {
      const def = f.cellById.get(c.cellId!)!;
      if (def.role === 'total') {
        expect(c.role).toBe('total');
        expect(c.formula).toMatch(/^SUM\(/);
        expect(c.value).toBeUndefined();
      } else {
        expect(c.role).toBe('input');
        expect(c.formula).toBeUndefined();
      }
    }
  });

  it('unlocks and validates exactly the input and text cells', () => {
    for (const s of plan.sheets)
      for (const c of s.cells) {
        expect(c.locked).toBe(!(c.role === 'input' || c.role === 'text'));
        if (c.role === 'input') {
          const kind = f.cellById.get(c.cellId!)!.kind;
          expect(c.validation).toMatchObject(
            kind === 'amount' ? { type: 'decimal', min: 0 } : kind === 'signedCount' ? { type: 'whole' } : { type: 'whole', min: 0 },
          );
          if (kind === 'signedCount') expect(c.validation!.min).toBeUndefined();
          expect(c.validation!.errorMessage).toMatch(/[\u4e00-\u9fff]/);
        } else expect(c.validation).toBeUndefined();
      }
    expect(plan.sheets.every((s) => s.protect)).toBe(true);
  });

  it('lays table 三 out as the official form', () => {
    const t3 = sheet(formatId, 't3');
    const corner = cellWith(t3, f.t3.cornerNote);
    expect(mergeAt(t3, corner.row, corner.col)).toEqual({ top: 2, left: 0, bottom: 4, right: 2 });
    const applicants = cellWith(t3, '申请人情况');
    expect(mergeAt(t3, applicants.row, applicants.col)).toEqual({ top: 2, left: 3, bottom: 2, right: 9 });
    const org = cellWith(t3, '法人或其他组织');
    expect(mergeAt(t3, org.row, org.col)).toEqual({ top: 3, left: 4, bottom: 3, right: 8 });
    for (const label of ['自然人', '总计']) {
      const c = t3.cells.find((x) => x.value === label && x.role === 'header')!;
      expect(mergeAt(t3, c.row, c.col)).toMatchObject({ top: 3, bottom: 4, left: c.col, right: c.col });
    }
    // Group labels （三）–（六） are merged vertically over their rows, never data rows.
    for (const group of ['（三）不予公开', '（四）无法提供', '（五）不予处理']) {
      const c = cellWith(t3, group);
      const rows = f.t3.rows.filter((r) => r.path[1] === group).length;
      expect(mergeAt(t3, c.row, c.col)).toEqual({ top: c.row, left: 1, bottom: c.row + rows - 1, right: 1 });
      expect(at(t3, c.row, 3)?.cellId).toMatch(/^t3\./);
    }
    const other = cellWith(t3, '（六）其他处理');
    if (formatId === '2021') expect(mergeAt(t3, other.row, other.col)).toEqual({ top: other.row, left: 1, bottom: other.row + 2, right: 1 });
    else expect(mergeAt(t3, other.row, other.col)).toEqual({ top: other.row, left: 1, bottom: other.row, right: 2 });
    const results = cellWith(t3, '三、本年度办理结果');
    expect(results.col).toBe(0);
    expect(mergeAt(t3, results.row, 0)!.bottom - results.row + 1).toBe(f.t3.rows.filter((r) => r.path.length > 1).length);
  });

  it('puts a check row under table 三 computing 一 + 二 − （七） − 四, red when non-zero', () => {
    const plan3 = sheet(formatId, 't3');
    const addr = cellAddresses(compileSheetPlan(formatId));
    const checks = plan3.cells.filter((c) => c.role === 'check' && c.formula);
    expect(checks).toHaveLength(7);
    f.t3.columns.forEach((col, i) => {
      const a = (row: string) => addr.get(`t3.${row}.${col.id}`)!.address;
      const column = `${a('received')}:${a('carriedForward')}`;
      expect(checks[i].formula).toBe(`IF(SUMPRODUCT(--ISTEXT(${column}))>0,"含文字",${a('received')}+${a('carriedOver')}-${a('handledTotal')}-${a('carriedForward')})`);
    });
    expect(checks[0].row).toBe(Math.max(...plan3.cells.filter((c) => c.cellId).map((c) => c.row)) + 1);
    expect(plan3.conditionalFormats).toEqual([
      expect.objectContaining({ range: `D${checks[0].row + 1}:J${checks[0].row + 1}`, formula: `D${checks[0].row + 1}<>0`, fill: 'FFC7CE' }),
    ]);
  });

  it('gives table 四 its two-level header', () => {
    const t4 = sheet(formatId, 't4');
    const review = cellWith(t4, '行政复议');
    expect(mergeAt(t4, review.row, review.col)).toEqual({ top: 2, left: 0, bottom: 3, right: 4 });
    const suit = cellWith(t4, '行政诉讼');
    expect(mergeAt(t4, suit.row, suit.col)).toEqual({ top: 2, left: 5, bottom: 2, right: 14 });
    expect(mergeAt(t4, 3, 5)).toEqual({ top: 3, left: 5, bottom: 3, right: 9 });
    expect(at(t4, 3, 10)?.value).toBe('复议后起诉');
    expect(t4.print.orientation).toBe('landscape');
    expect(t4.cells.filter((c) => c.row === 4).map((c) => c.value)).toEqual(Array(3).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat());
  });

  it('reaches every input and total cell and each block by a defined name', () => {
    const names = new Map(plan.definedNames.map((d) => [d.name, d]));
    expect(names.size).toBe(plan.definedNames.length);
    for (const c of f.cells) expect(names.has(`XXGK_${c.id.replace(/\./g, '_').toUpperCase()}`)).toBe(true);
    for (const n of ['XXGK_T2_DATA', 'XXGK_T3_DATA', 'XXGK_T3_CHECK', 'XXGK_T4_DATA', 'XXGK_TEXT_OVERVIEW', 'XXGK_TEXT_PROBLEMS', 'XXGK_TEXT_OTHER'])
      expect(names.has(n)).toBe(true);
  });

  it('prints on A4, one page wide, with number formats for counts and 万元', () => {
    for (const s of plan.sheets) expect(s.print).toMatchObject({ paper: 'A4', fitToWidth: 1 });
    const t2 = sheet(formatId, 't2');
    const amount = t2.cells.find((c) => c.cellId?.endsWith('.amount'))!;
    expect(t2.styles[amount.style].numberFormat).toBe('0.00##');
    const count = t2.cells.find((c) => c.cellId === 't2.regulation.' + (formatId === '2021' ? 'issued' : 'made'))!;
    expect(t2.styles[count.style].numberFormat).toBe('0');
  });
});

describe('data in the plan', () => {
  it('carries input values, leaves blanks empty (never 0) and writes no value for totals', () => {
    const report = sampleReport();
    report.cells['t3.received.natural'] = 7;
    report.cells['t2.fee.amount'] = 190.457379;
    report.cells['t4.review.upheld'] = null;
    const plan = compileSheetPlan('2021', { report });
    const byId = new Map(plan.sheets.flatMap((s) => s.cells).filter((c) => c.cellId).map((c) => [c.cellId!, c]));
    expect(byId.get('t3.received.natural')!.value).toBe(7);
    expect(byId.get('t2.fee.amount')!.value).toBe(190.457379);
    expect(byId.get('t4.review.upheld')!.value).toBeNull();
    expect(byId.get('t3.handledTotal.natural')!.value).toBeUndefined();
  });

  it('names the values the sheet will compute instead of keeping them', () => {
    const report = sampleReport(); // its （七）总计·自然人 is blank while every part is 0
    report.cells['t4.review.total'] = 5;
    const kept = valuesNotKept(report);
    expect(kept.recomputed).toEqual([
      { cellId: 't3.handledTotal.natural', given: null, sheet: 0 },
      { cellId: 't4.review.total', given: 5, sheet: 0 },
    ]);
  });

  it('treats a total with a blank part as unknown', () => {
    const report = sampleReport();
    report.cells['t3.granted.research'] = null;
    const totals = sheetTotals('2021', report.cells);
    expect(totals['t3.granted.total']).toBeNull();
    expect(totals['t3.handledTotal.research']).toBeNull();
    expect(totals['t3.received.total']).toBe(0);
  });

  it('refuses a report of the other format', () => {
    const report = sampleReport();
    expect(() => compileSheetPlan('2019', { report })).toThrow(/2021 格式/);
  });

  it('records the tool version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
    expect(compileSheetPlan('2021').metadata).toEqual({ tool: 'xxgk-nianbao', toolVersion: pkg.version, format: '2021', year: null, agency: null });
  });
});

describe('addresses for the add-in', () => {
  it('maps every canonical id to a sheet and A1 address, and covers them with one data range per table sheet', () => {
    const plan = compileSheetPlan('2021');
    const addr = cellAddresses(plan);
    expect(addr.get('t3.received.natural')).toMatchObject({ sheet: '表三 依申请公开', address: 'D6', role: 'input' });
    expect(addr.get('t3.received.total')).toMatchObject({ address: 'J6', role: 'total' });
    const ranges = dataRanges(plan);
    expect(ranges.map((r) => r.sheet)).toEqual(['表二 主动公开', '表三 依申请公开', '表四 复议诉讼']);
    const t3 = ranges[1];
    expect(t3.address).toBe('D6:J30');
    for (const c of t3.cells) {
      const a = addr.get(c.cellId)!;
      expect([a.row, a.col]).toEqual([t3.top + c.row, t3.left + c.col]);
    }
    expect(ranges.reduce((n, r) => n + r.cells.length, 0)).toBe(addr.size);
  });
});
