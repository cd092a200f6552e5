/**
 * The shape of an official format definition. Formats are data (format2021.ts, format2019.ts);
 * this schema checks them when they are loaded, so a typo in a label or a duplicated id
 * fails at start-up instead of producing a wrong sheet.
 */
import { z } from 'zod';

const Id = z.string().regex(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)?$/, 'ids are camelCase words, optionally one dot');

/** count: whole number ≥ 0; signedCount: whole number, may be negative (2019 本年增/减); amount: ≥ 0 in 万元. */
export const ValueKindSchema = z.enum(['count', 'signedCount', 'amount']);
export type ValueKind = z.infer<typeof ValueKindSchema>;

const ColumnSchema = z.object({
  id: Id,
  label: z.string().min(1),
  kind: ValueKindSchema,
  /** Printed unit when the header carries one (「（单位：万元）」). */
  unit: z.string().optional(),
});

const T2BlockSchema = z.object({
  /** 第二十条第（一）项 … : the full-width title row of the block. */
  title: z.string().min(1),
  /** The header row: 「信息内容」 followed by the column labels. */
  header: z.array(z.string().min(1)).min(2),
  columns: z.array(ColumnSchema).min(1),
  rows: z.array(z.object({ id: Id, label: z.string().min(1) })).min(1),
});

const T2Schema = z.object({
  id: z.literal('t2'),
  name: z.literal('表二'),
  title: z.string(),
  blocks: z.array(T2BlockSchema).min(1),
});

const T3RowSchema = z.object({
  id: Id,
  /** Label path in the three label columns: level 一–四, level (一)–(七), numbered sub-item. */
  path: z.array(z.string().min(1)).min(1).max(3),
  /** total rows are sums of other rows ((七)总计); they become formulas in the sheet. */
  role: z.enum(['input', 'total']),
});

const T3Schema = z.object({
  id: z.literal('t3'),
  name: z.literal('表三'),
  title: z.string(),
  cornerNote: z.string(),
  applicantHeader: z.string(),
  orgHeader: z.string(),
  columns: z
    .array(z.object({ id: Id, label: z.string(), underOrg: z.boolean(), role: z.enum(['input', 'total']) }))
    .length(7),
  rows: z.array(T3RowSchema).min(1),
});

const T4Schema = z.object({
  id: z.literal('t4'),
  name: z.literal('表四'),
  title: z.string(),
  groups: z
    .array(z.object({ id: Id, label: z.string(), parent: z.string().nullable() }))
    .length(3),
  columns: z
    .array(z.object({ id: Id, label: z.string(), role: z.enum(['input', 'total']) }))
    .length(5),
});

export const FormatIdSchema = z.enum(['2021', '2019']);
export type FormatId = z.infer<typeof FormatIdSchema>;

export const FormatDefSchema = z
  .object({
    id: FormatIdSchema,
    issuedBy: z.string(),
    years: z.object({ from: z.number().int(), to: z.number().int().nullable() }),
    t2: T2Schema,
    t3: T3Schema,
    t4: T4Schema,
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    const unique = (id: string, where: string) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${id} in ${where}` });
      seen.add(id);
    };
    for (const b of f.t2.blocks) {
      if (b.header.length !== b.columns.length + 1)
        ctx.addIssue({ code: 'custom', message: `t2 block ${b.title}: header must be 信息内容 + one label per column` });
      b.rows.forEach((r) => unique(`t2.${r.id}`, 't2 rows'));
    }
    f.t3.rows.forEach((r) => unique(`t3.${r.id}`, 't3 rows'));
    f.t3.columns.forEach((c) => unique(`t3.col.${c.id}`, 't3 columns'));
    f.t4.groups.forEach((g) => unique(`t4.${g.id}`, 't4 groups'));
    f.t4.columns.forEach((c) => unique(`t4.col.${c.id}`, 't4 columns'));
  });

export type FormatDef = z.infer<typeof FormatDefSchema>;
export type T2Block = FormatDef['t2']['blocks'][number];
export type T3Row = FormatDef['t3']['rows'][number];
