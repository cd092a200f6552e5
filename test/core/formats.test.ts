import { FormatDefSchema } from '../../src/core/formats/schema';
import { format2019 } from '../../src/core/formats/format2019';
import { format2021 } from '../../src/core/formats/format2021';
import { XxgkError, formatIdForYear, getFormat } from '../../src/core';

describe('official formats as data', () => {
  it.each([
    ['2021', 10, 175, 15],
    ['2019', 22, 161, 15],
  ] as const)('format %s has %i + %i + %i cells', (id, t2, t3, t4) => {
    const f = getFormat(id);
    expect(f.cells.filter((c) => c.table === 't2')).toHaveLength(t2);
    expect(f.cells.filter((c) => c.table === 't3')).toHaveLength(t3);
    expect(f.cells.filter((c) => c.table === 't4')).toHaveLength(t4);
    expect(new Set(f.cells.map((c) => c.id)).size).toBe(f.cells.length);
  });

  it('uses the canonical ids of the spec', () => {
    const ids = getFormat('2021').cells.map((c) => c.id);
    for (const id of [
      't2.normative.inForce', 't2.fee.amount', 't3.received.total', 't3.denied.thirdParty.natural',
      't3.other.unpaidFee.legalService', 't3.handledTotal.publicWelfare', 't3.carriedForward.otherOrg',
      't4.review.total', 't4.suitDirect.upheld', 't4.suitAfterReview.pending',
    ])
      expect(ids).toContain(id);
    const ids2019 = getFormat('2019').cells.map((c) => c.id);
    for (const id of ['t2.license.change', 't2.procurement.amount', 't2.otherService.decisions', 't3.other.natural', 't2.fee.prevItems'])
      expect(ids2019).toContain(id);
    expect(ids2019).not.toContain('t3.other.misc.natural');
    expect(ids2019).not.toContain('t2.fee.decisions');
  });

  it('keeps the rows of table 三 in the official order with exact labels', () => {
    const rows = getFormat('2021').t3.rows;
    expect(rows.map((r) => r.id).slice(0, 5)).toEqual(['received', 'carriedOver', 'granted', 'partlyGranted', 'denied.stateSecret']);
    expect(rows.map((r) => r.id).slice(-2)).toEqual(['handledTotal', 'carriedForward']);
    expect(rows).toHaveLength(25);
    expect(rows.find((r) => r.id === 'denied.securityStability')?.path).toEqual(['三、本年度办理结果', '（三）不予公开', '3.危及“三安全一稳定”']);
    expect(rows.find((r) => r.id === 'partlyGranted')?.path[1]).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(getFormat('2019').t3.rows).toHaveLength(23);
    expect(getFormat('2021').t3.cornerNote).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  });

  it('knows value kinds: signed 本年增/减, 万元 amounts, counts elsewhere', () => {
    const kinds = (id: '2021' | '2019') => Object.fromEntries(getFormat(id).cells.map((c) => [c.id, c.kind]));
    expect(kinds('2021')['t2.fee.amount']).toBe('amount');
    expect(kinds('2021')['t3.received.natural']).toBe('count');
    expect(kinds('2019')['t2.penalty.change']).toBe('signedCount');
    expect(kinds('2019')['t2.procurement.amount']).toBe('amount');
  });

  it('marks totals: the 总计 column, （七）总计 and table 四 totals', () => {
    const totals = getFormat('2021').cells.filter((c) => c.role === 'total').map((c) => c.id);
    expect(totals).toHaveLength(25 + 6 + 3);
    expect(totals).toContain('t3.handledTotal.natural');
    expect(totals).toContain('t3.received.total');
    expect(totals).toContain('t4.suitDirect.total');
  });

  it('rejects a malformed definition when loaded', () => {
    const broken = structuredClone(format2021);
    broken.t2.blocks[0].rows.push({ id: 'regulation', label: '重复' });
    expect(FormatDefSchema.safeParse(broken).success).toBe(false);
    const badHeader = structuredClone(format2019);
    badHeader.t2.blocks[0].header.pop();
    expect(FormatDefSchema.safeParse(badHeader).success).toBe(false);
    expect(FormatDefSchema.safeParse(format2021).success).toBe(true);
  });

  it('derives the format from the report year', () => {
    expect(formatIdForYear(2019)).toBe('2019');
    expect(formatIdForYear(2020)).toBe('2019');
    expect(formatIdForYear(2021)).toBe('2021');
    expect(formatIdForYear(2035)).toBe('2021');
    expect(() => formatIdForYear(2018)).toThrow(XxgkError);
    expect(() => formatIdForYear(2018)).toThrow(/2018/);
    expect(() => formatIdForYear(2022.5)).toThrow(XxgkError);
  });
});
