/**
 * Reads narrative text back into claims: each number with its unit (件/起/宗, 条/个/次/项,
 * 万元/元, %; counts also in Chinese numerals, 「十五件」) and the quantity its context names,
 * plus 「全年未收到…申请」-style phrases that state a zero. What is deliberately not read
 * (approximations, 3个工作日, 办理人大代表建议12件 …) is listed in docs/narrative.md.
 *
 * How a number finds its quantity: within its sentence, the words since the previous number
 * are searched for the last row word (新收, 予以公开, 行政复议, 规章 …) and a qualifier
 * (自然人, 结果维持, 制发 …). Without a row word, a qualifier inherits the previous number's row
 * (「其中自然人10件」), and a percentage or a change inherits row and qualifier
 * (「予以公开5件，占41.7%」, 「比上年增加3件」). A number no word explains is not a claim.
 * Text inside 【】 (placeholders) is skipped.
 */
import type { FormatId } from '../formats';
import type { Report } from '../report';
import { NUMERAL_CHARS, isDigitByDigit, parseChineseNumeral } from './numerals';
import { t2ColumnsOf, t2Layout, type Quantity, type T3Column, type T4Column, type T4Group } from './quantities';
import type { ClaimKind } from './types';

type BaseRef = { table: 't3'; row: string } | { table: 't4'; group: T4Group } | { table: 't2'; row: string };

type Lex =
  | { kind: 'base'; ref: BaseRef; zeroOk: boolean }
  | { kind: 'qual'; table: 't3' | 't4' | 't2'; column: string; sign?: -1 }
  | { kind: 'neutral' }
  | { kind: 'change' }
  | { kind: 'direction'; sign: 1 | -1 }
  | { kind: 'negation' }
  /** Something the tables do not count (建议、提案、咨询 …): a number after it is not the row's. */
  | { kind: 'elsewhere' };

const t3 = (row: string, zeroOk = true): Lex => ({ kind: 'base', ref: { table: 't3', row }, zeroOk });
const t4 = (group: T4Group): Lex => ({ kind: 'base', ref: { table: 't4', group }, zeroOk: true });
const t2 = (row: string): Lex => ({ kind: 'base', ref: { table: 't2', row }, zeroOk: true });
const qual = (table: 't3' | 't4' | 't2', column: string, sign?: -1): Lex => ({ kind: 'qual', table, column, ...(sign ? { sign } : {}) });
const NEUTRAL: Lex = { kind: 'neutral' };

/**
 * The words. Overlaps are resolved by length: a match inside a longer match is dropped, so
 * 「结转下年度继续办理」 is not also 办理, 「不予处理」 not 处理, 「处理决定」 nothing.
 */
