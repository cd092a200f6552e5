/**
 * Any error that reaches the pane, worded for the user in Chinese. Office.js errors carry a
 * `code` (OfficeExtension.Error); our own carry Chinese text already (XxgkError, host errors).
 */
import { XxgkError } from '../core/errors';
import { ERROR_TEXT } from '../taskpane/strings.zh-CN';


export interface PaneError {
  title: string;
  message: string;
  /** The technical code or text, for support (shown small). */
  detail?: string;
}

function isChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

/** `doing` names the action that failed: 「读取表格」, 「导出」 … */
export function describeError(error: unknown, doing: string): PaneError {
  const title = `${doing}失败`;
  if (error instanceof XxgkError) return { title, message: error.message };
  const e = error as { code?: unknown; message?: unknown; name?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const text = typeof e?.message === 'string' ? e.message : typeof error === 'string' ? error : '';
  // The Excel adapter's Chinese message wins over our generic text for its code: it says what to do
  // and that the data and protection were kept; the code stays in the detail line for support.
  // (Checked by name: importing src/office here would put the adapter into the standalone page.)
  if (e?.name === 'OfficeHostError' && text && isChinese(text)) return { title, message: text, detail: code };
  if (code && ERROR_TEXT.office[code]) return { title, message: ERROR_TEXT.office[code], detail: `${code}${text ? `：${text}` : ''}` };
  if (text && isChinese(text)) return { title, message: text, detail: code };
  return {
    title,
    message: ERROR_TEXT.unexpected,
    detail: [code, text].filter(Boolean).join('：') || String(error),
  };
}
