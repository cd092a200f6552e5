/** `xxgk-nianbao summary <input> [--json] [--last-year <上年报告文件>] [--draft]`: the narrative written from the tables. */
import { draftReportText, draftSections, paragraphText, sampleReport, writeSummary, type SummarySection } from '../../core';
import { loadInput } from '../input';
import { EXIT, type Io } from '../io';
import type { Command } from './types';

function renderSummary(sections: readonly SummarySection[]): string {
  return sections
    .filter((s) => s.paragraphs.length)
    .map((s) => [`【${s.heading}】`, ...s.paragraphs.map(paragraphText)].join('\n'))
    .join('\n\n');
}

export const summaryCommand: Command = {
  name: 'summary',
  summary: '根据表格数据生成文字说明（--draft 生成年报全文草稿）',
  usage: 'summary <report.json|.xlsx|…|--sample> [--json] [--last-year <上年报告文件>] [--draft]',
  options: {
    json: { type: 'boolean' },
    draft: { type: 'boolean' },
    sample: { type: 'boolean' },
    'last-year': { type: 'string' },
  },
  run({ values, positionals }, io: Io) {
    if (!values.sample && positionals.length !== 1) {
      io.err(`用法：xxgk-nianbao ${this.usage}`);
      return EXIT.unreadable;
    }
    const { report } = values.sample ? { report: sampleReport() } : loadInput(positionals[0]);
    const lastYear = typeof values['last-year'] === 'string' ? loadInput(values['last-year']).report : null;
    const options = { lastYear };
    if (values.json) {
      const sections = values.draft ? draftSections(report, options) : writeSummary(report, options);
      io.out(JSON.stringify({ format: report.format, year: report.year, agency: report.agency, sections }, null, 2));
    } else io.out(values.draft ? draftReportText(report, options) : renderSummary(writeSummary(report, options)));
    return EXIT.ok;
  },
};
