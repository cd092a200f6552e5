/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sampleReport, type Report } from '../../src/core';
import type { HostCapabilities, LiveCheckState, ReportHost } from '../../src/host/types';
import { features } from '../../src/taskpane/features';
import { renderPane, standaloneHost } from './render';

const SEED = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'seed-2022');
const seedText = () => readFileSync(resolve(SEED, 'report.txt'), 'utf8');
const seedExpected = () => JSON.parse(readFileSync(resolve(SEED, 'expected.json'), 'utf8')) as { cells: Record<string, number | null> };

// The panels load lazily (their own chunks in the build); compiling them on first use can outlast findBy's wait.
const LAZY = { timeout: 10_000 };
beforeAll(() =>
  Promise.all([
    import('../../src/taskpane/components/ImportPanel'),
    import('../../src/taskpane/components/ExportPanel'),
    import('../../src/taskpane/components/SetupPanel'),
    import('../../src/taskpane/components/SummaryPanel'),
    import('../../src/taskpane/components/ConfirmDialog'),
    import('../../src/taskpane/components/NewReportDialog'),
  ]),
);

describe('import panel', () => {
  test('pasted seed text: preview with year and agency, then the numbers land in the grids', async () => {
    const user = userEvent.setup();
    renderPane(standaloneHost(), features);
    await user.click(await screen.findByRole('tab', { name: '导入' }));
    const box = await screen.findByRole('textbox', { name: '粘贴年报表格' }, LAZY);
    fireEvent.change(box, { target: { value: seedText() } });
    await user.click(screen.getByRole('button', { name: '识别' }));
    const preview = await screen.findByRole('region', { name: '识别结果' });
    expect(within(preview).getByText('年度：2022；机关：偃师区缙氏镇人民政府')).toBeTruthy();
    // The seed leaves （七）总计·自然人 blank: listed as an issue, never turned into 0.
    expect(within(preview).getAllByRole('listitem').some((li) => /表三（七）总计·自然人/.test(li.textContent ?? ''))).toBe(true);
    await user.click(within(preview).getByRole('button', { name: '写入表格' }));
    expect(await screen.findByText('导入完成')).toBeTruthy();
    const expected = seedExpected().cells;
    for (const id of ['t2.regulation.issued', 't3.received.natural', 't4.review.total']) {
      const input = document.querySelector(`[data-cell-id="${id}"]`) as HTMLInputElement;
      expect(input.value).toBe(String(expected[id]));
    }
    expect(screen.getByRole('heading', { level: 2, name: '偃师区缙氏镇人民政府2022年政府信息公开工作年度报告' })).toBeTruthy();
  });

  test('a paste carrying HTML is read from its HTML (text/html), and nothing is written before 写入表格', async () => {
    const user = userEvent.setup();
    const seen: { text: string; mime: string }[] = [];
    const host = standaloneHost();
    const importText = await features.loadImporter!();
    renderPane(host, {
      loadImporter: async () => (text, options) => {
        seen.push({ text, mime: options.mime });
        return importText(text, options);
      },
    });
    await user.click(await screen.findByRole('tab', { name: '导入' }));
    const html = '<table><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr></table>';
    const box = await screen.findByRole('textbox', { name: '粘贴年报表格' }, LAZY);
    fireEvent.paste(box, { clipboardData: { getData: (type: string) => (type === 'text/html' ? html : '一、本年新收…\t1') } });
    expect((box as HTMLTextAreaElement).value).toBe('一、本年新收…\t1');
    expect(screen.getByText('已从网页格式中读取表格。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '识别' }));
    expect(seen).toEqual([{ text: html, mime: 'text/html' }]);
    expect(host.model().texts['t3.received.natural']).toBe('');
    const preview = await screen.findByRole('region', { name: '识别结果' });
    // The paste names no year: it is asked, not guessed, and nothing can be written before it is given.
    expect(within(preview).getByText('年度：未识别；机关：未识别')).toBeTruthy();
    const write = within(preview).getByRole('button', { name: '写入表格' });
    expect(write.hasAttribute('disabled') || write.getAttribute('aria-disabled') === 'true').toBe(true);
    await user.type(within(preview).getByRole('textbox', { name: /报告年度（粘贴中未找到/ }), '2024');
    await user.click(within(preview).getByRole('button', { name: '写入表格' }));
    await waitFor(() => expect(host.model().texts['t3.received.natural']).toBe('1'));
    expect(host.model().plan?.year).toBe(2024);
  });
});

describe('summary panel', () => {
  test('shows the narrative writer text for the sample and copies it', async () => {
    const user = userEvent.setup();
    const { clipboard } = renderPane(standaloneHost(), features);
    await user.click(await screen.findByRole('button', { name: '载入示例数据' }));
    await screen.findByText('已载入示例数据');
    await user.click(screen.getByRole('tab', { name: '摘要' }));
    const article = await screen.findByRole('article', { name: '文字摘要' });
    const text = article.textContent ?? '';
    expect(text.length).toBeGreaterThan(20);
    await user.click(screen.getByRole('button', { name: '复制全文' }));
    expect(clipboard.writeText).toHaveBeenCalledTimes(1);
    const copied = (clipboard.writeText.mock.calls[0] as unknown as [string])[0];
    for (const p of Array.from(article.querySelectorAll('p'))) expect(copied).toContain(p.textContent);
    expect(await screen.findByText('已复制到剪贴板')).toBeTruthy();
  });

  test('without the narrative writer the panel says so', async () => {
    const user = userEvent.setup();
    renderPane(standaloneHost());
    await user.click(await screen.findByRole('tab', { name: '摘要' }));
    expect(screen.getByText('文字摘要功能尚未就绪（缺少摘要模块）。')).toBeTruthy();
  });
});

/** An Excel-like host whose behaviour each test sets (the real adapter is tested elsewhere). */
function excelLikeHost(over: Partial<ReportHost> & { caps?: Partial<HostCapabilities> } = {}): ReportHost & { selected: string[] } {
  const report: Report = sampleReport();
  const selected: string[] = [];
  return {
    kind: 'excel',
    capabilities: () => ({ excelApi: '1.9', missing: [], currentFile: true, ...over.caps }),
    generate: async () => {},
    readReport: async () => report,
    writeCells: async () => {},
    selectCell: async (id) => void selected.push(id),
    onUserChange: () => () => {},
    openExport: async () => 'opened',
    currentFileBytes: async () => new Uint8Array([1]),
    selected,
    ...over,
  };
}

describe('pane in Excel', () => {
  test('says clearly what is missing below ExcelApi 1.9', async () => {
    renderPane(excelLikeHost({ caps: { excelApi: '1.7', missing: ['ExcelApi 1.9（单元格格式批量设置）', 'ExcelApi 1.8（数据验证）'] } }));
    expect(await screen.findByText('此版本的 Excel 功能不全')).toBeTruthy();
    expect(screen.getByText(/缺少：ExcelApi 1.9（单元格格式批量设置）、ExcelApi 1.8（数据验证）/)).toBeTruthy();
  });

  test("Excel's errors reach the user in Chinese in an alert", async () => {
    const error = Object.assign(new Error('Wait until the previous call completes.'), { code: 'InvalidOperation' });
    renderPane(excelLikeHost({ readReport: async () => Promise.reject(error) }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('读取表格失败')).toBeTruthy();
    expect(alert.textContent).toContain('Excel 暂时无法执行此操作');
    expect(alert.textContent).toContain('InvalidOperation');
  });

  test('a workbook without report sheets opens on 表格 and generates them for the typed year and agency', async () => {
    const user = userEvent.setup();
    const plans: { year: number | null; agency: string | null }[] = [];
    let generated = false;
    const host = excelLikeHost({
      readReport: async () => (generated ? { ...sampleReport(), year: 2024, agency: '某某镇人民政府' } : null),
      generate: async (plan) => {
        plans.push({ year: plan.year, agency: plan.agency });
        generated = true;
      },
    });
    renderPane(host);
    const year = await screen.findByRole('textbox', { name: /报告年度/ });
    await waitFor(() => expect(screen.getByRole('tab', { name: '表格' }).getAttribute('aria-selected')).toBe('true'));
    await user.clear(year);
    await user.type(year, '2024');
    await user.type(screen.getByRole('textbox', { name: '机关名称' }), '某某镇人民政府');
    await user.click(screen.getByRole('button', { name: '生成表格' }));
    expect(await screen.findByText('表格已生成')).toBeTruthy();
    expect(plans).toEqual([{ year: 2024, agency: '某某镇人民政府' }]);
  });

  test('export offers the current workbook where the host can give it, and opens a new workbook', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    renderPane(excelLikeHost({ openExport: async (t) => (opened.push(t.fileName), 'opened') }), features);
    await user.click(await screen.findByRole('tab', { name: '导出' }));
    await user.click(await screen.findByRole('button', { name: '导出校验后的工作簿' }, LAZY));
    expect(await screen.findByText('已在新工作簿中打开')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '导出当前工作簿' }));
    await waitFor(() => expect(opened).toHaveLength(2));
    expect(opened[0]).toBe('2022年政府信息公开工作年度报告（偃师区缙氏镇人民政府）.xlsx');
  });

  test('「导出 Word 年报」 reads the sheets again, lists the failing checks first, and downloads only on the user\'s yes', async () => {
    const user = userEvent.setup();
    const report = sampleReport();
    report.cells['t3.received.total'] = (report.cells['t3.received.total'] as number) + 12; // a total typed over
    let reads = 0;
    const written: { kind: string; total: number | null }[] = [];
    const downloads: string[] = [];
    renderPane(excelLikeHost({ readReport: async () => (reads++, report) }), {
      loadDocumentWriter: async () => async (kind, r) => (written.push({ kind, total: r.cells['t3.received.total'] }), new Uint8Array([80, 75])),
      download: (t) => void downloads.push(t.fileName),
    });
    await user.click(await screen.findByRole('tab', { name: '导出' }));
    const button = await screen.findByRole('button', { name: '导出 Word 年报' }, LAZY);
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    const readsBefore = reads;
    await user.click(button);
    const dialog = await screen.findByRole('alertdialog');
    expect(reads).toBeGreaterThan(readsBefore); // checked again on the sheets as they are now
    expect(within(dialog).getByText(/项检查未通过，仍要导出？/)).toBeTruthy();
    expect(within(dialog).getAllByRole('listitem').some((li) => li.textContent?.includes('表三'))).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(downloads).toEqual([]);

    await user.click(screen.getByRole('button', { name: '导出 Word 年报' }));
    await user.click(await screen.findByRole('button', { name: '仍导出 Word 年报' }));
    await waitFor(() => expect(downloads).toEqual(['2022年政府信息公开工作年度报告（偃师区缙氏镇人民政府）.docx']));
    expect(written).toEqual([{ kind: 'docx', total: report.cells['t3.received.total'] }]);
    expect(await screen.findByText(/已生成 Word 年报/)).toBeTruthy();
  });

  test('a total typed over in the sheet: an error finding that selects its cell, and the verdict is red', async () => {
    const user = userEvent.setup();
    const report = sampleReport();
    const parts = report.cells['t3.received.total'] as number;
    report.cells['t3.received.total'] = parts + 12;
    const host = excelLikeHost({
      readReport: async () => report,
      lastReadIssues: [{ code: 'TOTAL-OVERWRITTEN', cells: ['t3.received.total'], severity: 'error', expected: parts, found: parts + 12 }],
    });
    renderPane(host);
    const finding = await screen.findByRole('button', { name: /总计已被改写为固定数值/ });
    expect(finding.textContent).toMatch(/^错误/);
    expect(screen.getByText(/^发现 \d+ 项错误/)).toBeTruthy();
    expect(screen.queryByText('未发现错误。')).toBeNull();
    await user.click(finding);
    expect(host.selected).toEqual(['t3.received.total']);
  });

  test('live checking off: a warning bar whose 重新检查 retries and reads the sheets again', async () => {
    const user = userEvent.setup();
    let state: LiveCheckState = 'off';
    const listeners = new Set<(s: LiveCheckState) => void>();
    const setState = (next: LiveCheckState) => {
      state = next;
      listeners.forEach((l) => l(next));
    };
    const retry = jest.fn(async () => setState('on'));
    let reads = 0;
    const host = excelLikeHost({
      readReport: async () => (reads++, sampleReport()),
      liveCheck: { state: () => state, onState: (l) => (listeners.add(l), () => void listeners.delete(l)), retry },
    });
    renderPane(host);
    const bar = await screen.findByTestId('live-check-off');
    expect(bar.textContent).toContain('自动检查已暂停');
    const before = reads;
    await user.click(within(bar).getByRole('button', { name: '重新检查' }));
    expect(retry).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId('live-check-off')).toBeNull());
    expect(reads).toBeGreaterThan(before);
    act(() => setState('retrying'));
    expect(screen.getByText('正在连接自动检查…')).toBeTruthy();
  });

  test('an export Excel could not open is downloaded: the notice says why and where, as a warning', async () => {
    const user = userEvent.setup();
    const why = 'Excel 无法直接打开导出的工作簿（此环境不允许新建工作簿），已改为下载文件「年报.xlsx」：请在浏览器的下载列表或「下载」文件夹中打开它。';
    const notices: string[] = [];
    const host = excelLikeHost({
      openExport: async () => (notices.push(why), 'downloaded'),
    });
    Object.defineProperty(host, 'lastNotices', { get: () => notices });
    renderPane(host, features);
    await user.click(await screen.findByRole('tab', { name: '导出' }));
    await user.click(await screen.findByRole('button', { name: '导出校验后的工作簿' }, LAZY));
    expect(await screen.findByText('已开始下载')).toBeTruthy();
    expect(screen.getByText(/已改为下载文件「年报\.xlsx」/)).toBeTruthy();
  });
});

