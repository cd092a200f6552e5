/**
 * `xxgk-nianbao report <input|--sample> -o 年报.docx|年报.html [--last-year <上年报告文件>]`: the whole
 * report, ready to publish — sections 一–六 with the narrative from the tables and tables 二,
 * 三, 四 in the official layout, as a Word document or a web page. Failing checks do not stop
 * it: the document says so at the top and the exit status is 1, as `check`'s.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { XxgkError, check, checkFailed, planDocument, sampleReport, type DocumentPlan } from '../../core';
import { writeHtml } from '../../publish/html';
import { loadInput } from '../input';
import { EXIT, type Io } from '../io';
import type { Command } from './types';

const WRITERS: Record<string, (plan: DocumentPlan) => Promise<Uint8Array | string>> = {
  // The .docx writer is a large library: loaded only when a Word document is asked for, so
  // every other command starts as fast as before.
  '.docx': async (plan) => (await import(/* webpackChunkName: "docx" */ '../../publish/docx')).writeDocx(plan),
  '.html': async (plan) => writeHtml(plan),
  '.htm': async (plan) => writeHtml(plan),
};

const KIND_NAMES: Record<string, string> = { '.docx': 'Word 文档', '.html': '网页', '.htm': '网页' };

export const reportCommand: Command = {
  name: 'report',
  summary: '生成年报全文（标题、一至六部分、官方格式的表二表三表四），输出 Word 文档（.docx）或网页（.html）',
  usage: 'report <report.json|.xlsx|…|--sample> -o 年报.docx|年报.html [--last-year <上年报告文件>]',
  options: {
    output: { type: 'string', short: 'o' },
    sample: { type: 'boolean' },
    'last-year': { type: 'string' },
  },
  async run({ values, positionals }, io: Io) {
    const out = values.output;
    if (typeof out !== 'string' || !out || (values.sample ? positionals.length !== 0 : positionals.length !== 1)) {
      io.err(`用法：xxgk-nianbao ${this.usage}`);
      return EXIT.unreadable;
    }
    const ext = extname(out).toLowerCase();
    const write = WRITERS[ext];
    if (!write) {
      io.err(`无法生成“${out}”：输出文件应以 .docx（Word 文档）或 .html（网页）结尾。\n用法：xxgk-nianbao ${this.usage}`);
      return EXIT.unreadable;
    }
    const input = values.sample ? { report: sampleReport() } : loadInput(positionals[0]);
    const lastYear = typeof values['last-year'] === 'string' ? loadInput(values['last-year']).report : null;
    const result = check(input.report, { lastYear });
    const plan = planDocument(input.report, { lastYear, outcomes: result.outcomes });
    const bytes = await write(plan);
    try {
      writeFileSync(out, bytes);
    } catch (e) {
      throw new XxgkError('FILE-UNWRITABLE', { path: out, reason: (e as Error).message });
    }

    io.out(`已生成 ${out}（${KIND_NAMES[ext]}，${plan.year ?? '未注明'}年度${plan.agency ? `，${plan.agency}` : ''}）`);
    io.err('文中黄色标出的【】处需要人工填写或确认，发布前请逐一补全并删去【】。');
    const failed = checkFailed(result);
    if (plan.notices.length) io.err('数据有检查未通过：已在文档开头用【】注明，请用 check 命令查看并改正后重新生成。');
    const importErrors = (input.issues ?? []).filter((i) => i.severity === 'error').length;
    if (importErrors) io.err(`导入时发现 ${importErrors} 个错误：相关单元格在表中留空，请用 import 命令查看。`);
    return failed || importErrors ? EXIT.findings : EXIT.ok;
  },
};
