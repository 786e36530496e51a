import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asciiFold, fileSlug } from './file-names.js';

test('file names keep their meaning without marks: Đ is D, đ is d', () => {
  assert.equal(asciiFold('Đặc sản đồng bào Mèo Vạc'), 'Dac san dong bao Meo Vac');
  assert.equal(fileSlug('001/PĐK-08-00769-2026'), '001-PDK-08-00769-2026');
  assert.equal(fileSlug('Phiên họp "đợt 1"\r\n/../x'), 'Phien-hop-dot-1-x');
  assert.equal(fileSlug('..'), '');
  assert.equal(fileSlug('Mật ong '.repeat(30), 20), 'Mat-ong-Mat-ong-Mat');
});
