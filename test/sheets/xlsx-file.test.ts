/**
 * The written .xlsx, read from its own XML parts (not from our plan or reader): protection,
 * locking, validation, merges, defined names, formulas with their cached values, metadata.
 */
import { createHash } from 'node:crypto';
import { cellAddresses, compileSheetPlan, getFormat, sampleReport, sheetTotals, type FormatId } from '../../src/core';
import { writeXlsx } from '../../src/xlsx';
import { expandSqref, parseWorkbookXml, type XmlWorkbook } from './support';

function build(formatId: FormatId, password?: string) {
  const report = formatId === '2021' ? sampleReport() : undefined;
  const plan = compileSheetPlan(formatId, { report, year: formatId === '2021' ? 2022 : 2020, agency: '偃师区缙氏镇人民政府', password });
  const bytes = writeXlsx(plan, { salt: new Uint8Array(16).fill(7), spinCount: 1000 });
  return { plan, wb: parseWorkbookXml(bytes) };
}

/** A1 → {sheet, ref} of every input cell, from the defined names in workbook.xml. */
function inputRefs(wb: XmlWorkbook, formatId: FormatId) {
  return getFormat(formatId)
    .cells.filter((c) => c.role === 'input')
    .map((c) => {
      const target = wb.definedNames.get(`XXGK_${c.id.replace(/\./g, '_').toUpperCase()}`)!;
      const m = /^'(.+)'!\$([A-Z]+)\$(\d+)$/.exec(target)!;
      return { id: c.id, kind: c.kind, sheet: m[1], ref: `${m[2]}${m[3]}` };
    });
}

describe.each(['2021', '2019'] as FormatId[])('the written workbook, format %s', (formatId) => {
  const { plan, wb } = build(formatId);

  it('protects every sheet, with no password by default', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(['表二 主动公开', '表三 依申请公开', '表四 复议诉讼', '文字说明', '_xxgk']);
    for (const s of wb.sheets) {
      expect(s.protection).toMatchObject({ sheet: '1' });
      expect(s.protection!.hashValue).toBeUndefined();
    }
    expect(wb.sheets.find((s) => s.name === '_xxgk')!.hidden).toBe(true);
  });

  it('unlocks and validates every input cell, and locks every other cell', () => {
    const inputs = inputRefs(wb, formatId);
    expect(inputs.length).toBe(getFormat(formatId).cells.filter((c) => c.role === 'input').length);
    const unlockedAllowed = new Set<string>();
    for (const i of inputs) {
      const s = wb.sheets.find((x) => x.name === i.sheet)!;
      const cell = s.cells.get(i.ref)!;
      expect(wb.lockedByXf[cell.style]).toBe(false);
      const v = s.validations.find((dv) => expandSqref(dv.sqref).includes(i.ref));
      expect(v).toBeDefined();
      if (i.kind === 'amount') expect(v!.attrs).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
      else if (i.kind === 'signedCount') expect(v!.attrs).toMatchObject({ type: 'whole', operator: 'between' });
      else expect(v!.attrs).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
      if (i.kind !== 'signedCount') expect(v!.formula1).toBe('0');
      expect(v!.attrs).toMatchObject({ showErrorMessage: '1', errorStyle: 'stop' });
      expect(v!.attrs.error).toMatch(/[\u4e00-\u9fff]/);
      expect(v!.attrs.errorTitle).toMatch(/[\u4e00-\u9fff]/);
      unlockedAllowed.add(`${i.sheet}!${i.ref}`);
    }
    // The narrative text areas are the only other unlocked cells; and merged input cells share the input's style.
    const textArea = wb.definedNames.get('XXGK_TEXT_OVERVIEW')!;
    expect(textArea).toMatch(/^'文字说明'!\$A\$\d+/);
    for (const s of wb.sheets)
      for (const c of s.cells.values()) {
        if (!wb.lockedByXf[c.style]) {
          const allowed =
            unlockedAllowed.has(`${s.name}!${c.ref}`) ||
            (s.name === '文字说明' && c.col === 0) ||
            s.merges.some((m) => {
              const [a] = m.split(':');
              return unlockedAllowed.has(`${s.name}!${a}`) && expandSqref([m]).includes(c.ref);
            });
          expect({ sheet: s.name, ref: c.ref, allowed }).toEqual({ sheet: s.name, ref: c.ref, allowed: true });
        }
        if (c.formula !== undefined) expect(wb.lockedByXf[c.style]).toBe(true);
      }
    // Cells never written use style 0, which must be locked.
    expect(wb.lockedByXf[0]).toBe(true);
    // No validation on a locked cell.
    for (const s of wb.sheets)
      for (const v of s.validations) for (const ref of expandSqref(v.sqref)) expect(wb.lockedByXf[s.cells.get(ref)!.style]).toBe(false);
  });

  it('writes totals and the check row as formulas with the values Excel would compute, and asks for recalculation', () => {
    const addr = cellAddresses(plan);
    const t3 = wb.sheets.find((s) => s.name === '表三 依申请公开')!;
    expect(t3.cells.get(addr.get('t3.received.total')!.address)!.formula).toBe('SUM(D6:I6)');
    expect(t3.cells.get(addr.get('t3.handledTotal.natural')!.address)!.formula).toMatch(/^SUM\(D8:D\d+\)$/);
    const formulas = wb.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.formula !== undefined));
    const totals = getFormat(formatId).cells.filter((c) => c.role === 'total').length;
    expect(formulas.length).toBe(totals + 7);
    // Every total carries the core's total as its cached value, blanks counted as 0 as SUM does.
    const inputsBlankAsZero: Record<string, number> = {};
    for (const c of plan.sheets.flatMap((s) => s.cells))
      if (c.role === 'input' && c.cellId) inputsBlankAsZero[c.cellId] = typeof c.value === 'number' ? c.value : 0;
    const totalsByCore = sheetTotals(formatId, inputsBlankAsZero);
    for (const [id, at] of addr)
      if (at.role === 'total') {
        const written = wb.sheets.find((s) => s.name === at.sheet)!.cells.get(at.address)!;
        expect(written.type).toBeUndefined();
        expect(Number(written.value)).toBe(totalsByCore[id]);
      }
    for (const c of formulas) expect(c.value).toBeDefined();
    expect(wb.calcPr.fullCalcOnLoad).toBe('1');
    const check = t3.conditional[0];
    expect(check.sqref).toMatch(/^D\d+:J\d+$/);
    expect(check.formula).toBe(`${check.sqref.split(':')[0]}<>0`);
  });

  it('writes every merge of the plan and the defined names', () => {
    for (const s of plan.sheets) {
      const x = wb.sheets.find((w) => w.name === s.name)!;
      expect(x.merges.length).toBe(s.merges.length);
    }
    const t3 = wb.sheets.find((s) => s.name === '表三 依申请公开')!;
    expect(t3.merges).toEqual(expect.arrayContaining(['A3:C5', 'D3:J3', 'E4:I4', 'D4:D5', 'J4:J5']));
    const t4 = wb.sheets.find((s) => s.name === '表四 复议诉讼')!;
    expect(t4.merges).toEqual(expect.arrayContaining(['A3:E4', 'F3:O3', 'F4:J4', 'K4:O4']));
    for (const d of plan.definedNames) expect(wb.definedNames.get(d.name)).toBe(`'${d.sheet}'!${d.ref}`);
    expect(wb.definedNames.get('XXGK_META')).toBe('_xxgk!$A$1:$B$5');
  });

  it('stores the metadata as custom properties and on the hidden sheet', () => {
    expect(wb.customProps).toEqual({
      'xxgk.tool': 'xxgk-nianbao', 'xxgk.toolVersion': plan.metadata.toolVersion, 'xxgk.format': formatId,
      'xxgk.year': String(plan.year), 'xxgk.agency': '偃师区缙氏镇人民政府',
    });
    const meta = wb.sheets.find((s) => s.name === '_xxgk')!;
    const str = (ref: string) => wb.strings[Number(meta.cells.get(ref)!.value)];
    expect([str('A3'), str('B3')]).toEqual(['format', formatId]);
  });

  it('sets A4, orientation and fit to one page wide', () => {
    for (const s of wb.sheets.slice(0, 4)) {
      expect(s.fitToPage).toBe(true);
      expect(s.pageSetup).toMatchObject({ paperSize: '9', fitToWidth: '1' });
    }
    expect(wb.sheets[2].pageSetup.orientation).toBe('landscape');
    expect(wb.sheets[1].pageSetup.orientation).toBe('portrait');
  });
});

