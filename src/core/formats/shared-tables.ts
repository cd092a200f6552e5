/** Tables 三 and 四 are the same in both formats except for （六）其他处理 (see format2019.ts). */
import type { FormatDef } from './schema';

type T3Row = FormatDef['t3']['rows'][number];

export const T3_TITLE = '三、收到和处理政府信息公开申请情况';
export const T3_CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const t3Columns: FormatDef['t3']['columns'] = [
  { id: 'natural', label: '自然人', underOrg: false, role: 'input' },
  { id: 'business', label: '商业企业', underOrg: true, role: 'input' },
  { id: 'research', label: '科研机构', underOrg: true, role: 'input' },
  { id: 'publicWelfare', label: '社会公益组织', underOrg: true, role: 'input' },
  { id: 'legalService', label: '法律服务机构', underOrg: true, role: 'input' },
  { id: 'otherOrg', label: '其他', underOrg: true, role: 'input' },
  { id: 'total', label: '总计', underOrg: false, role: 'total' },
];

const RESULTS = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
export const OTHER_HANDLING = '（六）其他处理';

export function t3Rows(otherRows: T3Row[]): T3Row[] {
  return [
    { id: 'received', path: ['一、本年新收政府信息公开申请数量'], role: 'input' },
    { id: 'carriedOver', path: ['二、上年结转政府信息公开申请数量'], role: 'input' },
    { id: 'granted', path: [RESULTS, '（一）予以公开'], role: 'input' },
    { id: 'partlyGranted', path: [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], role: 'input' },
    { id: 'denied.stateSecret', path: [RESULTS, DENIED, '1.属于国家秘密'], role: 'input' },
    { id: 'denied.prohibitedByLaw', path: [RESULTS, DENIED, '2.其他法律行政法规禁止公开'], role: 'input' },
    { id: 'denied.securityStability', path: [RESULTS, DENIED, '3.危及“三安全一稳定”'], role: 'input' },
    { id: 'denied.thirdParty', path: [RESULTS, DENIED, '4.保护第三方合法权益'], role: 'input' },
    { id: 'denied.internalAffairs', path: [RESULTS, DENIED, '5.属于三类内部事务信息'], role: 'input' },
    { id: 'denied.processInfo', path: [RESULTS, DENIED, '6.属于四类过程性信息'], role: 'input' },
    { id: 'denied.enforcementFile', path: [RESULTS, DENIED, '7.属于行政执法案卷'], role: 'input' },
    { id: 'denied.queryMatter', path: [RESULTS, DENIED, '8.属于行政查询事项'], role: 'input' },
    { id: 'unable.notHeld', path: [RESULTS, UNABLE, '1.本机关不掌握相关政府信息'], role: 'input' },
    { id: 'unable.needsCreation', path: [RESULTS, UNABLE, '2.没有现成信息需要另行制作'], role: 'input' },
    { id: 'unable.unclear', path: [RESULTS, UNABLE, '3.补正后申请内容仍不明确'], role: 'input' },
    { id: 'notProcessed.complaint', path: [RESULTS, NOT_PROCESSED, '1.信访举报投诉类申请'], role: 'input' },
    { id: 'notProcessed.repeated', path: [RESULTS, NOT_PROCESSED, '2.重复申请'], role: 'input' },
    { id: 'notProcessed.publication', path: [RESULTS, NOT_PROCESSED, '3.要求提供公开出版物'], role: 'input' },
    { id: 'notProcessed.excessive', path: [RESULTS, NOT_PROCESSED, '4.无正当理由大量反复申请'], role: 'input' },
    { id: 'notProcessed.reissue', path: [RESULTS, NOT_PROCESSED, '5.要求行政机关确认或重新出具已获取信息'], role: 'input' },
    ...otherRows,
    { id: 'handledTotal', path: [RESULTS, '（七）总计'], role: 'total' },
    { id: 'carriedForward', path: ['四、结转下年度继续办理'], role: 'input' },
  ];
}

export const t4: FormatDef['t4'] = {
  id: 't4',
  name: '表四',
  title: '四、政府信息公开行政复议、行政诉讼情况',
  groups: [
    { id: 'review', label: '行政复议', parent: null },
    { id: 'suitDirect', label: '未经复议直接起诉', parent: '行政诉讼' },
    { id: 'suitAfterReview', label: '复议后起诉', parent: '行政诉讼' },
  ],
  columns: [
    { id: 'upheld', label: '结果维持', role: 'input' },
    { id: 'corrected', label: '结果纠正', role: 'input' },
    { id: 'other', label: '其他结果', role: 'input' },
    { id: 'pending', label: '尚未审结', role: 'input' },
    { id: 'total', label: '总计', role: 'total' },
  ],
};
