/**
 * No English words in what users read. Scans the texts of the message tables (core messages,
 * Office messages, pane strings: every string literal) and of the command line, the batch and
 * the zip reader (string literals that hold Chinese text — the user-facing ones — and every
 * text a ZipError or XxgkError is built with), through TypeScript's own parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../support/paths';

/** Latin tokens a Chinese office worker meets as they are: products, formats, keys, our command. */
const ALLOWED = new Set([
  'Excel', 'WPS', 'LibreOffice', 'JSON', 'ExcelApi', 'Office', 'Microsoft', 'Windows', 'Word', 'HTML', 'CSV', 'UTF', 'BOM',
  'GB18030', 'Enter', 'Esc', 'Tab', 'Ctrl', 'Shift', 'xxgk', 'nianbao', 'xlsx', 'xls', 'txt', 'html', 'htm', 'json', 'csv',
  'SHA', 'Safari', 'Chrome', 'Edge', 'Firefox', 'PDF', 'OK', 'SUM', 'ID', 'MB', 'KB',
  // The commands themselves, as typed: 「请用 import 命令查看」.
  'check', 'build', 'import', 'batch', 'summary', 'template', 'report', 'docx',
]);

/** A CLI flag (--year, -o), a file name or extension (report.xlsx, .json, xl/workbook.xml). */
const NOT_WORDS = [/--?[a-z][a-z-]*/g, /[\w./-]*\.(xlsx|xls|xml|json|csv|txt|html?|js|docx?|pdf)\b/gi];

/** One identifier-like token ('FILE-UNREADABLE', 'corrupt', 'error'): a code compared or passed on, not a sentence. */
const CODE_TOKEN = /^[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*$/;

const CJK = /[\u4e00-\u9fff]/;

export function englishWords(text: string): string[] {
  let t = text;
  for (const re of NOT_WORDS) t = t.replace(re, ' ');
  return (t.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w));
}

interface Literal {
  text: string;
  line: number;
  /** Inside `new ZipError(…)` / `new XxgkError(…)`, or a command's usage line: shown even without Chinese. */
  inError: boolean;
}

/** The texts of a file's string and template literals, without module names, property names or type positions. */
function literals(file: string): Literal[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: Literal[] = [];
  const visit = (node: ts.Node, inError: boolean) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    const errorCall =
      (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /^(ZipError|XxgkError)$/.test(node.expression.text)) ||
      (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'usage');
    const isKey = (n: ts.Node) =>
      (ts.isPropertyAssignment(n.parent) && n.parent.name === n) || (ts.isElementAccessExpression(n.parent) && n.parent.argumentExpression === n);
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isKey(node))
      out.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, inError });
    else if (ts.isTemplateExpression(node))
      out.push({
        text: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '),
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        inError,
      });
    node.forEachChild((child) => visit(child, inError || errorCall));
  };
  visit(source, false);
  return out;
}

/** Every literal of the tables; in code, literals with Chinese text or inside an error's construction. */
function userTexts(file: string, table: boolean): Literal[] {
  return literals(file).filter((l) => !CODE_TOKEN.test(l.text) && (table || CJK.test(l.text) || l.inError));
}

const TABLES = ['src/core/messages/zh-CN.ts', 'src/office/messages.zh-CN.ts', 'src/taskpane/strings.zh-CN.ts'];
const ts_ = (dir: string) => readdirSync(join(REPO_ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`);
const CODE = [
  ...ts_('src/cli'), ...ts_('src/cli/commands'), ...ts_('src/node/batch'),
  'src/xlsx/zip.ts', 'src/core/batch-plan.ts', 'src/core/blank-cells.ts', 'src/app/export-plan.ts',
];

describe('no English words in user-facing text', () => {
  it('recognises English and lets flags, file names and product names through', () => {
    expect(englishWords('无法读取 Excel 文件（no zip signature）')).toEqual(['no', 'zip', 'signature']);
    expect(englishWords('用 --year 指定；另存为 .xlsx；缺少 xl/workbook.xml；WPS 与 LibreOffice')).toEqual([]);
    expect(englishWords('用法：xxgk-nianbao check <report.json|--sample> [--last-year <file>]')).toEqual(['file']);
  });

  it.each([...TABLES.map((f) => [f, true] as const), ...CODE.map((f) => [f, false] as const)])('%s', (file, table) => {
    const found = userTexts(join(REPO_ROOT, file), table)
      .map((l) => ({ line: l.line, words: englishWords(l.text) }))
      .filter((l) => l.words.length)
      .map((l) => `${relative(REPO_ROOT, join(REPO_ROOT, file))}:${l.line} ${l.words.join(' ')}`);
    expect(found).toEqual([]);
  });
});