describe('honest verdict and undo', () => {
  test('blanks are never green: the headline counts them, 空白按 0 处理 asks listing them, and 撤销 blanks them again', async () => {
    const user = userEvent.setup();
    const host = standaloneHost();
    renderPane(host, features);
    await user.click(await screen.findByRole('button', { name: '载入示例数据' }));
    await screen.findByText('已载入示例数据');
    host.setCellText('t3.granted.natural', '');
    host.setCellText('t4.review.upheld', '');
    const verdict = await screen.findByTestId('verdict-blanks');
    expect(verdict.textContent).toMatch(/^有 2 个单元格空白，\d+ 项检查无法判断：表三/);
    expect(screen.queryByText('未发现错误。')).toBeNull();
    await user.click(screen.getByRole('button', { name: '空白按 0 处理' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/以下 2 个空白单元格/)).toBeTruthy();
    expect(within(dialog).getByText('表三（一）予以公开：自然人')).toBeTruthy();
    expect(within(dialog).getByText('表四 行政复议：结果维持')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: '填写 0' }));
    expect(await screen.findByText('空白已按 0 填写')).toBeTruthy();
    expect(host.model().texts['t3.granted.natural']).toBe('0');
    expect(await screen.findByText('未发现错误。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '撤销' }));
    expect(await screen.findByText('已撤销')).toBeTruthy();
    expect(host.model().texts['t3.granted.natural']).toBe('');
    expect(host.model().texts['t4.review.upheld']).toBe('');
  });

  test('the sample over typed data asks first; 取消 keeps the data', async () => {
    const user = userEvent.setup();
    const host = standaloneHost();
    renderPane(host, features);
    await screen.findByRole('heading', { level: 1, name: '政府信息公开年报助手' });
    host.setCellText('t3.received.natural', '7');
    await waitFor(() => expect(screen.getByText(/有 \d+ 个单元格空白/)).toBeTruthy());
    await user.click(screen.getByRole('button', { name: '载入示例数据' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/已填写的 1 个单元格将被示例数据替换/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(host.model().texts['t3.received.natural']).toBe('7');
  });

  test('新建 asks the year and clears the report; 撤销 brings it back', async () => {
    const user = userEvent.setup();
    const host = standaloneHost();
    renderPane(host, features);
    await user.click(await screen.findByRole('button', { name: '载入示例数据' }));
    await screen.findByText('已载入示例数据');
    await user.click(screen.getByRole('button', { name: '新建' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/已填写的 \d+ 个单元格将全部清空/)).toBeTruthy();
    const year = within(dialog).getByRole('textbox', { name: /报告年度/ });
    await user.clear(year);
    await user.type(year, '2024');
    await user.click(within(dialog).getByRole('button', { name: '清空并新建' }));
    expect(await screen.findByText('已新建年报')).toBeTruthy();
    expect(host.model().plan?.year).toBe(2024);
    expect(host.model().texts['t3.received.natural']).toBe('');
    await user.click(await screen.findByRole('button', { name: '撤销' }, LAZY)); // once the dialog has gone
    await waitFor(() => expect(host.model().texts['t3.received.natural']).toBe('0'));
    expect(host.model().plan?.year).toBe(2022);
  });
});

describe('grouped import preview', () => {
  const published060 = () => readFileSync(resolve(SEED, '..', 'published', '060.txt'), 'utf8').split('\n').slice(2).join('\n');

  test('the one error comes first, 56 blank reminders fold into one line, and a click shows the line in the paste', async () => {
    const user = userEvent.setup();
    renderPane(standaloneHost(), features);
    await user.click(await screen.findByRole('tab', { name: '导入' }));
    const box = (await screen.findByRole('textbox', { name: '粘贴年报表格' }, LAZY)) as HTMLTextAreaElement;
    const text = published060();
    fireEvent.change(box, { target: { value: text } });
    await user.click(screen.getByRole('button', { name: '识别' }));
    const preview = await screen.findByRole('region', { name: '识别结果' });
    const issues = within(preview).getByRole('region', { name: /需要注意的问题/ });
    const top = within(issues).getAllByRole('listitem')[0];
    expect(top.textContent).toMatch(/^【错误】「7.属」（第 197 行第 1 列）/);
    expect(within(issues).getByText('【提醒】56 个单元格为空白')).toBeTruthy();
    // The pasted 107 is not called a difference: its parts 103 + 3 + 1 leave three blanks.
    expect(preview.textContent).not.toMatch(/表三 一、本年新收政府信息公开申请数量·总计：粘贴的合计 107/);
    expect(within(preview).getByText(/粘贴的 \d+ 个合计数有部分单元格空白，无法与各项之和核对/)).toBeTruthy();
    await user.click(within(top).getByRole('button', { name: '在粘贴内容中显示第 197 行' }));
    const lines = text.split('\n');
    const start = lines.slice(0, 196).join('\n').length + 1;
    expect(box.selectionStart).toBe(start);
    expect(box.selectionEnd).toBe(start + lines[196].length);
    expect(document.activeElement).toBe(box);
  });
});
