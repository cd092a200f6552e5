/** Reading input files for every command, with the reason in Chinese when it fails. */
import { readFileSync } from 'node:fs';
import { XxgkError } from '../core';

/** The file's bytes, or an XxgkError saying in Chinese why it cannot be read. */
export function readInputBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? '文件不存在' : err.code === 'EISDIR' ? '这是一个文件夹' : err.message;
    throw new XxgkError('FILE-UNREADABLE', { path, reason });
  }
}
