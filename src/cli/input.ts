/**
 * Reads a report from a file for the CLI. Each supported extension has a reader; an
 * unreadable file becomes an XxgkError whose message says why (exit status 2).
 */
import { extname } from 'node:path';
import { XxgkError, parseReport, type DescribedIssue, type Report } from '../core';
import { readXlsxFile } from '../xlsx';
import { nodeInflateRaw } from '../node/zlib';
import { readPasted } from './commands/import';
import { readInputBytes } from './read-file';

export type InputReader = (path: string, bytes: Buffer) => LoadedInput;

export interface LoadedInput {
  report: Report;
  /** Import issues (for inputs that went through the importer), with their messages. */
  issues?: DescribedIssue[];
}

function readJson(path: string, bytes: Buffer): LoadedInput {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new XxgkError('JSON-INVALID', { path, reason: (e as Error).message });
  }
  try {
    return { report: parseReport(json) };
  } catch (e) {
    if (e instanceof XxgkError) throw new XxgkError(e.code, { ...e.params, path });
    throw e;
  }
}

/** Readers by extension; the import and sheets features register theirs here. */
export const READERS: Record<string, InputReader> = {
  '.json': readJson,
  '.xlsx': (path, bytes) => readXlsxFile(path, bytes, { inflateRaw: nodeInflateRaw }),
  '.txt': readPasted,
  '.html': readPasted,
  '.htm': readPasted,
};

export function loadInput(path: string): LoadedInput {
  const ext = extname(path).toLowerCase();
  const reader = READERS[ext];
  if (!reader)
    throw new XxgkError('INPUT-UNSUPPORTED', { extension: ext || path, supported: `可用：${Object.keys(READERS).join('、')}` });
  return reader(path, readInputBytes(path));
}
