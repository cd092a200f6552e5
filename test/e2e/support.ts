/**
 * Shared set-up of the end-to-end tests: the production build in dist/ (built once, under a
 * lock, when older than the sources: several e2e files may start at the same time), a tiny
 * static server on 127.0.0.1, and Debian's Chromium through playwright-core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { REPO_ROOT } from '../support/paths';

export const DIST = resolve(REPO_ROOT, 'dist');
export const SHOTS = resolve(REPO_ROOT, 'docs', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function isFresh(page: string, config: string): boolean {
  const sources = Math.max(newestMtime(resolve(REPO_ROOT, 'src')), statSync(config).mtimeMs);
  return existsSync(page) && statSync(page).mtimeMs > sources;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds dist/ with webpack (production) unless it is newer than every source file. */
export function ensureBuild() {
  const page = resolve(DIST, 'taskpane.html');
  const config = resolve(REPO_ROOT, 'webpack.config.js');
  if (isFresh(page, config)) return;
  // One builder at a time: another jest worker may be building the same dist/ right now.
  const lock = resolve(REPO_ROOT, '.e2e-build.lock');
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > 600_000) throw new Error(`e2e build lock ${lock} held for 10 minutes`);
      sleep(500);
    }
  }
  try {
    if (isFresh(page, config)) return;
    execFileSync(process.execPath, [resolve(REPO_ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--config', config], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
      timeout: 480_000,
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json', '.xml': 'application/xml', '.ico': 'image/x-icon',
};

export function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = resolve(root, `.${path === '/' ? '/taskpane.html' : path}`);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export interface E2eSession {
  server: Server;
  context: BrowserContext;
  /** The standalone page's address on the local server. */
  url: string;
  close(): Promise<void>;
}

/** Builds if needed, serves dist/, and starts Chromium with a fresh profile. */
export async function startE2e(viewport = { width: 1440, height: 900 }): Promise<E2eSession> {
  ensureBuild();
  mkdirSync(SHOTS, { recursive: true });
  const server = await serve(DIST);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`;
  const profile = mkdtempSync(join(tmpdir(), 'xxgk-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, acceptDownloads: true, viewport, locale: 'zh-CN', args: CHROMIUM_ARGS,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  return {
    server, context, url,
    async close() {
      await context.close();
      await new Promise((ok) => server.close(ok));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
