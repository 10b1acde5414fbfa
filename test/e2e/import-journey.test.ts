import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, signIn } from '../helpers/browser';
import { menuLink, useBrowser } from './support';

// New Disdukcapil employees; serials in the 900s do not occur in the demo data (random, so a rerun on
// a long-lived dev database still adds new people).
const serial = () => String(900 + Math.floor(Math.random() * 100));
const GOOD_NIP = `199107232019032${serial()}`;
const SECOND_NIP = `198805112014021${serial()}`;
const header = 'nip,nama,status,golongan,kode_unit';
const goodRow = `${GOOD_NIP},Maria Latuheru,PNS,III/a,DISDUKCAPIL`;

async function upload(page: Page, name: string, text: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByLabel(/berkas \(csv atau xlsx\)/i).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: /periksa berkas/i }).click();
}

describe('operator imports employees from a CSV file', () => {
  const browser = useBrowser();

  it('shows the bad row, accepts the fixed file, and the new employee can be found and opened', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'operator.dukcapil');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');

    await (await menuLink(page, /impor data/i)).click();
    await page.getByRole('heading', { level: 1, name: /impor data/i }).waitFor();
    expect(await page.getByRole('link', { name: /templat excel/i }).getAttribute('href')).toBe(
      '/api/imports/templates/employees.xlsx',
    );

    // 1) A NIP with 17 digits on row 3: the preview names the row and says how to fix it; Simpan is not offered.
    const badNip = SECOND_NIP.slice(0, 17);
    await upload(
      page,
      'pegawai-salah.csv',
      `${header}\n${goodRow}\n${badNip},Johan Pattinama,PNS,II/c,DISDUKCAPIL\n`,
    );
    const errors = page.getByRole('region', { name: /kesalahan/i }).getByRole('table');
    await errors.waitFor();
    const errorRow = errors.getByRole('row').filter({ hasText: /NIP harus 18 angka; tertulis 17/ });
    await expect.poll(() => errorRow.count()).toBe(1);
    expect(await errorRow.getByRole('cell').first().textContent()).toBe('3');
    expect(await page.getByRole('button', { name: /^simpan$/i }).count()).toBe(0);
    await screenshot(page, 'import-errors-1280');

    // 2) The fixed file checks clean and is saved in the background with progress, then a result.
    await upload(
      page,
      'pegawai.csv',
      `${header}\n${goodRow}\n${SECOND_NIP},Johan Pattinama,PNS,II/c,DISDUKCAPIL\n`,
    );
    await page.getByText(/tidak ada kesalahan/i).waitFor();
    await page.getByRole('button', { name: /^simpan$/i }).click();
    await page.getByText(/impor selesai/i).waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('job')).toBeTruthy();
    expect(await page.getByText(/2 ditambah/).count()).toBeGreaterThan(0);
    await screenshot(page, 'import-done-1280');

    // The result survives a reload (the job id is in the URL).
    await page.reload();
    await page.getByText(/impor selesai/i).waitFor();

    // 3) Find the new employee by NIP and open the profile.
    await page.getByRole('link', { name: /lihat daftar pegawai/i }).click();
    await page.getByLabel(/cari nama atau nip/i).fill(GOOD_NIP);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(GOOD_NIP);
    const link = page.getByRole('link', { name: /maria latuheru/i });
    await expect.poll(() => link.count()).toBe(1);
    await link.click();
    await page.getByRole('heading', { level: 1, name: /maria latuheru/i }).waitFor();
    expect(await page.getByText(`19910723 201903 2 ${GOOD_NIP.slice(15)}`).count()).toBe(1);
    expect(await page.getByText('III/a — Penata Muda').count()).toBeGreaterThan(0);
    await screenshot(page, 'import-new-profile-1280');
    await page.close();
  });
});
