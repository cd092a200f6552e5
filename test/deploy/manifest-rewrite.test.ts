/**
 * The deployed manifest, help page and one-file page, from their functions (no build): every URL
 * of manifest.xml moves under the office's address and nothing else changes; bad addresses and
 * unknown URLs are refused; inline scripts cannot end their <script> early.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { parseXml, walk, type XmlElement } from '../manifest/xml';
import { REPO_ROOT } from '../support/paths';

interface DeployManifest {
  DEV_ORIGIN: string;
  CONTACT_PLACEHOLDER: string;
  normalizePublicUrl(raw: string): string;
  manifestVersion(v: string): string;
  rewriteManifest(xml: string, o: { publicUrl: string; version: string }): string;
  renderHelpPage(template: string, o: { publicUrl: string | null; version: string; supportContact?: string }): string;
}
interface OneFilePage {
  escapeInlineScript(code: string): string;
  inlinePage(html: string, scripts: string[], licenses: (string | undefined)[]): string;
}

const deploy = require(path.join(REPO_ROOT, 'scripts', 'deploy-manifest.js')) as DeployManifest;
const oneFile = require(path.join(REPO_ROOT, 'scripts', 'one-file-page-plugin.js')) as OneFilePage;
const DEV_XML = readFileSync(path.join(REPO_ROOT, 'manifest.xml'), 'utf8');
const HELP_TEMPLATE = readFileSync(path.join(REPO_ROOT, 'src', 'help', 'help.html'), 'utf8');
const VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const isNamespace = (name: string) => name.startsWith('xmlns');
const isUrl = (v: string) => /^[a-z]+:\/\//i.test(v);

/** Every URL of a manifest, where it sits: attribute values (not namespaces) and element texts. */
function urlsOf(root: XmlElement): { where: string; url: string }[] {
  const found: { where: string; url: string }[] = [];
  for (const el of walk(root)) {
    for (const [name, value] of Object.entries(el.attrs)) if (!isNamespace(name) && isUrl(value)) found.push({ where: `${el.name}${el.attrs.id ? `#${el.attrs.id}` : ''}@${name}`, url: value });
    if (isUrl(el.text.trim())) found.push({ where: `${el.name} text`, url: el.text.trim() });
  }
  return found;
}

/** The manifest with its URLs and version blanked: what must not change when deploying. */
function skeleton(el: XmlElement): unknown {
  const attrs = Object.fromEntries(Object.entries(el.attrs).map(([k, v]) => [k, !isNamespace(k) && isUrl(v) ? '<url>' : v]));
  const text = el.text.trim();
  return { name: el.name, attrs, text: isUrl(text) ? '<url>' : el.name === 'Version' ? '<version>' : text, children: el.children.map(skeleton) };
}

describe('the deployed manifest', () => {
  const publicUrl = 'https://oa.example.gov.cn:8443/政务公开/年报助手';
  const base = 'https://oa.example.gov.cn:8443/%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80/%E5%B9%B4%E6%8A%A5%E5%8A%A9%E6%89%8B/';
  const text = deploy.rewriteManifest(DEV_XML, { publicUrl, version: VERSION });
  const manifest = parseXml(text);
  const dev = parseXml(DEV_XML);

  test('moves every URL of the development manifest under the address, and leaves nothing on localhost', () => {
    const before = urlsOf(dev);
    const after = urlsOf(manifest);
    expect(before.length).toBeGreaterThan(10);
    expect(after.map((u) => u.where)).toEqual(before.map((u) => u.where));
    for (const { where, url } of after) {
      if (where === 'AppDomain text') expect(url).toBe('https://oa.example.gov.cn:8443');
      else expect({ where, url: url.startsWith(base) }).toEqual({ where, url: true });
    }
    expect(text).not.toMatch(/localhost|:3000/);
  });

  test('keeps each page where it was, and sends "support" and "learn more" to the help page', () => {
    const byPlace = new Map(urlsOf(manifest).map((u) => [u.where, u.url]));
    for (const { where, url } of urlsOf(dev)) {
      if (where === 'AppDomain text') continue;
      const helps = where === 'SupportUrl@DefaultValue' || where === 'bt:Url#GetStarted.LearnMoreUrl@DefaultValue';
      expect({ where, url: byPlace.get(where) }).toEqual({ where, url: base + (helps ? 'help.html' : url.slice(deploy.DEV_ORIGIN.length + 1)) });
    }
    expect(byPlace.get('SourceLocation@DefaultValue')).toBe(`${base}taskpane.html`);
    expect(byPlace.get('bt:Url#Commands.Url@DefaultValue')).toBe(`${base}commands.html`);
  });

  test("takes package.json's version in four parts, and changes nothing else", () => {
    const version = manifest.children.find((c) => c.name === 'Version')!.text;
    expect(version).toBe(`${VERSION}.0`.split('.').slice(0, 4).join('.'));
    expect(version.split('.')).toHaveLength(4);
    expect(skeleton(manifest)).toEqual(skeleton(dev));
  });

  test('escapes an address with & for XML', () => {
    const out = deploy.rewriteManifest(DEV_XML, { publicUrl: 'https://a.example/x&y/', version: '2.3.4' });
    expect(out).toContain('DefaultValue="https://a.example/x&amp;y/taskpane.html"');
    expect(parseXml(out).children.find((c) => c.name === 'Version')!.text).toBe('2.3.4.0');
  });

  test('refuses addresses Office could not load from, in Chinese', () => {
    expect(() => deploy.rewriteManifest(DEV_XML, { publicUrl: 'http://oa.example.gov.cn/xxgk/', version: VERSION })).toThrow(/必须以 https:\/\/ 开头/);
    expect(() => deploy.normalizePublicUrl('oa.example.gov.cn/xxgk')).toThrow(/不是完整的网址/);
    expect(() => deploy.normalizePublicUrl('https://oa.example.gov.cn/xxgk/?a=1')).toThrow(/不能带/);
    expect(deploy.normalizePublicUrl('https://OA.example.gov.cn/xxgk')).toBe('https://oa.example.gov.cn/xxgk/');
  });

  test('refuses a URL it cannot place, and one it did not see', () => {
    const foreign = DEV_XML.replace('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', '<SupportUrl DefaultValue="https://example.com/help"/>');
    expect(() => deploy.rewriteManifest(foreign, { publicUrl: 'https://a.example/', version: VERSION })).toThrow(/<SupportUrl> 的 DefaultValue 指向「https:\/\/example.com\/help」/);
    const singleQuoted = DEV_XML.replace('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', "<SupportUrl DefaultValue='https://localhost:3000/taskpane.html'/>");
    expect(() => deploy.rewriteManifest(singleQuoted, { publicUrl: 'https://a.example/', version: VERSION })).toThrow(/仍含有 localhost/);
  });

  test('versions', () => {
    expect(deploy.manifestVersion('0.1.0')).toBe('0.1.0.0');
    expect(deploy.manifestVersion('12.03.4-beta.1')).toBe('12.3.4.0');
    expect(() => deploy.manifestVersion('1.2')).toThrow(/主.次.修订/);
  });
});

describe('the help page', () => {
  test('names the manifest, the version and the contact given to the build, escaped', () => {
    const html = deploy.renderHelpPage(HELP_TEMPLATE, { publicUrl: 'https://oa.example.gov.cn/xxgk', version: '0.1.0', supportContact: '办公室 王某 <0379-1234>' });
    expect(html).toContain('<code>https://oa.example.gov.cn/xxgk/manifest.xml</code>');
    expect(html).toContain('版本 0.1.0');
    expect(html).toContain('办公室 王某 &lt;0379-1234&gt;');
    expect(html).not.toContain(deploy.CONTACT_PLACEHOLDER);
    expect(html).not.toMatch(/\{\{\w+\}\}/);
    expect(html).toContain('href="年报助手.html"');
  });

  test('without a contact it shows a marked blank for the administrator', () => {
    const html = deploy.renderHelpPage(HELP_TEMPLATE, { publicUrl: null, version: '0.1.0', supportContact: '  ' });
    expect(html).toContain(`<mark>${deploy.CONTACT_PLACEHOLDER}</mark>`);
    expect(deploy.CONTACT_PLACEHOLDER).toMatch(/^【.*】$/);
    expect(html).toContain('<code>manifest.xml</code>');
    expect(() => deploy.renderHelpPage('{{NOPE}}', { publicUrl: null, version: '1' })).toThrow(/未知的占位符/);
  });
});

describe('inlining scripts into one page', () => {
  const tricky = 'window.out = ["</script>", "</SCRIPT >", "<!--", /<\\/script>/.source, `<!-- ${1} </script>`].join("|");';

  test('escaped code means the same and cannot close its <script>', () => {
    const escaped = oneFile.escapeInlineScript(tricky);
    expect(escaped).not.toMatch(/<\/script|<!--/i);
    const run = (code: string) => {
      const sandbox: { window: { out?: string } } = { window: {} };
      runInNewContext(code, sandbox);
      return sandbox.window.out;
    };
    expect(run(escaped)).toBe(run(tricky));
    expect(run(tricky)).toContain('</script>');
  });

  test('drops every external script and puts the code after #root', () => {
    const html = '<!doctype html><html><head><script src=office/office.js></script><script defer src=taskpane.1.js></script></head><body><div id=root></div></body></html>';
    const page = oneFile.inlinePage(html, ['var a = 1;', tricky], ['/*! MIT -- x */', undefined]);
    expect(page).not.toMatch(/<script[^>]*src=/);
    expect(page.match(/<script>/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(page.indexOf('<div id=root>')).toBeLessThan(page.indexOf('<script>'));
    expect(page).toContain('<!--\n/*! MIT - - x */\n-->');
  });
});

describe('webpack.config.js', () => {
  interface Pattern { from: string; to: string; transform?: (input: Buffer) => string }
  interface Config { output: { publicPath: string }; plugins: { constructor: { name: string }; patterns?: Pattern[] }[] }
  const makeConfig = require(path.join(REPO_ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => Promise<Config>;
  const pattern = (config: Config, to: string) => config.plugins.find((p) => p.constructor.name === 'CopyPlugin')!.patterns!.find((p) => p.to === to)!;
  const plugins = (config: Config) => config.plugins.map((p) => p.constructor.name);

  test('without publicUrl the manifest is copied as it is; with it, rewritten for the address', async () => {
    const plain = await makeConfig({}, { mode: 'production' });
    expect(pattern(plain, 'manifest.xml').transform).toBeUndefined();
    const deployed = await makeConfig({ publicUrl: 'https://oa.example.gov.cn/xxgk', supportContact: '办公室' }, { mode: 'production' });
    const xml = pattern(deployed, 'manifest.xml').transform!(Buffer.from(DEV_XML));
    expect(xml).toBe(deploy.rewriteManifest(DEV_XML, { publicUrl: 'https://oa.example.gov.cn/xxgk/', version: VERSION }));
    expect(pattern(deployed, 'help.html').transform!(Buffer.from(HELP_TEMPLATE))).toContain('<p class="contact">办公室</p>');
    await expect(makeConfig({ publicUrl: 'http://oa.example.gov.cn/' }, { mode: 'production' })).rejects.toThrow(/https:\/\//);
  });

  test('the one-file page is part of the production build only; chunks load relative to the page', async () => {
    expect(plugins(await makeConfig({}, { mode: 'production' }))).toContain('OneFilePagePlugin');
    expect(plugins(await makeConfig({}, { mode: 'development' }))).not.toContain('OneFilePagePlugin');
    expect((await makeConfig({}, { mode: 'production' })).output.publicPath).toBe('');
  });
});
