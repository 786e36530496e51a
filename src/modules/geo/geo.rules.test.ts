import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressLine, bareUnitName, placeName, unitInText } from './geo.rules.js';

test('a unit in running text carries its word once, in lower case', () => {
  assert.equal(unitInText('Tỉnh Tuyên Quang'), 'tỉnh Tuyên Quang');
  assert.equal(unitInText('Tuyên Quang', 'tỉnh'), 'tỉnh Tuyên Quang');
  assert.equal(unitInText('Tỉnh Tuyên Quang', 'tỉnh'), 'tỉnh Tuyên Quang');
  assert.equal(unitInText('Thành phố Hà Nội', 'tỉnh'), 'thành phố Hà Nội');
  assert.equal(unitInText('XÃ MÈO VẠC'), 'xã MÈO VẠC');
  assert.equal(unitInText('Đặc khu Phú Quốc'), 'đặc khu Phú Quốc');
  assert.equal(unitInText('  Xã   Mèo Vạc '), 'xã Mèo Vạc');
  // Decomposed input (NFD, as some keyboards send it) is the same name.
  assert.equal(unitInText('Tỉnh Tuyên Quang'.normalize('NFD')), 'tỉnh Tuyên Quang');
  assert.equal(bareUnitName('Phường Ba Đình'), 'Ba Đình');
});

test('the place of a date line is the bare name, except a unit named by a number', () => {
  assert.equal(placeName('Tỉnh Tuyên Quang'), 'Tuyên Quang');
  assert.equal(placeName('Xã Mèo Vạc'), 'Mèo Vạc');
  assert.equal(placeName('Thành phố Hồ Chí Minh'), 'Hồ Chí Minh');
  assert.equal(placeName('Phường 3'), 'Phường 3');
});

test('an address names its commune and province once', () => {
  assert.equal(addressLine('Thôn Tả Chải', 'Xã Mèo Vạc', 'Tỉnh Tuyên Quang'), 'Thôn Tả Chải, xã Mèo Vạc, tỉnh Tuyên Quang');
  assert.equal(addressLine('Thôn Tả Chải, Xã Mèo Vạc', 'Xã Mèo Vạc', 'Tỉnh Tuyên Quang'), 'Thôn Tả Chải, Xã Mèo Vạc, tỉnh Tuyên Quang');
  assert.equal(addressLine('Thôn 3, Mèo Vạc', 'Xã Mèo Vạc'), 'Thôn 3, Mèo Vạc');
  assert.equal(addressLine('thôn 3, xã Meo Vac, Tuyên Quang', 'Xã Mèo Vạc', 'Tỉnh Tuyên Quang'), 'thôn 3, xã Meo Vac, Tuyên Quang');
  // A ward named like its province is not the province.
  assert.equal(addressLine('Tổ 5, Phường Tuyên Quang', 'Phường Tuyên Quang', 'Tỉnh Tuyên Quang'), 'Tổ 5, Phường Tuyên Quang, tỉnh Tuyên Quang');
  assert.equal(addressLine('Tổ 5', 'Phường Tuyên Quang', 'Tỉnh Tuyên Quang'), 'Tổ 5, phường Tuyên Quang, tỉnh Tuyên Quang');
  assert.equal(addressLine('', 'Xã Mèo Vạc', null), 'xã Mèo Vạc');
  assert.equal(addressLine(null), '');
});
