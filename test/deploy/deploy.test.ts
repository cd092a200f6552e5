/**
 * Acceptance of the deployment build (issue 13, items 1 and 3), on a real production build:
 *
 * - built with `--env publicUrl=https://127.0.0.1:<port>/xxgk/` into a temporary folder (not dist/,
 *   which other e2e runs rebuild), served over https with a certificate made here by openssl:
 *   every URL of the built manifest answers 200 (the certificate verified), the icons have their
 *   declared sizes, office-addin-manifest reads the file, and Debian's Chromium opens the pane
 *   from the manifest's SourceLocation and sees it render, asking nothing of any other host;
 * - the one-file page 年报助手.html, copied alone into an empty folder and opened from file://
 *   with every non-file request refused: sample, typed figures, checks, summary, export; the
 *   exported workbook opened by LibreOffice shows every total the core computes.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, get, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { cellAddresses, compileSheetPlan, sampleReport, sheetTotals, type Report } from '../../src/core';
import { readXlsx } from '../../src/xlsx';
import { recalculate } from '../batch/libreoffice';
import { CHROMIUM, CHROMIUM_ARGS, SHOTS } from '../e2e/support';
import { parseXml, walk, type XmlElement } from '../manifest/xml';
import { REPO_ROOT } from '../support/paths';

jest.setTimeout(600_000);

const CONTACT = '办公室 王某 0379-12345678';
const ONE_FILE = '年报助手.html';
const work = mkdtempSync(join(tmpdir(), 'xxgk-deploy-'));
const out = join(work, 'dist');

let server: Server;
let publicUrl: string;
let certificate: string;
let context: BrowserContext;

/** A self-signed certificate for 127.0.0.1, as an office would use its own. */
function makeCertificate(): { key: string; cert: string } {
  const key = join(work, 'key.pem');
  const cert = join(work, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'pipe' });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

