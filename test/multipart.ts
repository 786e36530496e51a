// A multipart/form-data body with its parts in the order given, for tests that send fields after the file, two
// files, or a field twice (a browser's FormData keeps the order it was filled in). The body arrives as a stream, one
// part per chunk with a pause between them, as over a slow network: a server that stops reading after the file
// never sees what comes later (in one piece, the parser would have read everything before the handler looked).
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

export type Part = { name: string; value: string } | { name: string; filename: string; type: string; bytes: Buffer };

export function multipartBody(parts: Part[]): { payload: Readable; contentType: string } {
  const boundary = '----ocop' + Math.random().toString(16).slice(2);
  const chunks = parts.map((p) => ('value' in p
    ? Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`)
    : Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`), p.bytes, Buffer.from('\r\n')])));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  async function* slowly() {
    for (const [i, c] of chunks.entries()) {
      if (i) await sleep(30);
      yield c;
    }
  }
  return { payload: Readable.from(slowly(), { objectMode: false }), contentType: `multipart/form-data; boundary=${boundary}` };
}
