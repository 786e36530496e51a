// The file store: uploaded bytes in a local folder, addressed by their SHA-256, type decided by content.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from './errors.js';

export const ALLOWED_TYPES = {
  image: ['image/jpeg', 'image/png', 'image/webp'],
  document: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
} as const;

export class FileStore {
  constructor(private root: string) {}

  private pathOf(sha256: string) {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Checks the bytes (not the name or the declared type) and stores them once. */
  async put(bytes: Buffer, allowed: readonly string[]): Promise<{ sha256: string; mimeType: string; sizeBytes: number }> {
    const detected = await fileTypeFromBuffer(bytes);
    if (!detected || !allowed.includes(detected.mime)) {
      throw new AppError('unsupported', 'file_type_not_allowed', {
        vi: `Loại tệp không được chấp nhận; chỉ nhận: ${allowed.join(', ')}`,
        en: `File type not accepted; allowed: ${allowed.join(', ')}`,
      }, { field: 'file', detected: detected?.mime ?? null });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    if (!existsSync(path)) {
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, path); // atomic: a reader never sees half a file
    }
    return { sha256, mimeType: detected.mime, sizeBytes: bytes.length };
  }

  get(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }
}
