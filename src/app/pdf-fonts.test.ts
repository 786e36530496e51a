import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { hasGlyph, pdfFonts } from './pdf-fonts.js';

test('the PDFs embed a Times New Roman–metric serif that holds the Vietnamese letters', () => {
  const f = pdfFonts();
  assert.match(f.family, /^(Liberation Serif|Tinos)$/);
  for (const file of [f.regular, f.bold, f.italic, f.boldItalic]) assert.equal(hasGlyph(file, 0x1ed9), true, `${file} has ộ`);
});

test('no such font: a clear error naming the packages; a file that is not a font holds no glyph', () => {
  assert.throws(() => pdfFonts(['/nonexistent']), /fonts-liberation2.*fonts-croscore/);
  assert.equal(hasGlyph(fileURLToPath(import.meta.url), 0x41), false);
  assert.equal(hasGlyph('/nonexistent/font.ttf', 0x41), false);
});
