/**
 * End to end on the built standalone page (webpack production build in dist/, served by a tiny
 * static server on 127.0.0.1) with Debian's Chromium through playwright-core: sample, live
 * check and selection, asking before replacing and 撤销 (sample over typed data, 空白按 0 处理,
 * import over the sample, an exported workbook opened back), paste import of the seed, summary,
 * export read back with readXlsx, the report as a Word document and a web page. Screenshots go to docs/screenshots/.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { getFormat, sheetTotals, type Report } from '../../src/core';
import { readGrids, readXlsx } from '../../src/xlsx';
import { FIXTURES } from '../support/paths';
import { SHOTS, startE2e, type E2eSession } from './support';

jest.setTimeout(600_000);

const SEED = resolve(FIXTURES, 'seed-2022');
/** A published 2022 table (no year, no agency in the text) with one import error and 56 blank cells. */
const PUBLISHED_060 = resolve(FIXTURES, 'published', '060');
const INPUTS = getFormat('2021').cells.filter((c) => c.role === 'input').map((c) => c.id);
let exportedPath: string | null = null;

let session: E2eSession;
let context: BrowserContext;
let page: Page;
let url: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await startE2e();
  ({ context, url } = session);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(url);
  // No Excel here: the page must fall back to the standalone grids.
  await page.getByRole('main', { name: '年报表格' }).waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await session?.close();
});

const pane = () => page.getByRole('complementary', { name: '政府信息公开年报助手' });
const cell = (name: string) => page.getByRole('textbox', { name, exact: true });
const question = () => page.getByRole('alertdialog');

/** The text of every input cell of the grids, by id. */
async function gridTexts(): Promise<Record<string, string>> {
  const values = await page.evaluate(
    (ids) => ids.map((id) => (document.querySelector(`[data-cell-id="${id}"]`) as HTMLInputElement | null)?.value ?? '(missing)'),
    INPUTS,
  );
  return Object.fromEntries(INPUTS.map((id, i) => [id, values[i]]));
}

/** Pastes text into the import box through the clipboard, as a user does. */
async function pasteIntoImport(text: string) {
  await pane().getByRole('tab', { name: '导入' }).click();
  const box = pane().getByRole('textbox', { name: '粘贴年报表格' });
  await box.fill('');
  await box.focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  await pane().getByRole('button', { name: '识别' }).click();
  return pane().getByRole('region', { name: '识别结果' });
}

test('the sample loads with no failing rule', async () => {
  await pane().getByRole('button', { name: '载入示例数据' }).click();
  await pane().getByText('已载入示例数据').waitFor();
  await pane().getByText('未发现错误。').waitFor();
  await expectText(pane(), /错误 0 项，提醒 0 项/);
  await page.getByRole('heading', { level: 2, name: '偃师区缙氏镇人民政府2022年政府信息公开工作年度报告' }).waitFor();
  await page.screenshot({ path: join(SHOTS, 'standalone-sample.png') });
  expect(pageErrors).toEqual([]);
});

test('a changed cell shows the right finding, and clicking it focuses that cell', async () => {
  const target = cell('表二 规章·本年制发件数');
  await target.fill('3.5');
  const finding = pane().getByRole('list', { name: '表二的检查结果' }).getByRole('button', { name: /表二 规章·本年制发件数：应为不小于 0 的整数，实为 3.5/ });
  await finding.waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // focus elsewhere first
  await finding.click();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell-id'))).toBe('t2.regulation.issued');
  await pane().screenshot({ path: join(SHOTS, 'pane-finding.png') });
  await target.fill('0');
  await pane().getByText('未发现错误。').waitFor();
  // The self-check row under 表三 turns red for an unbalanced column (tall viewport: the grids scroll inside the page).
  await cell('表三 一、本年新收政府信息公开申请数量·自然人').fill('3');
  await pane().getByRole('list', { name: '表三的检查结果' }).waitFor();
  await page.setViewportSize({ width: 1440, height: 2400 });
  await page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' }).screenshot({ path: join(SHOTS, 'standalone-table3-check-row.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await cell('表三 一、本年新收政府信息公开申请数量·自然人').fill('0');
  await pane().getByText('未发现错误。').waitFor();
});

