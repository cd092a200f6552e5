/**
 * End to end on the built standalone page (webpack production build in dist/, served by a tiny
 * static server on 127.0.0.1) with Debian's Chromium through playwright-core: sample, live
 * check and selection, paste import of the seed, summary, export read back with readXlsx.
 * Screenshots go to docs/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { getFormat, sheetTotals, type Report } from '../../src/core';
import { readGrids, readXlsx } from '../../src/xlsx';
import { FIXTURES } from '../support/paths';
import { SHOTS, startE2e, type E2eSession } from './support';

jest.setTimeout(600_000);

const SEED = resolve(FIXTURES, 'seed-2022');

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

test('pasting the seed text into import shows the preview, and the data appears in the grids', async () => {
  const text = readFileSync(resolve(SEED, 'report.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(resolve(SEED, 'expected.json'), 'utf8')) as Report;
  await pane().getByRole('tab', { name: '导入' }).click();
  const box = pane().getByRole('textbox', { name: '粘贴年报表格' });
  await box.focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  expect((await box.inputValue()).length).toBeGreaterThan(1000);
  await pane().getByRole('button', { name: '识别' }).click();
  const preview = pane().getByRole('region', { name: '识别结果' });
  await preview.getByText('年度：2022；机关：偃师区缙氏镇人民政府').waitFor();
  await preview.getByText(/表三（七）总计·自然人/).first().waitFor();
  await preview.screenshot({ path: join(SHOTS, 'pane-import-preview.png') });
  await preview.getByRole('button', { name: '写入表格' }).click();
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
