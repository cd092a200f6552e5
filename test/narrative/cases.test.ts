/**
 * Hand-written golden cases, one per error kind: `<name>.txt` (the narrative), `<name>.report.json`
 * (the tables), `<name>.expected.json` (every finding, with where it points in the text).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkNarrative, describeNarrativeFinding, parseReport, readClaims } from '../../src/core';

const DIR = join(__dirname, 'cases');
const NAMES = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -'.txt'.length)).sort();

interface Expected {
  rule: string;
  kind: string;
  cells?: string[];
  expected: number;
  found: number;
  /** The text at the finding's offset starts with this. */
  at: string;
  /** The Chinese message contains this. */
  message: string;
}

describe('narrative golden cases', () => {
  it('covers every error kind of the issue', () => {
    expect(NAMES).toEqual(expect.arrayContaining(['wrong-total', 'one-column', 'shares-off', 'litigation-one-group']));
  });

  it.each(NAMES)('%s', (name) => {
    const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
    const report = parseReport(JSON.parse(readFileSync(join(DIR, `${name}.report.json`), 'utf8')));
    const golden = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as {
      findings: Expected[];
      minClaims?: number;
      /** Exactly this many claims: a case of sentences that must not be read as counts. */
      claims?: number;
    };
    const expected = golden.findings;
    const findings = checkNarrative(report, text);
    // A case without findings must still have been read: its numbers were recognised.
    if (golden.minClaims) expect(readClaims(report, text).length).toBeGreaterThanOrEqual(golden.minClaims);
    if (golden.claims !== undefined) expect(readClaims(report, text).map((c) => text.slice(c.start, c.end))).toHaveLength(golden.claims);
    expect(findings.map((f) => `${f.rule}@${text.slice(f.offset ?? 0, (f.offset ?? 0) + 12)}`)).toEqual(
      expected.map((e) => expect.stringMatching(new RegExp(`^${e.rule}@${e.at.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')}`))),
    );
    findings.forEach((f, i) => {
      const e = expected[i];
      expect({ rule: f.rule, kind: f.kind, expected: f.expected, found: f.found }).toEqual({ rule: e.rule, kind: e.kind, expected: e.expected, found: e.found });
      if (e.cells) expect([...f.cells].sort()).toEqual([...e.cells].sort());
      expect(text).toContain(f.sentence);
      const message = describeNarrativeFinding(report, f);
      expect(message).toContain(e.message);
      expect(message).not.toMatch(/undefined|NaN|\[object/);
    });
  });
});
