/** Runs CLI commands in-process with captured output (fast), or the real binary (end to end). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { REPO_ROOT } from './paths';

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), isTTY: false });
  return { code, out, err };
}

/** The built binary (npm test builds it first). */
export function runBin(args: string[], options: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'xxgk-nianbao.js'), ...args], {
    cwd: options.cwd ?? REPO_ROOT, encoding: 'utf8', input: options.input, timeout: 120000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
