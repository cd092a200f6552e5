/**
 * Chinese numerals: the parser against an independent formatter (every integer 0..99999 in the
 * usual, 两, 一十 and financial forms), and the checker reading counts written in Chinese
 * numerals exactly as it reads digits, in every sentence form the writer produces.
 */
import fc from 'fast-check';
import { checkNarrative, readClaims, writeSummary, type FormatId, type SummarySection } from '../../src/core';
import { parseChineseNumeral } from '../../src/core/narrative/numerals';
import { arbReport, arbWithLastYear } from './arbitraries';

const DIGITS = '零一二三四五六七八九';
const PLACES = ['千', '百', '十', ''];

/** 0..9999 in the usual written form, with 零 for skipped places (「一千零一」「一百零五」). */
function belowMyriad(n: number): string {
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d] + PLACES[i];
  });
  return out;
}

/** n (0..99999) as reports print it: 「十五」「一百一十五」「两万零五百」 (with `liang`). */
function toChinese(n: number, style: { liang?: boolean; yiShi?: boolean; financial?: boolean } = {}): string {
  if (n === 0) return '零';
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let s = high ? `${belowMyriad(high)}万` : '';
  if (low) s += (high && low < 1000 ? '零' : '') + belowMyriad(low);
  if (!style.yiShi && s.startsWith('一十')) s = s.slice(1);
  if (style.liang) s = s.replace(/^二(?=[百千万])/, '两');
  if (style.financial) s = [...s].map((ch) => '零壹贰叁肆伍陆柒捌玖'['零一二三四五六七八九'.indexOf(ch)] ?? { 十: '拾', 百: '佰', 千: '仟', 万: '萬' }[ch] ?? ch).join('');
  return s;
}

describe('parseChineseNumeral', () => {
  it('reads back every integer 0..99999 in the usual, 两, 一十 and financial forms', () => {
    const wrong: string[] = [];
    for (let n = 0; n <= 99_999; n++)
      for (const style of [{}, { liang: true }, { yiShi: true }, { financial: true }]) {
        const text = toChinese(n, style);
        if (parseChineseNumeral(text) !== n) wrong.push(`${n} ${text} → ${parseChineseNumeral(text)}`);
      }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('reads the forms of the issue and digit-by-digit years', () => {
    const read = (s: string) => parseChineseNumeral(s);
    expect(['三', '十二', '两', '一百零五', '二十', '一千零一', '〇', '十五', '两百', '壹佰零伍', '两百五', '三万五'].map(read)).toEqual([
      3, 12, 2, 105, 20, 1001, 0, 15, 200, 105, 250, 35000,
    ]);
    expect(read('二〇二三')).toBe(2023);
  });

  it('rejects what is not a numeral: 近「百」, 「十十」, 「五三十」, other characters', () => {
    for (const s of ['百', '千', '十十', '五三十', '三百千', '一万万', '', '三件', '万'] as const) expect(parseChineseNumeral(s)).toBeNull();
  });
});

function textOf(sections: SummarySection[]): string {
  return sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n');
}

/** The generated text with every integer count (件/个) outside 【】 written in Chinese numerals. */
function withChineseCounts(text: string): { text: string; spans: { start: number; end: number; value: number }[] } {
  const spans: { start: number; end: number; value: number }[] = [];
  const visible = text.replace(/【[^】]*】/g, (m) => ' '.repeat(m.length));
  let out = '';
  let last = 0;
  for (const m of visible.matchAll(/(?<![\d.])(\d+)(?=[件个])/g)) {
    const at = m.index ?? 0;
    out += text.slice(last, at);
    const numeral = toChinese(Number(m[1]));
    spans.push({ start: out.length, end: out.length + numeral.length, value: Number(m[1]) });
    out += numeral;
    last = at + m[1].length;
  }
  return { text: out + text.slice(last), spans };
}

const FORMATS: FormatId[] = ['2021', '2019'];

describe.each(FORMATS)('counts in Chinese numerals, format %s', (formatId) => {
  it('are read as the same quantities as digits, and the generated text still checks clean', () => {
    fc.assert(
      fc.property(arbWithLastYear(formatId), ({ report, lastYear }) => {
        const digits = textOf(writeSummary(report, { lastYear }));
        const { text } = withChineseCounts(digits);
        const quantities = (t: string) => readClaims(report, t).map((c) => `${c.kind}:${JSON.stringify(c.quantity)}:${(c.sign ?? 1) * c.value}`);
        expect(quantities(text)).toEqual(quantities(digits));
        expect(checkNarrative(report, text, { lastYear })).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a wrong count in Chinese numerals is reported, at its place, with the value written', () => {
    fc.assert(
      fc.property(arbReport(formatId), fc.nat(), (report, pick) => {
        const { text, spans } = withChineseCounts(textOf(writeSummary(report)));
        if (!spans.length) return;
        const span = spans[pick % spans.length];
        const bumped = span.value + 1;
        const mutated = text.slice(0, span.start) + toChinese(bumped) + text.slice(span.end);
        const mismatches = checkNarrative(report, mutated).filter((f) => f.rule === 'N-MISMATCH');
        expect(mismatches.map((f) => f.offset)).toEqual([span.start]);
        expect(Math.abs(mismatches[0].found as number)).toBe(bumped);
      }),
      { numRuns: 60 },
    );
  });
});
