/** 国办公开办函〔2021〕30号: report years 2021 and later. Labels exactly as printed on the form. */
import type { FormatDef } from './schema';
import { OTHER_HANDLING, T3_CORNER_NOTE, T3_TITLE, t3Columns, t3Rows, t4 } from './shared-tables';

const DECISIONS = { id: 'decisions', label: '本年处理决定数量', kind: 'count' } as const;

export const format2021: FormatDef = {
  id: '2021',
  issuedBy: '国办公开办函〔2021〕30号',
  years: { from: 2021, to: null },
  t2: {
    id: 't2',
    name: '表二',
    title: '二、主动公开政府信息情况',
    blocks: [
      {
        title: '第二十条第（一）项',
        header: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
        columns: [
          { id: 'issued', label: '本年制发件数', kind: 'count' },
          { id: 'repealed', label: '本年废止件数', kind: 'count' },
          { id: 'inForce', label: '现行有效件数', kind: 'count' },
        ],
        rows: [
          { id: 'regulation', label: '规章' },
          { id: 'normative', label: '行政规范性文件' },
        ],
      },
      {
        title: '第二十条第（五）项',
        header: ['信息内容', '本年处理决定数量'],
        columns: [DECISIONS],
        rows: [{ id: 'license', label: '行政许可' }],
      },
      {
        title: '第二十条第（六）项',
        header: ['信息内容', '本年处理决定数量'],
        columns: [DECISIONS],
        rows: [
          { id: 'penalty', label: '行政处罚' },
          { id: 'coercion', label: '行政强制' },
        ],
      },
      {
        title: '第二十条第（八）项',
        header: ['信息内容', '本年收费金额（单位：万元）'],
        columns: [{ id: 'amount', label: '本年收费金额（单位：万元）', kind: 'amount', unit: '万元' }],
        rows: [{ id: 'fee', label: '行政事业性收费' }],
      },
    ],
  },
  t3: {
    id: 't3',
    name: '表三',
    title: T3_TITLE,
    cornerNote: T3_CORNER_NOTE,
    applicantHeader: '申请人情况',
    orgHeader: '法人或其他组织',
    columns: t3Columns,
    rows: t3Rows([
      {
        id: 'other.noCorrection',
        path: ['三、本年度办理结果', OTHER_HANDLING, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
        role: 'input',
      },
      {
        id: 'other.unpaidFee',
        path: ['三、本年度办理结果', OTHER_HANDLING, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
        role: 'input',
      },
      { id: 'other.misc', path: ['三、本年度办理结果', OTHER_HANDLING, '3.其他'], role: 'input' },
    ]),
  },
  t4,
};
