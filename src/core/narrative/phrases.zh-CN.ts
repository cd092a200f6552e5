/**
 * Every word of the generated narrative, in one place. write.ts decides what to say; this
 * file says it in the register of published reports. Numbers arrive as numbers and are
 * printed here, so the checker (read.ts) must understand every phrasing used below — the
 * property tests hold the two together.
 */
import type { ResultCategory, T4Column } from './quantities';
import { tenthsToText } from './shares';
import type { SectionKey } from './types';

export const DRAFT_HEADINGS: Record<SectionKey, string> = {
  overview: '一、总体情况',
  active: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  review: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

export const SUMMARY_HEADINGS: Record<SectionKey, string> = {
  overview: '总体情况',
  active: '主动公开政府信息情况',
  requests: '收到和处理政府信息公开申请情况',
  review: '政府信息公开行政复议、行政诉讼情况',
  problems: '存在的主要问题及改进情况',
  other: '其他需要报告的事项',
};

export const OVERVIEW_SUBHEADINGS = {
  active: '（一）主动公开',
  requests: '（二）依申请公开',
  management: '（三）政府信息管理',
  platform: '（四）政府信息公开平台建设',
  oversight: '（五）监督保障',
} as const;

/** Placeholders: what only a person can write. Always inside 【】, which the checker skips. */
export const PLACEHOLDERS = {
  overviewIntro: '【请概述本年度政府信息公开工作的总体情况，以及贯彻落实《中华人民共和国政府信息公开条例》的主要举措和成效。】',
  activeMore: '【可补充主动公开的重点领域、公开渠道和发布信息的数量等。】',
  requestsMore: '【可补充依申请公开工作的制度建设、办理流程和答复质量等。】',
  management: '【请写明政府信息公开审查、发布、更新和政策解读等管理工作情况。】',
  platform: '【请写明政府网站、政务新媒体、政务公开专区等平台的建设和运行情况。】',
  oversight: '【请写明政务公开工作的组织领导、考核评议、培训和社会评议等情况。】',
  table: (table: string) => `【${table}见工作簿中的“${table}”工作表。】`,
  problems: '【请写明本年度政府信息公开工作存在的主要问题、上一年度问题的改进情况和下一步改进措施。】',
  otherMatters:
    '【请写明落实上级年度政务公开工作要点、人大代表建议和政协提案办理结果公开、年度政务公开工作创新等情况；没有其他需要报告的事项时可删去本段。】',
  feeConfirm: '【如本年度收取了信息处理费，请改写为收费的件数和金额。】',
  feeNotices: (n: number) =>
    `【表三中有${n}件申请因申请人逾期未按收费通知要求缴纳费用而不再处理，说明本年度发出过收费通知，请核实并写明信息处理费的收取情况。】`,
  blanks: (places: string[]) => `【以下单元格未填写，相关内容暂未写入：${places.join('、')}。请补全后重新生成。】`,
};

/** 「我镇」「我局」… from the agency's name, as reports refer to themselves; 「本机关」 otherwise. */
export function selfName(agency: string | null): string {
  const a = (agency ?? '').replace(/\s+/g, '');
  const rules: [RegExp, string][] = [
    [/街道(办事处)?$|街道办$/, '我街道'],
    [/镇(人民政府)?$/, '我镇'],
    [/乡(人民政府)?$/, '我乡'],
    [/(市|州|盟)辖?区人民政府$|区人民政府$/, '我区'],
    [/县人民政府$/, '我县'],
    [/旗人民政府$/, '我旗'],
    [/市人民政府$/, '我市'],
    [/省人民政府$/, '我省'],
    [/局$/, '我局'],
    [/委员会$|委$/, '我委'],
    [/办公室$|办$/, '我办'],
    [/厅$/, '我厅'],
    [/中心$/, '我中心'],
    [/院$/, '我院'],
    [/署$/, '我署'],
  ];
  for (const [re, name] of rules) if (re.test(a)) return name;
  return '本机关';
}

export const when = (year: number | null) => (year === null ? '本年度' : `${year}年`);

/** 「甲、乙和丙」 */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/** A change from last year: 「比上年增加3件」「与上年持平」; null when last year is unknown. */
export function change(current: number, last: number | null | undefined, unit = '件'): string | null {
  if (last === null || last === undefined) return null;
  const d = current - last;
  if (d === 0) return '与上年持平';
  return `比上年${d > 0 ? '增加' : '减少'}${Math.abs(d)}${unit}`;
}

// ---------------------------------------------------------------------------------------
// 主动公开

export const DOCUMENT_LABELS = { '2021': { regulation: '规章', normative: '行政规范性文件' }, '2019': { regulation: '规章', normative: '规范性文件' } };

/** Format 2021: 制发 / 废止 / 现行有效. */
export function documentClause2021(label: string, issued: number, repealed: number, inForce: number): string {
  const parts: string[] = [];
  if (issued > 0 && repealed > 0) parts.push(`制发${label}${issued}件、废止${repealed}件`);
  else if (issued > 0) parts.push(`制发${label}${issued}件`);
  else if (repealed > 0) parts.push(`未制发新的${label}，废止${repealed}件`);
  else parts.push(`未制发、废止${label}`);
  if (issued > 0 || repealed > 0 || inForce > 0) parts.push(`现行有效${label}${inForce}件`);
  return parts.join('，');
}

/** Format 2019: 新制作 / 新公开 / 对外公开总数. */
export function documentClause2019(label: string, made: number, published: number, publicTotal: number): string {
  const parts: string[] = [];
  if (made > 0 && published > 0) parts.push(`新制作${label}${made}件、新公开${published}件`);
  else if (made > 0) parts.push(`新制作${label}${made}件`);
  else if (published > 0) parts.push(`新公开${label}${published}件`);
  else parts.push(`未新制作、新公开${label}`);
  if (made > 0 || published > 0 || publicTotal > 0) parts.push(`${label}对外公开总数${publicTotal}件`);
  return parts.join('，');
}

/** 「现行有效行政规范性文件3件」 / 「规范性文件对外公开总数37件」 after a 「未制发、废止…」 clause. */
export const inForceClause = (layout: '2021' | '2019', label: string, n: number) =>
  layout === '2021' ? `现行有效${label}${n}件` : `${label}对外公开总数${n}件`;

export const noDocuments = (labels: string[]) => `未制发、废止${joinAnd(labels)}`;
export const noDocuments2019 = (labels: string[]) => `未新制作、新公开${joinAnd(labels)}`;

export const documentsSentence = (year: number | null, self: string, clauses: string[]) =>
  `${when(year)}，${self}${clauses.join('；')}。`;

export const DECISION_LABELS: Record<string, string> = {
  license: '行政许可',
  otherService: '其他对外管理服务事项',
  penalty: '行政处罚',
  coercion: '行政强制',
};

export const decisionItem = (row: string, n: number, yoy: string | null) =>
  `${DECISION_LABELS[row]}${row === 'otherService' ? '处理决定' : '决定'}${n}件${yoy ? `（${yoy}）` : ''}`;

export function decisionsSentence(items: string[], zeroRows: string[]): string {
  const zeros = joinAnd(zeroRows.map((r) => DECISION_LABELS[r]));
  if (items.length === 0) return `全年未作出${zeros}决定。`;
  return `全年作出${items.join('、')}${zeroRows.length ? `，未作出${zeros}决定` : ''}。`;
}

export const feeSentence = (amount: string) => `本年度行政事业性收费金额为${amount}万元。`;
export const noFeeSentence = '本年度未收取行政事业性收费。';

/** 2019 layout, 第二十条第（八）项: 上一年项目数量 and 本年增/减 (signed). */
export function feeItemsSentence(prevItems: number, change: number): string {
  if (prevItems === 0 && change === 0) return '无行政事业性收费项目。';
  const delta = change === 0 ? '本年无增减' : change > 0 ? `本年增加${change}个` : `本年减少${-change}个`;
  return `行政事业性收费项目上一年${prevItems}个，${delta}。`;
}

/** 2019 layout, 第二十条第（九）项: 采购项目数量 and 采购总金额 (万元, printed as in the table). */
export function procurementSentence(projects: number, amount: string): string {
  if (projects === 0 && amount === '0') return '全年未开展政府集中采购。';
  return `全年政府集中采购项目${projects}个，采购总金额${amount}万元。`;
}

// ---------------------------------------------------------------------------------------
// 依申请公开

export const noRequestsSentence = (year: number | null, self: string, yoy: string | null) =>
  `${when(year)}，${self}全年未收到政府信息公开申请${yoy && yoy !== '与上年持平' ? `，${yoy}` : ''}，也无上年结转的申请。`;

export function receivedClause(year: number | null, self: string, received: number, yoy: string | null): string {
  const head = received > 0 ? `${when(year)}，${self}新收政府信息公开申请${received}件` : `${when(year)}，${self}全年未收到新的政府信息公开申请`;
  return yoy ? `${head}，${yoy}` : head;
}

export const carriedOverClause = (n: number) => (n > 0 ? `上年结转申请${n}件` : '无上年结转的申请');

export const ORG_LABELS: Record<string, string> = {
  business: '商业企业',
  research: '科研机构',
  publicWelfare: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他组织',
};

/** 「（其中商业企业2件、法律服务机构1件）」 or 「（均为商业企业）」. */
export function orgBreakdown(parts: { column: string; n: number }[]): string {
  const nonzero = parts.filter((p) => p.n > 0);
  if (nonzero.length === 0) return '';
  if (nonzero.length === 1) return `（均为${ORG_LABELS[nonzero[0].column]}）`;
  return `（其中${nonzero.map((p) => `${ORG_LABELS[p.column]}${p.n}件`).join('、')}）`;
}

export function applicantsSentence(natural: number, org: number, breakdown: string): string {
  if (org === 0) return '新收申请均由自然人提出。';
  if (natural === 0) return `新收申请均由法人或其他组织提出${breakdown}。`;
  return `新收申请中，自然人提出${natural}件，法人或其他组织提出${org}件${breakdown}。`;
}

export function handledSentence(handled: number, forward: number): string {
  const head = handled > 0 ? `本年度共办结政府信息公开申请${handled}件` : '本年度尚无办结的申请';
  const tail = forward > 0 ? `结转下年度继续办理${forward}件` : '无结转下年度继续办理的申请';
  return `${head}，${tail}。`;
}

export const CATEGORY_LABELS: Record<ResultCategory, string> = {
  granted: '予以公开',
  partlyGranted: '部分公开',
  denied: '不予公开',
  unable: '无法提供',
  notProcessed: '不予处理',
  other: '其他处理',
};

const ALL_IN_ONE: Record<ResultCategory, string> = {
  granted: '均予以公开',
  partlyGranted: '均为部分公开',
  denied: '均不予公开',
  unable: '均为无法提供',
  notProcessed: '均不予处理',
  other: '均作其他处理',
};

export const resultsAllOneSentence = (category: ResultCategory) => `从办理结果看，办结的申请${ALL_IN_ONE[category]}。`;

export const resultItem = (category: ResultCategory, n: number, tenths: number) =>
  `${CATEGORY_LABELS[category]}${n}件，占${tenthsToText(tenths)}%`;

export const resultsSentence = (items: string[]) => `从办理结果看，${items.join('；')}。`;

/** Short names of the numbered reasons, as reports write them. */
export const REASON_LABELS: Record<string, string> = {
  'denied.stateSecret': '属于国家秘密',
  'denied.prohibitedByLaw': '其他法律行政法规禁止公开',
  'denied.securityStability': '危及“三安全一稳定”',
  'denied.thirdParty': '保护第三方合法权益',
  'denied.internalAffairs': '属于三类内部事务信息',
  'denied.processInfo': '属于四类过程性信息',
  'denied.enforcementFile': '属于行政执法案卷',
  'denied.queryMatter': '属于行政查询事项',
  'unable.notHeld': '本机关不掌握相关政府信息',
  'unable.needsCreation': '没有现成信息需要另行制作',
  'unable.unclear': '补正后申请内容仍不明确',
  'notProcessed.complaint': '信访举报投诉类申请',
  'notProcessed.repeated': '重复申请',
  'notProcessed.publication': '要求提供公开出版物',
  'notProcessed.excessive': '无正当理由大量反复申请',
  'notProcessed.reissue': '要求行政机关确认或重新出具已获取信息',
  'other.noCorrection': '申请人逾期不补正',
  'other.unpaidFee': '申请人逾期未缴纳信息处理费',
  'other.misc': '其他情形',
};

export function reasonsClause(category: ResultCategory, n: number, reasons: { row: string; n: number }[]): string | null {
  const nonzero = reasons.filter((r) => r.n > 0);
  if (nonzero.length === 0) return null;
  const cat = CATEGORY_LABELS[category];
  if (nonzero.length === 1) return `${cat}的${n}件${n === 1 ? '' : '均'}为${REASON_LABELS[nonzero[0].row]}的情形`;
  return `${cat}的${n}件中，${nonzero.map((r) => `${REASON_LABELS[r.row]}${r.n}件`).join('、')}`;
}

export const reasonsSentence = (clauses: string[]) => `${clauses.join('；')}。`;

// ---------------------------------------------------------------------------------------
// 行政复议、行政诉讼

export const OUTCOME_LABELS: Record<Exclude<T4Column, 'total'>, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

export const noCasesSentence = '全年未发生因政府信息公开引起的行政复议、行政诉讼案件。';

const outcomesTail = (parts: { column: Exclude<T4Column, 'total'>; n: number }[]) => {
  const nonzero = parts.filter((p) => p.n > 0);
  return nonzero.length ? `，其中${nonzero.map((p) => `${OUTCOME_LABELS[p.column]}${p.n}件`).join('、')}` : '';
};

export function reviewClause(total: number, yoy: string | null, parts: { column: Exclude<T4Column, 'total'>; n: number }[]): string {
  if (total === 0) return `全年未发生政府信息公开行政复议案件${yoy && yoy !== '与上年持平' ? `，${yoy}` : ''}`;
  return `全年因政府信息公开被申请行政复议${total}件${yoy ? `，${yoy}` : ''}${outcomesTail(parts)}`;
}

export function litigationClause(
  total: number, yoy: string | null, parts: { column: Exclude<T4Column, 'total'>; n: number }[], direct: number, afterReview: number, first: boolean,
): string {
  if (total === 0) return `${first ? '全年' : ''}未发生政府信息公开行政诉讼案件${yoy && yoy !== '与上年持平' ? `，${yoy}` : ''}`;
  const head = `${first ? '全年因政府信息公开' : ''}被提起行政诉讼${total}件${yoy ? `，${yoy}` : ''}${outcomesTail(parts)}`;
  if (direct > 0 && afterReview > 0) return `${head}；从起诉方式看，未经复议直接起诉${direct}件、复议后起诉${afterReview}件`;
  if (direct > 0) return `${head}；上述诉讼均为未经复议直接起诉`;
  if (afterReview > 0) return `${head}；上述诉讼均为复议后起诉`;
  return head;
}

export const casesSentence = (clauses: string[]) => `${clauses.join('；')}。`;

// ---------------------------------------------------------------------------------------
// 六、其他需要报告的事项

export const processingFeeToFill = (year: number | null, self: string) =>
  `按照《政府信息公开信息处理费管理办法》规定，${when(year)}${self}收取政府信息公开信息处理费【××】元。`;

export const processingFeeSentence = (year: number | null, self: string) =>
  year !== null && year < 2021
    ? `${when(year)}${self}未收取政府信息公开相关费用。`
    : `按照《政府信息公开信息处理费管理办法》规定，${when(year)}${self}未收取政府信息公开信息处理费。`;
