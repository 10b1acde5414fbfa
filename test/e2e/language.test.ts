import { describe, expect, it } from 'vitest';
import { baseUrl, screenshot, signIn } from '../helpers/browser';
import { menuLink, readMenu, useBrowser } from './support';

describe('language switch', () => {
  const browser = useBrowser();

  it('switches the whole UI to English, is remembered, and switches back', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'operator.bkpsdm');
    await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();

    await page.getByRole('button', { name: /bahasa: english/i }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await readMenu(page)).toEqual([
      'Home',
      [
        'Competency',
        ['Gap map', 'Talent (9-box)', 'Competency dictionary', 'Job standards', 'Assessment campaigns'],
      ],
      [
        'Development',
        ['Programme catalog', 'Approvals', 'Verify certificates', 'Partners', 'Student projects'],
      ],
      '20 JP compliance',
      ['Organisation', ['Units', 'Employees', 'Import data']],
      'My account',
    ]);

    await (await menuLink(page, 'Employees')).click();
    await page.getByRole('heading', { level: 1, name: 'Employees' }).waitFor();
    await page.getByLabel('Search name or NIP').waitFor();
    expect(await page.getByRole('link', { name: 'Download Excel' }).count()).toBe(1);
    expect(await page.title()).toBe('Employees · Asah');
    await screenshot(page, 'pegawai-en-1280');

    // Remembered by the account: a reload (and the next sign-in) keeps English.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Employees' }).waitFor();

    await page.getByRole('button', { name: /language: bahasa indonesia/i }).click();
    await page.getByRole('heading', { level: 1, name: 'Pegawai' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await page.close();
  });

  it('the sign-in page can be read in English before signing in', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl()}/masuk`);
    await page.getByRole('button', { name: /bahasa: english/i }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getByLabel('Username').count()).toBe(1);
    await page.close();
  });
});
