/** Progress on stderr: a bar redrawn with \r on a terminal, one plain line per file otherwise (logs, CI). */
import type { FileResult } from './unit';

export interface ProgressSink {
  tty: boolean;
  write(text: string): void;
  /** Terminal width for the bar (default 80). */
  columns?: number;
}

export interface Progress {
  tick(result: FileResult, done: number): void;
  finish(): void;
}

export function createProgress(total: number, sink: ProgressSink): Progress {
  let broken = 0;
  const started = Date.now();
  if (!sink.tty) sink.write(`共 ${total} 个文件待检查\n`);
  return {
    tick(result, done) {
      if (!result.ok) broken++;
      if (sink.tty) {
        const width = Math.max(10, Math.min(40, (sink.columns ?? 80) - 40));
        const filled = total ? Math.round((done / total) * width) : width;
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        sink.write(`\r检查中 ${bar} ${done}/${total}${broken ? `（无法读取 ${broken}）` : ''}`);
      } else {
        sink.write(`[${done}/${total}] ${result.file}${result.ok ? '' : `：无法读取（${result.reason}）`}\n`);
      }
    },
    finish() {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      sink.write(`${sink.tty ? '\n' : ''}已检查 ${total} 个文件，用时 ${seconds} 秒\n`);
    },
  };
}
