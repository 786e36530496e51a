// Shared set-up for the browser tests: the built web app, a real server on a free port with the demo data, and
// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webDist } from '../../src/app/server.js';
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