const LEXICON: [string, Lex][] = [
  // 表三 rows
  ['新收|受理|收到|接收', t3('received')],
  ['上一?年度?结转|结转上一?年度?', t3('carriedOver')],
  ['办结', t3('handledTotal')],
  ['办理|答复|处理', t3('handledTotal', false)],
  ['结转(至|到|入)?下一?年度?(继续)?(办理)?|转入下一?年度?(继续)?(办理)?', t3('carriedForward')],
  ['予以公开|同意公开|全部公开', t3('granted')],
  ['部分公开|区分处理', t3('partlyGranted')],
  ['不予以?公开', t3('denied')],
  ['无法提供', t3('unable')],
  ['不予处理', t3('notProcessed')],
  ['其他处理', t3('other')],
  ['国家秘密', t3('denied.stateSecret')],
  ['法律、?行政法规禁止公开', t3('denied.prohibitedByLaw')],
  ['三安全一稳定', t3('denied.securityStability')],
  ['第三方合法权益', t3('denied.thirdParty')],
  ['内部事务信息', t3('denied.internalAffairs')],
  ['过程性信息', t3('denied.processInfo')],
  ['行政执法案卷', t3('denied.enforcementFile')],
  ['行政查询事项', t3('denied.queryMatter')],
  ['不掌握', t3('unable.notHeld')],
  ['(没有现成信息)?需要?另行制作', t3('unable.needsCreation')],
  ['(补正后)?申请内容仍?不明确', t3('unable.unclear')],
  ['信访举报投诉', t3('notProcessed.complaint')],
  ['重复申请', t3('notProcessed.repeated')],
  ['公开出版物', t3('notProcessed.publication')],
  ['(无正当理由)?大量反复申请', t3('notProcessed.excessive')],
  ['确认或重新出具', t3('notProcessed.reissue')],
  ['(申请人)?(无正当理由)?逾期(不|未)补正', t3('other.noCorrection')],
  ['(申请人)?逾期未(按收费通知要求)?缴纳(信息处理费|费用)?|未按收费通知要求缴纳(费用)?', t3('other.unpaidFee')],
  ['其他情形', t3('other.misc')],
  // 表三 columns
  ['自然人', qual('t3', 'natural')],
  ['法人(或者?|和|及|与)其他组织|法人', qual('t3', 'org')],
  ['商业企业|企业', qual('t3', 'business')],
  ['科研机构', qual('t3', 'research')],
  ['(社会)?公益组织', qual('t3', 'publicWelfare')],
  ['法律服务机构', qual('t3', 'legalService')],
  ['其他组织', qual('t3', 'otherOrg')],
  // 表四
  ['行政复议', t4('review')],
  ['行政诉讼|提起诉讼|诉讼', t4('litigation')],
  ['(未经(行政)?复议)?直接(提起)?(行政)?(起诉|诉讼)', t4('suitDirect')],
  ['(经过?)?(行政)?复议后(提起)?(行政)?(起诉|诉讼)', t4('suitAfterReview')],
  ['(结果)?维持', qual('t4', 'upheld')],
  ['(结果)?纠正|纠错', qual('t4', 'corrected')],
  ['其他结果', qual('t4', 'other')],
  ['尚未审结|未审结|正在审理|审理中', qual('t4', 'pending')],
  // 表二
  ['规章', t2('regulation')],
  ['(行政)?规范性文件', t2('normative')],
  ['行政许可', t2('license')],
  ['其他对外管理服务事项', t2('otherService')],
  ['行政处罚', t2('penalty')],
  ['行政强制', t2('coercion')],
  ['行政事业性收费|收费项目', t2('fee')],
  ['(政府)?集中采购', t2('procurement')],
  ['制发|制定|印发|出台', qual('t2', 'issued')],
  ['废止', qual('t2', 'repealed')],
  ['现行有效', qual('t2', 'inForce')],
  ['新制作|制作', qual('t2', 'made')],
  ['新公开', qual('t2', 'published')],
  ['对外公开总数|公开总数', qual('t2', 'publicTotal')],
  ['处理决定|决定', qual('t2', 'decisions')],
  // 2019 layout: 上一年项目数量 / 本年增/减 (signed) / 采购项目数量 / 采购总金额
  ['上一?年度?(项目)?(数量)?', qual('t2', 'prevItems')],
  // 「本年增/减2个」 says no direction: not read (the cell is signed).
  ['本年度?(增减|增/减)', NEUTRAL],
  ['本年度?(增加|新增|增)|净增加?', qual('t2', 'change')],
  ['本年度?(减少|减)|净减少?', qual('t2', 'change', -1)],
  ['采购项目(数量)?|项目数量|项目', qual('t2', 'projects')],
  ['(采购)?总?金额', qual('t2', 'amount')],
  // words that contain the words above but mean something else
  ['办理结果|办理情况|处理费|不再处理|规章制度|不予受理|依申请公开|申请公开', NEUTRAL],
  // change from last year
  ['(比|较|与)(上一?年度?|去年|上年同期)(相比)?|同比', { kind: 'change' }],
  ['增加|增长|上升|提高', { kind: 'direction', sign: 1 }],
  ['减少|下降|降低', { kind: 'direction', sign: -1 }],
  ['未|没有|无|均未', { kind: 'negation' }],
  // 「办理人大代表建议12件」「受理群众咨询二十件」: counted things that are not in the tables.
  ['人大代表建议|政协委员提案|代表建议|政协提案|建议|提案|咨询|留言|来信|来电|诉求|工单|热线|培训|会议|栏目|稿件|简报|实事', { kind: 'elsewhere' }],
];

const COMPILED = LEXICON.map(([source, lex]) => ({ re: new RegExp(source, 'g'), lex }));

