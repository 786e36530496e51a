// Reading a PDF the server sent as a person would, and the checks every administrative document passes
// (Nghị định 30/2020/NĐ-CP): the embedded serif, dates in words, no doubled unit words, sex as a value, no clock
// times in date lines, and a file name that keeps its meaning without diacritics.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The text of a PDF (pdftotext, poppler-utils), lines kept in place unless `layout` is false (then in reading
 * order: a phrase the layout would split across columns stays whole). */
export function pdfText(bytes: Buffer, { layout = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), bytes);
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ASCII file name of a Content-Disposition, checked to be the same as its UTF-8 twin. */
export function fileNameOf(res: LightMyRequestResponse): string {
  const header = String(res.headers['content-disposition'] ?? '');
  const m = /^inline; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(header);
  assert.ok(m, `Content-Disposition: ${header}`);
  assert.equal(decodeURIComponent(m[2]), m[1], 'a file name without diacritics is the same in both forms');
  assert.match(m[1], /^[A-Za-z0-9._-]+$/, header);
  return m[1];
}

export type Expect = { motto: boolean; place: string };

/** Checks every PDF the system prints must pass; returns its text with runs of white space made one space. */
export function assertAdministrativePdf(res: LightMyRequestResponse, expect: Expect): { text: string; flat: string } {
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const raw = res.rawPayload;
  // The serif is embedded (subset name "ABCDEF+LiberationSerif-Bold"), and no sans font is.
  const fonts = [...raw.toString('latin1').matchAll(/\/BaseFont\s*\/([A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[2]);
  assert.ok(fonts.length > 0 && fonts.every((f) => /^(LiberationSerif|Tinos)/.test(f)), `fonts: ${fonts.join(', ')}`);
  const text = pdfText(raw);
  const flat = text.replace(/\s+/g, ' ');
  if (expect.motto) {
    // Each on one line of its own: wrapped, the line would break inside the phrase.
    assert.ok(text.split('\n').some((l) => l.includes(NATION)), 'the Quốc hiệu on one line');
    assert.ok(text.split('\n').some((l) => l.includes(MOTTO)), 'the Tiêu ngữ on one line');
  }
  assert.match(flat, new RegExp(`${expect.place}, ngày (0[1-9]|[12]\\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \\d{4}`), 'the place and date line in words');
  assert.doesNotMatch(flat, /(^|[^\p{L}])(tỉnh|xã|phường|thành phố)\s+(tỉnh|xã|phường|thành phố)\s/iu, 'no doubled unit word');
  assert.ok(!flat.includes('(Nam/nữ)'), 'sex printed as a value');
  assert.ok(!/Lập ngày|\b\d{1,2}:\d{2}\b/.test(flat), 'no clock time in a date');
  return { text, flat };
}
