/**
 * The Chinese words the sheets print beyond the form's own labels (which live in formats/):
 * sheet names, the check row, validation messages, the narrative placeholder.
 */
import type { OfficialSheetKey } from './types';

export const SHEET_NAMES: Record<OfficialSheetKey, string> = {
  t2: '表二 主动公开',
  t3: '表三 依申请公开',
  t4: '表四 复议诉讼',
  narrative: '文字说明',
};

/** The hidden sheet holding the metadata (written by renderers from plan.metadata). */
export const META_SHEET_NAME = '_xxgk';
/** The workbook name of the metadata block on that sheet. */
export const META_NAME = 'XXGK_META';
/** Custom document properties carrying the same metadata: xxgk.format, xxgk.year … */
export const META_PROPERTY_PREFIX = 'xxgk.';

export function reportTitle(agency: string | null, year: number | null): string {
  const who = agency?.trim() ? agency.trim() : '（机关名称）';
  const when = year === null ? '（　　）' : String(year);
  return `${who}${when}年政府信息公开工作年度报告`;
}

export const CHECK_ROW_LABEL = '自动校验：一＋二－（七）－四（每列应为 0）';
export const CHECK_ROW_NOTE =
  '注：校验行由公式自动计算；显示红色的列不满足“第一项加第二项之和，等于第三项加第四项之和”，请核对该列数据；显示“含文字”的列有单元格填了文字，请改填数字。总计列与（七）总计由公式计算，无需填写。';

export const VALIDATION = {
  count: {
    errorTitle: '请填写件数',
    errorMessage: '此处应填写不小于 0 的整数（件数）。空白表示未知，确为 0 请填写 0。',
    prompt: '不小于 0 的整数',
  },
  signedCount: {
    errorTitle: '请填写整数',
    errorMessage: '此处应填写整数：增加填正数，减少填负数（如减少 4 项填 -4）。',
    prompt: '整数，减少填负数',
  },
  amount: {
    errorTitle: '请填写金额',
    errorMessage: '此处应填写不小于 0 的金额，单位为万元（可保留小数）。',
    prompt: '单位：万元',
  },
} as const;

/** The six sections of the report; 二–四 point to their sheets, the others get a text area. */
export const NARRATIVE_SECTIONS = [
  { key: 'overview', heading: '一、总体情况' },
  { key: null, heading: '二、主动公开政府信息情况', see: 't2' },
  { key: null, heading: '三、收到和处理政府信息公开申请情况', see: 't3' },
  { key: null, heading: '四、政府信息公开行政复议、行政诉讼情况', see: 't4' },
  { key: 'problems', heading: '五、存在的主要问题及改进情况' },
  { key: 'other', heading: '六、其他需要报告的事项' },
] as const;

export const NARRATIVE_SEE = (sheet: string) => `（数据见工作表「${sheet}」）`;
