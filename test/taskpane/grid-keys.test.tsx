/** @jest-environment jsdom */
/** The grids move like a spreadsheet and read numbers as the importer does. */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compileSheetPlan } from '../../src/core';
import { createStandaloneHost } from '../../src/standalone/host';
import { renderPane, standaloneHost } from './render';

const cell = (id: string) => {
  const el = document.querySelector<HTMLInputElement>(`[data-cell-id="${id}"]`);
  if (!el) throw new Error(`no cell ${id}`);
  return el;
};
const focused = () => (document.activeElement as HTMLElement | null)?.getAttribute('data-cell-id');

async function page() {
  const user = userEvent.setup();
  const host = standaloneHost();
  renderPane(host);
  await screen.findByRole('table', { name: '四、政府信息公开行政复议、行政诉讼情况' });
  return { user, host };
}

/** Arrive in a cell as the keyboard does (enter mode): the same as Tab or a finding. */
const arrive = (id: string) => act(() => cell(id).focus());

describe('keyboard in the grids', () => {
  test('Enter moves down and Shift+Enter up, over the computed （七）总计 row', async () => {
    const { user } = await page();
    arrive('t3.received.natural');
    await user.keyboard('{Enter}');
    expect(focused()).toBe('t3.carriedOver.natural');
    arrive('t3.other.misc.business');
    await user.keyboard('{Enter}');
    expect(focused()).toBe('t3.carriedForward.business');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(focused()).toBe('t3.other.misc.business');
  });

  test('Enter writes what was typed and moves on; the text arrives selected so typing replaces it', async () => {
    const { user, host } = await page();
    arrive('t3.received.natural');
    await user.keyboard('7{Enter}');
    expect(host.model().texts['t3.received.natural']).toBe('7');
    expect(focused()).toBe('t3.carriedOver.natural');
    await user.keyboard('{Shift>}{Enter}{/Shift}8');
    expect(host.model().texts['t3.received.natural']).toBe('8');
  });

  test('arrows move between input cells, skipping totals; at the edge the focus stays', async () => {
    const { user } = await page();
    arrive('t4.review.pending');
    await user.keyboard('{ArrowRight}');
    expect(focused()).toBe('t4.suitDirect.upheld'); // 行政复议·总计 is skipped
    await user.keyboard('{ArrowLeft}');
    expect(focused()).toBe('t4.review.pending');
    arrive('t3.received.otherOrg');
    await user.keyboard('{ArrowRight}');
    expect(focused()).toBe('t3.received.otherOrg'); // only the total is to its right
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('t3.carriedOver.otherOrg');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(focused()).toBe('t3.received.otherOrg');
  });

  test('after a click (edit mode) Left/Right move the caret, and leave the cell only at the text\'s edge', async () => {
    const { user } = await page();
    await user.click(cell('t4.review.corrected'));
    await user.keyboard('12{ArrowLeft}');
    expect(focused()).toBe('t4.review.corrected');
    expect(cell('t4.review.corrected').selectionStart).toBe(1);
    await user.keyboard('{ArrowLeft}');
    expect(cell('t4.review.corrected').selectionStart).toBe(0);
    await user.keyboard('{ArrowLeft}');
    expect(focused()).toBe('t4.review.upheld');
    // Arrived by the keyboard (enter mode): typing then an arrow moves on, as in Excel.
    await user.keyboard('3{ArrowRight}');
    expect(focused()).toBe('t4.review.corrected');
    expect(cell('t4.review.upheld').value).toBe('3');
  });

  // Tab itself is driven by Fluent's focus manager, which needs layout: test/e2e/keep.test.ts presses it.
  test('the read-only totals are out of the Tab order but can still be focused (findings select them)', async () => {
    await page();
    const totals = [...document.querySelectorAll<HTMLInputElement>('input[data-cell-id][readonly]')];
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[data-cell-id]:not([readonly])')];
    expect(totals.length).toBeGreaterThan(0);
    expect(totals.every((t) => t.tabIndex === -1)).toBe(true);
    expect(inputs.every((i) => i.tabIndex === 0)).toBe(true);
    arrive('t3.received.total');
    expect(focused()).toBe('t3.received.total');
  });
});

describe('numbers read as the importer does', () => {
  test('「１２」 and 「1,234」 count as numbers, stay as typed, and say how they were read', async () => {
    const { user, host } = await page();
    const wide = cell('t4.review.upheld');
    await user.type(wide, '１２');
    await user.type(cell('t4.review.corrected'), '1,234');
    await user.type(cell('t4.review.other'), '0');
    await user.type(cell('t4.review.pending'), '0');
    expect(wide.value).toBe('１２');
    expect(wide.getAttribute('aria-invalid')).toBeNull();
    expect(wide.title).toContain('「１２」按数字 12 读取');
    const note = document.getElementById(wide.getAttribute('aria-describedby')!);
    expect(note?.textContent).toBe(wide.title);
    expect(cell('t4.review.corrected').title).toContain('「1,234」按数字 1234 读取');
    expect(cell('t4.review.total').value).toBe('1246');
    const report = (await host.readReport())!;
    expect(report.cells['t4.review.upheld']).toBe(12);
    expect(report.raw).toBeUndefined();
  });

  test('a plain number has no note; a negative one is outlined and says so', async () => {
    const { user } = await page();
    const plain = cell('t4.review.upheld');
    await user.type(plain, '12');
    expect(plain.title).toBe('');
    expect(plain.getAttribute('aria-describedby')).toBeNull();
    const negative = cell('t4.review.corrected');
    await user.type(negative, '-3');
    expect(negative.getAttribute('aria-invalid')).toBe('true');
    expect(negative.title).toContain('负数 -3');
    expect(negative.className).not.toBe(plain.className);
    await waitFor(() => expect(screen.getByRole('list', { name: '表四的检查结果' })).toBeTruthy());
  });
});

describe('keeping fails', () => {
  test('a browser that refuses to keep the report: typing goes on, and the page says to export', async () => {
    const user = userEvent.setup();
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      },
      removeItem: () => {},
    };
    const host = createStandaloneHost({
      plan: compileSheetPlan('2021', { year: 2025, agency: null }), download: () => {}, storage: refusing, debounceMs: 0,
    });
    renderPane(host);
    await screen.findByRole('table', { name: '四、政府信息公开行政复议、行政诉讼情况' });
    expect(screen.queryByText('浏览器没有保存刚才的填写')).toBeNull();
    await user.type(cell('t4.review.upheld'), '12');
    expect(cell('t4.review.upheld').value).toBe('12');
    expect(await screen.findByText('浏览器没有保存刚才的填写')).toBeTruthy();
    expect(screen.getByText(/请先用「导出」保存工作簿/)).toBeTruthy();
  });
});
