/**
 * The core must stay pure: its own tsconfig has no DOM, Office or Node types, so code that
 * reaches for them does not compile; and no core file imports React, Office or Node modules.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../support/paths';

const CORE = join(REPO_ROOT, 'src', 'core');

function coreFiles(dir = CORE): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? coreFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function compileWithCoreConfig(extra?: { name: string; text: string }) {
  const configPath = join(CORE, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, CORE);
  const files = extra ? [...parsed.fileNames, extra.name] : parsed.fileNames;
  const host = ts.createCompilerHost(parsed.options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (extra && f === extra.name ? extra.text : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => (extra && f === extra.name) || exists(f);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('pure core', () => {
  it('compiles with its own tsconfig', () => {
    expect(compileWithCoreConfig()).toEqual([]);
  }, 60000);

  it.each([
    ['the DOM', 'export const t = document.title;'],
    ['Office.js', 'export const r = Excel.run;'],
    ['Node', 'export const b = Buffer.from("x");'],
  ])('rejects code that uses %s', (_what, text) => {
    const errors = compileWithCoreConfig({ name: join(CORE, '__probe__.ts'), text });
    expect(errors.length).toBeGreaterThan(0);
  }, 60000);

  it('imports nothing from outside the core', () => {
    const bad: string[] = [];
    for (const file of coreFiles()) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2];
        const allowed = spec === 'zod' || spec.startsWith('zod/') || spec === 'fflate' ||
          (spec.startsWith('.') && !relative(CORE, join(file, '..', spec)).startsWith('..'));
        if (!allowed) bad.push(`${relative(REPO_ROOT, file)}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
