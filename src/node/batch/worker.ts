/** Worker thread entry: checks the files the pool sends, one message per file. */
import { parentPort } from 'node:worker_threads';
import { checkFile, type TaskOptions } from './unit';

export interface Task {
  index: number;
  path: string;
  file: string;
  options: TaskOptions;
}

export type WorkerMessage = { ready: true } | { index: number; result: ReturnType<typeof checkFile> };

parentPort?.on('message', (task: Task) => {
  parentPort!.postMessage({ index: task.index, result: checkFile(task.path, task.file, task.options) } satisfies WorkerMessage);
});
// Every reader is loaded by now (the imports above): ask for the first file.
parentPort?.postMessage({ ready: true } satisfies WorkerMessage);
