/**
 * Text normalisation for matching labels and reading numbers: full-width → half-width
 * (NFKC), traditional → simplified for the characters that occur in these forms, and the
 * bracket / numbering / quote variants real reports print.
 */

// Pairs traditional→simplified, limited to characters seen in report tables and titles.
const T2S_PAIRS =
  '條条項项內内製制數数發发廢废現现處处決决許许罰罚強强業业費费額额單单萬万規规範范檔档開开總总況况關关' +
  '屬属於于國国機机護护權权務务資资訊讯過过報报執执議议訴诉訟讼審审結结維维糾纠請请據据計计轉转辦办對对' +
  '設设應应採采購购標标題题細细為为係系區区與与們们個个門门當当後后來来會会層层實实從从產产濟济歸归類类' +
  '臨临時时間间問问舉举復复複复號号預预託托證证節节義义聯联網网絡络態态環环稅税獎奖懲惩確确認认給给檢检' +
  '徵征達达險险級级縣县鎮镇鄉乡億亿樣样團团體体齊齐營营衛卫紀纪錄录職职責责廳厅員员勞劳動动稱称視视該该' +
  '詢询錢钱貨货運运輸输壓压協协調调變变兩两經经穩稳勢势籌筹舊旧雜杂頁页讀读書书寫写閱阅覽览線线傳传簡简' +
  '隊队靜静監监導导組组織织構构學学醫医療疗藥药創创錯错誤误並并讓让見见幾几辭辞狀状訂订盡尽點点觀观歷历' +
  '續续繼继補补償偿紛纷於于範范証证麼么覆覆裡里衆众眾众陳陈罰罚況况護护覈核産产' +
  '減减際际註注華华並并黨党圖图異异廣广東东蘇苏陝陕遼辽寧宁龍龙貴贵雲云廈厦漢汉陽阳臺台灣湾濱滨鄭郑魯鲁晉晋贛赣閩闽粵粤瓊琼劃划撥拨價价購购銷销積积極极優优圍围違违驗验測测評评紙纸張张頻频廠厂礦矿農农財财貿贸統统準准衝冲歡欢與与權权屆届員员彙汇匯汇總总暫暂疊叠擬拟發发蓋盖準准獲获啟启義义舉举邊边鐵铁語语說说話话認认識识記记錄录諮咨詢询響响應应賬账戶户頭头現现狀状態态離离歲岁簽签署署';

const T2S: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(T2S_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) m.set(chars[i], chars[i + 1]);
  return m;
})();

const T2S_RE = new RegExp(`[${[...T2S.keys()].join('')}]`, 'g');

/** NFKC, traditional → simplified, 档案 → 文件 (Taiwan-style renderings of 文件). */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(T2S_RE, (ch) => T2S.get(ch) ?? ch)
    .replace(/[檔档]案/g, '文件')
    .replace(/[−–]/g, '-');
}

/**
 * The key a label is matched by: normalised, without whitespace or quotes, brackets
 * unified to ( ), numbering written 「一、」「(一)」「1.」.
 */
export function labelKey(s: string): string {
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  const k = computeLabelKey(s);
  remember(keyCache, s, k);
  return k;
}

/** Small bounded memo tables: pasted text repeats the same cells (「0」, 「/」, labels) a lot. */
const keyCache = new Map<string, string>();
const valueCache = new Map<string, ReadValue>();
function remember<V>(cache: Map<string, V>, k: string, v: V): void {
  if (k.length > 4000) return;
  if (cache.size >= 4096) cache.clear();
  cache.set(k, v);
}

