/** The district batch: check every report under a folder and compile the aggregate (汇总). */
import { assembleBatch, type BatchResult } from './assemble';
import { addCrossYear, lastYearIndex } from './crossyear';
import { checkFiles, type PoolOptions } from './pool';
import { createProgress, type ProgressSink } from './progress';
import type { TaskOptions } from './unit';
import { listReportFiles, rel } from './walk';

export { assembleBatch, batchFailed, type BatchResult, type UnitRow } from './assemble';
export type { Finding, FileResult, TaskOptions } from './unit';
export { listReportFiles, REPORT_EXTENSIONS } from './walk';
export { checkFiles, defaultJobs, FILES_PER_WORKER } from './pool';
export { createProgress, type ProgressSink } from './progress';

export interface BatchOptions extends TaskOptions {
  /** Files checked at once: this thread plus jobs − 1 workers (default: defaultJobs, by cores and folder size); 0 or 1: this thread only. */
  jobs?: PoolOptions['jobs'];
  thisThread?: PoolOptions['thisThread'];
  /** A folder of last year's reports: each unit is matched by agency for X-CARRY and X-INFORCE. */
  lastYear?: string;
  /** The aggregate's issuing body (e.g. 「某某区」), else none. */
  agency?: string | null;
  progress?: ProgressSink;
}

/** Throws an XxgkError when the folder itself cannot be read; unreadable files are results. */
export async function runBatch(folder: string, options: BatchOptions = {}): Promise<BatchResult> {
  const listing = listReportFiles(folder);
  const task: TaskOptions = { all: options.all, blanksAsZero: options.blanksAsZero };
  const files = listing.files.map((path) => ({ path, file: rel(folder, path), options: task }));
  const lastListing = options.lastYear ? listReportFiles(options.lastYear) : null;
  const lastFiles = lastListing
    ? lastListing.files.map((path) => ({ path, file: rel(options.lastYear!, path), options: task }))
    : [];
  const progress = options.progress ? createProgress(files.length + lastFiles.length, options.progress) : null;
  // One pass over both folders, so the workers start once.
  const all = await checkFiles([...files, ...lastFiles], {
    jobs: options.jobs, thisThread: options.thisThread, onResult: (r, done) => progress?.tick(r, done),
  });
  progress?.finish();
  const results = all.slice(0, files.length);
  const lastResults = all.slice(files.length);
  const lastYearFiles = new Map<number, string>();
  if (lastListing) {
    const index = lastYearIndex(lastResults);
    results.forEach((r, i) => {
      const matched = r.ok ? addCrossYear(r, index, task) : null;
      if (matched) lastYearFiles.set(i, matched);
    });
  }
  return assembleBatch(results, {
    ignored: listing.ignored, unreadableFolders: listing.unreadable, agency: options.agency, lastYearFiles,
  });
}
