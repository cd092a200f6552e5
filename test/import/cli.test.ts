/** The `import` command, and `check` reading pasted text files through the importer. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText } from '../../src/cli/commands/import';
import { runCli } from '../support/cli';
import { FIXTURES } from '../support/paths';

const SEED = join(FIXTURES, 'seed-2022', 'report.txt');

test('import --json writes the spec import JSON: report + issues with messages', async () => {
  const { code, out } = await runCli(['import', SEED, '--json']);
  expect(code).toBe(0);
  const json = JSON.parse(out);
  expect(json).toMatchObject({ format: '2021', year: 2022, agency: '偃师区缙氏镇人民政府' });
  expect(Object.keys(json.cells)).toHaveLength(200);
  const blank = json.issues.find((i: { code: string }) => i.code === 'BLANK');
  expect(blank).toMatchObject({ cells: ['t3.handledTotal.natural'], line: 73, severity: 'warning' });
  expect(blank.message).toContain('表三（七）总计·自然人');
  expect(blank.message).toContain('第 73 行');
});

test('import prints issues in Chinese; an error-severity issue exits 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-import-'));
  const file = join(dir, 'paste.txt');
  writeFileSync(file, '一、本年新收政府信息公开申请数量\t3\t若干\t0\t0\t0\t0\t3\n');
  const { code, out } = await runCli(['import', file, '--year', '2023']);
  expect(code).toBe(1);
  expect(out).toContain('[错误]');
  expect(out).toContain('表三 一、本年新收政府信息公开申请数量·商业企业');
  expect(out).toContain('若干');
});

test('check accepts .txt and .html pastes (import, then rules)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-import-'));
  const html = join(dir, 'paste.html');
  writeFileSync(html, '<table><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr></table>');
  const r = await runCli(['check', html, '--json']);
  expect(r.code).toBe(1);
  const json = JSON.parse(r.out);
  expect(json.outcomes.some((o: { rule: string; status: string }) => o.rule === 'T3-ROW-SUM' && o.status === 'fail')).toBe(true);
  expect(json.issues.some((i: { code: string }) => i.code === 'PASTED-TOTAL')).toBe(true);
  const txt = await runCli(['check', SEED]);
  expect(txt.code).toBe(0);
});

test('a missing file is unreadable (exit 2)', async () => {
  const r = await runCli(['import', join(tmpdir(), 'no-such-paste.txt')]);
  expect(r.code).toBe(2);
  expect(r.err).toContain('文件不存在');
});

test('text files: UTF-8 with BOM, else GB18030', () => {
  expect(decodeText(new TextEncoder().encode('\uFEFF规章\t1'))).toBe('规章\t1');
  expect(decodeText(Uint8Array.from([0xd0, 0xd0, 0xd5, 0xfe, 0xd0, 0xed, 0xbf, 0xc9, 0x09, 0x35]))).toBe('行政许可\t5');
});
