/**
 * Sentences from facts. Every number in the text is a fact's value (or its change from last
 * year, or a largest-remainder share), and every sentence carries the cells it comes from.
 * A statement whose facts are unknown (blank cells) is left out and the paragraph says which
 * cells are missing — a blank is never written as 0.
 */
import { cellPlace } from '../describe';
import type { FormatId } from '../formats';
import { formatNumber } from '../messages/zh-CN';
import type { Report } from '../report';
import { deriveFacts, type Fact, type ReportFacts } from './facts';
import * as P from './phrases.zh-CN';
import type { T4Column } from './quantities';
import type { NarrativeSection, Paragraph, SectionKey, Sentence } from './types';

export interface SummaryOptions {
  /** Last year's report: sentences then say how figures changed. */
  lastYear?: Report | null;
}

/** Collects sentences for one paragraph and the blank cells that kept statements out. */
class ParagraphBuilder {
  readonly sentences: Sentence[] = [];
  private readonly blanks: string[] = [];

  constructor(private readonly format: FormatId) {}

  /** The values of the facts, or null (and their blanks noted) when any is unknown. */
  values(...facts: Fact[]): number[] | null {
    if (facts.every((f) => f.value !== null)) return facts.map((f) => f.value as number);
    for (const f of facts) for (const b of f.blanks) if (!this.blanks.includes(b)) this.blanks.push(b);
    return null;
  }

  say(text: string, facts: readonly Fact[], lastYearFacts: readonly Fact[] = []): void {
    const sentence: Sentence = { text, cells: unique(facts.flatMap((f) => f.cells)) };
    if (lastYearFacts.length) sentence.lastYearCells = unique(lastYearFacts.flatMap((f) => f.cells));
    this.sentences.push(sentence);
  }

  note(text: string, facts: readonly Fact[] = []): void {
    this.sentences.push({ text, cells: unique(facts.flatMap((f) => f.cells)), placeholder: true });
  }

