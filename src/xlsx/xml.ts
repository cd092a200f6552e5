/**
 * A tiny XML scanner and escaper for SpreadsheetML. No DOMParser: the same code runs in Node
 * and in the task pane. It handles what Office, WPS and LibreOffice write (elements,
 * attributes, text, the five entities and character references, CDATA, comments, processing
 * instructions); a DOCTYPE is refused, so no entity can expand.
 */
import { isWhitespace } from '../core/chars';

export class XmlError extends Error {}

export interface XmlHandler {
  /**
   * Element names arrive without their namespace prefix (x:c → c). `attrs` reads the tag's
   * attributes on demand and is reused for the next tag: read what you need during the call.
   */
  open?(name: string, attrs: XmlAttrs, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    }
    const v = ENTITIES[e];
    if (v === undefined) throw new XmlError(`unknown entity ${m}`);
    return v;
  });
}

const localName = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** A character that may appear in an attribute name (anything but \s, =, / and >). */
const isNameChar = (c: number) => c !== 0x3d && c !== 0x2f && c !== 0x3e && !isWhitespace(c);

/** Where one attribute lies in the XML text (filled by nextAttr and reused: no allocation per attribute). */
interface AttrSpan {
  nameStart: number;
  nameEnd: number;
  /** The first ':' of the name, or -1. */
  colon: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * The next name="value" or name='value' of the tag text xml[p, to), leniently (what does not
 * fit that shape is skipped): fills `span` and returns the position after it, or -1.
 */
function nextAttr(xml: string, p: number, to: number, span: AttrSpan): number {
  while (p < to) {
    if (!isNameChar(xml.charCodeAt(p))) {
      p++;
      continue;
    }
    const nameStart = p;
    let colon = -1;
    while (p < to && isNameChar(xml.charCodeAt(p))) {
      if (colon < 0 && xml.charCodeAt(p) === 0x3a) colon = p;
      p++;
    }
    let q = p;
    while (q < to && isWhitespace(xml.charCodeAt(q))) q++;
    if (q >= to || xml.charCodeAt(q) !== 0x3d) continue;
    q++;
    while (q < to && isWhitespace(xml.charCodeAt(q))) q++;
    const quote = q < to ? xml.charCodeAt(q) : 0;
    if (quote !== 0x22 && quote !== 0x27) continue;
    const close = xml.indexOf(quote === 0x22 ? '"' : "'", q + 1);
    if (close < 0 || close >= to) continue;
    span.nameStart = nameStart;
    span.nameEnd = p;
    span.colon = colon;
    span.valueStart = q + 1;
    span.valueEnd = close;
    return close + 1;
  }
  return -1;
}

/** The attributes of the tag being reported to `open`. */
export interface XmlAttrs {
  /**
   * A value (entities decoded) by exact name — the last if repeated — else by local name:
   * get('id') finds r:id (the first prefixed one) when there is no plain id.
   */
  get(name: string): string | undefined;
  /** Every attribute, under its full name and (unless taken) its local name, as `get` answers. */
  all(): Record<string, string>;
}

/**
 * Reads attributes straight from the XML text when asked, instead of building an object per
 * tag: sheets have a tag per cell and the reader needs one or two attributes of each.
 */
class TagAttrs implements XmlAttrs {
  xml = '';
  from = 0;
  to = 0;
  private readonly span: AttrSpan = { nameStart: 0, nameEnd: 0, colon: -1, valueStart: 0, valueEnd: 0 };

  get(name: string): string | undefined {
    const { xml, span } = this;
    let exact = -1;
    let local = -1;
    let end = -1;
    for (let p = this.from; (p = nextAttr(xml, p, this.to, span)) >= 0; ) {
      if (span.nameEnd - span.nameStart === name.length && xml.startsWith(name, span.nameStart)) {
        exact = span.valueStart;
        end = span.valueEnd;
      } else if (exact < 0 && local < 0 && span.colon >= 0 && span.nameEnd - span.colon - 1 === name.length && xml.startsWith(name, span.colon + 1)) {
        local = span.valueStart;
        end = span.valueEnd;
      }
    }
    const start = exact >= 0 ? exact : local;
    return start < 0 ? undefined : decodeEntities(xml.slice(start, end));
  }

  all(): Record<string, string> {
    const { xml, span } = this;
    const attrs: Record<string, string> = {};
    for (let p = this.from; (p = nextAttr(xml, p, this.to, span)) >= 0; ) {
      const value = decodeEntities(xml.slice(span.valueStart, span.valueEnd));
      attrs[xml.slice(span.nameStart, span.nameEnd)] = value;
      if (span.colon >= 0) {
        const local = xml.slice(span.colon + 1, span.nameEnd);
        if (!Object.hasOwn(attrs, local)) attrs[local] = value;
      }
    }
    return attrs;
  }
}

export function scanXml(xml: string, h: XmlHandler): void {
  const attrs = new TagAttrs();
  attrs.xml = xml;
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
      const bodyEnd = selfClosing ? gt - 1 : gt;
      // The name runs to the first space; only its part after the first ':' is reported.
      let nameEnd = lt + 1;
      let colon = -1;
      for (; nameEnd < bodyEnd; nameEnd++) {
        const ch = xml.charCodeAt(nameEnd);
        if (isWhitespace(ch)) break;
        if (colon < 0 && ch === 0x3a) colon = nameEnd;
      }
      const name = xml.slice(colon < 0 ? lt + 1 : colon + 1, nameEnd);
      if (!name) throw new XmlError('empty tag name');
      if (h.open) {
        attrs.from = nameEnd;
        attrs.to = bodyEnd;
        h.open(name, attrs, selfClosing);
      }
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

// --- writing --------------------------------------------------------------------------------

/** Characters XML 1.0 cannot carry at all. */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content or a double-quoted attribute; invalid characters become U+FFFD. */
export function esc(s: string): string {
  return s
    .replace(INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/**
 * Cell text for SpreadsheetML: characters XML cannot carry are written as _xHHHH_ (the OOXML
 * escape), and a literal _xHHHH_ in the text is itself escaped, so every string round-trips.
 */
export function escCellText(s: string): string {
  const ooxml = s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return esc(ooxml);
}

/** Reverses the OOXML _xHHHH_ escape. */
export function unescCellText(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
