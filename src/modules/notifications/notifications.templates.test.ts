// The pure parts of the notification centre: reading back the .eml files nodemailer writes, the notices' links and
// languages, the page cursor, and the default channels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import nodemailer from 'nodemailer';
import { NOTIFICATION_KINDS } from './notifications.contract.js';
import { decodeWords, parseEml } from './notifications.eml.js';
import { decodeCursor, encodeCursor, presentPreferences } from './notifications.present.js';
import { dmy, noticeMail, notices } from './notifications.templates.js';

const build = async (subject: string, text: string) => {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await t.sendMail({ from: 'OCOP <no-reply@ocop.local>', to: 'sung.thi.my@example.vn', subject, text });
  return (info.message as Buffer).toString('latin1');
};

test('an .eml written by nodemailer reads back: Vietnamese subject and text, long lines, the date', async () => {
  const long = `Đường dẫn: https://ocop.example.vn/dat-lai-mat-khau#token=${'x'.repeat(120)} — hết hạn lúc 23:59`;
  const raw = await build('Đặt lại mật khẩu OCOP / Reset your OCOP password', `Xin chào Sùng Thị Mỷ,\n\n${long}\n`);
  const m = parseEml(raw);
  assert.equal(m.to, 'sung.thi.my@example.vn');
  assert.equal(m.subject, 'Đặt lại mật khẩu OCOP / Reset your OCOP password');
  assert.equal(m.text, `Xin chào Sùng Thị Mỷ,\n\n${long}`);
  assert.ok(Math.abs(Date.parse(m.date) - Date.now()) < 60_000);
  const ascii = parseEml(await build('Plain subject', 'Plain text only'));
  assert.deepEqual([ascii.subject, ascii.text], ['Plain subject', 'Plain text only']);
});

test('encoded words in Q and B, split over lines; a broken file gives empty fields, never a throw', () => {
  assert.equal(decodeWords('=?UTF-8?Q?M=E1=BA=ADt_ong?= =?UTF-8?B?IGLhuqFjIGjDoA==?='), 'Mật ong bạc hà');
  assert.deepEqual(parseEml(''), { to: '', subject: '', date: '', text: '' });
  assert.equal(parseEml('Subject: =?UTF-8?B?###?=\n\nbody').text, 'body');
  assert.equal(parseEml('Content-Transfer-Encoding: base64\n\n!!!not base64').date, '');
});

test('every notice links inside the app and speaks both languages; the e-mail takes the reader\'s', () => {
  const all = [
    notices.invitation({ entityId: 'e1', entityName: 'HTX Mèo Vạc', email: 'a@b.vn' }),
    notices.entityApproved({ entityId: 'e1', entityName: 'HTX' }),
    notices.entityRefused({ entityId: 'e1', entityName: 'HTX', reason: 'Thiếu giấy tờ' }),
    notices.dossierReturned({ dossierId: 'd1', number: 'HS-1', productName: 'Mật ong', reasons: ['a', 'b'] }),
    notices.dossierForwardedToEntity({ dossierId: 'd1', number: 'HS-1', productName: 'Mật ong' }),
    notices.dossierForwardedToOffice({ dossierId: 'd1', number: 'HS-1', productName: 'Mật ong', entityName: 'HTX' }),
    notices.dossierAccepted({ dossierId: 'd1', number: 'HS-1', productName: 'Mật ong' }),
    notices.dossierDecided({ dossierId: 'd1', number: 'HS-1', productName: 'Mật ong', outcome: 'certified', stars: 4 }),
    notices.sessionScheduled({ sessionId: 's1', title: 'Phiên 1', councilName: 'Hội đồng', scheduledOn: '2026-12-20', location: null, mode: 'written' }),
    notices.rescoreRequested({ sessionId: 's1', itemId: 'i1', sessionTitle: 'Phiên 1', productName: 'Mật ong', round: 2, reason: 'Chênh lệch' }),
    notices.certificateIssued({ number: 'OCOP-08-2026-00001', productName: 'Mật ong', stars: 4 }),
    notices.reratingWindow({ stage: 'opening', productId: 'p1', number: 'OCOP-08-2026-00001', productName: 'Mật ong', opensOn: '2029-06-01', closesOn: '2029-07-31', expiresOn: '2029-11-28' }),
    notices.reratingWindow({ stage: 'closing', productId: 'p1', number: 'OCOP-08-2026-00001', productName: 'Mật ong', opensOn: '2029-06-01', closesOn: '2029-07-31', expiresOn: '2029-11-28' }),
    notices.certificateRevoked({ number: 'OCOP-08-2026-00001', productName: 'Mật ong' }),
  ];
  assert.deepEqual(new Set(all.map((n) => n.kind)), new Set(NOTIFICATION_KINDS), 'a notice for every kind');
  for (const n of all) {
    assert.match(n.link ?? '', /^\/[a-z-]+\//, n.kind);
    for (const part of [n.title, n.body]) assert.ok(part.vi && part.en && part.vi !== part.en, n.kind);
  }
  assert.match(all[8].body.vi, /20\/12\/2026 \(lấy ý kiến bằng văn bản\)/);
  assert.equal(dmy('2029-07-31'), '31/07/2029');
  const en = noticeMail(all[3], { email: 'a@b.vn', fullName: 'Mỷ' }, 'en', 'https://ocop.example.vn/');
  assert.match(en.subject, /^OCOP: Dossier HS-1 returned/);
  assert.match(en.text, /^Hello Mỷ,[\s\S]*https:\/\/ocop\.example\.vn\/ho-so\/d1/);
  assert.match(noticeMail(all[3], { email: 'a@b.vn', fullName: 'Mỷ' }, 'vi', 'https://ocop.example.vn').text, /^Xin chào Mỷ,/);
});

test('the page cursor round-trips; a forged one is a 400 on cursor; preferences default to both channels', () => {
  const row = { createdAt: new Date('2026-12-02T22:05:00.123Z'), id: '0b0f7f39-5d43-4c1e-9a4b-0a8f2e6c1d2e' };
  assert.deepEqual(decodeCursor(encodeCursor(row)), row);
  for (const bad of ['', 'xyz', Buffer.from('2026-13-45|x').toString('base64url'), Buffer.from(`nope|${row.id}`).toString('base64url')]) {
    assert.throws(() => decodeCursor(bad), (e: { code: string; extra: { field: string } }) => e.code === 'invalid_cursor' && e.extra.field === 'cursor');
  }
  const p = presentPreferences([{ kind: 'dossier_returned', email: false, app: true }]);
  assert.equal(p.items.length, NOTIFICATION_KINDS.length);
  assert.deepEqual(p.items.find((i) => i.kind === 'dossier_returned'), { kind: 'dossier_returned', email: false, app: true });
  assert.ok(p.items.filter((i) => i.kind !== 'dossier_returned').every((i) => i.email && i.app));
});
