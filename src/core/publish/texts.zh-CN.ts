/** The Chinese words the published document adds to the form's labels and the narrative draft. */

export const TITLE_SUFFIX = '年政府信息公开工作年度报告';
export const AGENCY_TO_FILL = '【机关名称】';
export const YEAR_TO_FILL = '【年度】';

/** How many failing checks the top note lists one by one before 「等」. */
export const MAX_LISTED_FAILURES = 10;
/** How many blank cells a table's note names one by one before 「等」. */
export const MAX_LISTED_BLANKS = 12;

export function failingChecksNotice(errors: number, warnings: number, messages: string[], more: number): string {
  const counts = [errors ? `错误${errors}项` : '', warnings ? `提醒${warnings}项` : ''].filter(Boolean).join('、');
  const list = messages.map((m, i) => `${i + 1}.${m.replace(/[。；]+$/, '')}`).join('；');
  const rest = more > 0 ? `；另有${more}项，请用“检查”查看` : '';
  return `【本报告的数据有${errors + warnings}项检查未通过（${counts}），发布前请核对并改正：${list}${rest}。改正后请重新生成本报告，并删去本段。】`;
}

export function blankCellsNotice(tableName: string, places: string[], more: number): string {
  const rest = more > 0 ? `等${places.length + more}个单元格` : '';
  return `【${tableName}中以下单元格未填写，表中留空（不是0）：${places.join('、')}${rest}。请补全数据后重新生成；确实无法提供的，请在此说明原因。】`;
}

export const TABLE_NAMES = { t2: '表二', t3: '表三', t4: '表四' } as const;
