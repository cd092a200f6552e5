/** `xxgk-nianbao summary` and the narrative rules in `check`, run in-process. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../support/paths';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-narrative-'));
const seed = JSON.parse(readFileSync(join(FIXTURES, 'seed-2022', 'expected.json'), 'utf8'));
const seedReport = { format: seed.format, year: seed.year, agency: seed.agency, cells: seed.cells };

function write(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(content));
  return p;
}

const busy = {
  ...seedReport,
  agency: '某市某区市场监督管理局',
  cells: {
    ...seedReport.cells,
    't3.received.natural': 10, 't3.received.business': 2, 't3.received.total': 12,
    't3.granted.natural': 6, 't3.granted.total': 6,
    't3.unable.notHeld.natural': 4, 't3.unable.notHeld.business': 2, 't3.unable.notHeld.total': 6,
    't3.handledTotal.natural': 10, 't3.handledTotal.business': 2, 't3.handledTotal.total': 12,
    't4.suitDirect.upheld': 1, 't4.suitDirect.total': 1,
  },
};

describe('xxgk-nianbao summary', () => {
  it('writes the summary from the tables of the seed', async () => {
    const r = await runCli(['summary', write('seed.json', seedReport)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('【收到和处理政府信息公开申请情况】');
    expect(r.out).toContain('2022年，我镇全年未收到政府信息公开申请，也无上年结转的申请。');
    expect(r.out).toContain('全年未发生因政府信息公开引起的行政复议、行政诉讼案件。');
  });

  it('--json gives sections with sentences and their cells', async () => {
    const r = await runCli(['summary', write('busy.json', busy), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const requests = json.sections.find((s: { key: string }) => s.key === 'requests');
    const sentence = requests.paragraphs[0].sentences.find((s: { text: string }) => s.text.includes('新收政府信息公开申请12件'));
    expect(sentence.cells).toEqual(expect.arrayContaining(['t3.received.total', 't3.carriedOver.total']));
    const shares = requests.paragraphs[0].sentences.find((s: { text: string }) => s.text.includes('占'));
    expect(shares.text).toBe('从办理结果看，予以公开6件，占50.0%；无法提供6件，占50.0%。');
  });

  it('--draft prints the six headings, the five sub-headings and placeholders', async () => {
    const r = await runCli(['summary', write('busy2.json', busy), '--draft']);
    expect(r.code).toBe(0);
    for (const h of ['一、总体情况', '（一）主动公开。', '（二）依申请公开。', '（三）政府信息管理。', '（四）政府信息公开平台建设。', '（五）监督保障。',
      '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'])
      expect(r.out).toContain(h);
    expect(r.out).toContain('信息处理费');
    expect(r.out).toMatch(/五、存在的主要问题及改进情况\n【[^】]+】/);
  });

  it('--last-year adds changes from last year', async () => {
    const last = { ...seedReport, year: 2021, cells: { ...seedReport.cells, 't3.received.natural': 8, 't3.received.total': 8 } };
    const r = await runCli(['summary', write('busy3.json', busy), '--last-year', write('last.json', last)]);
    expect(r.out).toContain('新收政府信息公开申请12件，比上年增加4件');
  });

  it('exits 2 with a reason when the input cannot be read', async () => {
    const r = await runCli(['summary', join(dir, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('文件不存在');
  });
});

describe('xxgk-nianbao check with text sections', () => {
  it('reports a narrative number that contradicts the tables and exits 1', async () => {
    const withText = { ...busy, text: { overview: '（二）依申请公开。2022年，我局新收政府信息公开申请10件，其中予以公开6件。' } };
    const r = await runCli(['check', write('text.json', withText), '--json']);
    expect(r.code).toBe(1);
    const narrative = JSON.parse(r.out).outcomes.filter((o: { rule: string }) => o.rule.startsWith('N-'));
    expect(narrative).toHaveLength(1);
    expect(narrative[0]).toMatchObject({ rule: 'N-MISMATCH', status: 'fail', severity: 'error', cells: ['t3.received.total'], expected: 12, found: 10 });
  });
});
