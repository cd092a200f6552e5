/** The web build serves what the manifest points to, and carries office.js for Excel offline. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

interface Plugin {
  constructor: { name: string };
  userOptions?: { filename: string; template: string };
  patterns?: { from: string; to: string; globOptions?: { ignore: string[] } }[];
}
interface Config {
  entry: Record<string, string>;
  output: { path: string };
  plugins: Plugin[];
  devServer: { port: number };
  devtool: string | false;
}

const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => Promise<Config>;

const copyPatterns = (config: Config) => config.plugins.find((p) => p.constructor.name === 'CopyPlugin')!.patterns!;

test('entries, pages, copied files and dev server match the manifest', async () => {
  const config = await makeConfig({}, { mode: 'production' });
  expect(config.entry).toEqual({ taskpane: './src/taskpane/index.tsx', commands: './src/commands/commands.ts' });
  for (const entry of Object.values(config.entry)) expect(existsSync(path.join(ROOT, entry))).toBe(true);
  expect(config.output.path).toBe(path.join(ROOT, 'dist'));
  const pages = config.plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin').map((p) => p.userOptions!);
  expect(pages.map((p) => p.filename).sort()).toEqual(['commands.html', 'taskpane.html']);
  for (const p of pages) expect(existsSync(path.join(ROOT, p.template))).toBe(true);
  expect(copyPatterns(config).map((p) => p.to)).toEqual(expect.arrayContaining(['assets', 'manifest.xml', 'office']));
  expect(config.devServer.port).toBe(3000);
  expect(config.devtool).toBe(false);
});

test('the office.js copy keeps the loader, the Excel host scripts and the locales, and skips the rest', async () => {
  const office = copyPatterns(await makeConfig({}, { mode: 'production' })).find((p) => p.to === 'office')!;
  // The same matcher family as copy-webpack-plugin's globbing (a dependency of it, untyped).
  const picomatch = require('picomatch') as (globs: string[], options?: object) => (file: string) => boolean;
  const skipped = picomatch(office.globOptions!.ignore, { dot: true });
  for (const kept of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js'])
    expect(skipped(kept)).toBe(false);
  for (const dropped of ['office.debug.js', 'excel-win32-16.01.debug.js', 'word-win32-16.01.js', 'outlook-web-16.01.js', 'zh-cn/outlook_strings.js'])
    expect(skipped(dropped)).toBe(true);
  expect(readdirSync(office.from)).toEqual(expect.arrayContaining(['office.js', 'excel-win32-16.01.js', 'zh-cn', 'en-us']));
});
