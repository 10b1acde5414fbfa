import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import { useBrowser } from './support';

/** Opens a page by its address and waits for its <h1>. */
async function open(page: Page, path: string, h1: RegExp) {
  await page.goto(`${baseUrl()}${path}`);
  await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
  await page.waitForLoadState('networkidle');
}

async function firstProfilePath(page: Page): Promise<string> {
  await open(page, '/pegawai', /^pegawai$/i);
  // The first person in the list (profile links are /pegawai/<18-digit NIP>).
  const href = await page
    .locator('main a[href^="/pegawai/1"], main a[href^="/pegawai/2"]')
    .first()
    .getAttribute('href');
  expect(href).toMatch(/^\/pegawai\/\d{18}$/);
  return href!;
}

describe('accessibility and small screens', () => {
  const browser = useBrowser();

  it('every main page is axe clean at 1280 px, with an <h1> and a title', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/masuk`);
    await page.getByRole('heading', { level: 1, name: /masuk/i }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await expectAccessible(page);
    await screenshot(page, 'masuk-1280');

    await signIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
    await page.getByRole('img', { name: /pegawai per opd/i }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'beranda-1280');
    await page.getByRole('button', { name: /lihat tabel/i }).click();
    await page.getByRole('table').waitFor();
    await expectAccessible(page);

    const profile = await firstProfilePath(page);
    const pages: [string, RegExp, string][] = [
      ['/unit', /unit kerja/i, 'unit'],
      ['/pegawai', /^pegawai$/i, 'pegawai'],
      [profile, /.+/, 'profil'],
      ['/impor', /impor data/i, 'impor'],
      ['/pengguna', /pengguna/i, 'pengguna'],
      ['/audit', /jejak audit/i, 'audit'],
      ['/akun', /akun saya/i, 'akun'],
    ];
    for (const [path, h1, name] of pages) {
      await open(page, path, h1);
      expect(await page.title()).toMatch(/· Asah$/);
      await expectAccessible(page);
      await screenshot(page, `${name}-1280`);
    }

    // The forms with their error summary are accessible too.
    await open(page, profile, /.+/);
    await page.getByRole('button', { name: /ubah data/i }).click();
    await page.getByLabel(/nama lengkap/i).fill('');
    await page.getByRole('button', { name: /^simpan$/i }).click();
    const summary = page.getByRole('alert').filter({ hasText: /perlu diperbaiki/i });
    await summary.waitFor();
    await summary.getByRole('link', { name: /nama lengkap/i }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-name');
    await expectAccessible(page);
    await screenshot(page, 'profil-ubah-error-1280');
    await context.close();
  });

  it('the employee list and a profile fit 360 px without sideways scrolling', async () => {
    const context = await browser().newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await signIn(page, 'admin');
    const profile = await firstProfilePath(page);
    for (const [path, h1, name] of [
      ['/pegawai', /^pegawai$/i, 'pegawai-360'],
      [profile, /.+/, 'profil-360'],
      ['/impor', /impor data/i, 'impor-360'],
    ] as const) {
      await open(page, path, h1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectAccessible(page);
      await screenshot(page, name);
    }
    // Phones get cards, not a wide table; the menu is behind the burger.
    expect(await page.getByRole('button', { name: /buka menu/i }).count()).toBe(1);
    await open(page, '/pegawai', /^pegawai$/i);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(
      await page
        .getByRole('list', { name: /daftar pegawai/i })
        .getByRole('listitem')
        .count(),
    ).toBeGreaterThan(0);
    await context.close();
  });
});
