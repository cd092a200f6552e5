/** Small pieces: largest-remainder shares, how blanks are written, the finding messages. */
import fc from 'fast-check';
import {
  NARRATIVE_RULE_IDS, checkNarrative, describeNarrativeFinding, largestRemainder, sampleReport, tenthsToText, writeSummary, zhCN,
} from '../../src/core';

describe('largestRemainder', () => {
  it('sums to the whole and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const shares = largestRemainder(counts);
        if (total === 0) return expect(shares.every((s) => s === 0)).toBe(true);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(1000);
        counts.forEach((c, i) => expect(Math.abs(shares[i] - (c * 1000) / total)).toBeLessThan(1));
      }),
    );
  });

  it('rounds 1/3 three ways to 33.4 + 33.3 + 33.3, not 99.9', () => {
    expect(largestRemainder([1, 1, 1]).map(tenthsToText)).toEqual(['33.4', '33.3', '33.3']);
    expect(largestRemainder([5, 2, 1, 3, 1]).map(tenthsToText)).toEqual(['41.7', '16.7', '8.3', '25.0', '8.3']);
  });
});

describe('blank cells in the summary', () => {
  it('are not written as 0: the sentence is left out and the cell is named', () => {
    const report = sampleReport();
    report.cells['t3.received.total'] = null;
    const requests = writeSummary(report).find((s) => s.key === 'requests');
    const text = requests?.paragraphs.map((p) => p.text).join('') ?? '';
    expect(text).not.toContain('未收到');
    expect(text).not.toMatch(/新收政府信息公开申请0件/);
    expect(text).toContain('【以下单元格未填写，相关内容暂未写入：表三 一、本年新收政府信息公开申请数量·总计');
    const flag = requests?.paragraphs[0].sentences.find((s) => s.blanks);
    expect(flag).toMatchObject({ placeholder: true, blanks: ['t3.received.total'] });
  });

  it('the seed’s blank （七）总计·自然人 does not stop the summary (it uses the 总计 column)', () => {
    const text = writeSummary(sampleReport()).flatMap((s) => s.paragraphs.map((p) => p.text)).join('');
    expect(text).toContain('全年未收到政府信息公开申请');
    expect(text).not.toContain('未填写');
  });
});

describe('narrative finding messages', () => {
  it('have a name for each narrative rule', () => {
    for (const rule of NARRATIVE_RULE_IDS) expect(zhCN.RULE_NAMES[rule]).toMatch(/文字说明/);
  });

  it('quote the sentence and name the cell in the form’s words', () => {
    const report = sampleReport();
    const [f] = checkNarrative(report, '本年度予以公开3件。');
    expect(describeNarrativeFinding(report, f)).toBe('文字说明「本年度予以公开3件」写作 3，与表格不符：表三（一）予以公开·总计 为 0');
  });

  it('word changes, zeros and shares', () => {
    const report = sampleReport();
    report.cells['t3.received.natural'] = 4;
    report.cells['t3.received.total'] = 4;
    const last = sampleReport();
    const [change] = checkNarrative(report, '新收申请4件，比上年减少1件。', { lastYear: last });
    expect(describeNarrativeFinding(report, change)).toContain('写比上年减少 1，与表格不符');
    expect(describeNarrativeFinding(report, change)).toContain('应为增加 4');
    const [zero] = checkNarrative(report, '全年未收到政府信息公开申请。');
    expect(describeNarrativeFinding(report, zero)).toBe('文字说明「全年未收到政府信息公开申请」表述为没有（0），与表格不符：表三 一、本年新收政府信息公开申请数量·总计 为 4');
  });
});

describe('reading numbers as people type them', () => {
  const report = sampleReport();
  report.cells['t2.fee.amount'] = 190.457379;
  report.cells['t3.granted.natural'] = 8;
  report.cells['t3.granted.total'] = 8;

  it('full-width digits, amounts in 元 and rounded 万元', () => {
    expect(checkNarrative(report, '收取行政事业性收费１９０４５７３．７９元。行政事业性收费金额190.46万元。予以公开８件。')).toEqual([]);
    const [f] = checkNarrative(report, '行政事业性收费金额190.6万元。');
    expect(f).toMatchObject({ rule: 'N-MISMATCH', kind: 'amount', cells: ['t2.fee.amount'], expected: 190.457379, found: 190.6 });
  });

  it('points at the number: offset and sentence', () => {
    const text = '2022年，我局共受理申请0件。其中予以公开5件。';
    const findings = checkNarrative(report, text);
    expect(findings.map((f) => [f.offset, f.sentence])).toEqual([[text.indexOf('5件'), '其中予以公开5件']]);
  });

  it('wording variants: 法人或者其他组织, 不予以公开, 上一年度结转, 结转到下一年度', () => {
    const r = sampleReport();
    Object.assign(r.cells, {
      't3.received.natural': 3, 't3.received.legalService': 2, 't3.received.total': 5,
      't3.denied.thirdParty.natural': 1, 't3.denied.thirdParty.total': 1, 't3.carriedOver.natural': 2, 't3.carriedOver.total': 2,
      't3.carriedForward.natural': 4, 't3.carriedForward.total': 4,
    });
    const text = '新收申请5件，其中自然人3件，法人或者其他组织2件；不予以公开1件；上一年度结转2件，结转到下一年度继续办理4件。';
    expect(checkNarrative(r, text)).toEqual([]);
    const wrong = checkNarrative(r, text.replace('法人或者其他组织2件', '法人或者其他组织3件'));
    expect(wrong).toMatchObject([{ rule: 'N-MISMATCH', expected: 2, found: 3 }]);
    expect(wrong[0].cells).toHaveLength(5);
  });

  it('numbers no word explains are not claims (目录条数, 答复率, 同比增长)', () => {
    expect(checkNarrative(report, '全年更新目录信息164条，依申请公开答复率100%，同比增长20%，召开会议3次。')).toEqual([]);
  });
});

