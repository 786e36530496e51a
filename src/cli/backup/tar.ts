// A minimal streaming tar (POSIX ustar) writer and reader, gzip-compressed: regular files only, which is all a backup
// holds. Streaming both ways, so a file store larger than memory goes through; names are checked on the way in.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

const BLOCK = 512;
/** Names a backup holds: `manifest.json`, `database/…`, `files/ab/<sha256>`; nothing that could leave the folder. */
const SAFE_NAME = /^(?!.*\.\.)[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

export type TarSource = { name: string; size: number; body: () => AsyncIterable<Buffer> | Iterable<Buffer> };

function header(name: string, size: number): Buffer {
  if (!SAFE_NAME.test(name) || Buffer.byteLength(name) > 99) throw new Error(`tar: unsupported entry name ${name}`);
  const h = Buffer.alloc(BLOCK, 0);
  const field = (value: string, offset: number, length: number) => h.write(value, offset, length, 'ascii');
  field(name, 0, 100);
  field('0000644\0', 100, 8);
  field('0000000\0', 108, 8);
  field('0000000\0', 116, 8);
  field(`${size.toString(8).padStart(11, '0')}\0`, 124, 12);
  field(`${Math.floor(Date.now() / 1000).toString(8).padStart(11, '0')}\0`, 136, 12);
  field('        ', 148, 8);
  field('0', 156, 1);
  field('ustar\0', 257, 6);
  field('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  field(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return h;
}

/** Writes the entries, in order, as a .tar.gz at `path`; the size of each body must be what it said. */
export async function writeTarGz(path: string, entries: AsyncIterable<TarSource> | Iterable<TarSource>): Promise<void> {
  async function* blocks() {
    for await (const e of entries) {
      yield header(e.name, e.size);
      let written = 0;
      for await (const chunk of e.body()) { written += chunk.length; yield chunk; }
      if (written !== e.size) throw new Error(`tar: ${e.name} changed while being archived (${written} bytes, expected ${e.size})`);
      if (e.size % BLOCK) yield Buffer.alloc(BLOCK - (e.size % BLOCK));
    }
    yield Buffer.alloc(BLOCK * 2); // end of archive
  }
  await pipeline(Readable.from(blocks()), createGzip(), createWriteStream(path));
}

export const fileBody = (path: string) => () => createReadStream(path) as AsyncIterable<Buffer>;

/**
 * Extracts a .tar.gz into `dir` (which the caller made and owns), entry by entry, calling `seen` with each name and
 * size. Refuses what a backup never holds: links, devices, absolute or `..` names, a bad header checksum, a
 * truncated archive.
 */
export async function extractTarGz(path: string, dir: string, seen: (name: string, size: number) => void): Promise<void> {
  let buf: Buffer = Buffer.alloc(0);
  let current: { out: Writable; left: number; pad: number } | undefined;
  let ended = false;
  const source = createReadStream(path).pipe(createGunzip());
  for await (const chunk of source as AsyncIterable<Buffer>) {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    while (!ended) {
      if (current) {
        if (current.left > 0) {
          if (!buf.length) break;
          const part = buf.subarray(0, Math.min(current.left, buf.length));
          buf = buf.subarray(part.length);
          current.left -= part.length;
          if (!current.out.write(part)) await once(current.out, 'drain');
          continue;
        }
        if (buf.length < current.pad) break;
        buf = buf.subarray(current.pad);
        current.out.end();
        await once(current.out, 'close');
        current = undefined;
        continue;
      }
      if (buf.length < BLOCK) break;
      const h = buf.subarray(0, BLOCK);
      buf = buf.subarray(BLOCK);
      if (h.every((b) => b === 0)) { ended = true; break; }
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
      if (parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8) !== sum) throw new Error('tar: damaged archive (header checksum)');
      const name = h.toString('ascii', 0, 100).replace(/\0.*$/s, '');
      const type = String.fromCharCode(h[156] || 48);
      if (type !== '0' || !SAFE_NAME.test(name)) throw new Error(`tar: unexpected entry ${JSON.stringify(name)} (type ${type})`);
      const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim(), 8);
      if (!Number.isSafeInteger(size) || size < 0) throw new Error(`tar: bad size for ${name}`);
      seen(name, size);
      const target = join(dir, name);
      await mkdir(dirname(target), { recursive: true });
      const out = createWriteStream(target, { flags: 'wx' }); // a name twice is refused, never overwritten
      await once(out, 'open');
      current = { out, left: size, pad: size % BLOCK ? BLOCK - (size % BLOCK) : 0 };
    }
  }
  if (current) { current.out.destroy(); throw new Error('tar: the archive ends in the middle of a file (truncated)'); }
  if (!ended) throw new Error('tar: the archive has no end marker (truncated)');
}
