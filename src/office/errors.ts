/**
 * Excel's errors in Chinese. Every failure the adapter lets through is an OfficeHostError whose
 * `message` the pane can show as it is; the original error stays in `cause` for the console.
 */
import { ACTIONS, EXCEL_ERROR_TEXT, OFFICE_TEXT, type OfficeAction } from './messages.zh-CN';

export class OfficeHostError extends Error {
  constructor(
    message: string,
    /** The Office.js error code (InvalidOperation …) or our own reason code. */
    readonly code: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'OfficeHostError';
  }
}

/** The Office.js error code of `e`, if it has one (OfficeExtension.Error carries `code`). */
export function excelErrorCode(e: unknown): string | null {
  if (e && typeof e === 'object') {
    const code = (e as { code?: unknown }).code ?? (e as { debugInfo?: { code?: unknown } }).debugInfo?.code;
    if (typeof code === 'string' && code) return code;
  }
  return null;
}

/**
 * Why Excel refused, in Chinese, with what to do (「工作表已设密码保护…」) and the code; Excel's own
 * message (often English, in the Office UI language) only for codes we do not know.
 */
export function excelReason(e: unknown): string {
  if (e instanceof OfficeHostError) return e.message;
  const code = excelErrorCode(e);
  const message = e instanceof Error ? e.message : String(e ?? '');
  const reason = (code && EXCEL_ERROR_TEXT[code]) || OFFICE_TEXT.unknownReason(message);
  return code ? `${reason}（错误代码 ${code}）` : reason;
}

/** Wraps any error from Excel as an OfficeHostError with a Chinese message naming the action. */
export function toChineseError(e: unknown, action: OfficeAction, extra?: string): OfficeHostError {
  if (e instanceof OfficeHostError) return extra ? new OfficeHostError(`${e.message}\n${extra}`, e.code, e.cause) : e;
  const code = excelErrorCode(e);
  const message = e instanceof Error ? e.message : String(e ?? '');
  const reason = (code && EXCEL_ERROR_TEXT[code]) || OFFICE_TEXT.unknownReason(message);
  const text = OFFICE_TEXT.excelFailed(ACTIONS[action], reason, code);
  return new OfficeHostError(extra ? `${text}\n${extra}` : text, code ?? 'Unknown', e);
}