test('the sample over typed data asks first, and 撤销 brings the typed data back', async () => {
  await pane().getByRole('button', { name: '新建' }).click();
  const start = page.getByRole('dialog', { name: '新建年报' });
  await start.getByRole('textbox', { name: /报告年度/ }).fill('2024');
  await start.getByRole('button', { name: '清空并新建' }).click();
  await pane().getByText('已新建年报').waitFor();
  expect(Object.values(await gridTexts()).every((t) => t === '')).toBe(true);
  await cell('表三 一、本年新收政府信息公开申请数量·自然人').fill('7');
  await cell('表二 规章·本年制发件数').fill('两件');
  await pane().getByText(/有 \d+ 个单元格空白/).waitFor();
  await pane().getByRole('button', { name: '载入示例数据' }).click();
  await question().getByText(/已填写的 2 个单元格将被示例数据替换/).waitFor();
  await question().getByRole('button', { name: '载入示例数据' }).click();
  await pane().getByText('已载入示例数据').waitFor();
  expect((await gridTexts())['t3.received.natural']).toBe('0');
  await pane().getByRole('button', { name: '撤销' }).click();
  await pane().getByText('已撤销').waitFor();
  const back = await gridTexts();
  expect(back['t3.received.natural']).toBe('7');
  expect(back['t2.regulation.issued']).toBe('两件');
  expect(Object.entries(back).filter(([, t]) => t !== '').map(([id]) => id).sort()).toEqual(['t2.regulation.issued', 't3.received.natural']);
  await page.getByRole('heading', { level: 2, name: /2024年政府信息公开工作年度报告/ }).waitFor();
});

test('with blank cells the verdict is not green; 空白按 0 处理 asks, fills 0, and 撤销 blanks them again', async () => {
  await cell('表二 规章·本年制发件数').fill('');
  const verdict = pane().getByTestId('verdict-blanks');
  await verdict.getByText(/^有 \d+ 个单元格空白，\d+ 项检查无法判断/).waitFor();
  expect(await pane().getByText('未发现错误。').count()).toBe(0);
  await pane().screenshot({ path: join(SHOTS, 'pane-verdict-blanks.png') });
  await pane().getByRole('button', { name: '空白按 0 处理' }).click();
  const asking = question().getByText(/将在以下 \d+ 个空白单元格中填写 0/);
  await asking.waitFor();
  const blanks = Number(/以下 (\d+) 个/.exec((await asking.textContent()) ?? '')![1]);
  expect(blanks).toBe(INPUTS.length - 1); // every input but the one typed
  await question().evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished))); // faded in
  await page.screenshot({ path: join(SHOTS, 'pane-confirm-blanks.png') });
  await question().getByRole('button', { name: '填写 0' }).click();
  await pane().getByText('空白已按 0 填写').waitFor();
  const filled = await gridTexts();
  expect(filled['t3.received.natural']).toBe('7');
  expect(Object.values(filled).filter((t) => t === '0').length).toBe(blanks);
  await pane().getByRole('button', { name: '撤销' }).click();
  await pane().getByText('已撤销').waitFor();
  expect(Object.entries(await gridTexts()).filter(([, t]) => t !== '').map(([id]) => id)).toEqual(['t3.received.natural']);
});

