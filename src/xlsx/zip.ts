/**
 * Zip containers for .xlsx files. Reading: entries within fixed bounds — sizes come from the
 * central directory and are checked before anything is inflated; inflating writes into a
 * buffer of the declared size + 1, so an entry that lies about its size cannot grow past it.
 * Writing: a plain zip (no zip64, ASCII names, fixed timestamp). The DEFLATE codec is a
 * parameter both ways: fflate's JS in the task pane, node:zlib's native one in the CLI.
 */
import { deflateSync, inflateSync, strFromU8 } from 'fflate';

export const ZIP_LIMITS = {
  /** Entries in the central directory. */
  maxEntries: 5000,
  /** Uncompressed size of one entry we read. */
  maxEntryBytes: 32 * 1024 * 1024,
  /** Uncompressed bytes read from one file in total. */
  maxTotalBytes: 64 * 1024 * 1024,
  /** Uncompressed / compressed; deflate cannot exceed ~1032, bombs sit near it. */
  maxRatio: 400,
};

export type ZipProblem =
  | { kind: 'not-zip'; detail: string }
  | { kind: 'encrypted' }
  | { kind: 'corrupt'; detail: string }
  | { kind: 'too-large'; what: string; limit: string };

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.kind === 'too-large' ? `${problem.what} > ${problem.limit}` : 'detail' in problem ? problem.detail : problem.kind);
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipReader {
  names: string[];
  has(name: string): boolean;
  /** The entry's bytes, or null when absent. */
  read(name: string): Uint8Array | null;
  readText(name: string): string | null;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/**
 * Decodes raw DEFLATE data whose inflated size the zip directory declares; writes at most
 * size + 1 bytes (so a lying entry shows as a size mismatch) and throws on corrupt data.
 */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

/** fflate's decoder: pure JS, runs in the task pane. Node passes zlib's native one (src/node/zlib.ts). */
export const fflateInflateRaw: InflateRaw = (data, size) => inflateSync(data, { out: new Uint8Array(size + 1) });

export function openZip(bytes: Uint8Array, limits = ZIP_LIMITS, inflateRaw: InflateRaw = fflateInflateRaw): ZipReader {
  if (bytes.length >= 8 && u32(bytes, 0) === 0xe011cfd0 && u32(bytes, 4) === 0xe11ab1a1)
    throw new ZipError({ kind: 'encrypted' }); // an OLE container: an encrypted .xlsx or an old .xls
  if (bytes.length < 22 || u32(bytes, 0) !== 0x04034b50) throw new ZipError({ kind: 'not-zip', detail: '文件开头没有压缩包标志' });
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new ZipError({ kind: 'corrupt', detail: '缺少压缩包目录结尾' });
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError({ kind: 'too-large', what: '超大压缩包格式', limit: '普通压缩包格式' });
  if (count > limits.maxEntries) throw new ZipError({ kind: 'too-large', what: `${count} 个文件`, limit: `${limits.maxEntries} 个` });
  if (cdOffset + cdSize > bytes.length) throw new ZipError({ kind: 'corrupt', detail: '压缩包目录超出文件范围' });

  const entries = new Map<string, Entry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError({ kind: 'corrupt', detail: '压缩包目录项损坏' });
    const flags = u16(bytes, p + 8);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    if (p + 46 + nameLen > bytes.length) throw new ZipError({ kind: 'corrupt', detail: '压缩包内文件名超出范围' });
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = strFromU8(rawName, !(flags & 0x800)).replace(/\\/g, '/').replace(/^\//, '');
    entries.set(name, {
      name, flags, method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20), size: u32(bytes, p + 24), localOffset: u32(bytes, p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }

  let total = 0;
  const read = (wanted: string): Uint8Array | null => {
    const e = entries.get(wanted) ?? [...entries.values()].find((x) => x.name.toLowerCase() === wanted.toLowerCase());
    if (!e) return null;
    if (e.flags & 1) throw new ZipError({ kind: 'encrypted' });
    if (e.size > limits.maxEntryBytes)
      throw new ZipError({ kind: 'too-large', what: `${e.name}（${e.size} 字节）`, limit: `${limits.maxEntryBytes} 字节` });
    if (total + e.size > limits.maxTotalBytes)
      throw new ZipError({ kind: 'too-large', what: `共 ${total + e.size} 字节`, limit: `${limits.maxTotalBytes} 字节` });
    if (e.size > 1024 * 1024 && e.size > e.compressedSize * limits.maxRatio)
      throw new ZipError({ kind: 'too-large', what: `${e.name} 压缩比 ${Math.round(e.size / Math.max(1, e.compressedSize))}`, limit: `${limits.maxRatio}` });
    const lo = e.localOffset;
    if (lo + 30 > bytes.length || u32(bytes, lo) !== 0x04034b50) throw new ZipError({ kind: 'corrupt', detail: `${e.name} 的文件头损坏` });
    const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
    const end = start + e.compressedSize;
    if (end > bytes.length) throw new ZipError({ kind: 'corrupt', detail: `${e.name} 不完整（文件被截断）` });
    const data = bytes.subarray(start, end);
    total += e.size;
    let out: Uint8Array;
    if (e.method === 0) out = data.slice();
    else if (e.method === 8) {
      try {
        out = inflateRaw(data, e.size);
      } catch {
        throw new ZipError({ kind: 'corrupt', detail: `${e.name} 解压失败` });
      }
    } else throw new ZipError({ kind: 'corrupt', detail: `${e.name} 使用了不支持的压缩方式（${e.method}）` });
    if (out.length !== e.size) throw new ZipError({ kind: 'corrupt', detail: `${e.name} 的大小与目录记载不符` });
    return out;
  };
  return {
    names: [...entries.keys()],
    has: (n) => entries.has(n) || [...entries.keys()].some((k) => k.toLowerCase() === n.toLowerCase()),
    read,
    readText(n) {
      const b = read(n);
      if (!b) return null;
      // UTF-8 (a BOM is dropped); OOXML parts are UTF-8 or UTF-16 by their declaration.
      if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return utf16(b);
      const s = strFromU8(b);
      return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
    },
  };
}

function utf16(b: Uint8Array): string {
  const le = b[0] === 0xff;
  let s = '';
  for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode(le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
  return s;
}

// --- writing --------------------------------------------------------------------------------

/** Compresses to raw DEFLATE (no zlib header). */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;

export const fflateDeflateRaw: DeflateRaw = (data) => deflateSync(data, { level: 6 });

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A zip of the given entries in order, each deflated (or stored when deflating does not
 * shrink it), all stamped 2020-01-01 00:00 so the same entries give the same bytes.
 */
export function writeZip(entries: readonly (readonly [name: string, data: Uint8Array])[], deflateRaw: DeflateRaw = fflateDeflateRaw): Uint8Array {
  const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    if (!/^[\x20-\x7e]+$/.test(name)) throw new Error(`zip: entry names are ASCII, not 「${name}」`);
    const packed = deflateRaw(data);
    const stored = packed.length >= data.length;
    const body = stored ? data : packed;
    const fields = { method: stored ? 0 : 8, crc: crc32(data), compressed: body.length, size: data.length };
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    headerFields(lv, 4, fields, DOS_DATE, name.length);
    for (let i = 0; i < name.length; i++) local[30 + i] = name.charCodeAt(i);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true); // made by: MS-DOS / zip 2.0
    headerFields(dv, 6, fields, DOS_DATE, name.length);
    dv.setUint32(42, offset, true); // comment, disk, attributes stay 0
    for (let i = 0; i < name.length; i++) dir[46 + i] = name.charCodeAt(i);
    parts.push(local, body);
    central.push(dir);
    offset += local.length + body.length;
  }
  const dirSize = central.reduce((n, d) => n + d.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + dirSize + 22);
  let p = 0;
  for (const b of [...parts, ...central, end]) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}

/** The fields local and central headers share, from "version needed" to "extra length". */
function headerFields(v: DataView, at: number, f: { method: number; crc: number; compressed: number; size: number }, dosDate: number, nameLength: number) {
  v.setUint16(at, 20, true); // version needed: 2.0 (deflate)
  v.setUint16(at + 2, 0, true); // flags: none (ASCII names, sizes known up front)
  v.setUint16(at + 4, f.method, true);
  v.setUint16(at + 6, 0, true); // time 00:00
  v.setUint16(at + 8, dosDate, true);
  v.setUint32(at + 10, f.crc, true);
  v.setUint32(at + 14, f.compressed, true);
  v.setUint32(at + 18, f.size, true);
  v.setUint16(at + 22, nameLength, true);
  v.setUint16(at + 24, 0, true); // extra length
}
