/** The document plan: sections in order, tables read off the SheetPlan, blanks and failing checks said, never hidden. */
import {
  cellPlace, check, compileSheetPlan, getFormat, planDocument, sampleReport, toRuns, type DocParagraph, type DocTable, type DocumentPlan,
  type FormatId, type Report,
} from '../../src/core';
import { layoutGrid, unbalancedSample, variedReports, zeroReport } from './support';

const HEADINGS = [
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
];

const tables = (plan: DocumentPlan) => plan.sections.flatMap((s) => s.blocks).filter((b): b is DocTable => b.kind === 'table');
const table = (plan: DocumentPlan, key: DocTable['table']) => tables(plan).find((t) => t.table === key)!;
const textOf = (p: DocParagraph) => p.runs.map((r) => r.text).join('');
const paragraphs = (plan: DocumentPlan, key: string) =>
  plan.sections.find((s) => s.key === key)!.blocks.filter((b): b is DocParagraph => b.kind === 'paragraph');

describe.each(['2021', '2019'] as FormatId[])('format %s', (formatId) => {
  const report = formatId === '2021' ? sampleReport() : zeroReport('2019', 2020, '示例县人民政府');
  const plan = planDocument(report);
  const sheets = compileSheetPlan(formatId, { report }).sheets;

  it('has the title and the six sections in order, tables 二–四 in their sections', () => {
    expect(plan.title.map((r) => r.text).join('')).toBe(`${report.agency}${report.year}年政府信息公开工作年度报告`);
    expect(plan.sections.map((s) => s.heading)).toEqual(HEADINGS);
    expect(plan.sections.map((s) => s.blocks.find((b) => b.kind === 'table')?.table ?? null)).toEqual([null, 't2', 't3', 't4', null, null]);
  });

  it.each(['t2', 't3', 't4'] as const)('table %s shows every number cell the sheet has, in the sheet order, and its spans tile the grid', (key) => {
    const t = table(plan, key);
    const sheet = sheets.find((s) => s.key === key)!;
    const ids = sheet.cells.filter((c) => c.cellId).map((c) => c.cellId);
    expect(t.rows.flat().filter((c) => c.kind === 'number').map((c) => c.cellId)).toEqual(ids);
    expect(() => layoutGrid(t)).not.toThrow();
    expect(t.title).toBe(getFormat(formatId)[key].title);
    // Every merge of the published rows is kept as a span.
    const spans = t.rows.flat().filter((c) => c.rowSpan > 1 || c.colSpan > 1).length;
    const titleRows = new Set(sheet.cells.filter((c) => c.role === 'title' || c.role === 'note').map((c) => c.row));
    expect(spans).toBe(sheet.merges.filter((m) => !titleRows.has(m.top) && sheet.cells.some((c) => c.row === m.top && c.col === m.left && c.role !== 'check')).length);
  });

  it('lays table 三 out as the form: the 3×3 corner note, 申请人情况 over all columns, 法人或其他组织 over five, a 3-row header', () => {
    const t = table(plan, 't3');
    const f = getFormat(formatId);
    expect(t.headerRows).toBe(3);
    expect(t.rows[0][0]).toMatchObject({ kind: 'corner', text: f.t3.cornerNote, rowSpan: 3, colSpan: 3 });
    expect(t.rows[0][1]).toMatchObject({ kind: 'header', text: f.t3.applicantHeader, colSpan: 7 });
    expect(t.rows[1].find((c) => c.text === f.t3.orgHeader)).toMatchObject({ colSpan: 5, rowSpan: 1 });
    expect(t.rows[1].find((c) => c.text === '自然人')).toMatchObject({ rowSpan: 2 });
    const results = t.rows.flat().find((c) => c.text === '三、本年度办理结果')!;
    expect(results.rowSpan).toBe(f.t3.rows.filter((r) => r.path[0] === '三、本年度办理结果').length);
  });

  it('repeats the header of tables 三 and 四 on every page, not the first block header of table 二', () => {
    expect(table(plan, 't4').headerRows).toBe(3);
    expect(table(plan, 't2').headerRows).toBe(0);
  });

  it('prints the numbers as the report has them', () => {
    for (const t of tables(plan))
      for (const c of t.rows.flat().filter((x) => x.kind === 'number')) expect(c.text).toBe(String(report.cells[c.cellId!] ?? ''));
  });
});

describe('numbers', () => {
  it.each(['2021', '2019'] as FormatId[])('are the report\'s own values in varied %s reports', (formatId) => {
    for (const report of variedReports(formatId, 5, 11)) {
      const plan = planDocument(report);
      const shown = Object.fromEntries(tables(plan).flatMap((t) => t.rows.flat()).filter((c) => c.cellId).map((c) => [c.cellId!, c.text]));
      for (const c of getFormat(formatId).cells) {
        const v = report.cells[c.id];
        expect(shown[c.id]).toBe(v === null || v === undefined ? '' : String(v));
      }
    }
  });

  it('keeps a given total as given even when it is not the sum of its parts (the check says so at the top)', () => {
    const report = sampleReport();
    report.cells['t3.received.total'] = 7;
    const plan = planDocument(report);
    expect(table(plan, 't3').rows.flat().find((c) => c.cellId === 't3.received.total')!.text).toBe('7');
    expect(plan.notices).toHaveLength(1);
  });
});

