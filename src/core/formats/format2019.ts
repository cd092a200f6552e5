/** 国办公开办函〔2019〕60号 (试行): report years 2019 and 2020. */
import type { FormatDef } from './schema';
import { OTHER_HANDLING, T3_CORNER_NOTE, T3_TITLE, t3Columns, t3Rows, t4 } from './shared-tables';

const ITEMS_CHANGE_DECISIONS = [
  { id: 'prevItems', label: '上一年项目数量', kind: 'count' },
  { id: 'change', label: '本年增/减', kind: 'signedCount' },
  { id: 'decisions', label: '处理决定数量', kind: 'count' },
] as const;

export const format2019: FormatDef = {
  id: '2019',
  issuedBy: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  t2: {
    id: 't2',
    name: '表二',
    title: '二、主动公开政府信息情况',
    blocks: [
      {
        title: '第二十条第（一）项',
        header: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
        columns: [
          { id: 'made', label: '本年新制作数量', kind: 'count' },
          { id: 'published', label: '本年新公开数量', kind: 'count' },
          { id: 'publicTotal', label: '对外公开总数量', kind: 'count' },
        ],
        rows: [
          { id: 'regulation', label: '规章' },
          { id: 'normative', label: '规范性文件' },
        ],
      },
      {
        title: '第二十条第（五）项',
        header: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
        columns: [...ITEMS_CHANGE_DECISIONS],
        rows: [
          { id: 'license', label: '行政许可' },
          { id: 'otherService', label: '其他对外管理服务事项' },
        ],
      },
      {
        title: '第二十条第（六）项',
        header: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
        columns: [...ITEMS_CHANGE_DECISIONS],
        rows: [
          { id: 'penalty', label: '行政处罚' },
          { id: 'coercion', label: '行政强制' },
        ],
      },
      {
        title: '第二十条第（八）项',
        header: ['信息内容', '上一年项目数量', '本年增/减'],
        columns: ITEMS_CHANGE_DECISIONS.slice(0, 2),
        rows: [{ id: 'fee', label: '行政事业性收费' }],
      },
      {
        title: '第二十条第（九）项',
        header: ['信息内容', '采购项目数量', '采购总金额'],
        columns: [
          { id: 'projects', label: '采购项目数量', kind: 'count' },
          // No unit is printed on the form; reports write 元 or 万元. We store 万元.
          { id: 'amount', label: '采购总金额', kind: 'amount', unit: '万元' },
        ],
        rows: [{ id: 'procurement', label: '政府集中采购' }],
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
    rows: t3Rows([{ id: 'other', path: ['三、本年度办理结果', OTHER_HANDLING], role: 'input' }]),
  },
  t4,
};
