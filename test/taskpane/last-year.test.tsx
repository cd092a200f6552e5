/** @jest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compileSheetPlan, sampleReport, type Report } from '../../src/core';
import { writeXlsx } from '../../src/xlsx';
import { features } from '../../src/taskpane/features';
import { renderPane, standaloneHost } from './render';

/** The sample as last year's report (2021), with 3 自然人 applications carried forward. */
function lastYearReport(): Report {
  const r = sampleReport();
  r.year = 2021;
  r.cells['t3.handledTotal.natural'] = 0;
  r.cells['t3.carriedForward.natural'] = 3;
  r.cells['t3.carriedForward.total'] = 3;
  return r;
}

describe('「上年报告」 picker', () => {
  test('a last-year workbook turns on the cross-year check, which names the cell', async () => {
    const user = userEvent.setup();
    const { controller } = renderPane(standaloneHost(), features);
    await act(() => controller.loadSample()); // 2022, nothing carried over
    const picker = await screen.findByRole('region', { name: '上年报告' });
    const bytes = writeXlsx(compileSheetPlan('2021', { report: lastYearReport() }));
    const file = new File([bytes as Uint8Array<ArrayBuffer>], '2021年报.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    await user.upload(within(picker).getByLabelText('选择上年报告…'), file);
    expect(await within(picker).findByText('正在使用：2021年报.xlsx（2021）')).toBeTruthy();
    const findings = await screen.findAllByRole('button', { name: /上年报告的 四、结转下年度继续办理 不一致：应为 3，实为 0/ });
    expect(findings.map((f) => f.title)).toEqual([
      '定位到 表三 二、上年结转政府信息公开申请数量·自然人',
      '定位到 表三 二、上年结转政府信息公开申请数量·总计',
    ]);
    await user.click(within(picker).getByRole('button', { name: '不再使用上年报告' }));
    expect(screen.queryByRole('button', { name: /上年报告的 四、结转下年度继续办理/ })).toBeNull();
  });

  test('a file of the wrong year is used but flagged; an unreadable one is an error in Chinese', async () => {
    const user = userEvent.setup();
    const { controller } = renderPane(standaloneHost(), features);
    await act(() => controller.loadSample());
    const picker = await screen.findByRole('region', { name: '上年报告' });
    const wrong = { ...lastYearReport(), year: 2019, format: '2019' as const, cells: {} };
    await user.upload(within(picker).getByLabelText('选择上年报告…'), new File([JSON.stringify(wrong)], 'old.json'));
    await within(picker).findByText('正在使用：old.json（2019）');
    expect(await screen.findByText(/所选文件是 2019 年度的年报，本年报的上一年度应为 2021 年度/)).toBeTruthy();
    await user.upload(within(picker).getByLabelText('选择上年报告…'), new File(['{"format":'], 'broken.json'));
    expect(await screen.findByText(/broken\.json 不是有效的 JSON/)).toBeTruthy();
    expect(controller.getState().lastYear?.fileName).toBe('old.json'); // the failed pick changes nothing
  });
});
