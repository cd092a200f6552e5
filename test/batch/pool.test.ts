/**
 * The pool when a worker dies: the file it was checking is listed as unreadable with the
 * reason, a new worker takes over, and every other file still gets its result. Real workers
 * never crash on purpose, so these stand-ins do (same messages as worker.ts).
 */
import { Worker } from 'node:worker_threads';
import { FILES_PER_WORKER, checkFiles, defaultJobs, type FileResult } from '../../src/node/batch';

/** A worker that answers each file with a result, except that it exits on 「exit」 and throws on 「throw」. */
const flakyWorker = () =>
  new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', (task) => {
       if (task.file === 'exit') process.exit(3);
       if (task.file === 'throw') throw new Error('解析时出错');
       parentPort.postMessage({ index: task.index, result: { file: task.file, ok: false, reason: 'checked by ' + require('node:worker_threads').threadId } });
     });
     parentPort.postMessage({ ready: true });`,
    { eval: true },
  );

describe('worker pool', () => {
  it('lists the file of a worker that exits or throws as unreadable, replaces the worker, and finishes every file', async () => {
    let started = 0;
    const names = ['exit', 'a', 'b', 'c', 'throw', 'd', 'e', 'exit', 'f'];
    const files = names.map((file) => ({ path: `/nowhere/${file}.json`, file, options: {} }));
    const results = await checkFiles(files, {
      jobs: 2,
      thisThread: false,
      startWorker: () => {
        started++;
        return flakyWorker();
      },
    });
    expect(results.map((r) => r.file)).toEqual(names);
    const reason = (r: FileResult) => (r.ok ? '' : r.reason);
    for (const r of results.filter((x) => x.file === 'exit')) expect(reason(r)).toMatch(/exit\.json.*处理线程意外退出/);
    expect(reason(results[4])).toMatch(/throw\.json.*解析时出错/);
    for (const r of results.filter((x) => x.file.length === 1)) expect(reason(r)).toMatch(/^checked by \d+$/);
    // Two workers at first, and one more for each that died while files remained (the first death surely did).
    expect(started).toBeGreaterThanOrEqual(3);
    expect(started).toBeLessThanOrEqual(5);
  });
});

describe('defaultJobs', () => {
  it('adds a worker per FILES_PER_WORKER files, up to one lane per core', () => {
    expect(defaultJobs(0, 2)).toBe(1);
    expect(defaultJobs(FILES_PER_WORKER - 1, 8)).toBe(1);
    expect(defaultJobs(FILES_PER_WORKER, 2)).toBe(2);
    expect(defaultJobs(FILES_PER_WORKER * 10, 2)).toBe(2);
    expect(defaultJobs(FILES_PER_WORKER * 2 + 50, 4)).toBe(3);
    expect(defaultJobs(FILES_PER_WORKER * 10, 1)).toBe(1);
  });
});
