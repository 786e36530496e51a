import { test } from 'node:test';
import { launch, startSite } from '/work/main/test/browser/browser.js';
test('shots', async () => {
  const { t, url } = await startSite();
  const b = await launch();
  const p = await b.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true });
  const reg = await (await fetch(`${url}/api/v1/certificates?pageSize=50`)).json() as { items: { number: string; status: string }[] };
  console.log(reg.items.map((i) => i.status).join(','));
  await p.goto(`${url}/xac-minh/${encodeURIComponent(reg.items[0].number)}`); await p.getByRole('status').waitFor(); await p.screenshot({ path: '/tmp/verify.png', fullPage: true });
  const other = reg.items.find((i) => i.status !== 'valid');
  if (other) { await p.goto(`${url}/xac-minh/${encodeURIComponent(other.number)}`); await p.getByRole('status').waitFor(); await p.screenshot({ path: '/tmp/verify2.png' }); }
  await p.goto(`${url}/cham-diem/1`); await p.locator('.criterion').first().waitFor();
  await p.locator('.criterion input').nth(2).check(); await p.waitForTimeout(800);
  await p.screenshot({ path: '/tmp/sheet.png' });
  await p.goto(`${url}/giay-chung-nhan`); await p.locator('.certificate-row').first().waitFor(); await p.screenshot({ path: '/tmp/register.png' });
  const d = await b.newPage({ viewport: { width: 1280, height: 900 } });
  await d.goto(`${url}/cham-diem/1`); await d.locator('.criterion').first().waitFor();
  for (const id of ['1.1.b', '1.2.a']) await d.locator(`[id="opt-${id}"]`).check().catch(() => {});
  await d.waitForTimeout(800); await d.screenshot({ path: '/tmp/sheet-desk.png' });
  await b.close(); await t.close();
});
