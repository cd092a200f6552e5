/**
 * Writes docs/examples/narrative-*.md: generated summaries for varied data, to be read the way
 * a civil servant reads a draft. Run: npx tsc -p tsconfig.cli.json && node build/scripts/narrative-examples.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkNarrative, draftReportText, getFormat, paragraphText, writeSummary, type FormatId, type Report } from '../src/core';

const REPO = resolve(__dirname, '..', '..');
const OUT = join(REPO, 'docs', 'examples');

type Counts = Record<string, Partial<Record<string, number>>>;

/**
 * A consistent report: result rows by applicant column as given (others 0), 结转下年度 and
 * 上年结转 by column, then 新收 from the balance and every 总计 as the sum.
 */
function report(
  format: FormatId, year: number, agency: string,
  data: { results?: Counts; forward?: Record<string, number>; carriedOver?: Record<string, number>; t4?: Counts; t2?: Record<string, number | null> },
): Report {
  const f = getFormat(format);
  const cells: Report['cells'] = {};
  for (const c of f.cells) cells[c.id] = 0;
  const parts = f.t3.columns.filter((c) => c.role === 'input').map((c) => c.id);
  const resultRows = f.t3.rows.filter((r) => r.path.length > 1 && r.role === 'input').map((r) => r.id);
  for (const col of parts) {
    let handled = 0;
    for (const row of resultRows) {
      const v = data.results?.[row]?.[col] ?? 0;
      cells[`t3.${row}.${col}`] = v;
      handled += v;
    }
    const fwd = data.forward?.[col] ?? 0;
    const over = data.carriedOver?.[col] ?? 0;
    cells[`t3.handledTotal.${col}`] = handled;
    cells[`t3.carriedForward.${col}`] = fwd;
    cells[`t3.carriedOver.${col}`] = over;
    cells[`t3.received.${col}`] = handled + fwd - over;
  }
  for (const row of f.t3.rows) cells[`t3.${row.id}.total`] = parts.reduce((a, col) => a + (cells[`t3.${row.id}.${col}`] as number), 0);
  for (const g of f.t4.groups) {
    let total = 0;
    for (const c of ['upheld', 'corrected', 'other', 'pending']) {
      const v = data.t4?.[g.id]?.[c] ?? 0;
      cells[`t4.${g.id}.${c}`] = v;
      total += v;
    }
    cells[`t4.${g.id}.total`] = total;
  }
  Object.assign(cells, Object.fromEntries(Object.entries(data.t2 ?? {}).map(([k, v]) => [`t2.${k}`, v])));
  return { format, year, agency, cells };
}

interface Example {
  name: string;
  title: string;
  about: string;
  report: Report;
  lastYear?: Report;
}

const townQuiet = report('2021', 2022, '偃师区缙氏镇人民政府', {});

const townTypical = report('2021', 2023, '某县城关镇人民政府', {
  results: { granted: { natural: 2 }, 'unable.notHeld': { natural: 1 } },
  t2: { 'normative.inForce': 3 },
});

const bureauResults: Counts = {
  granted: { natural: 96, business: 18, legalService: 6 },
  partlyGranted: { natural: 21, business: 4 },
  'denied.thirdParty': { natural: 5, business: 1 },
  'denied.processInfo': { natural: 3 },
  'denied.internalAffairs': { natural: 2 },
  'unable.notHeld': { natural: 38, business: 5, research: 1 },
  'unable.unclear': { natural: 6 },
  'notProcessed.complaint': { natural: 9 },
  'notProcessed.repeated': { natural: 4, legalService: 1 },
  'other.noCorrection': { natural: 3 },
  'other.unpaidFee': { natural: 1 },
};
const bureau = report('2021', 2023, '某市自然资源和规划局', {
  results: bureauResults,
  forward: { natural: 11, business: 2 },
  carriedOver: { natural: 8, business: 1 },
  t4: {
    review: { upheld: 7, corrected: 2, other: 1, pending: 2 },
    suitDirect: { upheld: 3, other: 1, pending: 1 },
    suitAfterReview: { upheld: 2, corrected: 1 },
  },
  t2: {
    'regulation.issued': 0, 'regulation.repealed': 0, 'regulation.inForce': 0,
    'normative.issued': 6, 'normative.repealed': 4, 'normative.inForce': 58,
    'license.decisions': 1843, 'penalty.decisions': 126, 'coercion.decisions': 3, 'fee.amount': 190.457379,
  },
});

const bureauLastYear = report('2021', 2022, '某市自然资源和规划局', {
  results: { ...bureauResults, granted: { natural: 80, business: 12, legalService: 4 }, 'notProcessed.complaint': { natural: 15 } },
  forward: { natural: 8, business: 1 },
  t4: { review: { upheld: 5, pending: 1 }, suitDirect: { upheld: 4 }, suitAfterReview: {} },
  t2: {
    'regulation.issued': 0, 'regulation.repealed': 0, 'regulation.inForce': 0,
    'normative.issued': 5, 'normative.repealed': 2, 'normative.inForce': 56,
    'license.decisions': 1702, 'penalty.decisions': 141, 'coercion.decisions': 3, 'fee.amount': 201.3,
  },
});