const NUMBER = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万元|元|件|起|宗|条|个|次|项|%)/g;
/** Counts in Chinese numerals (「十五件」「两次」); amounts and shares are written in digits. */
const CHINESE_NUMBER = new RegExp(`([${NUMERAL_CHARS}]{1,12})(件|起|宗|条|个|次|项)`, 'g');
const NUMERAL_CHAR = new RegExp(`[${NUMERAL_CHARS}]`);

/**
 * 条/个/次/项 count many things (「3个工作日」「2次培训」「发布信息1200条」): such a number is a
 * claim only right after a row word or qualifier (with nothing but these words between) and at
 * the end of its clause.
 */
const WEAK_UNITS = new Set(['条', '个', '次', '项']);
const FILLER_ONLY = /^(政府信息公开|政府信息|信息公开|公开|申请|案件|事项|决定|数量|项目|件数|总数|共计|合计|总计|共|计|为|达到|达|了|的|被|提出|\s)*$/;
const CLAUSE_OR_TEXT_END = /^($|[，,。；;：:、！!？?）)（(\s])/;
/** Before a Chinese numeral: approximate (近百、数十、上百), ordinal (第三) or 「这一件」「每一次」; 总数 is fine. */
const NOT_A_COUNT_BEFORE = /(?:[第近约逾超几上余每另这那同任单其哪逐“「‘《\d]|(?:^|[^总])数)$/;
/** After a Chinese-numeral count: what sentences go on with (「三件，」「十五件申请」「两件（其中…）」). */
const CHINESE_COUNT_AFTER = /^($|[，,。；;：:、！!？?）)（(\s]|申请|案件|其中|均|占|比|较|同比|为|中)/;
const SENTENCE_END = /[。！？!?\n]/;
const CLAUSE_END = /[，,；;：:（）()]/;

interface Match {
  start: number;
  end: number;
  lex: Lex;
}

export interface Claim {
  kind: ClaimKind;
  quantity: Quantity;
  /** The number as stated, in the table's unit (万元 for amounts, percent for shares); 0 for a zero phrase. */
  value: number;
  /** Decimal places as written (the rounding the writer used). */
  decimals: number;
  /** For a change: +1 增加, −1 减少; for 表二's 本年增/减 (2019): −1 when written as 减少. */
  sign?: 1 | -1;
  /** The number (or the negation word) in the text. */
  start: number;
  end: number;
  sentence: { start: number; end: number };
  /** Index of the line (paragraph) the claim is in. */
  paragraph: number;
}

/** Full-width digits and points to ASCII (same length, so offsets stay) and 【】 blanked out. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/％/g, '%')
    .replace(/【[^】]*】/g, (m) => ' '.repeat(m.length));
}

/**
 * Every lexicon match in the whole text, by start then end (ties in lexicon order). One pass
 * per pattern over the text rather than per sentence: no pattern can match a sentence end, so
 * each match lies inside one sentence.
 */
function lexiconMatches(text: string): Match[] {
  const all: Match[] = [];
  for (const { re, lex } of COMPILED) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      all.push({ start: m.index, end: m.index + m[0].length, lex });
    }
  }
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** One sentence's matches (a run of lexiconMatches), without those inside longer ones. */
function outermost(sentence: Match[]): Match[] {
  return sentence.filter((m) => !sentence.some((n) => n !== m && n.start <= m.start && n.end >= m.end && n.end - n.start > m.end - m.start));
}

interface Token {
  start: number;
  end: number;
  value: number;
  decimals: number;
  unit: string;
  /** Read only right after a row word or qualifier (条/个/次/项, and 「零件」, also the word for a part). */
  needsAnchor: boolean;
}

