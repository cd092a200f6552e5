/**
 * Keeping the standalone page's report in the browser (localStorage) so nothing typed is lost on
 * a reload or a closed tab. One record under a versioned key holds the plan's format, year and
 * agency and every input cell's text as typed. The storage is injected (the composition root
 * passes window.localStorage; tests pass a fake); it may refuse (quota, private mode, disabled):
 * a refusal never breaks typing, it is returned for the page to report.
 */
import { isFormatId, type FormatId } from '../core/formats';

/** The part of the Web Storage interface the page uses (window.localStorage fits as is). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const KEEP_KEY = 'xxgk-nianbao:report:v1';

export interface KeptReport {
  format: FormatId;
  year: number | null;
  agency: string | null;
  /** Every input cell's text as typed, by canonical id. */
  texts: Record<string, string>;
  savedAt: Date;
  /** Changed since the last export (or never exported). */
  unexported: boolean;
}

interface KeptRecord {
  version: 1;
  format: string;
  year: number | null;
  agency: string | null;
  texts: Record<string, string>;
  savedAt: string;
  unexported: boolean;
}

/** The kept report, or null when there is none or it cannot be read (then it is simply not used). */
export function loadKept(storage: KeyValueStorage): KeptReport | null {
  let text: string | null;
  try {
    text = storage.getItem(KEEP_KEY);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    return fromRecord(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Saves the report; returns the error when the browser refused (the caller reports it). */
export function saveKept(storage: KeyValueStorage, kept: KeptReport): unknown | null {
  const record: KeptRecord = {
    version: 1,
    format: kept.format,
    year: kept.year,
    agency: kept.agency,
    texts: onlyTyped(kept.texts),
    savedAt: kept.savedAt.toISOString(),
    unexported: kept.unexported,
  };
  try {
    storage.setItem(KEEP_KEY, JSON.stringify(record));
    return null;
  } catch (e) {
    return e ?? new Error('storage');
  }
}

/** Empty cells need no room: the plan gives every cell, the record only what was typed. */
function onlyTyped(texts: Record<string, string>): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const [id, text] of Object.entries(texts)) if (text !== '') typed[id] = text;
  return typed;
}

function fromRecord(value: unknown): KeptReport | null {
  if (!isObject(value) || value.version !== 1 || !isFormatId(value.format)) return null;
  const year = value.year === null || (typeof value.year === 'number' && Number.isInteger(value.year)) ? value.year : undefined;
  const agency = value.agency === null || typeof value.agency === 'string' ? value.agency : undefined;
  const savedAt = typeof value.savedAt === 'string' ? new Date(value.savedAt) : null;
  if (year === undefined || agency === undefined || !savedAt || Number.isNaN(savedAt.getTime()) || !isObject(value.texts)) return null;
  const texts: Record<string, string> = {};
  for (const [id, text] of Object.entries(value.texts)) if (typeof text === 'string') texts[id] = text;
  return { format: value.format, year, agency, texts, savedAt, unexported: value.unexported !== false };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
