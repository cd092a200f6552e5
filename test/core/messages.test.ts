import { RULE_IDS, check, confront, describeOutcome, rulesFor, sampleReport, zhCN, type Report } from '../../src/core';

const { ISSUE_CODES, ERROR_CODES, issueMessage, formatError, ruleMessage, RULE_NAMES } = zhCN;

describe('zh-CN messages', () => {
  it('has a message for every rule id and status', () => {
    for (const rule of RULE_IDS) {
      expect(RULE_NAMES[rule]).toBeTruthy();
      for (const status of ['pass', 'fail', 'undecided'] as const) {
        const text = ruleMessage(rule, status, {
          table: '表三', row: '（一）予以公开', column: '自然人', cell: '表三（一）予以公开·自然人',
          expected: 5, found: 4, blanks: ['表三（七）总计·自然人'], needsLastYear: false,
        });
        expect(text).toMatch(/表/);
        expect(text).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('has a message for every import issue code and error code', () => {
    for (const code of ISSUE_CODES) {
      const text = issueMessage(code, { cells: ['表三 一、本年新收政府信息公开申请数量·自然人'], text: '/', readAs: '5', expected: 3, found: 4, line: 12, column: 3 });
      expect(text.length).toBeGreaterThan(8);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
    for (const code of ERROR_CODES) expect(formatError(code, { year: 2017, format: '2030', extension: '.doc', supported: '.json', path: 'a.json', reason: 'x', details: ['y'], what: '单元格数', limit: 100, missing: ['XXGK_T3'], kind: 'not-zip', detail: 'd' })).not.toMatch(/undefined/);
  });

  it('names table, row and column in the words of the form', () => {
    const report = sampleReport();
    report.cells['t3.handledTotal.natural'] = 0;
    report.cells['t3.received.natural'] = 5;
    report.cells['t3.received.total'] = 5;
    const rules = rulesFor('2021');
    const outcomes = confront(report, rules);
    const balance = outcomes.findIndex((o) => o.rule === 'T3-BALANCE' && o.instance === 'natural');
    expect(describeOutcome('2021', rules[balance], outcomes[balance])).toBe(
      '表三 第一项+第二项 ≠ 第三项+第四项（自然人列）：应为 5，实为 0',
    );
    const handled = outcomes.findIndex((o) => o.rule === 'T3-HANDLED-SUM' && o.instance === 'natural');
    expect(describeOutcome('2021', rules[handled], outcomes[handled])).toContain('表三（七）总计·自然人');
  });

  it('names blank cells of undecided outcomes in full', () => {
    const result = check(sampleReport());
    const undecided = result.outcomes.filter((o) => o.status === 'undecided');
    expect(undecided.length).toBeGreaterThan(0);
    for (const o of undecided) expect(o.message).toContain('表三（七）总计·自然人');
  });

  it('names table 四 groups and table 二 cells', () => {
    const report: Report = { ...sampleReport(), cells: { ...sampleReport().cells, 't4.suitDirect.total': 2, 't2.fee.amount': -1 } };
    const messages = check(report).outcomes.filter((o) => o.status === 'fail').map((o) => o.message);
    expect(messages).toContain('表四 行政诉讼（未经复议直接起诉）·总计 不等于结果维持、结果纠正、其他结果、尚未审结之和：应为 0，实为 2');
    expect(messages).toContain('表二 行政事业性收费·本年收费金额（单位：万元）：应为不小于 0 的金额（万元），实为 -1');
  });
});
