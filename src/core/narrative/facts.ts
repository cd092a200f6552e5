/**
 * Facts first, sentences second: everything the narrative states is derived here from the
 * tables as typed values with the cells they come from. A blank cell makes its fact unknown
 * (value null, the blank cells listed) — never 0.
 */
import type { FormatId } from '../formats';
import type { Report } from '../report';
import {
  ORG_COLUMNS, RESULT_CATEGORIES, quantityKey, readQuantity, t2Layout, t3RowsOf,
  type Quantity, type ResultCategory, type T4Column, type T4Group,
} from './quantities';
import { largestRemainder } from './shares';

export interface Fact {
  /** quantityKey of the quantity, e.g. 't3:received:total', 't4:litigation:total'. */
  key: string;
  quantity: Quantity;
  /** null when any of its cells is blank or absent. */
  value: number | null;
  cells: string[];
  blanks: string[];
  /** Last year's value: present only when last year's report was given (null if blank there). */
  lastYear?: number | null;
}

export interface CategoryFacts {
  category: ResultCategory;
  fact: Fact;
  /** The numbered reasons below the category (empty for 予以公开, 部分公开). */
  reasons: Fact[];
  /** Share of all handled applications in tenths of a percent (largest remainder), when known. */
  shareTenths: number | null;
}

export interface RequestFacts {
  received: Fact;
  receivedNatural: Fact;
  receivedOrg: Fact;
  /** 商业企业, 科研机构, … under 法人或其他组织. */
  receivedByOrg: Fact[];
  carriedOver: Fact;
  handled: Fact;
  carriedForward: Fact;
  categories: CategoryFacts[];
}

export interface DocumentFacts {
  row: 'regulation' | 'normative';
  /** By column id of the layout: issued/repealed/inForce (2021) or made/published/publicTotal (2019). */
  columns: Record<string, Fact>;
}

export interface ActiveFacts {
  layout: FormatId;
  documents: DocumentFacts[];
  /** 行政许可, (其他对外管理服务事项,) 行政处罚, 行政强制: decisions. */
  decisions: Fact[];
  /** 行政事业性收费 in 万元 (2021 layout only). */
  fee: Fact | null;
  /** 行政事业性收费 项目: 上一年项目数量 and the signed 本年增/减 (2019 layout only). */
  feeItems: { prevItems: Fact; change: Fact } | null;
  /** 政府集中采购: 采购项目数量 and 采购总金额 in 万元 (2019 layout only). */
  procurement: { projects: Fact; amount: Fact } | null;
}

export interface OutcomeFacts {
  group: T4Group;
  total: Fact;
  parts: Fact[];
}

export interface ReviewFacts {
  review: OutcomeFacts;
  litigation: OutcomeFacts;
  suitDirect: Fact;
  suitAfterReview: Fact;
}

export interface ReportFacts {
  format: FormatId;
  year: number | null;
  agency: string | null;
  active: ActiveFacts;
  requests: RequestFacts;
  review: ReviewFacts;
}

export interface FactOptions {
  lastYear?: Report | null;
}

export function deriveFact(report: Report, q: Quantity, options: FactOptions = {}): Fact {
  const r = readQuantity(report, q);
  const fact: Fact = { key: quantityKey(q), quantity: q, value: r.value, cells: r.cells, blanks: r.blanks };
  if (options.lastYear) {
    const last = options.lastYear.format === report.format ? readQuantity(options.lastYear, q) : null;
    fact.lastYear = last ? last.value : null;
  }
  return fact;
}

const T4_PARTS: T4Column[] = ['upheld', 'corrected', 'other', 'pending'];

export function deriveFacts(report: Report, options: FactOptions = {}): ReportFacts {
  const fact = (q: Quantity) => deriveFact(report, q, options);
  const t3 = (row: string, column: 'natural' | 'org' | 'total' | (typeof ORG_COLUMNS)[number] = 'total') =>
    fact({ table: 't3', row, column });

  const categoryFacts = RESULT_CATEGORIES.map((category) => {
    const rows = t3RowsOf(report.format, category);
    const reasons = rows.length > 1 ? rows.map((row) => t3(row)) : [];
    return { category, fact: t3(category), reasons };
  });
  const counts = categoryFacts.map((c) => c.fact.value);
  const known = counts.every((v): v is number => v !== null);
  const tenths = known ? largestRemainder(counts as number[]) : null;
  const base = known ? (counts as number[]).reduce((a, b) => a + b, 0) : 0;

  const layout = t2Layout(report);
  const docColumns = layout === '2021' ? ['issued', 'repealed', 'inForce'] : ['made', 'published', 'publicTotal'];
  const decisionRows = layout === '2021' ? ['license', 'penalty', 'coercion'] : ['license', 'otherService', 'penalty', 'coercion'];
  const outcome = (group: T4Group): OutcomeFacts => ({
    group,
    total: fact({ table: 't4', group, column: 'total' }),
    parts: T4_PARTS.map((column) => fact({ table: 't4', group, column })),
  });

  return {
    format: report.format,
    year: report.year,
    agency: report.agency,
    active: {
      layout,
      documents: (['regulation', 'normative'] as const).map((row) => ({
        row,
        columns: Object.fromEntries(docColumns.map((column) => [column, fact({ table: 't2', row, column })])),
      })),
      decisions: decisionRows.map((row) => fact({ table: 't2', row, column: 'decisions' })),
      fee: layout === '2021' ? fact({ table: 't2', row: 'fee', column: 'amount' }) : null,
      feeItems: layout === '2019'
        ? { prevItems: fact({ table: 't2', row: 'fee', column: 'prevItems' }), change: fact({ table: 't2', row: 'fee', column: 'change' }) }
        : null,
      procurement: layout === '2019'
        ? { projects: fact({ table: 't2', row: 'procurement', column: 'projects' }), amount: fact({ table: 't2', row: 'procurement', column: 'amount' }) }
        : null,
    },
    requests: {
      received: t3('received'),
      receivedNatural: t3('received', 'natural'),
      receivedOrg: t3('received', 'org'),
      receivedByOrg: ORG_COLUMNS.map((c) => t3('received', c)),
      carriedOver: t3('carriedOver'),
      handled: t3('handledTotal'),
      carriedForward: t3('carriedForward'),
      categories: categoryFacts.map((c, i) => ({
        ...c,
        shareTenths: tenths && base > 0 ? tenths[i] : null,
      })),
    },
    review: {
      review: outcome('review'),
      litigation: outcome('litigation'),
      suitDirect: fact({ table: 't4', group: 'suitDirect', column: 'total' }),
      suitAfterReview: fact({ table: 't4', group: 'suitAfterReview', column: 'total' }),
    },
  };
}
