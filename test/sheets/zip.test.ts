/**
 * The zip container writer, with either DEFLATE encoder: what it writes unzips to the same
 * entries in fflate and in our reader, CRCs agree with zlib's (the gzip trailer), entries
 * that deflate cannot shrink are stored, and the same entries give the same bytes.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { strToU8, unzipSync } from 'fflate';
import { compileSheetPlan, sampleReport } from '../../src/core';
import { nodeDeflateRaw, nodeInflateRaw } from '../../src/node/zlib';
import { readXlsx, writeXlsx } from '../../src/xlsx';
import { crc32, fflateDeflateRaw, openZip, writeZip, type DeflateRaw } from '../../src/xlsx/zip';

const zlibCrc = (data: Uint8Array) => new DataView(gzipSync(data).buffer).getUint32(gzipSync(data).length - 8, true);

describe.each<[string, DeflateRaw]>([
  ['fflate', fflateDeflateRaw],
  ['node:zlib', nodeDeflateRaw],
])('writeZip with %s', (_name, deflateRaw) => {
  it('writes entries that fflate and our reader read back exactly, in order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_/]{0,20}\.xml$/), fc.uint8Array({ maxLength: 3000 })), { selector: ([n]) => n, minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (entries, repetitive) => {
          const files = entries.map(([n, d]) => [n, repetitive ? strToU8('<c r="A1"/>'.repeat(d.length)) : d] as const);
          const zip = writeZip(files, deflateRaw);
          expect(Object.entries(unzipSync(zip))).toEqual(files.map(([n, d]) => [n, d]));
          const reader = openZip(zip, undefined, nodeInflateRaw);
          expect(reader.names).toEqual(files.map(([n]) => n));
          for (const [n, d] of files) expect(reader.read(n)).toEqual(d);
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });

  it('stores an entry that deflate cannot shrink, and deflates one it can', () => {
    const noise = Uint8Array.from({ length: 200 }, (_, i) => (i * 7919) % 251);
    const zip = writeZip([['noise.bin', noise], ['text.xml', strToU8('a'.repeat(1000))]], deflateRaw);
    const view = new DataView(zip.buffer);
    expect(view.getUint16(8, true)).toBe(0); // first local header: stored
    const second = 30 + 'noise.bin'.length + noise.length;
    expect(view.getUint16(second + 8, true)).toBe(8); // deflated
    expect(view.getUint32(second + 18, true)).toBeLessThan(100);
  });

  it('gives the same bytes for the same workbook, readable as one', () => {
    const report = sampleReport();
    const plan = compileSheetPlan(report.format, { report });
    const a = writeXlsx(plan, { deflateRaw });
    expect(writeXlsx(plan, { deflateRaw })).toEqual(a);
    expect(Object.keys(unzipSync(a))[0]).toBe('[Content_Types].xml');
    expect(readXlsx(a).report).toEqual(readXlsx(writeXlsx(plan)).report);
  });
});

describe('crc32', () => {
  it('is the zip CRC-32 (check value of "123456789", and zlib’s on random data)', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), (d) => expect(crc32(d)).toBe(zlibCrc(d))), { seed: 6 });
  });

  it('refuses names that are not plain ASCII (the writer sets no UTF-8 flag)', () => {
    expect(() => writeZip([['表三.xml', new Uint8Array(1)]])).toThrow(/ASCII/);
  });
});