describe('strings and passwords', () => {
  it('keeps text that looks like a formula as text', () => {
    const report = sampleReport();
    report.text = { overview: '=HYPERLINK("http://x","y")', other: '+1+1' };
    const plan = compileSheetPlan('2021', { report, agency: '=1+1' });
    const wb = parseWorkbookXml(writeXlsx(plan));
    const cells = wb.sheets.flatMap((s) => [...s.cells.values()]);
    const formulas = cells.filter((c) => c.formula !== undefined).map((c) => c.formula!);
    expect(formulas.every((f) => /^(SUM\(|IF\(SUMPRODUCT\(--ISTEXT\()/.test(f))).toBe(true);
    for (const t of ['=HYPERLINK("http://x","y")', '+1+1', '=1+1']) expect(wb.strings).toContain(t);
    // Literal text is only ever a shared string; a formula's text result (t="str") only where the plan wrote a formula.
    expect(cells.every((c) => c.type === undefined || c.type === 's' || (c.type === 'str' && c.formula !== undefined))).toBe(true);
  });

  it('hashes a password as Excel does (SHA-512, salt, spin count)', () => {
    const { wb } = build('2021', '保护 pass');
    const salt = Buffer.alloc(16, 7);
    let h = createHash('sha512').update(Buffer.concat([salt, Buffer.from('保护 pass', 'utf16le')])).digest();
    for (let i = 0; i < 1000; i++) {
      const n = Buffer.alloc(4);
      n.writeUInt32LE(i);
      h = createHash('sha512').update(Buffer.concat([h, n])).digest();
    }
    for (const s of wb.sheets)
      expect(s.protection).toMatchObject({
        algorithmName: 'SHA-512', hashValue: h.toString('base64'), saltValue: salt.toString('base64'), spinCount: '1000', sheet: '1',
      });
  });
});
