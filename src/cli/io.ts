/** Where CLI commands write: injectable so tests run commands in-process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  isTTY: process.stdout.isTTY === true,
};

/** Exit statuses: 0 no error-severity rule fails, 1 one does, 2 the input cannot be read. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;
