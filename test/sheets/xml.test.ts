/**
 * The reader's XML scanner against the simple regular-expression scanner it replaced (the
 * oracle in xml-reference.ts): on real workbook parts and on random tag soup, both report the
 * same events in the same order, or both refuse the input with the same error.
 */
import fc from 'fast-check';
import { compileSheetPlan, sampleReport } from '../../src/core';
import { unzipSync, strFromU8 } from 'fflate';
import { writeXlsx } from '../../src/xlsx';
import { scanXml, type XmlHandler } from '../../src/xlsx/xml';
import { referenceScanXml } from './xml-reference';

type Event = ['open', string, Record<string, string>, boolean] | ['close', string] | ['text', string] | ['error', string];

/** The events of scanXml; each tag's attributes as all() gives them, checked against get() for every name. */
function events(scan: typeof scanXml | typeof referenceScanXml, xml: string): Event[] {
  const out: Event[] = [];
  const push = (name: string, attrs: Record<string, string>, selfClosing: boolean) => out.push(['open', name, attrs, selfClosing]);
  const h: XmlHandler = {
    open: (name, attrs, selfClosing) => {
      const all = attrs.all();
      for (const [k, v] of Object.entries(all)) if (attrs.get(k) !== v) throw new Error(`get('${k}') = ${attrs.get(k)}, all() has ${v}`);
      push(name, all, selfClosing);
    },
    close: (name) => out.push(['close', name]),
    text: (t) => out.push(['text', t]),
  };
  try {
    if (scan === scanXml) scanXml(xml, h);
    else referenceScanXml(xml, { ...h, open: (name, attrs, selfClosing) => push(name, { ...attrs }, selfClosing) });
  } catch (e) {
    out.push(['error', (e as Error).message]);
  }
  return out;
}

describe('scanXml', () => {
  it('reports elements, prefixed and local attribute names, entities, CDATA and self-closing tags', () => {
    const xml = `<?xml version="1.0"?><x:row r="3" x:spans = '1:7'><c r="A3" t="s"><v>12</v></c><!-- note --><c r="B3"/><is><t xml:space="preserve"> a&amp;b&#x4E00; </t></is><![CDATA[<raw>]]></x:row>`;
    expect(events(scanXml, xml)).toEqual([
      ['open', 'row', { r: '3', 'x:spans': '1:7', spans: '1:7' }, false],
      ['open', 'c', { r: 'A3', t: 's' }, false],
      ['open', 'v', {}, false],
      ['text', '12'],
      ['close', 'v'],
      ['close', 'c'],
      ['open', 'c', { r: 'B3' }, true],
      ['close', 'c'],
      ['open', 'is', {}, false],
      ['open', 't', { 'xml:space': 'preserve', space: 'preserve' }, false],
      ['text', ' a&b一 '],
      ['close', 't'],
      ['close', 'is'],
      ['text', '<raw>'],
      ['close', 'row'],
    ]);
    // A local name already given keeps its own value; get() agrees, and finds a prefixed name by its local part.
    expect(events(scanXml, '<c t="n" x:t="s"/>')[0]).toEqual(['open', 'c', { t: 'n', 'x:t': 's' }, true]);
    const got: (string | undefined)[] = [];
    scanXml('<c x:t="s" t="n" r:id="rId1" y:id="rId2" a="&lt;1&gt;" a="2"/>', {
      open: (_n, a) => got.push(a.get('t'), a.get('x:t'), a.get('id'), a.get('a'), a.get('r'), a.get('missing')),
    });
    expect(got).toEqual(['n', 's', 'rId1', '2', undefined, undefined]);
  });

  it('refuses a DOCTYPE, unknown entities and tags that never end', () => {
    expect(events(scanXml, '<!DOCTYPE x [<!ENTITY a "b">]><x/>').pop()).toEqual(['error', 'DOCTYPE and declarations are not accepted']);
    expect(events(scanXml, '<x a="&bogus;"/>').pop()).toEqual(['error', 'unknown entity &bogus;']);
    expect(events(scanXml, '<x a="1"').pop()).toEqual(['error', 'unterminated tag']);
    expect(events(scanXml, '<x <y>').pop()).toEqual(['error', 'malformed tag']);
  });

  it('agrees with the reference scanner on every part of a written workbook', () => {
    const report = sampleReport();
    const files = unzipSync(writeXlsx(compileSheetPlan(report.format, { report })));
    const parts = Object.keys(files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    expect(parts.length).toBeGreaterThan(8);
    for (const name of parts) {
      const xml = strFromU8(files[name]);
      expect({ name, events: events(scanXml, xml) }).toEqual({ name, events: events(referenceScanXml, xml) });
    }
  });

  it('agrees with the reference scanner on random tag soup, well-formed or not', () => {
    // Pieces that exercise names, prefixes, spaces (including Unicode ones), quotes, entities and broken tags.
    const piece = fc.constantFrom(
      '<', '>', '/', '/>', '</', '=', '"', "'", ' ', '\t', '\n', '\u3000', '\u00a0', ':', 'x', 'c', 'r', 'a:b', 'x:c',
      '&amp;', '&lt;', '&#65;', '&#x4E00;', '&zz;', '&', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '<!X',
      'r="A1"', "t='s'", ' b="0"', ' a:b="2"', 'a = "1"', 'k="v', '一', '"x"', '<c r="B2" t="n">', '<v>', '</v>', '</c>', '<row>', '</row>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const xml = pieces.join('');
        expect(events(scanXml, xml)).toEqual(events(referenceScanXml, xml));
      }),
      { numRuns: 20_000, seed: 7 },
    );
  });
});
