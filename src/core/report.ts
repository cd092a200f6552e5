/**
 * The report data model. A cell value is a number or null; null means blank/「/」/「-」 as
 * printed — unknown, never a silent 0 (the spec's blank policy). The printed text of any
 * cell that was not a plain number is kept in `raw`.
 */
import { z } from 'zod';
import { FormatIdSchema, type FormatId } from './formats/schema';
import { formatIdForYear, getFormat, isKnownCellId } from './formats';
import { XxgkError } from './errors';

export const ReportTextSchema = z
  .object({ overview: z.string(), problems: z.string(), other: z.string() })
  .partial();

export const ReportSchema = z
  .object({
    format: FormatIdSchema,
    year: z.number().int().nullable(),
    agency: z.string().nullable(),
    // Checked value by value in superRefine below, in one loop with the id check: a report
    // has ~250 cells and a district batch parses hundreds of reports, so per-cell schemas cost.
    cells: z
      .custom<Record<string, number | null>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), '应为以单元格编号为键的对象')
      .transform((cells) => ({ ...cells })),
    raw: z.record(z.string(), z.string()).optional(),
    text: ReportTextSchema.optional(),
  })
  .superRefine((r, ctx) => {
    for (const [id, v] of Object.entries(r.cells)) {
      if (!isKnownCellId(id)) ctx.addIssue({ code: 'custom', path: ['cells', id], message: `未知的单元格编号 ${id}` });
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
        ctx.addIssue({ code: 'custom', path: ['cells', id], message: typeof v === 'number' ? '不是有限数字' : `应为数字或 null（空白），实为 ${JSON.stringify(v) ?? typeof v}` });
    }
    if (r.year !== null) {
      let expected: FormatId | null = null;
      try {
        expected = formatIdForYear(r.year);
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: ['year'], message: (e as Error).message });
      }
      if (expected && expected !== r.format)
        ctx.addIssue({
          code: 'custom',
          path: ['format'],
          message: `${r.year} 年度报告应使用 ${expected} 格式，实为 ${r.format}`,
        });
    }
  });

export type Report = z.infer<typeof ReportSchema>;
export type ReportText = z.infer<typeof ReportTextSchema>;
export type CellValues = Report['cells'];

/** Parses untrusted JSON into a report, or throws an XxgkError naming every bad field. */
export function parseReport(input: unknown): Report {
  const result = ReportSchema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => `${i.path.join('.') || '（根）'}：${i.message}`);
  throw new XxgkError('REPORT-INVALID', { details });
}

/** A report with every cell of its format blank (null). */
export function blankReport(formatId: FormatId, year: number | null, agency: string | null = null): Report {
  const cells: CellValues = {};
  for (const c of getFormat(formatId).cells) cells[c.id] = null;
  return { format: formatId, year, agency, cells };
}