/** https on 127.0.0.1, serving `root` under /xxgk/ as a web server would serve dist/. */
function serveUnderXxgk(root: string, tls: { key: string; cert: string }): Promise<Server> {
  const s = createServer(tls, (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = resolve(root, `.${path.slice('/xxgk'.length)}`);
    if (!path.startsWith('/xxgk/') || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => s.listen(0, '127.0.0.1', () => ok(s)));
}

/** The production build, the way an administrator runs it (webpack CLI, --env …), into `out`. */
function buildForAddress(address: string) {
  execFileSync(
    process.execPath,
    [resolve(REPO_ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--config', resolve(REPO_ROOT, 'webpack.config.js'),
      '--env', `outDir=${out}`, '--env', `publicUrl=${address}`, '--env', `supportContact=${CONTACT}`],
    { cwd: REPO_ROOT, stdio: 'pipe', timeout: 540_000 },
  );
}

/** GET over https, trusting only our certificate (so the certificate itself is checked too). */
function fetchBytes(url: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((ok, fail) => {
    get(url, { ca: certificate }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

beforeAll(async () => {
  const tls = makeCertificate();
  certificate = tls.cert;
  // The server starts first: the build needs its port in the address.
  server = await serveUnderXxgk(out, tls);
  publicUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/xxgk/`;
  buildForAddress(publicUrl);
  mkdirSync(SHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM, headless: true, acceptDownloads: true, ignoreHTTPSErrors: true, locale: 'zh-CN', viewport: { width: 1440, height: 900 }, args: CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  await context?.close();
  if (server) await new Promise((ok) => server.close(ok));
  rmSync(work, { recursive: true, force: true });
});

const manifestText = () => readFileSync(join(out, 'manifest.xml'), 'utf8');

/** Every URL of the manifest (attribute values other than namespaces, and element texts). */
function manifestUrls(root: XmlElement): string[] {
  const urls: string[] = [];
  for (const el of walk(root)) {
    for (const [name, value] of Object.entries(el.attrs)) if (!name.startsWith('xmlns') && /^[a-z]+:\/\//i.test(value)) urls.push(value);
    if (/^[a-z]+:\/\//i.test(el.text.trim())) urls.push(el.text.trim());
  }
  return urls;
}

function pngSize(b: Buffer) {
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('the build for an address', () => {
  test('every URL of the built manifest is under the address and answers 200 over https', async () => {
    const manifest = parseXml(manifestText());
    const urls = manifestUrls(manifest);
    const origin = new URL(publicUrl).origin;
    expect(urls.length).toBeGreaterThan(10);
    expect(manifestText()).not.toMatch(/localhost/);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.children.find((c) => c.name === 'Version')!.text).toBe(`${pkg.version}.0`);
    // AppDomain is an origin, not a page: it must be the origin every page answers from.
    const domains = urls.filter((u) => u === origin);
    expect(domains).toHaveLength(1);
    for (const url of urls.filter((u) => u !== origin)) {
      expect({ url, under: url.startsWith(publicUrl) }).toEqual({ url, under: true });
      const res = await fetchBytes(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
    }
  });

  test('the icons it names have their declared sizes', async () => {
    const manifest = parseXml(manifestText());
    const images = new Map([...walk(manifest)].filter((e) => e.name === 'bt:Image' && e.attrs.id).map((e) => [e.attrs.id, e.attrs.DefaultValue]));
    const uses = [...walk(manifest)].filter((e) => e.name === 'bt:Image' && e.attrs.size);
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(pngSize((await fetchBytes(images.get(use.attrs.resid)!)).body)).toEqual({ width: Number(use.attrs.size), height: Number(use.attrs.size) });
    const icon = manifest.children.find((c) => c.name === 'IconUrl')!.attrs.DefaultValue;
    expect(pngSize((await fetchBytes(icon)).body)).toEqual({ width: 32, height: 32 });
  });

  test('office-addin-manifest reads the built manifest (offline)', () => {
    const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1]).then((m) => process.stdout.write(JSON.stringify(m)))`;
    const info = JSON.parse(execFileSync(process.execPath, ['-e', script, join(out, 'manifest.xml')], { cwd: REPO_ROOT, encoding: 'utf8' })) as unknown;
    const dev = parseXml(readFileSync(join(REPO_ROOT, 'manifest.xml'), 'utf8'));
    expect(info).toMatchObject({ id: dev.children.find((c) => c.name === 'Id')!.text, displayName: '政府信息公开年报助手', officeAppType: 'TaskPaneApp', hosts: ['Workbook'] });
  });

  test('SupportUrl is the help page: what it does, how to load it, who to ask', async () => {
    const support = parseXml(manifestText()).children.find((c) => c.name === 'SupportUrl')!.attrs.DefaultValue;
    expect(support).toBe(`${publicUrl}help.html`);
    const page = await context.newPage();
    await page.goto(support);
    await page.getByRole('heading', { level: 2, name: '它能做什么' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '怎样在 Excel 中打开' }).waitFor();
    await page.getByText(CONTACT).waitFor();
    await page.getByText(`${publicUrl}manifest.xml`).waitFor();
    // Its link to the one-file page leads to a file the build wrote.
    const offlineHref = await page.getByRole('link', { name: ONE_FILE }).evaluate((a) => (a as HTMLAnchorElement).href);
    expect((await fetchBytes(offlineHref)).status).toBe(200);
    await page.screenshot({ path: join(SHOTS, 'help-page.png'), fullPage: true });
    await page.close();
  });

  test("the pane opens from the manifest's SourceLocation and renders, asking no other host", async () => {
    const manifest = parseXml(manifestText());
    const source = manifest.children.find((c) => c.name === 'DefaultSettings')!.children.find((c) => c.name === 'SourceLocation')!.attrs.DefaultValue;
    expect(source).toBe(`${publicUrl}taskpane.html`);
    const page = await context.newPage();
    const requests: string[] = [];
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(source);
    const pane = page.getByRole('complementary', { name: '政府信息公开年报助手' });
    await pane.getByRole('heading', { level: 1, name: '政府信息公开年报助手' }).waitFor({ timeout: 30_000 });
    // Outside Excel office.js (the local copy) answers "no host" and the page becomes the standalone page.
    await page.getByRole('main', { name: '年报表格' }).waitFor({ timeout: 30_000 });
    expect(requests.some((u) => u.startsWith(`${publicUrl}office/office.js`))).toBe(true);
    expect(requests.filter((u) => !u.startsWith(publicUrl))).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the one-file page, opened from disk with the network refused', () => {
  let page: Page;
  const refused: string[] = [];
  const errors: string[] = [];
  const pane = () => page.getByRole('complementary', { name: '政府信息公开年报助手' });
  const cell = (id: string) => page.locator(`input[data-cell-id="${id}"]`);
  /** Figures typed into the sample: 7 received = 5 granted + 2 carried forward (table 三 balances). */
  const typed: Record<string, number> = { 't3.received.natural': 7, 't3.granted.natural': 5, 't3.carriedForward.natural': 2 };

  beforeAll(async () => {
    // Alone in an empty folder: it must need none of its neighbours in dist/.
    const alone = join(work, 'alone');
    mkdirSync(alone);
    copyFileSync(join(out, ONE_FILE), join(alone, ONE_FILE));
    page = await context.newPage();
    await page.route('**', async (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      refused.push(url);
      return route.abort();
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(join(alone, ONE_FILE)).href);
  });

  test('is one HTML file with no external script, and starts as the standalone page at once', async () => {
    const html = readFileSync(join(out, ONE_FILE), 'utf8');
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/office\.js/);
    // No Office global, so no 4-second wait for Office.
    await page.getByRole('main', { name: '年报表格' }).waitFor({ timeout: 3_000 });
  });

  test('loads the sample, takes typed figures and shows the checks', async () => {
    await pane().getByRole('button', { name: '载入示例数据' }).click();
    await pane().getByText('未发现错误。').waitFor();
    await cell('t3.received.natural').fill(String(typed['t3.received.natural']));
    const finding = pane().getByRole('list', { name: '表三的检查结果' });
    await finding.waitFor();
    expect(await finding.textContent()).toMatch(/表三/);
    await page.screenshot({ path: join(SHOTS, 'offline-page.png') });
    for (const id of ['t3.granted.natural', 't3.carriedForward.natural']) await cell(id).fill(String(typed[id]));
    await pane().getByText('未发现错误。').waitFor();
  });

  test('writes the summary', async () => {
    await pane().getByRole('tab', { name: '摘要' }).click();
    const article = pane().getByRole('article', { name: '文字摘要' });
    await article.waitFor();
    expect(await article.textContent()).toMatch(/7/);
  });

  test('exports a workbook whose totals LibreOffice shows as the core computes them', async () => {
    await pane().getByRole('tab', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), pane().getByRole('button', { name: '导出校验后的工作簿' }).click()]);
    const file = join(work, 'export.xlsx');
    await download.saveAs(file);
    const inputs: Report['cells'] = { ...sampleReport().cells };
    Object.assign(inputs, typed);
    const back = readXlsx(new Uint8Array(readFileSync(file)));
    const plan = compileSheetPlan(back.report.format, { report: back.report });
    const expected = { ...inputs, ...sheetTotals(back.report.format, inputs) };
    const shown = recalculate(file);
    const addresses = [...cellAddresses(plan)];
    expect(addresses.filter(([, a]) => a.role === 'total').length).toBeGreaterThan(20);
    for (const [id, a] of addresses) {
      if (a.role !== 'total' && a.role !== 'input') continue;
      const text = shown.get(a.sheet)![a.row]?.[a.col] ?? '';
      const want = expected[id];
      expect({ id, shown: text === '' ? null : Number(text) }).toEqual({ id, shown: want === undefined ? null : want });
    }
    expect(expected['t3.received.total']).toBe(7);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
  });
});