test('a published table imported over the sample: the year is asked, no sample value is left, issues grouped', async () => {
  await pane().getByRole('button', { name: '载入示例数据' }).click();
  await question().getByRole('button', { name: '载入示例数据' }).click();
  await pane().getByText('已载入示例数据').waitFor();
  const text = readFileSync(`${PUBLISHED_060}.txt`, 'utf8').split('\n').slice(2).join('\n');
  const expected = JSON.parse(readFileSync(`${PUBLISHED_060}.expected.json`, 'utf8')) as Report;
  const preview = await pasteIntoImport(text);
  await preview.getByText('年度：未识别；机关：未识别').waitFor();
  const write = preview.getByRole('button', { name: '写入表格' });
  expect(await write.isDisabled()).toBe(true);
  const issues = preview.getByRole('region', { name: /需要注意的问题/ });
  expect(await issues.getByRole('listitem').first().textContent()).toMatch(/^【错误】/);
  await issues.getByText('【提醒】56 个单元格为空白').waitFor();
  await issues.getByRole('listitem').first().getByRole('button', { name: /在粘贴内容中显示第 \d+ 行/ }).click();
  const box = pane().getByRole('textbox', { name: '粘贴年报表格' });
  const selected = await box.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toContain('7.属');
  await preview.getByRole('textbox', { name: /报告年度（粘贴中未找到/ }).fill('2022');
  await preview.screenshot({ path: join(SHOTS, 'pane-import-grouped.png') });
  await write.click();
  await question().getByText(/粘贴中没有的单元格将成为空白/).waitFor();
  await question().getByRole('button', { name: '写入表格' }).click();
  await pane().getByText('导入完成').waitFor();
  const shown = await gridTexts();
  expect(shown).toEqual(Object.fromEntries(INPUTS.map((id) => [id, typeof expected.cells[id] === 'number' ? String(expected.cells[id]) : ''])));
  await page.getByRole('heading', { level: 2, name: /2022年政府信息公开工作年度报告/ }).waitFor();
  expect(pageErrors).toEqual([]);
});

