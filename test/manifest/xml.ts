/**
 * A strict little XML reader for the manifest test: elements, attributes, text, comments and
 * the declaration. Throws on anything malformed (unclosed or mismatched tags, bad attributes,
 * stray '<' or '&'), which is what "well-formed" means for this file.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

function unescape(s: string, where: number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos|[^;]*);?/g, (m, e: string) => {
    if (!m.endsWith(';')) throw new Error(`bad entity at ${where}`);
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    const map: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (!(e in map)) throw new Error(`unknown entity &${e}; at ${where}`);
    return map[e];
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  if (xml.startsWith('\uFEFF')) i = 1;
  const skipMisc = () => {
    for (;;) {
      while (/\s/.test(xml[i] ?? '')) i++;
      if (xml.startsWith('<?', i)) {
        const end = xml.indexOf('?>', i);
        if (end < 0) throw new Error('unclosed processing instruction');
        i = end + 2;
      } else if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i);
        if (end < 0) throw new Error('unclosed comment');
        i = end + 3;
      } else return;
    }
  };
  skipMisc();
  while (i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('</', i)) {
      const m = NAME.exec(xml.slice(i + 2));
      if (!m) throw new Error(`bad end tag at ${i}`);
      const open = stack.pop();
      if (!open || open.name !== m[0]) throw new Error(`mismatched </${m[0]}> at ${i} (open: ${open?.name})`);
      i += 2 + m[0].length;
      while (/\s/.test(xml[i])) i++;
      if (xml[i] !== '>') throw new Error(`bad end tag at ${i}`);
      i++;
      if (!stack.length) {
        skipMisc();
        if (i < xml.length) throw new Error(`content after the root element at ${i}`);
      }
      continue;
    }
    if (xml[i] === '<') {
      const m = NAME.exec(xml.slice(i + 1));
      if (!m) throw new Error(`bad tag at ${i}`);
      const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '' };
      i += 1 + m[0].length;
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(i))![0];
        i += ws.length;
        if (xml.startsWith('/>', i) || xml[i] === '>') break;
        if (!ws) throw new Error(`attributes need spaces between them at ${i}`);
        const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(i));
        if (!a) throw new Error(`bad attribute at ${i}`);
        if (a[1] in el.attrs) throw new Error(`duplicate attribute ${a[1]} at ${i}`);
        el.attrs[a[1]] = unescape(a[3] ?? a[4], i);
        i += a[0].length;
      }
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) throw new Error('two root elements');
      else root = el;
      if (xml.startsWith('/>', i)) {
        i += 2;
        if (!stack.length) {
          skipMisc();
          if (i < xml.length) throw new Error('content after the root element');
        }
      } else {
        i++;
        stack.push(el);
      }
      continue;
    }
    const next = xml.indexOf('<', i);
    const text = xml.slice(i, next < 0 ? xml.length : next);
    if (!stack.length) throw new Error(`text outside the root element at ${i}`);
    stack[stack.length - 1].text += unescape(text, i);
    i = next < 0 ? xml.length : next;
  }
  if (stack.length || !root) throw new Error(`unclosed <${stack[stack.length - 1]?.name ?? 'root'}>`);
  return root;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

export function child(el: XmlElement, name: string): XmlElement {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}
