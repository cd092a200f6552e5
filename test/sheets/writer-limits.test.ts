/**
 * What Excel refuses or "repairs" never leaves the writer: text over a cell's 32,767 characters,
 * a custom property over 255, sheet names and defined names Excel does not accept. Too-long
 * input gets a Chinese XxgkError naming the place. And the sheet protection hash against the
 * published vector of LibreOffice's tdf#104250 test.
 */
import { compileSheetPlan, quoteSheetName, sampleReport, XxgkError, type SheetPlan } from '../../src/core';
import { writeXlsx } from '../../src/xlsx';
import { base64, protectionHash } from '../../src/xlsx/sha512';
import { sheetNameProblem, validDefinedName } from '../../src/xlsx/write';

function refusal(run: () => unknown): XxgkError {
  try {
    run();
  } catch (e) {
    if (e instanceof XxgkError) return e;
    throw e;
  }
  throw new Error('expected an XxgkError');
}

describe('too-long input', () => {
  it('refuses an agency name of 40,000 characters, in Chinese, before drawing anything', () => {
    const e = refusal(() => compileSheetPlan('2021', { report: sampleReport(), agency: '某'.repeat(40000) }));
    expect(e.code).toBe('XLSX-LIMIT');
    expect(e.message).toContain('机关名称有 40000 个字符');
    expect(e.message).toContain('255');
    expect(e.message.replace(/Excel/g, '')).not.toMatch(/[A-Za-z]{3,}/); // no English but the product's name
  });

  it('accepts an agency of 255 characters and writes it whole', () => {
    const agency = '局'.repeat(255);
    const bytes = writeXlsx(compileSheetPlan('2021', { report: sampleReport(), agency }));
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it('refuses a narrative paragraph over 32,767 characters, naming its section and paragraph', () => {
    const report = sampleReport();
    report.text = { overview: `第一段\n${'字'.repeat(32768)}` };
    const e = refusal(() => compileSheetPlan('2021', { report }));
    expect(e.code).toBe('XLSX-LIMIT');
    expect(e.message).toContain('「文字说明·一、总体情况」第 2 段有 32768 个字符');
    expect(e.message).toContain('分成几段');
    const fromNarrative = refusal(() => compileSheetPlan('2021', { narrative: [{ heading: '六、其他需要报告的事项', paragraphs: ['字'.repeat(40000)] }] }));
    expect(fromNarrative.message).toContain('「文字说明·六、其他需要报告的事项」第 1 段');
  });

  it('keeps a paragraph of exactly 32,767 characters', () => {
    const report = sampleReport();
    report.text = { other: '字'.repeat(32767) };
    expect(() => writeXlsx(compileSheetPlan('2021', { report }))).not.toThrow();
  });

  it('still refuses, in the writer, any cell text or property too long for Excel (a plan edited after compiling)', () => {
    const plan = compileSheetPlan('2021');
    const edited: SheetPlan = { ...plan, sheets: plan.sheets.map((s, i) => (i === 0 ? { ...s, cells: [...s.cells, { row: 60, col: 0, role: 'note', style: s.cells[0].style, locked: true, value: 'x'.repeat(32768) }] } : s)) };
    const e = refusal(() => writeXlsx(edited));
    expect(e.message).toContain('工作表「表二 主动公开」的单元格 A61有 32768 个字符');
    const longProperty = refusal(() => writeXlsx({ ...plan, metadata: { ...plan.metadata, agency: '甲'.repeat(256) } }));
    expect(longProperty.message).toContain('文档属性 xxgk.agency');
  });
});

describe('names Excel accepts', () => {
  it('refuses sheet names Excel does not accept', () => {
    for (const bad of ['', '  ', 'History', 'history', "'开头", "结尾'", 'a:b', 'a/b', 'a\\b', 'a?b', 'a*b', 'a[b]', '表'.repeat(32)])
      expect(sheetNameProblem(bad)).not.toBeNull();
    for (const ok of ['表三 依申请公开', '_xxgk', 'A1', 'R1C1', 'TRUE', "中'间", '表'.repeat(31)]) expect(sheetNameProblem(ok)).toBeNull();
    expect(sheetNameProblem('校验结果', new Set(['校验结果']))).not.toBeNull();
    const plan = compileSheetPlan('2021');
    const e = refusal(() => writeXlsx({ ...plan, sheets: plan.sheets.map((s, i) => (i === 0 ? { ...s, name: 'History' } : s)) }));
    expect(e.code).toBe('XLSX-LIMIT');
    expect(e.message).toContain('工作表名称「History」');
  });

  it('quotes sheet names in references when Excel would read them as something else', () => {
    for (const name of ['A1', 'xfd1048576', 'R1C1', 'R', 'C', 'RC', 'r2c', 'C5', 'TRUE', 'false', '表三 依申请公开', 'a b', 'a-b', "it's"])
      expect(quoteSheetName(name)).toMatch(/^'.*'$/);
    expect(quoteSheetName("it's")).toBe("'it''s'");
    for (const name of ['_xxgk', 'Sheet1x', 'Data', 'ABCD1']) expect(quoteSheetName(name)).toBe(name);
  });

  it('accepts only defined names Excel accepts, and the plan uses only those', () => {
    for (const bad of ['', 'A1', 'XFD1', 'R1C1', 'R', 'c', 'RC', 'TRUE', '1abc', 'a b', 'a-b', 'x'.repeat(256)]) expect(validDefinedName(bad)).toBe(false);
    for (const ok of ['XXGK_META', 'XXGK_T3_RECEIVED_NATURAL', '_xlnm.Print_Titles', '名称', 'ABCD1', 'a.b']) expect(validDefinedName(ok)).toBe(true);
    const plan = compileSheetPlan('2021');
    expect(plan.definedNames.every((d) => validDefinedName(d.name))).toBe(true);
    const e = refusal(() => writeXlsx({ ...plan, definedNames: [...plan.definedNames, { name: 'R1C1', sheet: plan.sheets[0].name, ref: '$A$1' }] }));
    expect(e.message).toContain('名称「R1C1」不符合 Excel 的要求（名称的命名规则）');
  });
});

describe('sheet protection hash', () => {
  // The published vector: LibreOffice's comphelper/qa/unit/test_hash.cxx (testSHA512_saltspin),
  // password, salt, spin count and hash from the OOXML sheetProtection of tdf#104250's file.
  it('matches Excel’s hash for password 「pwd」, salt 876MLoKTq42+/DLp415iZQ==, 100000 spins', () => {
    const salt = Uint8Array.from(Buffer.from('876MLoKTq42+/DLp415iZQ==', 'base64'));
    expect(base64(protectionHash('pwd', salt, 100000))).toBe('5l3mgNHXpWiFaBPv5Yso1Xd/UifWvQWmlDnl/hsCYbFT2sJCzorjRmBCQ/3qeDu6Q/4+GIE8a1DsdaTwYh1q2g==');
  });
});
