import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this closed network needs. Fails loudly where it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium tidak ditemukan di ${CHROMIUM}. Pasang dengan: apt-get install -y chromium ` +
        `(browser tests need Debian's Chromium; set CHROMIUM_PATH to use another).`,
    );
  }
  // playwright-core gives every launch a fresh, empty profile (it refuses --user-data-dir in launch()).
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const baseUrl = () => inject('baseUrl');

export async function signIn(page: Page, username: string, password = 'asah-demo') {
  await page.goto(`${baseUrl()}/masuk`);
  await page.getByLabel(/nama pengguna/i).fill(username);
  await page.getByLabel(/kata sandi/i).fill(password);
  await page.getByRole('button', { name: /masuk/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
}

/**
 * axe: no serious or critical violation on the page as it is now. Our pages hold no iframes, so axe runs
 * in the page itself (legacy mode: no extra blank page per check), and it details violations only.
 */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
  ).toEqual([]);
}

/**
 * A full-page PNG in test-results/screens, for people to look at. CI has nobody looking and skips
 * the encoding unless ASAH_SCREENSHOTS=1.
 */
export async function screenshot(page: Page, name: string) {
  if (process.env.CI && process.env.ASAH_SCREENSHOTS !== '1') return;
  const dir = path.resolve('test-results/screens');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
