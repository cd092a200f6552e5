/** Shared helpers of the importer tests: fixture discovery and issue matching. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportIssue } from '../../src/core';
import { FIXTURES } from '../support/paths';

export interface FixtureExpectation {
  format: '2021' | '2019' | 'mixed';
  year: number | null;
  agency: string | null;
  cells: Record<string, number | null>;
  raw: Record<string, string>;
  problems: { kind: string; cells: string[]; note?: string }[];
}

export interface Fixture {
  id: string;
  /** The text fed to the importer (published files: after their two header lines). */
  text: string;
  expected: FixtureExpectation;
}

/** Every fixture pair under shared/fixtures: published/NNN.txt and the seed. */
export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  const published = join(FIXTURES, 'published');
  for (const f of readdirSync(published).filter((n) => n.endsWith('.expected.json')).sort()) {
    const id = f.slice(0, -'.expected.json'.length);
    const full = readFileSync(join(published, `${id}.txt`), 'utf8');
    const text = full.split('\n').slice(2).join('\n');
    out.push({ id, text, expected: JSON.parse(readFileSync(join(published, f), 'utf8')) });
  }
  const seed = join(FIXTURES, 'seed-2022');
  if (existsSync(join(seed, 'report.txt')))
    out.push({ id: 'seed-2022', text: readFileSync(join(seed, 'report.txt'), 'utf8'), expected: JSON.parse(readFileSync(join(seed, 'expected.json'), 'utf8')) });
  return out;
}

/** True when issues of `code` together name every cell of `cells` (an empty list: any issue of the code). */
export function covered(issues: readonly ImportIssue[], code: string, cells: readonly string[]): string[] {
  const named = new Set(issues.filter((i) => i.code === code).flatMap((i) => i.cells));
  if (cells.length === 0) return issues.some((i) => i.code === code) ? [] : [`(${code})`];
  return cells.filter((c) => !named.has(c));
}
