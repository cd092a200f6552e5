/**
 * The XML scanner as first written: short, regular-expression based and slow. Kept as the
 * oracle for src/xlsx/xml.ts, whose hand-written scanner must report exactly the same events.
 */
import { XmlError, decodeEntities } from '../../src/xlsx/xml';

/** The handler as it was: attributes as a plain object. */
export interface ReferenceHandler {
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const localName = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseAttrs(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(src); m; m = ATTR.exec(src)) {
    const value = decodeEntities(m[3] ?? m[4] ?? '');
    attrs[m[1]] = value;
    const local = localName(m[1]);
    if (!(local in attrs)) attrs[local] = value;
  }
  return attrs;
}

export function referenceScanXml(xml: string, h: ReferenceHandler): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (h.text && i < n) h.text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i && h.text) h.text(decodeEntities(xml.slice(i, lt)));
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('unterminated CDATA');
        if (h.text) h.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else throw new XmlError('DOCTYPE and declarations are not accepted');
      continue;
    }
    if (c === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      i = end + 2;
      continue;
    }
    const gt = findTagEnd(xml, lt + 1);
    if (gt < 0) throw new XmlError(gt === -2 ? 'malformed tag' : 'unterminated tag');
    if (c === 0x2f /* / */) {
      if (h.close) h.close(localName(xml.slice(lt + 2, gt).trim()));
    } else {
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const sp = body.search(/[\s]/);
      const name = localName(sp < 0 ? body : body.slice(0, sp));
      if (!name) throw new XmlError('empty tag name');
      if (h.open) h.open(name, sp < 0 ? {} : parseAttrs(body.slice(sp)), selfClosing);
      if (selfClosing && h.close) h.close(name);
    }
    i = gt + 1;
  }
}

/** The '>' ending a tag that starts at `from`, skipping quoted attribute values; -1 none, -2 malformed. */
function findTagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return j;
    else if (c === 0x3c) return -2; // '<' inside a tag: malformed
  }
  return -1;
}