const withBlanks: Report = (() => {
  const r = report('2021', 2023, '某区某街道办事处', {
    results: { granted: { natural: 4 }, partlyGranted: { natural: 1 }, 'unable.notHeld': { natural: 2, business: 1 } },
  });
  // As pasted from a page that printed 「/」 in the org columns and left table 四 empty.
  for (const col of ['business', 'research', 'publicWelfare', 'legalService', 'otherOrg']) r.cells[`t3.received.${col}`] = null;
  for (const id of Object.keys(r.cells)) if (id.startsWith('t4.')) r.cells[id] = null;
  r.cells['t2.fee.amount'] = null;
  return r;
})();

const county2019 = report('2019', 2020, '某县人民政府办公室', {
  results: { granted: { natural: 7, business: 1 }, 'denied.stateSecret': { natural: 1 }, 'unable.needsCreation': { natural: 2 }, other: { natural: 1 } },
  t4: { review: { upheld: 1 } },
  t2: {
    'regulation.made': 0, 'regulation.published': 0, 'regulation.publicTotal': 0,
    'normative.made': 4, 'normative.published': 4, 'normative.publicTotal': 37,
    'license.decisions': 215, 'otherService.decisions': 12, 'penalty.decisions': 0, 'coercion.decisions': 0,
    'fee.prevItems': 3, 'fee.change': -1, 'procurement.projects': 2, 'procurement.amount': 86.35,
  },
});

const EXAMPLES: Example[] = [
  { name: 'narrative-all-zero', title: '全部为 0 的乡镇（种子数据）', about: '无申请、无复议诉讼、无规范性文件：零情况按惯常写法表述。', report: townQuiet },
  { name: 'narrative-typical-town', title: '典型乡镇', about: '少量申请（均为自然人），一种办理结果以外还有无法提供；无复议诉讼。', report: townTypical },
  { name: 'narrative-busy-bureau', title: '业务量大的市级部门（有复议、诉讼）', about: '数百件申请、多种办理结果及具体情形、复议和两类诉讼、行政许可上千件、收费带 6 位小数。', report: bureau },
  { name: 'narrative-with-last-year', title: '同一部门，给出上年报告', about: '与上年相比的增减由两年表格计算。', report: bureau, lastYear: bureauLastYear },
  { name: 'narrative-blanks', title: '有空白单元格的街道', about: '法人或其他组织各列为「/」、表四空白、收费金额空白：相应语句不写，并列出空白单元格。', report: withBlanks },
  { name: 'narrative-format-2019', title: '2020 年度（60号文格式）的县政府办', about: '表二为旧格式（新制作/新公开/对外公开总数，含其他对外管理服务事项、行政事业性收费项目和政府集中采购）。', report: county2019 },
];

function markdown(e: Example): string {
  const sections = writeSummary(e.report, { lastYear: e.lastYear ?? null });
  const text = sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n');
  const findings = checkNarrative(e.report, text, { lastYear: e.lastYear ?? null });
  const lines = [
    `# ${e.title}`,
    '',
    `${e.report.agency ?? ''} ${e.report.year ?? ''} 年度 · ${e.report.format === '2021' ? '30号文格式' : '60号文格式'}${e.lastYear ? ' · 含上年报告' : ''}`,
    '',
    `> ${e.about}`,
    '> ',
    '> 由 `scripts/narrative-examples.ts` 生成（`xxgk-nianbao summary`），请勿手改。',
    '',
  ];
  for (const s of sections) {
    if (!s.paragraphs.length) continue;
    lines.push(`## ${s.heading}`, '', ...s.paragraphs.map((p) => `${paragraphText(p)}\n`));
  }
  lines.push('## 每句话的数字来源', '');
  for (const s of sections)
    for (const p of s.paragraphs)
      for (const sentence of p.sentences)
        if (sentence.cells.length) lines.push(`- ${sentence.text}  \n  ${sentence.cells.join(' ')}${sentence.lastYearCells ? `；上年 ${sentence.lastYearCells.join(' ')}` : ''}`);
  lines.push('', `文字说明核对（N-MISMATCH、N-SHARES）：${findings.length === 0 ? '未发现与表格不一致之处。' : `${findings.length} 处不一致（不应出现）。`}`, '');
  if (e.name === 'narrative-busy-bureau') lines.push('## 年报全文草稿（--draft）', '', '```text', draftReportText(e.report).trimEnd(), '```', '');
  return lines.join('\n');
}

mkdirSync(OUT, { recursive: true });
for (const e of EXAMPLES) {
  const file = join(OUT, `${e.name}.md`);
  writeFileSync(file, markdown(e));
  process.stdout.write(`${file}\n`);
}
