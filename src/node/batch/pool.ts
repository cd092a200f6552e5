/**
 * Checks files on every core: this thread plus worker_threads. Each lane takes the next file
 * when it is free, so one slow workbook does not hold up the rest. A worker that dies marks
 * its file unreadable and is replaced: the batch always finishes.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { XxgkError } from '../../core';
import { checkFile, type FileResult, type TaskOptions } from './unit';
import type { Task, WorkerMessage } from './worker';

export interface PoolFile {
  path: string;
  /** The path inside the batch folder, as shown to the user. */
  file: string;
  options: TaskOptions;
}

export interface PoolOptions {
  /**
   * Files checked at once (default: `defaultJobs(files)`). This thread is one of them — it
   * has the readers loaded already and would otherwise wait — and each further one is a
   * worker thread. 0 or 1: this thread only.
   */
  jobs?: number;
  /** Set false to check on worker threads only (tests of the workers). */
  thisThread?: boolean;
  onResult?: (result: FileResult, done: number, lane: Lane) => void;
  /** Starts one worker (default: worker.js beside this file). Tests pass workers that crash. */
  startWorker?: () => Worker;
}

/** Where a file was checked. */
export type Lane = 'this' | 'worker';

/**
 * Under ts-jest this module is TypeScript: the worker then loads worker.ts through a small
 * require hook that transpiles with the compiler the project already has. The built CLI
 * loads worker.js directly.
 */
function startWorker(): Worker {
  // Loaded here, not at the top: most batches never start a worker (defaultJobs), and start-up counts.
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  if (__filename.endsWith('.js')) return new Worker(join(__dirname, 'worker.js'));
  // Transpiled files are cached by path, size and time, so each test's workers do not redo it.
  const bootstrap = `
    const { workerData } = require('node:worker_threads');
    const fs = require('node:fs');
    const path = require('node:path');
    const crypto = require('node:crypto');
    let ts;
    fs.mkdirSync(workerData.cache, { recursive: true });
    require.extensions['.ts'] = (module, filename) => {
      const st = fs.statSync(filename);
      const key = crypto.createHash('sha1').update(filename + ':' + st.size + ':' + st.mtimeMs).digest('hex');
      const cached = path.join(workerData.cache, key + '.js');
      let code;
      try {
        code = fs.readFileSync(cached, 'utf8');
      } catch {
        ts ??= require(workerData.typescript);
        code = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
          fileName: filename,
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        }).outputText;
        const tmp = cached + '.' + process.pid + '.' + require('node:worker_threads').threadId;
        fs.writeFileSync(tmp, code);
        fs.renameSync(tmp, cached);
      }
      module._compile(code, filename);
    };
    require(workerData.entry);`;
  return new Worker(bootstrap, {
    eval: true,
    workerData: {
      typescript: require.resolve('typescript'),
      entry: join(__dirname, 'worker.ts'),
      cache: join(tmpdir(), 'xxgk-batch-worker-ts'),
    },
  });
}

function unreadable(task: Task, reason: string): FileResult {
  return { file: task.file, ok: false, reason: new XxgkError('FILE-UNREADABLE', { path: task.path, reason }).message };
}

/**
 * Files per worker thread before one pays for itself. A worker needs ≈ 0.25 s to start (its
 * own V8 isolate loads the readers, then compiles them again as it warms up) — the time this
 * thread takes to check ≈ 130 workbooks — and checks more slowly than this thread at first.
 * Measurements in docs/batch.md.
 */
export const FILES_PER_WORKER = 200;

/** Lanes for a folder of `files`: one per core, but a worker only for every FILES_PER_WORKER files. */
export function defaultJobs(files: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, 1 + Math.floor(files / FILES_PER_WORKER)));
}

export async function checkFiles(files: readonly PoolFile[], options: PoolOptions = {}): Promise<FileResult[]> {
  const results = new Array<FileResult>(files.length);
  let done = 0;
  let next = 0;
  const record = (index: number, result: FileResult, lane: Lane) => {
    results[index] = result;
    done++;
    options.onResult?.(result, done, lane);
  };
  const useThisThread = options.thisThread !== false;
  const jobs = Math.max(1, options.jobs ?? defaultJobs(files.length));
  const workers = Math.max(0, Math.min(useThisThread ? jobs - 1 : jobs, files.length - (useThisThread ? 1 : 0)));
  if (files.length === 0) return results;

  await new Promise<void>((resolve) => {
    let lanes = (useThisThread ? 1 : 0) + workers;
    const laneDone = () => {
      if (--lanes === 0) resolve();
    };
    // Workers still starting up; stopped when this thread has checked every file meanwhile.
    const booting = new Set<Worker>();
    const stopBooting = () => {
      for (const w of booting) void w.terminate();
      booting.clear();
    };

    const launch = () => {
      const worker = (options.startWorker ?? startWorker)();
      let current: Task | null = null;
      // A worker asks for its first file once its readers are loaded, so this thread is not kept waiting.
      const feed = () => {
        if (next >= files.length) {
          current = null;
          void worker.terminate();
          return;
        }
        const index = next++;
        current = { index, ...files[index] };
        worker.postMessage(current);
      };
      worker.on('message', (m: WorkerMessage) => {
        if ('ready' in m) booting.delete(worker);
        else {
          current = null;
          record(m.index, m.result, 'worker');
        }
        feed();
      });
      worker.on('error', (e) => {
        if (current) record(current.index, unreadable(current, e.message), 'worker');
        current = null;
      });
      worker.on('exit', () => {
        booting.delete(worker);
        if (current) record(current.index, unreadable(current, '处理线程意外退出（文件可能过大）'), 'worker');
        current = null;
        // A worker lost mid-way is replaced while files remain.
        if (next < files.length) launch();
        else laneDone();
      });
      booting.add(worker);
    };
    for (let i = 0; i < workers; i++) launch();

    // This thread: one file per turn of the event loop, so workers' messages are served between files.
    const local = () => {
      if (next >= files.length) {
        stopBooting();
        return laneDone();
      }
      const index = next++;
      record(index, checkFile(files[index].path, files[index].file, files[index].options), 'this');
      setImmediate(local);
    };
    if (useThisThread) local();
  });
  return results;
}