function tokensIn(text: string, from: number, to: number): Token[] {
  const part = text.slice(from, to);
  const out: Token[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(part); m; m = NUMBER.exec(part)) {
    const digits = m[1].replace(/,/g, '');
    const before = part[m.index - 1];
    // 「第3件」, and 「3-5件」「-2」: a range or a sign is not a plain count.
    if (before && /[\d.第\-−－~～]/.test(before)) continue;
    const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
    if (WEAK_UNITS.has(m[2]) && (decimals > 0 || !CLAUSE_OR_TEXT_END.test(part.slice(m.index + m[0].length, m.index + m[0].length + 2)))) continue;
    const needsAnchor = WEAK_UNITS.has(m[2]);
    out.push({ start: from + m.index, end: from + m.index + m[0].length, value: Number(digits), decimals, unit: m[2], needsAnchor });
  }
  out.push(...chineseTokensIn(part, from));
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Counts in Chinese numerals. Not read: 「二〇二三年」 (no count unit), 「一两件」「三五件」
 * (digit by digit: a range), 「零件」 unless right after a row word (「汽车零件」 is a part;
 * 「对外公开总数零件」 is a count), 「十余件」
 * 「二十多件」「近百件」「数十件」 (approximate), 「第三件」, 「一件事」「十件实事」.
 */
function chineseTokensIn(part: string, from: number): Token[] {
  const out: Token[] = [];
  CHINESE_NUMBER.lastIndex = 0;
  for (let m = CHINESE_NUMBER.exec(part); m; m = CHINESE_NUMBER.exec(part)) {
    const numeral = m[1];
    const after = part.slice(m.index + m[0].length, m.index + m[0].length + 2);
    const before = part.slice(Math.max(0, m.index - 2), m.index);
    // A longer run than any count (bounded so that the scan stays linear) is not one.
    if (NOT_A_COUNT_BEFORE.test(before) || NUMERAL_CHAR.test(before.slice(-1))) continue;
    if (numeral.length > 1 && isDigitByDigit(numeral)) continue;
    if (!(WEAK_UNITS.has(m[2]) ? CLAUSE_OR_TEXT_END : CHINESE_COUNT_AFTER).test(after)) continue;
    const value = parseChineseNumeral(numeral);
    if (value === null) continue;
    const needsAnchor = WEAK_UNITS.has(m[2]) || numeral === '零';
    out.push({ start: from + m.index, end: from + m.index + m[0].length, value, decimals: 0, unit: m[2], needsAnchor });
  }
  return out;
}

interface Resolved {
  ref: BaseRef;
  column: string | null;
  /** −1 when the qualifier says the number is a decrease (本年减少2个 = −2). */
  sign?: -1;
}

const resolvedBy = (ref: BaseRef, q: Match | undefined): Resolved =>
  q && q.lex.kind === 'qual' ? { ref, column: q.lex.column, ...(q.lex.sign ? { sign: q.lex.sign } : {}) } : { ref, column: null };

function toQuantity(ref: BaseRef, column: string | null, layout: FormatId, unitKind: 'count' | 'amount' | 'share'): Quantity | null {
  if (ref.table === 't3') {
    if (unitKind === 'amount') return null;
    return { table: 't3', row: ref.row, column: (column ?? 'total') as T3Column };
  }
  if (ref.table === 't4') {
    if (unitKind !== 'count') return null;
    return { table: 't4', group: ref.group, column: (column ?? 'total') as T4Column };
  }
  if (unitKind === 'share') return null;
  const columns = t2ColumnsOf(layout, ref.row);
  const t2Cell = (col: string): Quantity | null => (columns.includes(col) ? { table: 't2', row: ref.row, column: col } : null);
  if (unitKind === 'amount') return ref.row === 'fee' || ref.row === 'procurement' ? t2Cell('amount') : null;
  if (ref.row === 'procurement') return column === null || column === 'projects' ? t2Cell('projects') : null;
  // A column the qualifier names must be the row's own: 「本年增加3件」 is not 处理决定 of 2021.
  if (column !== null) return t2Cell(column);
  return ref.row !== 'fee' && columns.length === 1 ? t2Cell(columns[0]) : null;
}

const qualFits = (m: Match, ref: BaseRef) => m.lex.kind === 'qual' && m.lex.table === ref.table;

function lastOf<T extends Match>(items: T[]): T | undefined {
  return items.length ? items[items.length - 1] : undefined;
}

/** Everything the text states about the tables, in text order. */
export function readClaims(report: Pick<Report, 'format' | 'cells'>, input: string): Claim[] {
  const text = normalise(input);
  const layout = t2Layout(report);
  const claims: Claim[] = [];
  const matches = lexiconMatches(text);
  let next = 0; // the first match not yet given to a sentence
  let paragraph = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SENTENCE_END.test(text[i])) continue;
    const first = next;
    while (next < matches.length && matches[next].start < i) next++;
    if (i > start) claims.push(...readSentence(text, start, i, paragraph, layout, outermost(matches.slice(first, next))));
    if (text[i] === '\n') paragraph++;
    start = i + 1;
  }
  return claims;
}

