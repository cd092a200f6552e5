/** `xxgk-nianbao report`: writes the Word document or the web page; exit statuses as `check`'s. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { importText, sampleReport } from '../../src/core';
import { runCli } from '../support/cli';
import { unbalancedSample } from './support';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-report-'));

describe('xxgk-nianbao report', () => {
  it('writes the sample as a Word document and exits 0', async () => {
    const out = join(dir, '年报.docx');
    const r = await runCli(['report', '--sample', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已生成');
    expect(r.out).toContain('Word 文档，2022年度，偃师区缙氏镇人民政府');
    expect(r.err).toContain('【】处需要人工填写或确认');
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['word/document.xml'])).toContain('一、总体情况');
  });

  it('writes the web page from a report file; the page reads back to the same cells', async () => {
    const input = join(dir, 'in.json');
    writeFileSync(input, JSON.stringify(sampleReport()));
    const out = join(dir, '年报.html');
    const r = await runCli(['report', input, '-o', out]);
    expect(r.code).toBe(0);
    expect(importText(readFileSync(out, 'utf8'), { mime: 'text/html' }).report.cells).toEqual(sampleReport().cells);
  });

  it('includes the year-on-year sentences with --last-year', async () => {
    const last = sampleReport();
    last.year = 2021;
    last.cells['t3.received.total'] = 2;
    last.cells['t3.received.natural'] = 2;
    const lastFile = join(dir, 'last.json');
    writeFileSync(lastFile, JSON.stringify(last));
    const out = join(dir, 'yoy.html');
    expect((await runCli(['report', '--sample', '--last-year', lastFile, '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('比上年减少2件');
  });

  it('still writes the document when checks fail, says so at the top, and exits 1', async () => {
    const input = join(dir, 'bad.json');
    writeFileSync(input, JSON.stringify(unbalancedSample()));
    const out = join(dir, 'bad.docx');
    const r = await runCli(['report', input, '-o', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(r.err).toContain('已在文档开头用【】注明');
  });

  it('asks for .docx or .html, and for an input, with exit status 2', async () => {
    const r = await runCli(['report', '--sample', '-o', join(dir, 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('输出文件应以 .docx（Word 文档）或 .html（网页）结尾');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    expect((await runCli(['report', '-o', join(dir, 'y.docx')])).code).toBe(2);
    expect((await runCli(['report', '--sample'])).code).toBe(2);
  });
});
