/**
 * The Word document: 公文 page setup, fonts with their fallbacks, merged cells, table 三's header
 * repeated, 【】 highlighted; and LibreOffice, converting it to HTML, gives our importer the
 * report's cells exactly (until our own .docx reader exists).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getFormat, importText, planDocument, sampleReport, type Report } from '../../src/core';
import { FONTS, PAGE, fontTableXml, writeDocx } from '../../src/publish/docx';
import { unbalancedSample, variedReports } from './support';

const parts = async (report: Report) => {
  const files = unzipSync(await writeDocx(planDocument(report)));
  return { document: strFromU8(files['word/document.xml']), fontTable: strFromU8(files['word/fontTable.xml']), files };
};
const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

describe('the .docx', () => {
  let xml: string;
  let files: Record<string, Uint8Array>;
  beforeAll(async () => {
    ({ document: xml, files } = await parts(sampleReport()));
  });

  it('is A4 with the 公文 margins (37/35/28/26 mm)', () => {
    expect(PAGE).toMatchObject({ width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } });
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('sets the body in 三号 on an exact 29 pt line, the title in 二号, headings in 黑体', () => {
    expect(xml).toContain('w:line="580" w:lineRule="exact"');
    expect(xml).toContain(`w:eastAsia="${FONTS.title.name}"`);
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain(`w:eastAsia="${FONTS.heading.name}"`);
    expect(xml).toContain(`w:eastAsia="${FONTS.body.name}"`);
    // Table text, 五号 宋体, through its paragraph style.
    expect(count(xml, /<w:pStyle w:val="TableText"\/>/g)).toBeGreaterThan(200);
    const styles = strFromU8(files['word/styles.xml']);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="TableText"[\s\S]*?w:eastAsia="SimSun"[\s\S]*?<w:sz w:val="21"\/>/);
  });

  it('names a fallback for each font, with the GB2312 character set', async () => {
    const { fontTable } = await parts(sampleReport());
    expect(fontTable).toBe(fontTableXml());
    for (const f of Object.values(FONTS)) expect(fontTable).toContain(`<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/>`);
  });

  it('has three bordered tables with merged cells; the headers of tables 三 and 四 repeat on each page', () => {
    expect(count(xml, /<w:tbl>/g)).toBe(3);
    expect(count(xml, /<w:tblHeader\/>/g)).toBe(6);
    expect(xml).toContain('<w:gridSpan w:val="7"/>'); // 申请人情况
    expect(xml).toContain('<w:gridSpan w:val="5"/>'); // 法人或其他组织, table 四's groups
    expect(count(xml, /<w:vMerge w:val="restart"\/>/g)).toBeGreaterThan(5);
    expect(count(xml, /<w:tblBorders><w:top w:val="single"/g)).toBe(3);
    expect(count(xml, /<w:insideV w:val="single"/g)).toBe(3);
  });

  it('highlights every 【】 and nothing else', () => {
    const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => m[1]);
    const highlighted = runs.filter((r) => r.includes('<w:highlight w:val="yellow"/>'));
    expect(highlighted.length).toBeGreaterThan(5);
    for (const r of runs) {
      const text = [...r.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      if (text.includes('【')) expect(r).toContain('<w:highlight w:val="yellow"/>');
    }
    for (const r of highlighted) expect(r).toMatch(/<w:t[^>]*>【[^<]*】<\/w:t>/);
  });

  it('prints a blank cell empty, never 0', async () => {
    const report = sampleReport();
    const doc = (await parts(report)).document;
    // The sample's one blank: 24 result rows of zeros… the blank cell has no text run at all.
    const zeros = count(doc, /<w:t xml:space="preserve">0<\/w:t>/g);
    expect(zeros).toBe(getFormat('2021').cells.length - 1);
  });

  it('says failing checks at the top, before the first heading', async () => {
    const doc = (await parts(unbalancedSample())).document;
    const note = doc.indexOf('【本报告的数据有');
    expect(note).toBeGreaterThan(doc.indexOf('年政府信息公开工作年度报告'));
    expect(note).toBeLessThan(doc.indexOf('一、总体情况'));
  });
});

describe('read back through LibreOffice and our importer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-publish-'));
  const reports: [string, Report][] = [
    ['sample', sampleReport()],
    ['varied-2021', { ...variedReports('2021', 1, 21)[0], agency: '某市自然资源和规划局' }],
    ['varied-2019', { ...variedReports('2019', 1, 19)[0], agency: '某县人民政府办公室' }],
  ];
  beforeAll(async () => {
    for (const [name, report] of reports) writeFileSync(join(dir, `${name}.docx`), await writeDocx(planDocument(report)));
    // One LibreOffice start for all three (the slow part).
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'html', '--outdir', dir, ...reports.map(([n]) => join(dir, `${n}.docx`))], {
      stdio: 'ignore', timeout: 120_000,
    });
  }, 150_000);

  it.each(reports.map(([n]) => n))('%s: every cell of the format exactly, with no issue but the report\'s own blanks', (name) => {
    const report = reports.find(([n]) => n === name)![1];
    const r = importText(readFileSync(join(dir, `${name}.html`), 'utf8'), { mime: 'text/html' });
    const ids = getFormat(report.format).cells.map((c) => c.id);
    expect(ids.filter((id) => (r.report.cells[id] ?? null) !== (report.cells[id] ?? null))).toEqual([]);
    expect(r.report).toMatchObject({ format: report.format, year: report.year, agency: report.agency });
    const blanks = ids.filter((id) => report.cells[id] === null);
    const expected = blanks.map((id) => ['BLANK', [id]]);
    const unitAsked = (i: { code: string; cells: string[] }) => report.format === '2019' && i.code === 'UNIT' && i.cells.join() === 't2.procurement.amount';
    expect(r.issues.filter((i) => !unitAsked(i)).map((i) => [i.code, i.cells])).toEqual(expected);
  });
});
