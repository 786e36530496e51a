// Shared set-up for the browser tests: the built web app, a real server on a free port with the demo data, and
// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { webDist } from '../../src/app/server.js';
import { answersNear, getSheet } from '../../src/modules/scoring/index.js';
import { listen, testApp, type TestApp } from '../harness.js';

export const CHROMIUM = '/usr/bin/chromium';
/** OCOP_BROWSER_TESTS=0 leaves them out of a run (CI drives the browser once, on PostgreSQL: the screens do not
 * depend on the engine, and twice would double the slowest part of CI). */
const leftOut = process.env.OCOP_BROWSER_TESTS === '0';
export const hasChromium = !leftOut && existsSync(CHROMIUM);
export const SKIP_MESSAGE = leftOut
  ? 'browser tests left out of this run (OCOP_BROWSER_TESTS=0)'
  : 'browser tests skipped: Chromium not installed (apt-get install chromium)';
export const SCREENSHOTS = 'docs/screenshots';

/** The server only serves dist/web if it exists when the server is built, so build it first when missing. */
export function ensureWebBuild() {
  if (existsSync(join(webDist, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

export async function startSite(): Promise<{ t: TestApp; url: string }> {
  ensureWebBuild();
  const t = await testApp({}, { demo: true });
  return { t, url: await listen(t) };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What a browser test file works with. The fields are set by a `before` hook: read them inside tests and hooks only. */
export type Site = {
  /** The test app holding the demo data (its API and database, for what a step reads back or sets up). */
  t: TestApp;
  /** The site's address, e.g. `http://127.0.0.1:41234`. */
  url: string;
  browser: Browser;
  /** `pageAs` on this site's browser and address. */
  pageAs(email: string | null, options?: PageOptions): Promise<Page>;
  /** A `before` hook of the file's own that runs once the site is up (Node 20 runs a file's top-level `before` hooks
   * all at once, not one after the other). */
  before(fn: () => Promise<void>): void;
};

/** A browser test file: `declare` registers its tests and helpers at once, with a site that is started (server with
 * the demo data, then Chromium) before the first test and closed after the last. Without Chromium the file is skipped. */
export function browserSuite(declare: (site: Site) => void) {
  if (!hasChromium) {
    test.skip(SKIP_MESSAGE);
    return;
  }
  let starting: Promise<void> | undefined;
  const start = () => (starting ??= (async () => {
    ({ t: site.t, url: site.url } = await startSite());
    site.browser = await launch();
  })());
  const site = {
    pageAs: (email, options) => pageAs(site.browser, site.url, email, options),
    before: (fn) => before(async () => {
      await start();
      await fn();
    }),
  } as Site;
  before(start);
  declare(site);
  // Registered after the file's own hooks, which run first: what they close (their pages) goes before the browser.
  after(async () => {
    await site.browser?.close();
    await site.t?.close();
  });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

type Violation = { id: string; impact: string; help: string; nodes: string[] };

/** axe-core's serious and critical violations on the current page. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: the site's Content-Security-Policy refuses
  // inline scripts, as it should, and the audit must not need the policy loosened.
  await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
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

export async function logIn(page: Page, url: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${url}/dang-nhap`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form').getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/lam-viec/);
}

// ── Shared page helpers for the dossier, session and journey tests ──

/**
 * Every test page asks for reduced motion, as a user may: the app then runs no transition (styles.css). Each one
 * otherwise makes Chromium paint frames in software after every click: a tick of a score sheet cost its renderer
 * 160 ms of CPU with them and 100 ms without, and the journey ticks hundreds.
 */
export const STILL = { reducedMotion: 'reduce' } as const;
/** A phone's browser: 360 px wide, touch, Vietnamese. */
export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN', ...STILL };
/** An office desk's browser. */
export const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN', ...STILL };

export type PageOptions = { phone?: boolean; password?: string };

/** A page in a browser context of its own (its own cookies), logged in as `email` (with the demo password unless
 * told otherwise), or a visitor when `email` is null. Close it with `page.context().close()`. */
export async function pageAs(browser: Browser, url: string, email: string | null, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext(options.phone ? PHONE : DESKTOP);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000); // generous: CI machines run other suites alongside
  if (email) await logIn(page, url, email, options.password);
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

/** Uploads a small PDF named `name` through the upload form `form` and waits for its link in `listing` (by default
 * the form's own section). */
export async function uploadPdf(form: Locator, name: string, listing: Locator = form) {
  await form.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/pdf', buffer: TINY_PDF });
  await form.getByRole('button', { name: 'Tải lên' }).click();
  await listing.getByRole('link', { name }).waitFor();
}

/** The link `href` (as the page gives it) answers with a PDF, with the page's own session. */
export async function assertServesPdf(page: Page, url: string, href: string | null) {
  const pdf = await page.request.get(`${url}${href}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
}

/** Answers yes to the dialog an irreversible step asks first (src/web/components/Confirm.tsx) and waits for it to go. */
export async function confirmStep(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('confirm-ok').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** On a dossier's Mẫu 01/02 steps, saves the step shown and goes on to step `n` (of 5), as a person does. */
export async function nextFormStep(page: Page, n: number) {
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  await page.getByTestId('forms-progress').filter({ hasText: `Bước ${n}/5` }).waitFor();
}

/** The officers' panel on a dossier page, and the confirmation a step leaves there. */
export const officePanel = (page: Page) => page.locator('section.dossier-office');
export const stepDone = (page: Page, text: string) => page.getByTestId('office-done').filter({ hasText: text }).waitFor();

/** On a certificate's verification page, an office opens the revocation form and fills it on ground c) of Điều 8
 * (a violation found by an inspection concluded on `concludedOn`); returns the form, not yet sent. */
export async function fillRevocation(page: Page, concludedOn: string, decisionNumber: string, note: string) {
  await page.getByRole('button', { name: 'Thu hồi giấy chứng nhận…' }).click();
  const form = page.getByRole('form', { name: 'Thu hồi giấy chứng nhận' });
  await form.getByLabel(/^c\) Sản phẩm OCOP vi phạm/).check();
  await form.getByLabel('Ngày có kết luận').fill(concludedOn);
  await form.getByLabel('Số quyết định thu hồi').fill(decisionNumber);
  await form.getByLabel('Ghi chú').fill(note);
  return form;
}

/** The chair asks the members ticked in the item page's re-score form to score again for `reason`, and `member`,
 * one of them, is told so on the item's page, with the reason. */
export async function askForRescore(chair: Page, member: Page, itemUrl: string, reason: string) {
  const rescore = chair.locator('.rescore-form');
  await rescore.getByLabel('Lý do').fill(reason);
  await rescore.getByRole('button', { name: 'Yêu cầu chấm lại' }).click();
  await chair.getByRole('status').filter({ hasText: 'Đã yêu cầu chấm lại (vòng 2)' }).waitFor();
  await member.goto(itemUrl);
  await member.locator('.must-rescore').filter({ hasText: reason }).waitFor();
}

/** A council member scores one agenda item on its page, option by option as a person would, aiming at `target`
 * points on score sheet `sheet` (null: submits the answers already there), then submits the sheet. */
export async function scoreItem(page: Page, itemUrl: string, target: number | null, sheet = 4) {
  await page.goto(itemUrl);
  await page.locator('.criterion').first().waitFor();
  if (target !== null) for (const option of Object.values(answersNear(getSheet(sheet)!, target))) await page.locator(`[id="opt-${option}"]`).check();
  await page.getByRole('button', { name: 'Nộp phiếu chấm' }).click();
  await page.getByRole('status').filter({ hasText: 'Đã nộp phiếu chấm' }).waitFor();
}
