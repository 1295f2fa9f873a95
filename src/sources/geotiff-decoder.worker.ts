/**
 * The GeoTIFF block decoder as a module worker (issue #13): DEFLATE, LZW, JPEG, … blocks are
 * decompressed here, off the page's main thread, so a large block never freezes the page.
 *
 * geotiff.js ships a decoder worker too, but starts it from a `blob:` URL, which a strict
 * Content-Security-Policy (`worker-src 'self'`) refuses; this file is served from the page's own
 * origin. It speaks geotiff's pool protocol: `{ compression, decoderParameters, buffer, jobId }`
 * in, `{ decoded, jobId }` or `{ error, jobId }` out.
 */
import { getDecoder } from 'geotiff';

interface Job {
  compression: number;
  decoderParameters: Parameters<typeof getDecoder>[1];
  buffer: ArrayBuffer;
  [extra: string]: unknown;
}

const scope = globalThis as unknown as {
  addEventListener(type: 'message', fn: (e: MessageEvent<Job>) => void): void;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

scope.addEventListener('message', (e) => {
  const { compression, decoderParameters, buffer, ...extra } = e.data;
  void (async () => {
    try {
      const decoder = await getDecoder(compression, decoderParameters);
      const decoded = await decoder.decode(buffer);
      scope.postMessage({ decoded, ...extra }, [decoded]);
    } catch (error) {
      scope.postMessage({
        error: error instanceof Error ? error.message : String(error),
        ...extra,
      });
    }
  })();
});
