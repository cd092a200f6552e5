/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPane, standaloneHost } from './render';

describe('standalone page: grids and pane', () => {
  test('the three tables are drawn from the plan with named inputs and computed totals', async () => {
    renderPane(standaloneHost());
    expect(await screen.findByRole('heading', { level: 1, name: '政府信息公开年报助手' })).toBeTruthy();
    expect(screen.getByRole('main', { name: '年报表格' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: '政府信息公开年报助手' })).toBeTruthy();
    expect(screen.getByRole('table', { name: '二、主动公开政府信息情况' })).toBeTruthy();
    const t3 = screen.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    expect(screen.getByRole('table', { name: '四、政府信息公开行政复议、行政诉讼情况' })).toBeTruthy();
    // Merged header: 法人或其他组织 spans five columns; the corner note 3×3.
    expect(within(t3).getByRole('columnheader', { name: '法人或其他组织' }).getAttribute('colspan')).toBe('5');
    expect(within(t3).getByText(/本列数据的勾稽关系/).getAttribute('rowspan')).toBe('3');
    const input = screen.getByRole('textbox', { name: '表三（三）不予公开 1.属于国家秘密·自然人' });
    expect(input.getAttribute('inputmode')).toBe('numeric');
    const total = screen.getByRole('textbox', { name: '表三 一、本年新收政府信息公开申请数量·总计（自动计算）' });
    expect(total.hasAttribute('readonly')).toBe(true);
    // 2021 format: 175 cells in 表三, of which 25 totals (总计 column) + 6 ((七)总计 row) are computed.
    expect(within(t3).getAllByRole('textbox')).toHaveLength(175);
    expect(within(t3).getAllByRole('textbox').filter((e) => e.hasAttribute('readonly'))).toHaveLength(31);
  });

  test('load the sample: no failing rule; a change shows the right finding, and clicking it focuses the cell', async () => {
    const user = userEvent.setup();
    renderPane(standaloneHost());
    await user.click(await screen.findByRole('button', { name: '载入示例数据' }));
    expect(await screen.findByText('已载入示例数据')).toBeTruthy();
    expect(screen.getByText(/错误 0 项，提醒 0 项/)).toBeTruthy();
    expect(screen.getByText('未发现错误。')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '偃师区缙氏镇人民政府2022年政府信息公开工作年度报告' })).toBeTruthy();

    const cell = screen.getByRole('textbox', { name: '表二 规章·本年制发件数' });
    await user.clear(cell);
    await user.type(cell, '3.5');
    const list = await screen.findByRole('list', { name: '表二的检查结果' });
    const finding = within(list).getByRole('button', { name: /表二 规章·本年制发件数：应为不小于 0 的整数，实为 3.5/ });
    await user.click(finding);
    expect(document.activeElement).toBe(cell);
    expect((cell as HTMLInputElement).value).toBe('3.5');
  });

  test('text typed in a number cell stays as typed, is marked invalid and listed', async () => {
    const user = userEvent.setup();
    renderPane(standaloneHost());
    const cell = await screen.findByRole('textbox', { name: '表四 行政复议·结果维持' });
    await user.type(cell, '两件');
    expect((cell as HTMLInputElement).value).toBe('两件');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    const list = await screen.findByRole('list', { name: '表四的检查结果' });
    expect(within(list).getByRole('button', { name: /应为数字，实为文字「两件」/ })).toBeTruthy();
  });

  test('the balance finding selects the carried-forward cell; totals follow the inputs', async () => {
    const user = userEvent.setup();
    renderPane(standaloneHost());
    await user.click(await screen.findByRole('button', { name: '载入示例数据' }));
    await screen.findByText('已载入示例数据');
    const received = screen.getByRole('textbox', { name: '表三 一、本年新收政府信息公开申请数量·商业企业' });
    await user.clear(received);
    await user.type(received, '2');
    const total = screen.getByRole('textbox', { name: '表三 一、本年新收政府信息公开申请数量·总计（自动计算）' }) as HTMLInputElement;
    expect(total.value).toBe('2');
    const list = await screen.findByRole('list', { name: '表三的检查结果' });
    await user.click(within(list).getByRole('button', { name: /第一项\+第二项 ≠ 第三项\+第四项（商业企业列）/ }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '表三 四、结转下年度继续办理·商业企业' }));
  });

  test('tabs are reachable by keyboard and name their panels', async () => {
    const user = userEvent.setup();
    renderPane(standaloneHost());
    const tab = await screen.findByRole('tab', { name: '导入' });
    await user.click(tab);
    expect(screen.getByRole('tabpanel', { name: '导入' })).toBeTruthy();
    screen.getByRole('tab', { name: '摘要' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('tab', { name: '摘要' }).getAttribute('aria-selected')).toBe('true'));
  });
});
