/** What the reader takes as a count, decision by decision (see docs/narrative.md, 「What is read」). */
import { readClaims, sampleReport } from '../../src/core';

const report = sampleReport();
const read = (text: string) => readClaims(report, text).map((c) => `${text.slice(c.start, c.end)}=${(c.sign ?? 1) * c.value}`);

describe('the narrative reader', () => {
  it('reads counts in Chinese numerals where it reads digits', () => {
    expect(read('因政府信息公开被申请行政复议十五件。')).toEqual(['十五件=15']);
    expect(read('全年新收申请两百件，上年结转一千零一件。')).toEqual(['两百件=200', '一千零一件=1001']);
    expect(read('予以公开〇件。')).toEqual(['〇件=0']);
  });

  it('reads 「零件」 only right after a row word: elsewhere it is the word for a part', () => {
    expect(read('予以公开零件。')).toEqual(['零件=0']);
    expect(read('予以公开的申请涉及汽车零件。')).toEqual([]);
  });

  it('does not read ranges, approximations, ordinals, years or 「一件事」 as counts', () => {
    for (const text of ['收到申请一两件。', '收到申请三五件。', '收到申请十余件。', '收到申请二十多件。', '收到申请近百件。', '收到申请近二十件。', '收到申请约十件。', '收到申请数十件。',
      '收到申请上百件。', '第三件申请已办结。', '二〇二三年收到申请。', '办理“一件事一次办”事项。', '为民办理十件实事。'])
      expect([text, read(text)]).toEqual([text, []]);
  });

  it('reads 条/个/次/项 only right after a row word and at the end of the clause', () => {
    expect(read('收到政府信息公开申请12个。')).toEqual(['12个=12']);
    expect(read('被申请行政复议两次，')).toEqual(['两次=2']);
    for (const text of ['收到申请后3个工作日内答复。', '办理申请时开展培训2次。', '予以公开的信息共1200条。', '收到申请12个工作日后办结。'])
      expect([text, read(text)]).toEqual([text, []]);
  });

  it('does not give a number to a row word when something else is counted in between, or the clause names its own row', () => {
    expect(read('全年办理人大代表建议12件。')).toEqual([]);
    expect(read('本年度未收到人大代表建议。')).toEqual([]);
    expect(read('收到申请5件，其中3件予以公开，2件不予公开。')).toEqual(['5件=5']);
  });

  it('reads 表二 of 2019 with the sign of 本年增/减, and no column a row does not have', () => {
    const r2019 = { format: '2019' as const, cells: { 't2.fee.prevItems': 5, 't2.fee.change': -2 } };
    const claims = readClaims(r2019, '行政事业性收费项目上一年5个，本年减少2个。');
    expect(claims.map((c) => [c.quantity, (c.sign ?? 1) * c.value])).toEqual([
      [{ table: 't2', row: 'fee', column: 'prevItems' }, 5],
      [{ table: 't2', row: 'fee', column: 'change' }, -2],
    ]);
    expect(read('全年行政许可本年增加3件。')).toEqual([]); // 2021: 行政许可 has only 处理决定数量
    // 「增/减」 gives no direction, and a sign or a range before the digits is not a plain count.
    expect(readClaims(r2019, '行政事业性收费项目上一年5个，本年增/减2个。').map((c) => c.quantity)).toEqual([{ table: 't2', row: 'fee', column: 'prevItems' }]);
    expect(read('收到申请3-5件。')).toEqual([]);
  });
});