describe('blanks', () => {
  const report = zeroReport('2021', 2022, '某县人民政府');
  const blanked = ['t2.normative.issued', 't3.granted.business', 't3.handledTotal.total', 't4.review.pending'];
  for (const id of blanked) report.cells[id] = null;
  const plan = planDocument(report);

  it('are shown blank, never as 0', () => {
    for (const id of blanked) {
      const cell = tables(plan).flatMap((t) => t.rows.flat()).find((c) => c.cellId === id)!;
      expect(cell).toMatchObject({ text: '', blank: true });
    }
    expect(tables(plan).flatMap((t) => t.blanks).sort()).toEqual([...blanked].sort());
  });

  it('are named in a 【】 note under their table', () => {
    for (const [key, section] of [['t2', 'active'], ['t3', 'requests'], ['t4', 'review']] as const) {
      const notes = paragraphs(plan, section);
      expect(notes).toHaveLength(1);
      expect(notes[0].runs).toHaveLength(1);
      expect(notes[0].runs[0].mark).toBe(true);
      const text = textOf(notes[0]);
      expect(text).toMatch(/^【.*】$/);
      for (const id of blanked.filter((b) => b.startsWith(key))) expect(text).toContain(cellPlace('2021', id));
      expect(text).toContain('不是0');
    }
  });

  it('a full table has no note', () => {
    expect(paragraphs(planDocument(zeroReport('2021', 2022, '某县人民政府')), 'requests')).toEqual([]);
  });

  it('a long list of blanks is cut with the count of all', () => {
    const all = zeroReport('2021', 2022, '某县人民政府');
    for (const c of getFormat('2021').cells) if (c.table === 't3') all.cells[c.id] = null;
    const note = textOf(paragraphs(planDocument(all), 'requests')[0]);
    const n = getFormat('2021').cells.filter((c) => c.table === 't3').length;
    expect(note).toContain(`等${n}个单元格`);
  });
});

describe('failing checks', () => {
  it('are said at the top in a 【】 note that lists them', () => {
    const report = unbalancedSample();
    const plan = planDocument(report);
    const failing = check(report).outcomes.filter((o) => o.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    expect(plan.notices).toHaveLength(1);
    const text = textOf(plan.notices[0]);
    expect(plan.notices[0].runs.every((r) => r.mark)).toBe(true);
    expect(text).toMatch(/^【本报告的数据有\d+项检查未通过/);
    expect(text).toContain(`${failing.length}项检查未通过`);
    for (const o of failing.slice(0, 10)) expect(text).toContain(o.message.replace(/[。；]+$/, ''));
  });

  it('uses the outcomes it is given', () => {
    const report = sampleReport();
    const outcomes = check(unbalancedSample()).outcomes;
    expect(planDocument(report, { outcomes }).notices).toHaveLength(1);
    expect(planDocument(report).notices).toEqual([]);
  });

  it('lists at most ten and counts the rest', () => {
    const report = zeroReport('2021', 2022, '某县人民政府');
    for (const c of getFormat('2021').t3.columns) if (c.role === 'input') report.cells[`t3.received.${c.id}`] = report.cells[`t3.granted.${c.id}`] = 3;
    const failing = check(report).outcomes.filter((o) => o.status === 'fail').length;
    expect(failing).toBeGreaterThan(10);
    expect(textOf(planDocument(report).notices[0])).toContain(`另有${failing - 10}项`);
  });
});

describe('narrative', () => {
  it('puts the sentences from the tables under 一 and marks what only a person can write', () => {
    const plan = planDocument(sampleReport());
    const overview = paragraphs(plan, 'overview');
    expect(overview.map((p) => p.subheading ?? null)).toEqual([null, '（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']);
    expect(textOf(overview[2])).toContain('2022年，我镇全年未收到政府信息公开申请');
    for (const p of plan.sections.flatMap((s) => s.blocks).filter((b): b is DocParagraph => b.kind === 'paragraph'))
      for (const r of p.runs) expect(r.mark === true).toBe(/^【[^【】]*】$/.test(r.text));
  });

  it('says how figures changed when last year\'s report is given', () => {
    const [report] = variedReports('2021', 1, 3);
    report.cells['t3.received.total'] = 9;
    const lastYear: Report = { ...report, year: (report.year ?? 2022) - 1, cells: { ...report.cells, 't3.received.total': 4 } };
    const withLast = paragraphs(planDocument(report, { lastYear }), 'overview').map(textOf).join('');
    const without = paragraphs(planDocument(report), 'overview').map(textOf).join('');
    expect(withLast).toContain('比上年增加5件');
    expect(without).not.toContain('比上年');
  });

  it('keeps what the person wrote for 一, 五 and 六', () => {
    const report: Report = { ...sampleReport(), text: { overview: '今年我镇认真贯彻条例。\n第二段【待补充】。', problems: '', other: '无。' } };
    const plan = planDocument(report);
    expect(paragraphs(plan, 'overview').map(textOf)).toEqual(['今年我镇认真贯彻条例。', '第二段【待补充】。']);
    expect(paragraphs(plan, 'overview')[1].runs).toEqual([{ text: '第二段' }, { text: '【待补充】', mark: true }, { text: '。' }]);
    expect(paragraphs(plan, 'problems').map(textOf)[0]).toMatch(/^【请写明本年度/);
    expect(paragraphs(plan, 'other').map(textOf)).toEqual(['无。']);
  });

  it('marks a missing agency or year as a placeholder in the title', () => {
    const plan = planDocument({ ...sampleReport(), agency: null, year: null });
    expect(plan.title.filter((r) => r.mark).map((r) => r.text)).toEqual(['【机关名称】', '【年度】']);
  });
});

describe('toRuns', () => {
  it('splits text at every 【…】 and keeps every character', () => {
    const text = '甲【乙】丙【丁】【戊】己';
    const runs = toRuns(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['【乙】', '【丁】', '【戊】']);
    expect(toRuns('')).toEqual([]);
    expect(toRuns('未闭合【的括号')).toEqual([{ text: '未闭合【的括号' }]);
  });
});
