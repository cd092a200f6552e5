/** Node's native DEFLATE for the .xlsx reader and writer: in a batch of hundreds of workbooks it beats fflate's JS, which starts cold. */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DeflateRaw, InflateRaw } from '../xlsx/zip';

/** At most size + 1 bytes come out (maxOutputLength), as with fflate's fixed buffer: a lying entry shows as a size mismatch. */
export const nodeInflateRaw: InflateRaw = (data, size) => {
  try {
    return inflateRawSync(data, { maxOutputLength: size + 1 });
  } catch (e) {
    // zlib names output past the limit a "buffer too large"; the reader reports either as corrupt.
    throw new Error((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'inflated data is larger than declared' : (e as Error).message);
  }
};

/** Native DEFLATE for the .xlsx writer (the batch summary, `build`): level 6, as fflate's default. */
export const nodeDeflateRaw: DeflateRaw = (data) => deflateRawSync(data, { level: 6 });