test('pasting the seed text into import shows the preview, and the data appears in the grids', async () => {
  const text = readFileSync(resolve(SEED, 'report.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(resolve(SEED, 'expected.json'), 'utf8')) as Report;
  const preview = await pasteIntoImport(text);
  expect((await pane().getByRole('textbox', { name: '粘贴年报表格' }).inputValue()).length).toBeGreaterThan(1000);
  await preview.getByText('年度：2022；机关：偃师区缙氏镇人民政府').waitFor();
  await preview.getByText(/表三（七）总计·自然人/).first().waitFor();
  await preview.screenshot({ path: join(SHOTS, 'pane-import-preview.png') });
  await preview.getByRole('button', { name: '写入表格' }).click();
  // The tables hold data: the pane asks before replacing it.
  await question().getByRole('button', { name: '写入表格' }).click();
  await pane().getByText('导入完成').waitFor();
  const inputs = getFormat('2021').cells.filter((c) => c.role === 'input');
  const shown = await page.evaluate(
    (ids) => ids.map((id) => (document.querySelector(`[data-cell-id="${id}"]`) as HTMLInputElement | null)?.value ?? '(missing)'),
    inputs.map((c) => c.id),
  );
  expect(shown).toEqual(inputs.map((c) => (expected.cells[c.id] === null ? '' : String(expected.cells[c.id]))));
  await page.getByRole('main', { name: '年报表格' }).screenshot({ path: join(SHOTS, 'standalone-imported-tables.png') });
});

test('the summary appears', async () => {
  await pane().getByRole('tab', { name: '摘要' }).click();
  const article = pane().getByRole('article', { name: '文字摘要' });
  await article.waitFor();
  expect(((await article.textContent()) ?? '').length).toBeGreaterThan(30);
  await pane().screenshot({ path: join(SHOTS, 'pane-summary.png') });
});

test('export downloads a workbook that reads back identical', async () => {
  // One non-zero figure so the comparison is not all zeros.
  await cell('表三 一、本年新收政府信息公开申请数量·自然人').fill('4');
  await cell('表三 四、结转下年度继续办理·自然人').fill('4');
  await pane().getByRole('tab', { name: '检查' }).click();
  await pane().getByText(/错误 0 项/).waitFor();
  await pane().getByRole('tab', { name: '导出' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), pane().getByRole('button', { name: '导出校验后的工作簿' }).click()]);
  expect(download.suggestedFilename()).toBe('2022年政府信息公开工作年度报告（偃师区缙氏镇人民政府）.xlsx');
  const bytes = new Uint8Array(readFileSync((await download.path())!));
  const back = readXlsx(bytes);
  expect(back.source).toBe('xxgk');
  const expected = JSON.parse(readFileSync(resolve(SEED, 'expected.json'), 'utf8')) as Report;
  const inputs: Report['cells'] = {};
  for (const c of getFormat('2021').cells) if (c.role === 'input') inputs[c.id] = expected.cells[c.id];
  inputs['t3.received.natural'] = 4;
  inputs['t3.carriedForward.natural'] = 4;
  expect(back.report).toEqual({
    format: '2021', year: 2022, agency: '偃师区缙氏镇人民政府', cells: { ...inputs, ...sheetTotals('2021', inputs) },
  });
  const checks = readGrids(bytes).find((g) => g.name === '校验结果');
  expect(checks).toBeDefined();
  expect(checks!.grid.some((row) => row.some((v) => typeof v === 'string' && v.startsWith('检查时间：')))).toBe(true);
  await pane().getByText('已开始下载').waitFor();
  await pane().screenshot({ path: join(SHOTS, 'pane-export.png') });
  // Kept under its own name: the page reads a file by its extension, as a user's download has one.
  exportedPath = join(mkdtempSync(join(tmpdir(), 'xxgk-export-')), download.suggestedFilename());
  await download.saveAs(exportedPath);
  expect(pageErrors).toEqual([]);
});

test('the exported workbook opens back into the page after 新建 (asked first)', async () => {
  expect(exportedPath).not.toBeNull();
  const exported = await gridTexts();
  await pane().getByRole('button', { name: '新建' }).click();
  await page.getByRole('dialog', { name: '新建年报' }).getByRole('button', { name: '清空并新建' }).click();
  await pane().getByText('已新建年报').waitFor();
  await cell('表三 一、本年新收政府信息公开申请数量·自然人').fill('9');
  await page.getByTestId('open-workbook-file').setInputFiles(exportedPath!);
  await question().getByText(/已填写的 1 个单元格将被该文件的数据替换/).waitFor();
  await question().getByRole('button', { name: '打开' }).click();
  await pane().getByText('已打开工作簿').waitFor();
  expect(await gridTexts()).toEqual(exported);
  await page.getByRole('heading', { level: 2, name: '偃师区缙氏镇人民政府2022年政府信息公开工作年度报告' }).waitFor();
  expect(pageErrors).toEqual([]);
});

test('the sample exports as a Word document and as a web page (both downloaded)', async () => {
  await pane().getByRole('button', { name: '载入示例数据' }).click();
  await question().getByRole('button', { name: '载入示例数据' }).click();
  await pane().getByText('已载入示例数据').waitFor();
  await pane().getByRole('tab', { name: '导出' }).click();
  const agency = '偃师区缙氏镇人民政府';

  const [docx] = await Promise.all([page.waitForEvent('download'), pane().getByRole('button', { name: '导出 Word 年报' }).click()]);
  expect(docx.suggestedFilename()).toBe(`2022年政府信息公开工作年度报告（${agency}）.docx`);
  const files = unzipSync(new Uint8Array(readFileSync((await docx.path())!)));
  const body = strFromU8(files['word/document.xml']);
  expect(body).toContain(agency);
  expect(body).toContain('三、收到和处理政府信息公开申请情况');
  await pane().getByText(/已生成 Word 年报/).waitFor();

  const [html] = await Promise.all([page.waitForEvent('download'), pane().getByRole('button', { name: '导出网页' }).click()]);
  expect(html.suggestedFilename()).toBe(`2022年政府信息公开工作年度报告（${agency}）.html`);
  const text = readFileSync((await html.path())!, 'utf8');
  expect(text).toContain('<caption>');
  expect(text).toContain(agency);
  await pane().getByText(/已生成网页/).waitFor();
  await pane().screenshot({ path: join(SHOTS, 'pane-export-documents.png') });
  expect(pageErrors).toEqual([]);
});

test('the pane alone, at task-pane width', async () => {
  const narrow = await context.newPage();
  await narrow.setViewportSize({ width: 360, height: 800 });
  await narrow.goto(url);
  const aside = narrow.getByRole('complementary', { name: '政府信息公开年报助手' });
  await aside.getByRole('heading', { level: 1, name: '政府信息公开年报助手' }).waitFor({ timeout: 20_000 });
  await aside.getByRole('tab', { name: '表格' }).click();
  await aside.getByRole('textbox', { name: /报告年度/ }).waitFor();
  await aside.screenshot({ path: join(SHOTS, 'pane-narrow-setup.png') });
  await narrow.close();
});

async function expectText(locator: ReturnType<Page['locator']>, pattern: RegExp) {
  await locator.getByText(pattern).first().waitFor();
}
