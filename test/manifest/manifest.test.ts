/**
 * The manifest, checked offline (the online validator of `npm run validate` cannot be reached
 * here): well-formed, elements in the order the schema demands, resource ids and URLs consistent,
 * icons present at their declared sizes.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { child, parseXml, walk, type XmlElement } from './xml';

const ROOT = path.resolve(__dirname, '..', '..');
const TEXT = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const manifest = parseXml(TEXT);
const ORIGIN = 'https://localhost:3000';

/** Children names must appear in this order (each may be absent or repeat). */
function expectOrder(el: XmlElement, order: string[]) {
  const names = el.children.map((c) => c.name);
  for (const n of names) expect(order).toContain(n);
  const positions = names.map((n) => order.indexOf(n));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function assetFile(url: string): string {
  expect(url.startsWith(`${ORIGIN}/assets/`)).toBe(true);
  return path.join(ROOT, url.slice(ORIGIN.length + 1));
}

const resources = child(child(manifest, 'VersionOverrides'), 'Resources');
const section = (name: string) => new Map(child(resources, name).children.map((c) => [c.attrs.id, c]));
const images = section('bt:Images');
const urls = section('bt:Urls');
const shortStrings = section('bt:ShortStrings');
const longStrings = section('bt:LongStrings');

test('is well-formed XML whose root is a task-pane OfficeApp', () => {
  expect(manifest.name).toBe('OfficeApp');
  expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
  expect(manifest.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
  expect(manifest.attrs['xmlns:bt']).toBe('http://schemas.microsoft.com/office/officeappbasictypes/1.0');
  expect(() => parseXml(TEXT.replace('</DisplayName>', ''))).toThrow();
  expect(() => parseXml(TEXT.replace('<Hosts>', '<Hosts a="1" a="2">'))).toThrow();
});

test('top-level elements follow the schema order', () => {
  expectOrder(manifest, [
    'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
    'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
    'AllowSnapshot', 'VersionOverrides',
  ]);
  for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'])
    expect(manifest.children.map((c) => c.name)).toContain(required);
});

test('nested elements follow the schema order', () => {
  const vo = child(manifest, 'VersionOverrides');
  expect(vo.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  expectOrder(vo, ['Description', 'Requirements', 'Hosts', 'Resources']);
  expectOrder(resources, ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
  const host = child(child(vo, 'Hosts'), 'Host');
  expect(host.attrs['xsi:type']).toBe('Workbook');
  const desktop = child(host, 'DesktopFormFactor');
  expectOrder(desktop, ['GetStarted', 'FunctionFile', 'ExtensionPoint']);
  expectOrder(child(desktop, 'GetStarted'), ['Title', 'Description', 'LearnMoreUrl']);
  const group = child(child(child(desktop, 'ExtensionPoint'), 'OfficeTab'), 'Group');
  expectOrder(group, ['Label', 'Icon', 'Control']);
  const control = child(group, 'Control');
  expectOrder(control, ['Label', 'Supertip', 'Icon', 'Action']);
  expectOrder(child(control, 'Action'), ['TaskpaneId', 'SourceLocation']);
  expectOrder(child(manifest, 'DisplayName'), ['Override']);
});

test('identity, locale and requirements', () => {
  expect(child(manifest, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(child(manifest, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(child(manifest, 'DefaultLocale').text).toBe('zh-CN');
  for (const name of ['DisplayName', 'Description']) {
    const el = child(manifest, name);
    expect(el.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
    expect(child(el, 'Override').attrs.Locale).toBe('en-US');
  }
  expect(child(manifest, 'DisplayName').attrs.DefaultValue.length).toBeLessThanOrEqual(125);
  expect(child(manifest, 'Description').attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  const sets = child(child(manifest, 'Requirements'), 'Sets');
  expect(sets.children.map((s) => s.attrs)).toEqual([{ Name: 'ExcelApi', MinVersion: '1.9' }]);
  expect(child(child(manifest, 'Hosts'), 'Host').attrs.Name).toBe('Workbook');
  expect(child(manifest, 'Permissions').text).toBe('ReadWriteDocument');
});

test('every resid points to a resource of the right kind, every resource is used, ids are unique', () => {
  const used = new Set<string>();
  for (const el of walk(child(child(manifest, 'VersionOverrides'), 'Hosts'))) {
    const id = el.attrs.resid;
    if (!id) continue;
    used.add(id);
    if (el.name === 'bt:Image') expect(images.has(id)).toBe(true);
    else if (['FunctionFile', 'SourceLocation', 'LearnMoreUrl'].includes(el.name)) expect(urls.has(id)).toBe(true);
    else if (['Label', 'Title'].includes(el.name)) expect(shortStrings.has(id)).toBe(true);
    else if (el.name === 'Description') expect(longStrings.has(id)).toBe(true);
    else throw new Error(`unexpected resid on <${el.name}>`);
  }
  const all = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
  expect(new Set(all).size).toBe(all.length);
  for (const id of all) expect(used.has(id)).toBe(true);
  const controlIds = [...walk(manifest)].filter((e) => e.attrs.id && !e.name.startsWith('bt:')).map((e) => e.attrs.id);
  expect(new Set(controlIds).size).toBe(controlIds.length);
});

test('strings have en-US overrides and fit their limits', () => {
  for (const [limit, strings] of [[125, shortStrings], [250, longStrings]] as const)
    for (const s of strings.values()) {
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(limit);
      const override = child(s, 'bt:Override');
      expect(override.attrs.Locale).toBe('en-US');
      expect(override.attrs.Value.length).toBeLessThanOrEqual(limit);
    }
});

test('every URL is on the one origin of AppDomains; the pane and function file are the built pages', () => {
  const domains = child(manifest, 'AppDomains').children.map((d) => d.text);
  expect(domains).toEqual([ORIGIN]);
  const allUrls = [...walk(manifest)].flatMap((e) => Object.values(e.attrs)).filter((v) => /^https?:/.test(v) && !v.includes('schemas.microsoft.com') && !v.includes('www.w3.org'));
  expect(allUrls.length).toBeGreaterThan(5);
  for (const u of allUrls) expect(u.startsWith(`${ORIGIN}/`)).toBe(true);
  expect(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
  expect(urls.get('Taskpane.Url')!.attrs.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
  expect(urls.get('Commands.Url')!.attrs.DefaultValue).toBe(`${ORIGIN}/commands.html`);
});

test('icons exist at their declared sizes, all five of them', () => {
  for (const size of [16, 32, 64, 80, 128]) expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  for (const el of walk(manifest)) {
    if (el.name !== 'bt:Image' || !el.attrs.size) continue;
    const url = images.get(el.attrs.resid)!.attrs.DefaultValue;
    const n = Number(el.attrs.size);
    expect(pngSize(assetFile(url))).toEqual({ width: n, height: n });
  }
  expect(pngSize(assetFile(child(manifest, 'IconUrl').attrs.DefaultValue))).toEqual({ width: 32, height: 32 });
  expect(pngSize(assetFile(child(manifest, 'HighResolutionIconUrl').attrs.DefaultValue))).toEqual({ width: 64, height: 64 });
});

test('office-addin-manifest reads it the same way', () => {
  // In a child Node process: the package loads ES modules that jest's CommonJS runtime cannot.
  const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1]).then((m) => process.stdout.write(JSON.stringify(m)))`;
  const info = JSON.parse(execFileSync(process.execPath, ['-e', script, path.join(ROOT, 'manifest.xml')], { cwd: ROOT, encoding: 'utf8' })) as unknown;
  expect(info).toMatchObject({
    id: child(manifest, 'Id').text,
    defaultLocale: 'zh-CN',
    displayName: '政府信息公开年报助手',
    officeAppType: 'TaskPaneApp',
    hosts: ['Workbook'],
  });
});

test('npm run validate runs the online validator on this file', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts.validate).toBe('office-addin-manifest validate manifest.xml');
  expect(existsSync(path.join(ROOT, 'manifest.xml'))).toBe(true);
});