/**
 * The number counts something else, or it is unclear what: a word for another thing lies
 * between the row word and the number (「办理人大代表建议12件」), or the number opens a clause
 * that names its own row after it (「…申请中，2件予以公开，1件不予公开」: 1件 is not 予以公开).
 */
function aboutSomethingElse(text: string, from: number, to: number, seg: Match[], matches: Match[], base: Match | undefined, token: Token): boolean {
  const since = base ? base.end : seg.length ? seg[0].start : token.start;
  if (seg.some((m) => m.lex.kind === 'elsewhere' && m.start >= since)) return true;
  const clause = clauseStart(text, from, token.start);
  if (!base || base.start >= clause) return false;
  const clauseEndsAt = clauseEnd(text, token.end, to);
  return matches.some((m) => m.lex.kind === 'base' && m.start >= token.end && m.end <= clauseEndsAt);
}

/** A 条/个/次/项 number follows a row word or qualifier with only filler words between. */
function anchoredRightBefore(text: string, seg: Match[], token: Token): boolean {
  const anchor = lastOf(seg.filter((m) => m.lex.kind === 'base' || m.lex.kind === 'qual'));
  // Filler words are short: a long gap is not filler (and keeps the pattern test cheap).
  return anchor !== undefined && token.start - anchor.end <= 16 && FILLER_ONLY.test(text.slice(anchor.end, token.start));
}

function clauseStart(text: string, sentenceStart: number, at: number): number {
  for (let i = at - 1; i >= sentenceStart; i--) if (CLAUSE_END.test(text[i])) return i + 1;
  return sentenceStart;
}

function clauseEnd(text: string, at: number, sentenceEnd: number): number {
  for (let i = at; i < sentenceEnd; i++) if (CLAUSE_END.test(text[i])) return i;
  return sentenceEnd;
}

function readSentence(text: string, from: number, to: number, paragraph: number, layout: FormatId, matches: Match[]): Claim[] {
  const tokens = tokensIn(text, from, to);
  const sentence = { start: from, end: to };
  const claims: Claim[] = [];

  // Clauses without a number may state a zero: 「全年未收到政府信息公开申请」.
  const events: ({ type: 'token'; token: Token } | { type: 'clause'; start: number; end: number })[] = tokens.map((token) => ({ type: 'token', token }));
  for (let c = from; c < to; ) {
    const end = clauseEnd(text, c, to);
    if (!tokens.some((t) => t.start >= c && t.start < end)) events.push({ type: 'clause', start: c, end });
    c = end + 1;
  }
  events.sort((a, b) => (a.type === 'token' ? a.token.start : a.start) - (b.type === 'token' ? b.token.start : b.start));

  let cursor = from;
  let previous: Resolved | null = null;
  for (const event of events) {
    if (event.type === 'clause') {
      const zeros = zeroClaims(matches.filter((m) => m.start >= event.start && m.end <= event.end), layout);
      for (const z of zeros.claims) claims.push({ ...z, sentence, paragraph });
      if (zeros.claims.length) {
        previous = zeros.single;
        cursor = event.end;
      }
      continue;
    }
    const token = event.token;
    const cursorBefore = cursor;
    const seg = matches.filter((m) => m.start >= cursor && m.end <= token.start);
    cursor = token.end;
    const unitKind = token.unit === '%' ? 'share' : token.unit === '万元' || token.unit === '元' ? 'amount' : 'count';
    const base = lastOf(seg.filter((m) => m.lex.kind === 'base'));
    // 「比上年增加3件」: a change marker with a direction after it (「与上年持平」 states no number).
    const changeAt = seg.find(
      (m) => m.lex.kind === 'change' && (!base || m.start > base.start) && seg.some((d) => d.lex.kind === 'direction' && d.start > m.start),
    );
    const kind: ClaimKind = changeAt ? 'change' : unitKind;
    if (changeAt && unitKind === 'share') {
      previous = null; // a percentage change (同比增长20%) is not checked
      continue;
    }
    let resolved: Resolved | null = null;
    if ((token.needsAnchor && !anchoredRightBefore(text, seg, token)) || aboutSomethingElse(text, from, to, seg, matches, base, token)) {
      previous = null;
      continue;
    }
    if (base && base.lex.kind === 'base') {
      const ref = base.lex.ref;
      const windowStart = clauseStart(text, from, base.start);
      // A qualifier in the base's clause, or one that scopes what follows: 「自然人申请中，予以公开3件」.
      const scoping = (m: Match) => m.start >= cursorBefore && /中$/.test(text.slice(m.end, clauseEnd(text, m.end, to)));
      resolved = resolvedBy(ref, lastOf(matches.filter((m) => qualFits(m, ref) && m.end <= token.start && (m.start >= windowStart || scoping(m)))));
    } else if (previous) {
      const ref: BaseRef = previous.ref;
      const q = lastOf(seg.filter((m) => qualFits(m, ref)));
      if (q && q.lex.kind === 'qual') resolved = resolvedBy(ref, q);
      else if ((kind === 'share' || kind === 'change') && !token.needsAnchor) resolved = previous;
    } else {
      // 「自然人申请10件」 opening a sentence: applications received from that applicant type.
      const ref: BaseRef = { table: 't3', row: 'received' };
      const q = lastOf(seg.filter((m) => qualFits(m, ref)));
      if (q && q.lex.kind === 'qual' && text.slice(q.end, token.start).includes('申请')) resolved = { ref, column: q.lex.column };
    }
    if (!resolved) {
      previous = null;
      continue;
    }
    const quantity = toQuantity(resolved.ref, resolved.column, layout, unitKind === 'share' ? 'share' : unitKind);
    previous = resolved;
    if (!quantity) continue;
    const claim: Claim = {
      kind,
      quantity,
      value: token.unit === '元' ? token.value / 10000 : token.value,
      decimals: token.unit === '元' ? token.decimals + 4 : token.decimals,
      start: token.start,
      end: token.end,
      sentence,
      paragraph,
    };
    if (changeAt) {
      const dir = seg.find((m) => m.lex.kind === 'direction' && m.start > changeAt.start);
      if (dir && dir.lex.kind === 'direction') claim.sign = dir.lex.sign;
    } else if (resolved.sign && quantity.table === 't2') claim.sign = resolved.sign;
    claims.push(claim);
  }
  return claims;
}

