/**
 * Properties of the narrative on random valid reports: the text says only what the tables
 * say, shares sum to exactly 100.0 %, the checker agrees with the writer, and changing any one
 * number of the text makes the checker report exactly that number.
 */
import fc from 'fast-check';
import {
  checkNarrative, draftReportText, draftReportTextSections, quantityCells, readClaims, writeSummary, type FormatId, type Report, type SummarySection,
} from '../../src/core';
import { arbReport, arbWithBlanks, arbWithLastYear } from './arbitraries';

const RUNS = { numRuns: 60 };
const FORMATS: FormatId[] = ['2021', '2019'];

function sum(report: Pick<Report, 'cells'>, cells: string[]): number {
  return cells.reduce((a, id) => a + (report.cells[id] as number), 0);
}

function sentencesOf(sections: SummarySection[]) {
  return sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
}

function textOf(sections: SummarySection[]): string {
  return sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n');
}

/** Every number written (outside 【】) must be read back as a claim: no number goes unchecked. */
function unexplainedNumbers(text: string, claims: { start: number; end: number }[]): string[] {
  const visible = text.replace(/【[^】]*】/g, (m) => ' '.repeat(m.length));
  const out: string[] = [];
  for (const m of visible.matchAll(/\d+(?:\.\d+)?/g)) {
    const at = m.index ?? 0;
    if (visible[at + m[0].length] === '年') continue; // a year
    if (!claims.some((c) => c.start <= at && at < c.end)) out.push(`${m[0]} in ${text.slice(Math.max(0, at - 12), at + 6)}`);
  }
  return out;
}

/** The table-side check of one sentence: numbers against the cells it carries, summed here. */
function assertSentenceTrue(report: Report, lastYear: Report | null, sentence: { text: string; cells: string[] }) {
  const claims = readClaims(report, sentence.text);
  expect(unexplainedNumbers(sentence.text, claims)).toEqual([]);
  let shareTenths = 0;
  let shares = 0;
  for (const c of claims) {
    const cells = quantityCells(report, c.quantity);
    expect(cells.length).toBeGreaterThan(0);
    for (const id of cells) expect(sentence.cells).toContain(id);
    if (c.kind === 'count' || c.kind === 'zero') expect((c.sign ?? 1) * c.value).toBe(sum(report, cells));
    else if (c.kind === 'amount') expect(c.value).toBeCloseTo(sum(report, cells), 9);
    else if (c.kind === 'change') {
      expect(lastYear).not.toBeNull();
      expect((c.sign ?? 1) * c.value).toBe(sum(report, cells) - sum(lastYear as Report, cells));
    } else if (c.kind === 'share') {
      shares++;
      shareTenths += Math.round(c.value * 10);
    }
  }
  if (shares > 0) expect(shareTenths).toBe(1000);
}

describe.each(FORMATS)('narrative properties, format %s', (formatId) => {
  it('every number in the generated text equals its table value; shares sum to 100.0', () => {
    fc.assert(
      fc.property(arbReport(formatId), (report) => {
        for (const s of sentencesOf(writeSummary(report))) if (!s.placeholder) assertSentenceTrue(report, null, s);
      }),
      RUNS,
    );
  });

  it('with last year: changes equal this year minus last year', () => {
    fc.assert(
      fc.property(arbWithLastYear(formatId), ({ report, lastYear }) => {
        const sentences = sentencesOf(writeSummary(report, { lastYear }));
        for (const s of sentences) if (!s.placeholder) assertSentenceTrue(report, lastYear, s);
      }),
      RUNS,
    );
  });

  it('the checker finds nothing in generated text', () => {
    fc.assert(
      fc.property(arbWithLastYear(formatId), fc.boolean(), ({ report, lastYear }, withLast) => {
        const options = withLast ? { lastYear } : {};
        expect(checkNarrative(report, textOf(writeSummary(report, options)), options)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('the whole draft (sections 一/五/六 with placeholders) passes the checker and keeps the six headings', () => {
    fc.assert(
      fc.property(arbReport(formatId), (report) => {
        expect(checkNarrative(report, draftReportTextSections(report))).toEqual([]);
        const draft = draftReportText(report);
        const headings = ['一、总体情况', '二、', '三、', '四、', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'].map((h) => draft.indexOf(`\n${h}`));
        expect(headings.every((at, i) => at > 0 && (i === 0 || at > headings[i - 1]))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('changing any one number in the text makes the checker report exactly that number', () => {
    fc.assert(
      fc.property(arbWithLastYear(formatId), ({ report, lastYear }) => {
        const text = textOf(writeSummary(report, { lastYear }));
        const claims = readClaims(report, text).filter((c) => c.kind !== 'zero');
        for (const c of claims) {
          const written = text.slice(c.start, c.end);
          const digits = written.match(/^\d+(?:\.\d+)?/)?.[0] as string;
          const bumped = c.kind === 'amount' ? String(Number(digits) + 1) : c.kind === 'share' ? (Number(digits) + 1).toFixed(1) : String(Number(digits) + 1);
          const mutated = text.slice(0, c.start) + bumped + text.slice(c.start + digits.length);
          const findings = checkNarrative(report, mutated, { lastYear });
          const mismatches = findings.filter((f) => f.rule === 'N-MISMATCH');
          expect(mismatches.map((f) => f.offset)).toEqual([c.start]);
          // A change, or 表二's 本年增/减 written 「本年减少2个」, is found with its sign.
          expect(mismatches[0].found).toBe((c.sign ?? 1) * Number(bumped));
          const shareSets = findings.filter((f) => f.rule === 'N-SHARES');
          expect(shareSets.length).toBe(c.kind === 'share' ? 1 : 0);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('blank cells are never written as numbers; the text says which cells are missing', () => {
    fc.assert(
      fc.property(arbWithBlanks(formatId), ({ report, blanked }) => {
        const sections = writeSummary(report);
        const sentences = sentencesOf(sections);
        for (const s of sentences) {
          if (s.placeholder) continue;
          for (const id of blanked) expect(s.cells).not.toContain(id);
          assertSentenceTrue(report, null, s);
        }
        // Every blank the writer needed is named in a 【待补】 sentence, by its place on the form.
        const named = sentences.flatMap((s) => s.blanks ?? []);
        for (const id of named) expect(blanked).toContain(id);
        // Cells every summary needs: when blank, the text must say so rather than skip silently.
        for (const id of ['t3.received.total', 't3.handledTotal.total', 't4.review.total', 't4.suitDirect.total'])
          if (blanked.includes(id)) expect(named).toContain(id);
        expect(checkNarrative(report, textOf(sections))).toEqual([]);
      }),
      RUNS,
    );
  });
});