function computeLabelKey(s: string): string {
  let k = normalizeText(s)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/["'“”‘’「」『』]/g, '')
    .replace(/[【〔［[]/g, '(')
    .replace(/[】〕］\]]/g, ')');
  k = k.replace(/^(\d{1,2})[、.,:]/, '$1.');
  k = k.replace(/^([一二三四五六七八九十]{1,3})[.,:]/, '$1、');
  return k;
}

export type NumberingKind = 'cn' | 'paren' | 'arabic' | 'none';
export interface Numbered {
  kind: NumberingKind;
  num: string;
  body: string;
}

/** Splits 「(三)不予公开」 into numbering and body. */
export function splitNumbering(key: string): Numbered {
  let m = /^\(([一二三四五六七八九十]{1,3})\)/.exec(key);
  if (m) return { kind: 'paren', num: m[1], body: key.slice(m[0].length) };
  m = /^([一二三四五六七八九十]{1,3})、/.exec(key);
  if (m) return { kind: 'cn', num: m[1], body: key.slice(m[0].length) };
  m = /^(\d{1,2})\./.exec(key);
  if (m) return { kind: 'arabic', num: m[1], body: key.slice(m[0].length) };
  return { kind: 'none', num: '', body: key };
}

/** Drops a trailing parenthetical (the form's guidance text), also an unclosed one cut off by a paste. */
export function stripTrailingParen(body: string): string {
  let b = body;
  for (let i = 0; i < 3; i++) {
    const next = b.replace(/\([^()]*\)$/, '').replace(/\([^()]*$/, '');
    if (next === b || next === '') break;
    b = next;
  }
  return b;
}

/** 「（单位：万元）」 / 「单位:元」 removed from a header, with the unit it named. */
export function splitUnit(key: string): { key: string; unit: 'yuan' | 'wan' | null } {
  const m = /\(?单位[:：]?([^)]*)\)?/.exec(key);
  if (!m) return { key, unit: null };
  const unitText = m[1];
  const unit = unitText.includes('万元') ? 'wan' : unitText.includes('元') ? 'yuan' : null;
  return { key: (key.slice(0, m.index) + key.slice(m.index + m[0].length)).trim(), unit };
}

// ---------------------------------------------------------------------------------------
// Numbers

export type ReadValue =
  | { kind: 'blank'; raw: string }
  | { kind: 'number'; value: number; raw: string; plain: boolean; decorated: boolean; unit: 'yuan' | 'wan' | null }
  | { kind: 'text'; raw: string };

const PLACEHOLDER = /^(?:[/／\\\-—–―－~～]+|无|空|暂无)$/;
const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const DECORATED = /^(减少?|增加?|下降|上升)?([+-]?\d+(?:\.\d+)?)(万元|元|件|个|项|条|次|份|人|家|宗)?$/;

/** Reads a pasted cell: blank / placeholder, a number (possibly decorated), or text. */
export function readValue(text: string): ReadValue {
  const hit = valueCache.get(text);
  if (hit !== undefined) return hit;
  const v = computeReadValue(text);
  remember(valueCache, text, v);
  return v;
}

function computeReadValue(text: string): ReadValue {
  const raw = text.trim();
  if (raw === '') return { kind: 'blank', raw: '' };
  const t = normalizeText(raw).replace(/[\s\u00a0\u3000]+/g, '');
  if (t === '' ) return { kind: 'blank', raw: '' };
  if (PLACEHOLDER.test(t)) return { kind: 'blank', raw };
  if (PLAIN.test(t)) return { kind: 'number', value: Number(t), raw, plain: PLAIN.test(raw), decorated: false, unit: null };
  const unsep = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?/.test(t) ? t.replace(/,/g, '') : t;
  if (PLAIN.test(unsep)) return { kind: 'number', value: Number(unsep), raw, plain: false, decorated: false, unit: null };
  const m = DECORATED.exec(unsep);
  if (m) {
    let value = Number(m[2]);
    if (m[1] && /减|下降/.test(m[1])) value = -Math.abs(value);
    const unit = m[3] === '万元' ? 'wan' : m[3] === '元' ? 'yuan' : null;
    return { kind: 'number', value, raw, plain: false, decorated: true, unit };
  }
  return { kind: 'text', raw };
}

/** True when a cell text reads as a number or a blank placeholder (not as a label). */
export function isValueLike(text: string): boolean {
  const r = readValue(text);
  return r.kind !== 'text';
}
