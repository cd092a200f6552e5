/**
 * End to end on the built standalone page: what is typed survives a reload (kept in the
 * browser's localStorage), leaving with unexported changes asks first, the keyboard moves as in
 * a spreadsheet (Enter, arrows, Tab past the totals), and at 360 px the pane comes first.
 * Screenshot: docs/screenshots/standalone-narrow.png.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SHOTS, startE2e, type E2eSession } from './support';

jest.setTimeout(600_000);

let session: E2eSession;
let context: BrowserContext;
let url: string;

beforeAll(async () => {
  session = await startE2e();
  ({ context, url } = session);
});

afterAll(async () => {
  await session?.close();
});

/**
 * A page of its own on a blank report (the profile's localStorage is shared by every page, so it
 * is cleared first), with page errors and the dialogs it raised (accepted) collected.
 */
async function openPage(viewport = { width: 1440, height: 900 }) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await gridsShown(page);
  return { page, errors, dialogs };
}

const gridsShown = (page: Page) => page.getByRole('main', { name: '年报表格' }).waitFor({ timeout: 20_000 });

const cell = (page: Page, id: string) => page.locator(`[data-cell-id="${id}"]`);
const focusedCell = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-cell-id') ?? null);

test('type, reload: the data is still there; leaving asked first', async () => {
  const { page, errors, dialogs } = await openPage();
  await cell(page, 't4.review.upheld').fill('3');
  await cell(page, 't3.received.natural').fill('１２');
  await cell(page, 't3.received.business').fill('两件');
  expect(dialogs).toEqual([]);
  await page.reload();
  await gridsShown(page);
  expect(dialogs).toEqual(['beforeunload']);
  // The pane says the data was restored (host.restored, shown by the controller).
  await page.getByRole('complementary', { name: '政府信息公开年报助手' }).getByText(/已恢复上次未导出的数据（保存于/).first().waitFor();
  await expectValue(page, 't4.review.upheld', '3');
  await expectValue(page, 't3.received.natural', '１２');
  await expectValue(page, 't3.received.business', '两件');
  // The restored full-width number still reads as 12 (the note says so); the words stay marked.
  expect(await cell(page, 't3.received.natural').getAttribute('title')).toContain('按数字 12 读取');
  expect(await cell(page, 't3.received.business').getAttribute('aria-invalid')).toBe('true');
  expect(errors).toEqual([]);
  await page.close();
});

test('Enter, arrows and Tab move between input cells as in a spreadsheet', async () => {
  const { page, errors } = await openPage();
  await cell(page, 't3.received.natural').click();
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  expect(await focusedCell(page)).toBe('t3.carriedOver.natural');
  await page.keyboard.press('Shift+Enter');
  expect(await focusedCell(page)).toBe('t3.received.natural');
  await expectValue(page, 't3.received.natural', '7');

  await cell(page, 't3.other.misc.otherOrg').click();
  await page.keyboard.press('ArrowDown'); // over the computed （七）总计 row
  expect(await focusedCell(page)).toBe('t3.carriedForward.otherOrg');
  await page.keyboard.press('ArrowRight'); // only the total is to the right: stay
  expect(await focusedCell(page)).toBe('t3.carriedForward.otherOrg');
  await page.keyboard.press('ArrowLeft'); // the cell is empty: the caret is at its edge
  expect(await focusedCell(page)).toBe('t3.carriedForward.legalService');

  // Tab skips the read-only total at the end of the row; Shift+Tab comes back past it.
  await cell(page, 't3.received.otherOrg').click();
  await page.keyboard.press('Tab');
  expect(await focusedCell(page)).toBe('t3.carriedOver.natural');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedCell(page)).toBe('t3.received.otherOrg');

  // A click puts the caret in the text: Left moves it, and leaves only from the start.
  await cell(page, 't4.review.corrected').click();
  await page.keyboard.type('45');
  await page.keyboard.press('ArrowLeft');
  expect(await focusedCell(page)).toBe('t4.review.corrected');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await focusedCell(page)).toBe('t4.review.upheld');
  expect(errors).toEqual([]);
  await page.close();
});

test('at 360 px the pane\'s controls come first, above the grids', async () => {
  const { page, errors } = await openPage({ width: 360, height: 800 });
  const pane = page.getByRole('complementary', { name: '政府信息公开年报助手' });
  await pane.getByRole('heading', { level: 1, name: '政府信息公开年报助手' }).waitFor({ timeout: 20_000 });
  const paneBox = (await pane.boundingBox())!;
  const gridsBox = (await page.getByRole('main', { name: '年报表格' }).boundingBox())!;
  expect(paneBox.y).toBeLessThan(gridsBox.y);
  expect(paneBox.width).toBeLessThanOrEqual(360);
  // Nothing of the pane is wider than the screen (labels wrap instead of being cut off).
  const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(SHOTS, 'standalone-narrow.png') });
  expect(errors).toEqual([]);
  await page.close();
});

async function expectValue(page: Page, id: string, value: string) {
  await page.waitForFunction(
    ([cellId, want]) => (document.querySelector(`[data-cell-id="${cellId}"]`) as HTMLInputElement | null)?.value === want,
    [id, value] as const,
    { timeout: 10_000 },
  );
}
