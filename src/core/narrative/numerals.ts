/**
 * Chinese numerals as people write them in reports: 「三」「十二」「两百」「一百零五」「一千零一」
 * 「二十」「十五」, the financial forms 「壹佰零伍」, and digit-by-digit 「二〇二三」.
 * Pure; the reader decides which of them are counts (see read.ts).
 */

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const MYRIAD = /[万萬]/;

/** The characters a numeral is made of (for building the reader's patterns). */
export const NUMERAL_CHARS = '〇零一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬';

/** 「二〇二三」「一〇五」: only digits, no 十/百/千/万. */
export function isDigitByDigit(s: string): boolean {
  return s.length > 0 && [...s].every((ch) => DIGIT[ch] !== undefined);
}

/**
 * A part below 万: digits each followed by a unit in falling order, 零 marking skipped units
 * (「一百零五」), a leading or inner 十 standing for 一十 (「十五」「一百十五」). A trailing digit
 * right after 百/千 without 零 is the colloquial 「两百五」 = 250.
 */
function parseBelowMyriad(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let zeroSinceUnit = false;
  for (const ch of s) {
    const d = DIGIT[ch];
    if (d === 0) {
      if (digit !== null) return null;
      zeroSinceUnit = true;
      continue;
    }
    if (d !== undefined) {
      if (digit !== null) return null;
      digit = d;
      continue;
    }
    const unit = UNIT[ch];
    if (unit === undefined || unit >= lastUnit) return null;
    if (digit === null) {
      if (unit !== 10) return null; // 「百」「千」 alone are not numbers here (「近百件」)
      digit = 1;
    }
    total += digit * unit;
    digit = null;
    lastUnit = unit;
    zeroSinceUnit = false;
  }
  if (digit !== null) total += !zeroSinceUnit && lastUnit >= 100 && lastUnit !== Infinity ? (digit * lastUnit) / 10 : digit;
  return total;
}

/** The value of a Chinese numeral, or null when the text is not one (up to 9999万9999). */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  if (isDigitByDigit(text)) return Number([...text].map((ch) => DIGIT[ch]).join(''));
  const parts = text.split(MYRIAD);
  if (parts.length > 2) return null;
  if (parts.length === 1) return parseBelowMyriad(text);
  const [high, low] = parts;
  const myriads = high ? parseBelowMyriad(high) : null;
  if (!myriads) return null;
  if (!low) return myriads * 10000;
  // 「三万五」 = 35000: a single digit right after 万 is thousands.
  if (low.length === 1 && DIGIT[low] !== undefined && DIGIT[low] !== 0) return myriads * 10000 + DIGIT[low] * 1000;
  const rest = parseBelowMyriad(low);
  if (rest === null || rest >= 10000) return null;
  // Below a thousand after 万 needs its 零 (「一万零五」); 「一万五十」 is not a numeral.
  if (rest < 1000 && rest > 0 && DIGIT[low[0]] !== 0) return null;
  return myriads * 10000 + rest;
}
