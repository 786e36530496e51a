// Shared set-up for the browser tests: the built web app, a real server on a free port with the demo data, and
// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webDist } from '../../src/app/server.js';
import { answersNear, getSheet } from '../../src/modules/scoring/index.js';
import { seedDemo } from '../../src/cli/seed/seed.js';
import { listen, testApp, type TestApp } from '../harness.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_MESSAGE = 'browser tests skipped: Chromium not installed (apt-get install chromium)';
export const SCREENSHOTS = 'docs/screenshots';

/** The server only serves dist/web if it exists when the server is built, so build it first when missing. */
export function ensureWebBuild() {
  if (existsSync(join(webDist, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

export async function startSite(): Promise<{ t: TestApp; url: string }> {
  ensureWebBuild();
  const t = await testApp();
  await seedDemo(t.database);
  return { t, url: await listen(t) };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

type Violation = { id: string; impact: string; help: string; nodes: string[] };

/** axe-core's serious and critical violations on the current page. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<AxeResult> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

export const DEMO_PASSWORD = 'OcopDemo@2026';

export async function logIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/dang-nhap`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form').getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/lam-viec/);
}

// ── Shared page helpers for the dossier, session and journey tests ──

/** A phone's browser: 360 px wide, touch, Vietnamese. */
export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' };
/** An office desk's browser. */
export const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' };

/** A page in a browser context of its own (its own cookies), logged in as `email` with the demo password, or a
 * visitor when `email` is null. Close it with `page.context().close()`. */
export async function pageAs(browser: Browser, url: string, email: string | null, options: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(options.phone ? PHONE : DESKTOP);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000); // generous: CI machines run other suites alongside
  if (email) await logIn(page, url, email);
  return page;
}

/** True when the page does not scroll sideways at 360 px. */
export const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= 360);

/** Today in Việt Nam (yyyy-MM-dd): the day the server's rules count from. */
export const vnToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
export const daysAgo = (n: number) => new Date(Date.parse(`${vnToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
/** yyyy-MM-dd → dd/MM/yyyy, as the Vietnamese UI writes dates. */
export const vnFormat = (iso: string) => iso.split('-').reverse().join('/');

/** The smallest file the server takes for a PDF (it checks the magic bytes, not the name). */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The officers' panel on a dossier page, and the confirmation a step leaves there. */
export const officePanel = (page: Page) => page.locator('section.dossier-office');
export const stepDone = (page: Page, text: string) => page.getByTestId('office-done').filter({ hasText: text }).waitFor();

/** A council member scores one agenda item on its page, option by option as a person would, aiming at `target`
 * points on score sheet `sheet` (null: submits the answers already there), then submits the sheet. */
export async function scoreItem(page: Page, itemUrl: string, target: number | null, sheet = 4) {
  await page.goto(itemUrl);
  await page.locator('.criterion').first().waitFor();
  if (target !== null) for (const option of Object.values(answersNear(getSheet(sheet)!, target))) await page.locator(`[id="opt-${option}"]`).check();
  await page.getByRole('button', { name: 'Nộp phiếu chấm' }).click();
  await page.getByRole('status').filter({ hasText: 'Đã nộp phiếu chấm' }).waitFor();
}