/** 「未收到…申请」「无上年结转」「未发生…行政复议、行政诉讼案件」「未制发、废止规章」. */
function zeroClaims(matches: Match[], layout: FormatId): { claims: Omit<Claim, 'sentence' | 'paragraph'>[]; single: Resolved | null } {
  const negation = matches.find((m) => m.lex.kind === 'negation');
  if (!negation) return { claims: [], single: null };
  const after = matches.filter((m) => m.start > negation.start);
  // 「未收到人大代表建议」 is not about applications.
  let bases = after.filter((m) => m.lex.kind === 'base' && m.lex.zeroOk && !after.some((e) => e.lex.kind === 'elsewhere' && e.start >= m.end));
  // 「未收到行政复议申请」 is about 行政复议, not about 表三's 新收.
  if (bases.some((m) => m.lex.kind === 'base' && m.lex.ref.table === 't4'))
    bases = bases.filter((m) => !(m.lex.kind === 'base' && m.lex.ref.table === 't3' && m.lex.ref.row === 'received'));
  const claims: Omit<Claim, 'sentence' | 'paragraph'>[] = [];
  const resolvedAll: Resolved[] = [];
  for (const b of bases) {
    if (b.lex.kind !== 'base') continue;
    const ref = b.lex.ref;
    const quals = matches.filter((m) => qualFits(m, ref)).map((m) => (m.lex.kind === 'qual' ? m.lex.column : ''));
    const columns: (string | null)[] = quals.length ? [...new Set(quals)] : [null];
    for (const column of columns) {
      const unitKind = ref.table === 't2' && ref.row === 'fee' ? 'amount' : 'count';
      const quantity = toQuantity(ref, column, layout, unitKind);
      if (!quantity) continue;
      resolvedAll.push({ ref, column });
      claims.push({ kind: 'zero', quantity, value: 0, decimals: 0, start: negation.start, end: negation.end });
    }
  }
  return { claims, single: resolvedAll.length === 1 ? resolvedAll[0] : null };
}
