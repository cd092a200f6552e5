/**
 * Errors the user can act on carry a code and parameters; their Chinese text comes from the
 * message file, like every other text the user reads.
 */
import { formatError, type ErrorCode } from './messages/zh-CN';

export type { ErrorCode };

export class XxgkError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
  ) {
    super(formatError(code, params));
    this.name = 'XxgkError';
  }
}