  build(): Paragraph | null {
    if (this.blanks.length) {
      const places = this.blanks.map((id) => cellPlace(this.format, id));
      const shown = places.length > 8 ? [...places.slice(0, 8), `等${places.length}个单元格`] : places;
      this.sentences.push({ text: P.PLACEHOLDERS.blanks(shown), cells: [], blanks: [...this.blanks], placeholder: true });
    }
    return this.sentences.length ? paragraph(this.sentences) : null;
  }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function paragraph(sentences: Sentence[], extra: Partial<Paragraph> = {}): Paragraph {
  return { text: sentences.map((s) => s.text).join(''), sentences, ...extra };
}

function placeholderParagraph(text: string, subheading?: string): Paragraph {
  return paragraph([{ text, cells: [], placeholder: true }], { placeholder: true, ...(subheading ? { subheading } : {}) });
}

/** 「比上年增加3件」 when last year's value is known; the fact is then a last-year fact too. */
function yoy(f: Fact, current: number): string | null {
  return P.change(current, f.lastYear);
}

function activeParagraph(facts: ReportFacts): Paragraph | null {
  const { active, year } = facts;
  const self = P.selfName(facts.agency);
  const b = new ParagraphBuilder(facts.format);
  const labels = P.DOCUMENT_LABELS[active.layout];

  // 规章、行政规范性文件
  const docs = active.documents.map((d) => {
    const cols = Object.values(d.columns);
    return { row: d.row, label: labels[d.row], cols, values: b.values(...cols) };
  });
  if (docs.some((d) => d.values)) {
    const known = docs.filter((d) => d.values) as { row: string; label: string; cols: Fact[]; values: number[] }[];
    // Rows with something issued or repealed first; rows without are said together:
    // 「未制发、废止规章和行政规范性文件，现行有效行政规范性文件3件」.
    const idle = known.filter((d) => d.values[0] === 0 && d.values[1] === 0);
    const clauses: string[] = [];
    for (const d of known) {
      if (idle.includes(d)) continue;
      const [a, r, f] = d.values;
      clauses.push(active.layout === '2021' ? P.documentClause2021(d.label, a, r, f) : P.documentClause2019(d.label, a, r, f));
    }
    if (idle.length) {
      const labels = idle.map((d) => d.label);
      const none = active.layout === '2021' ? P.noDocuments(labels) : P.noDocuments2019(labels);
      const inForce = idle.filter((d) => d.values[2] > 0).map((d) => P.inForceClause(active.layout, d.label, d.values[2]));
      clauses.push([none, ...inForce].join('，'));
    }
    b.say(P.documentsSentence(year, self, clauses), known.flatMap((d) => d.cols));
  }

  // 行政许可、行政处罚、行政强制
  const decisions = active.decisions.filter((f) => f.cells.length);
  const dv = b.values(...decisions);
  if (dv) {
    const items: string[] = [];
    const zeros: string[] = [];
    const withLastYear: Fact[] = [];
    decisions.forEach((f, i) => {
      const row = (f.quantity as { row: string }).row;
      if (dv[i] === 0) return void zeros.push(row);
      const change = yoy(f, dv[i]);
      if (change) withLastYear.push(f);
      items.push(P.decisionItem(row, dv[i], change));
    });
    b.say(P.decisionsSentence(items, zeros), decisions, withLastYear);
  }

  // 行政事业性收费
  if (active.fee && active.fee.cells.length) {
    const fv = b.values(active.fee);
    if (fv) b.say(fv[0] > 0 ? P.feeSentence(formatNumber(fv[0])) : P.noFeeSentence, [active.fee]);
  }

  // 2019: 行政事业性收费项目 and 政府集中采购
  if (active.feeItems) {
    const { prevItems, change } = active.feeItems;
    const v = b.values(prevItems, change);
    if (v) b.say(P.feeItemsSentence(v[0], v[1]), [prevItems, change]);
  }
  if (active.procurement) {
    const { projects, amount } = active.procurement;
    const v = b.values(projects, amount);
    if (v) b.say(P.procurementSentence(v[0], v[1] === 0 ? '0' : formatNumber(v[1])), [projects, amount]);
  }
  return b.build();
}

function requestsParagraph(facts: ReportFacts): Paragraph | null {
  const { requests: q, year } = facts;
  const self = P.selfName(facts.agency);
  const b = new ParagraphBuilder(facts.format);

  const core = b.values(q.received, q.carriedOver, q.handled, q.carriedForward);
  if (core && core.every((v) => v === 0)) {
    const change = q.received.lastYear ? yoy(q.received, 0) : null;
    b.say(P.noRequestsSentence(year, self, change), [q.received, q.carriedOver, q.handled, q.carriedForward], change ? [q.received] : []);
    return b.build();
  }

  // 新收、上年结转
  const rc = b.values(q.received, q.carriedOver);
  if (rc) {
    const change = yoy(q.received, rc[0]);
    const text = `${P.receivedClause(year, self, rc[0], change)}${change ? '；' : '，'}${P.carriedOverClause(rc[1])}。`;
    b.say(text, [q.received, q.carriedOver], change ? [q.received] : []);
  }

  // 申请人类型
  if (rc && rc[0] > 0) {
    const parts = b.values(q.receivedNatural, ...q.receivedByOrg);
    if (parts) {
      const [natural, ...orgs] = parts;
      const org = orgs.reduce((a, v) => a + v, 0);
      const breakdown = P.orgBreakdown(q.receivedByOrg.map((f, i) => ({ column: (f.quantity as { column: string }).column, n: orgs[i] })));
      b.say(P.applicantsSentence(natural, org, breakdown), [q.receivedNatural, ...q.receivedByOrg]);
    }
  }

  // 办结、结转下年度
  const hf = b.values(q.handled, q.carriedForward);
  if (hf) b.say(P.handledSentence(hf[0], hf[1]), [q.handled, q.carriedForward]);

  // 办理结果及占比
  const cats = q.categories;
  const cv = b.values(...cats.map((c) => c.fact));
  if (cv && cv.some((v) => v > 0)) {
    const nonzero = cats.filter((_, i) => cv[i] > 0);
    if (nonzero.length === 1) b.say(P.resultsAllOneSentence(nonzero[0].category), cats.map((c) => c.fact));
    else
      b.say(
        P.resultsSentence(nonzero.map((c) => P.resultItem(c.category, c.fact.value as number, c.shareTenths as number))),
        cats.map((c) => c.fact),
      );

    // 不予公开、无法提供、不予处理、其他处理的具体情形
    const clauses: string[] = [];
    const used: Fact[] = [];
    for (const c of cats) {
      if (!c.reasons.length || (c.fact.value as number) === 0) continue;
      const rv = b.values(...c.reasons);
      if (!rv) continue;
      const clause = P.reasonsClause(
        c.category, c.fact.value as number,
        c.reasons.map((f, i) => ({ row: (f.quantity as { row: string }).row, n: rv[i] })),
      );
      if (clause) {
        clauses.push(clause);
        used.push(c.fact, ...c.reasons);
      }
    }
    if (clauses.length) b.say(P.reasonsSentence(clauses), used);
  }
  return b.build();
}

function reviewParagraph(facts: ReportFacts): Paragraph | null {
  const { review: r } = facts;
  const b = new ParagraphBuilder(facts.format);
  const rt = b.values(r.review.total);
  const lt = b.values(r.litigation.total);
  if (rt && lt && rt[0] === 0 && lt[0] === 0 && !r.review.total.lastYear && !r.litigation.total.lastYear) {
    b.say(P.noCasesSentence, [r.review.total, r.litigation.total]);
    return b.build();
  }
  const clauses: string[] = [];
  const used: Fact[] = [];
  const lastUsed: Fact[] = [];
  const partsOf = (group: typeof r.review) => {
    const v = b.values(...group.parts);
    return v ? group.parts.map((f, i) => ({ column: (f.quantity as { column: T4Column }).column as Exclude<T4Column, 'total'>, n: v[i] })) : null;
  };
  if (rt) {
    const parts = rt[0] > 0 ? partsOf(r.review) : [];
    if (parts) {
      const change = yoy(r.review.total, rt[0]);
      clauses.push(P.reviewClause(rt[0], change, parts));
      used.push(r.review.total, ...(rt[0] > 0 ? r.review.parts : []));
      if (change) lastUsed.push(r.review.total);
    }
  }
  if (lt) {
    const parts = lt[0] > 0 ? partsOf(r.litigation) : [];
    const split = lt[0] > 0 ? b.values(r.suitDirect, r.suitAfterReview) : [0, 0];
    if (parts && split) {
      const change = yoy(r.litigation.total, lt[0]);
      clauses.push(P.litigationClause(lt[0], change, parts, split[0], split[1], clauses.length === 0));
      used.push(r.litigation.total, ...(lt[0] > 0 ? [...r.litigation.parts, r.suitDirect, r.suitAfterReview] : []));
      if (change) lastUsed.push(r.litigation.total);
    }
  }
  if (clauses.length) b.say(P.casesSentence(clauses), used, lastUsed);
  return b.build();
}

function otherParagraph(facts: ReportFacts): Paragraph {
  const self = P.selfName(facts.agency);
  const b = new ParagraphBuilder(facts.format);
  const unpaid = facts.requests.categories.find((c) => c.category === 'other')?.reasons.find((f) => f.key === 't3:other.unpaidFee:total');
  if (unpaid && unpaid.value !== null && unpaid.value > 0) {
    // Fee notices were sent, so 「未收取」 cannot be presumed: leave the amount to a person.
    b.note(P.processingFeeToFill(facts.year, self));
    b.note(P.PLACEHOLDERS.feeNotices(unpaid.value), [unpaid]);
  } else {
    b.note(P.processingFeeSentence(facts.year, self));
    b.note(P.PLACEHOLDERS.feeConfirm);
  }
  return { ...(b.build() as Paragraph), placeholder: true };
}

/**
 * The summary written from the tables: sections 主动公开 (active), 依申请公开 (requests),
 * 复议诉讼 (review) and the 信息处理费 sentence of 六 (other, to be confirmed by a person).
 */
export function writeSummary(report: Report, options: SummaryOptions = {}): NarrativeSection[] {
  const facts = deriveFacts(report, { lastYear: options.lastYear ?? null });
  const section = (key: SectionKey, p: Paragraph | null): NarrativeSection => ({
    key, heading: P.SUMMARY_HEADINGS[key], paragraphs: p ? [p] : [],
  });
  return [
    section('active', activeParagraph(facts)),
    section('requests', requestsParagraph(facts)),
    section('review', reviewParagraph(facts)),
    section('other', otherParagraph(facts)),
  ];
}

/**
 * The whole report text as sections 一 to 六: 总体情况 with its five sub-headings (generated
 * paragraphs under （一）主动公开 and （二）依申请公开, placeholders elsewhere), the tables'
 * sections pointing to the sheets, 五 for a person to write, and 六 with the 信息处理费 sentence.
 */
export function draftSections(report: Report, options: SummaryOptions = {}): NarrativeSection[] {
  const summary = writeSummary(report, options);
  const of = (key: SectionKey) => summary.find((s) => s.key === key)?.paragraphs ?? [];
  const sub = (subheading: string, generated: Paragraph[], more: string): Paragraph => {
    const sentences = [...generated.flatMap((p) => p.sentences), { text: more, cells: [], placeholder: true }];
    return paragraph(sentences, generated.length ? { subheading } : { subheading, placeholder: true });
  };
  const S = P.OVERVIEW_SUBHEADINGS;
  const heading = (key: SectionKey) => P.DRAFT_HEADINGS[key];
  return [
    {
      key: 'overview',
      heading: heading('overview'),
      paragraphs: [
        placeholderParagraph(P.PLACEHOLDERS.overviewIntro),
        sub(S.active, of('active'), P.PLACEHOLDERS.activeMore),
        sub(S.requests, [...of('requests'), ...of('review')], P.PLACEHOLDERS.requestsMore),
        placeholderParagraph(P.PLACEHOLDERS.management, S.management),
        placeholderParagraph(P.PLACEHOLDERS.platform, S.platform),
        placeholderParagraph(P.PLACEHOLDERS.oversight, S.oversight),
      ],
    },
    { key: 'active', heading: heading('active'), paragraphs: [placeholderParagraph(P.PLACEHOLDERS.table('表二'))] },
    { key: 'requests', heading: heading('requests'), paragraphs: [placeholderParagraph(P.PLACEHOLDERS.table('表三'))] },
    { key: 'review', heading: heading('review'), paragraphs: [placeholderParagraph(P.PLACEHOLDERS.table('表四'))] },
    { key: 'problems', heading: heading('problems'), paragraphs: [placeholderParagraph(P.PLACEHOLDERS.problems)] },
    { key: 'other', heading: heading('other'), paragraphs: [...of('other'), placeholderParagraph(P.PLACEHOLDERS.otherMatters)] },
  ];
}

/** A paragraph as printed: 「（一）主动公开。」 before the text under a sub-heading. */
export function paragraphText(p: Paragraph): string {
  return p.subheading ? `${p.subheading}。${p.text}` : p.text;
}

/** Sections as plain text: heading, then one paragraph per line, sections separated by a blank line. */
export function sectionsToText(sections: readonly NarrativeSection[]): string {
  return sections
    .map((s) => [s.heading, ...s.paragraphs.map(paragraphText)].join('\n'))
    .join('\n\n');
}

/** The whole draft of the report text (title, sections 一–六) as plain text. */
export function draftReportText(report: Report, options: SummaryOptions = {}): string {
  const title = `${report.agency ?? '【机关名称】'}\n${report.year ?? '【年度】'}年政府信息公开工作年度报告`;
  return `${title}\n\n${sectionsToText(draftSections(report, options))}\n`;
}

/**
 * The text sections 一/五/六 of the draft, as a report's `text` (for the 文字说明 sheet and
 * for checking): placeholders included, so a person sees what is still to write.
 */
export function draftReportTextSections(report: Report, options: SummaryOptions = {}): Required<NonNullable<Report['text']>> {
  const sections = draftSections(report, options);
  const body = (key: SectionKey) => (sections.find((s) => s.key === key)?.paragraphs ?? []).map(paragraphText).join('\n');
  return { overview: body('overview'), problems: body('problems'), other: body('other') };
}

/** Sections in the shape the 「文字说明」 sheet takes (CompileOptions.narrative): heading + plain paragraphs. */
export function toSheetNarrative(sections: readonly NarrativeSection[]): { heading: string; paragraphs: string[] }[] {
  return sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs.map(paragraphText) }));
}
