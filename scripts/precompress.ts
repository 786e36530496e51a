// Precompresses the built web app: a .br and a .gz beside every text file (HTML, JS, CSS, SVG, JSON, the manifest,
// the icon), so the server sends them as they are (@fastify/static `preCompressed`) instead of compressing the same
// bytes on every request. Done once at build time, it affords the slowest, smallest settings (Brotli 11, gzip 9).
// A Vite plugin (vite.config.ts) runs it after every build, so `npm run prepare` and the browser tests' own builds
// (OCOP_WEB_DIST) both get the compressed copies; `tsx scripts/precompress.ts DIR` runs it by hand.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text types worth compressing; images, fonts in woff2, PDFs and archives are compressed already. */
const TEXT = /\.(html|js|mjs|css|svg|json|webmanifest|xml|txt|ico|map)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 256;

export type PrecompressResult = { files: number; bytes: number; brotliBytes: number; gzipBytes: number };

export async function precompress(dir: string): Promise<PrecompressResult> {
  const result: PrecompressResult = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const name of await readdir(dir, { recursive: true })) {
    const file = join(dir, name);
    if (!TEXT.test(name) || !(await stat(file)).isFile()) continue;
    const body = await readFile(file);
    if (body.length < MIN_BYTES) continue;
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    const gz = gzipSync(body, { level: 9 });
    // A copy that is not smaller is not written: the server then sends the file itself.
    if (br.length < body.length) await writeFile(`${file}.br`, br);
    if (gz.length < body.length) await writeFile(`${file}.gz`, gz);
    result.files++;
    result.bytes += body.length;
    result.brotliBytes += Math.min(br.length, body.length);
    result.gzipBytes += Math.min(gz.length, body.length);
  }
  return result;
}

/** The Vite plugin: precompresses the output folder once the bundle is written. */
export function precompressPlugin() {
  let outDir = '';
  return {
    name: 'ocop-precompress',
    apply: 'build' as const,
    configResolved(config: { root: string; build: { outDir: string } }) { outDir = resolve(config.root, config.build.outDir); },
    async closeBundle() {
      const r = await precompress(outDir);
      console.log(`precompressed ${r.files} files: ${kb(r.bytes)} → ${kb(r.brotliBytes)} brotli, ${kb(r.gzipBytes)} gzip`);
    },
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx scripts/precompress.ts DIR');
  console.log(await precompress(resolve(dir)));
}
