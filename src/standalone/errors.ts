/** Errors of the standalone page's host, worded in strings.zh-CN.ts with the form's names for cells. */
import { cellPlace } from '../core/describe';
import { findCell } from '../core/formats';
import { STANDALONE_TEXT } from '../taskpane/strings.zh-CN';

const place = (id: string) => (findCell('2021', id) ? cellPlace('2021', id) : id);

export const STANDALONE_ERRORS = {
  notInput: (ids: string[]) => STANDALONE_TEXT.notInput(ids.map(place)),
  notNumber: (id: string) => STANDALONE_TEXT.notNumber(place(id)),
  noCell: (id: string) => STANDALONE_TEXT.noCell(place(id)),
} as const;
