/** Finds the report files under a folder: recursive, sorted, hidden and Office lock files skipped. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { XxgkError } from '../../core';

export const REPORT_EXTENSIONS: readonly string[] = ['.xlsx', '.txt', '.html', '.htm', '.json'];

export interface FolderListing {
  /** Absolute paths of candidate report files, sorted by their path inside the folder. */
  files: string[];
  /** Files of other types, relative to the folder (listed, never read). */
  ignored: string[];
  /** Subfolders that could not be listed, relative, with the reason. */
  unreadable: { file: string; reason: string }[];
}

/** `.git`, `.DS_Store`, and `~$报告.xlsx` (the lock file Excel leaves beside an open workbook). */
function skipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

export function listReportFiles(folder: string): FolderListing {
  let top: Dirent[];
  try {
    if (!statSync(folder).isDirectory()) throw new XxgkError('FILE-UNREADABLE', { path: folder, reason: '这不是一个文件夹' });
    top = readdirSync(folder, { withFileTypes: true });
  } catch (e) {
    if (e instanceof XxgkError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new XxgkError('FILE-UNREADABLE', { path: folder, reason: err.code === 'ENOENT' ? '文件夹不存在' : err.message });
  }
  const listing: FolderListing = { files: [], ignored: [], unreadable: [] };
  const visit = (dir: string, entries: Dirent[]) => {
    for (const entry of entries) {
      if (skipped(entry.name)) continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const s = statSync(path);
          isDir = false; // never follow linked folders: they can loop
          isFile = s.isFile();
        } catch {
          isFile = false;
        }
      }
      if (isDir) {
        let children: Dirent[];
        try {
          children = readdirSync(path, { withFileTypes: true });
        } catch (e) {
          listing.unreadable.push({ file: rel(folder, path), reason: (e as Error).message });
          continue;
        }
        visit(path, children);
      } else if (isFile) {
        if (REPORT_EXTENSIONS.includes(extname(entry.name).toLowerCase())) listing.files.push(path);
        else listing.ignored.push(rel(folder, path));
      }
    }
  };
  visit(folder, top);
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  listing.files.sort((a, b) => byPath(rel(folder, a), rel(folder, b)));
  listing.ignored.sort(byPath);
  return listing;
}

/** The path inside the folder with forward slashes, as shown in the summary. */
export function rel(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}
