/** `xxgk-nianbao check <input> [--json] [--last-year <上年报告文件>] [--all] [--blanks-as-zero] [--strict] [--sample]` */
import {
  check, checkFailed, sampleReport, summarize, zhCN, type CheckResult, type DescribedIssue, type DescribedOutcome,
} from '../../core';
import { blankCellsText, undecidedBlanks } from '../../core/blank-cells';
import { loadInput } from '../input';
import { EXIT, type Io } from '../io';
import type { Command } from './types';

const TABLE_ORDER = ['t2', 't3', 't4', 'text'] as const;
const TABLE_TITLES: Record<string, string> = { t2: '表二 主动公开', t3: '表三 依申请公开', t4: '表四 复议诉讼', text: '文字说明' };

/** Findings are grouped by table; narrative findings (N-*) under 文字说明. */
function tableOf(o: DescribedOutcome): string {
  return o.rule.startsWith('N-') ? 'text' : (o.cells[0]?.slice(0, 2) ?? 't3');
}

export function renderFindings(result: CheckResult, all: boolean, issues: readonly DescribedIssue[] = []): string {
  const lines: string[] = [];
  const s = summarize(result.outcomes);
  lines.push(`${result.agency ?? '（未注明机关）'} ${result.year === null ? '（未注明年度）' : `${result.year}年度`} · ${result.format === '2021' ? '30号文格式' : '60号文格式'}`);
  lines.push(`检查 ${result.outcomes.length} 项：错误 ${s.errors}，提醒 ${s.warnings}，无法判断 ${s.undecided}，通过 ${s.passed}`);
  const blanks = undecidedBlanks(result.format, result.outcomes);
  if (s.undecided > 0) lines.push(zhCN.blankVerdictMessage(blanks.length, s.undecided, blankCellsText(result.format, blanks)));
  const shownIssues = issues.filter((i) => all || i.severity !== 'info');
  if (shownIssues.length) {
    lines.push('', '【导入时发现的问题】');
    for (const i of shownIssues) lines.push(`  [${zhCN.SEVERITY_NAMES[i.severity]}] ${i.message}`);
  }
  const shown = result.outcomes.filter((o) => all || o.status === 'fail');
  for (const table of TABLE_ORDER) {
    const items = shown.filter((o) => tableOf(o) === table);
    if (!items.length) continue;
    lines.push('', `【${TABLE_TITLES[table]}】`);
    for (const o of items) {
      const tag = o.status === 'fail' ? zhCN.SEVERITY_NAMES[o.severity] : zhCN.STATUS_NAMES[o.status];
      lines.push(`  [${tag}] ${o.message}`);
    }
  }
  if (!all && s.undecided > 0)
    lines.push('', `空白按未知处理，不当作 0：用 --all 查看全部无法判断的检查；确认空白都是 0 时可用 --blanks-as-zero`);
  const clean = s.errors === 0 && s.warnings === 0 && !issues.some((i) => i.severity === 'error');
  // Never 「未发现错误」 alone while rules are undecided: the blanks may hide errors.
  if (clean) lines.push('', s.undecided > 0 ? `未发现错误，但检查不完整：${s.undecided} 项无法判断。` : '未发现错误。');
  return lines.join('\n');
}

export const checkCommand: Command = {
  name: 'check',
  summary: '检查年报数据的勾稽关系（表二、表三、表四）；--strict 时有无法判断的检查（空白单元格）也返回退出码 1',
  usage: 'check <report.json|--sample> [--json] [--last-year <上年报告文件>] [--all] [--blanks-as-zero] [--strict]',
  options: {
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    sample: { type: 'boolean' },
    'last-year': { type: 'string' },
    'blanks-as-zero': { type: 'boolean' },
    strict: { type: 'boolean' },
  },
  run(args, io: Io) {
    const { values, positionals } = args;
    if (!values.sample && positionals.length !== 1) {
      io.err(`用法：xxgk-nianbao ${this.usage}`);
      return EXIT.unreadable;
    }
    const input = values.sample ? { report: sampleReport() } : loadInput(positionals[0]);
    const lastYear = typeof values['last-year'] === 'string' ? loadInput(values['last-year']).report : null;
    const result = check(input.report, { lastYear, blanksAsZero: values['blanks-as-zero'] === true });
    const issues = input.issues ?? [];
    if (values.json) io.out(JSON.stringify(input.issues ? { ...result, issues } : result, null, 2));
    else io.out(renderFindings(result, values.all === true, issues));
    // A cell the importer could not read (TEXT-IN-NUMBER…) is an error as much as a failing rule.
    const importErrors = issues.some((i) => i.severity === 'error');
    const undecidedWhenStrict = values.strict === true && summarize(result.outcomes).undecided > 0;
    return checkFailed(result) || importErrors || undecidedWhenStrict ? EXIT.findings : EXIT.ok;
  },
};
