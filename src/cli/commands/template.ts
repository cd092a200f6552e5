/** `xxgk-nianbao template --format 2021|2019 [--json]`: a format's definition. */
import { XxgkError, getFormat, isFormatId, type Format } from '../../core';
import { EXIT, type Io } from '../io';
import type { Command } from './types';

function definitionJson(f: Format) {
  const { cellById: _byId, ...def } = f;
  return def;
}

function renderText(f: Format): string {
  const lines = [`${f.id} 格式（${f.issuedBy}），适用于 ${f.years.from}${f.years.to ? `–${f.years.to}` : ' 年及以后'} 年度`];
  for (const table of ['t2', 't3', 't4'] as const) {
    const cells = f.cells.filter((c) => c.table === table);
    lines.push('', `${f[table].title}（${cells.length} 个单元格）`);
    for (const c of cells) lines.push(`  ${c.id.padEnd(44)} ${c.rowLabel}·${c.columnLabel}${c.role === 'total' ? '（合计）' : ''}`);
  }
  return lines.join('\n');
}

export const templateCommand: Command = {
  name: 'template',
  summary: '输出年报格式的定义（表格、行、列、单元格编号）',
  usage: 'template --format 2021|2019 [--json]',
  options: { format: { type: 'string' }, json: { type: 'boolean' } },
  run({ values }, io: Io) {
    const id = values.format ?? '2021';
    if (!isFormatId(id)) throw new XxgkError('FORMAT-UNKNOWN', { format: id });
    const f = getFormat(id);
    io.out(values.json ? JSON.stringify(definitionJson(f), null, 2) : renderText(f));
    return EXIT.ok;
  },
};
