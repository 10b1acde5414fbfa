import { yearIn } from '../../src/domain/time';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import { expectNoSidewaysScroll, phoneContext, useBrowser } from './support';

describe('learning records and the 20 JP', () => {
  const browser = useBrowser();

  it('a pegawai sees this year’s JP against the target on a 360 px phone', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'pegawai.dukcapil');
    await page.getByRole('button', { name: /buka menu/i }).click();
    await page
      .getByRole('navigation', { name: /menu utama/i })
      .getByRole('link', { name: 'Belajar saya' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Belajar saya' }).waitFor();
    const summary = await page
      .getByText(/^[\d,.]+ dari 20 JP$/)
      .first()
      .textContent();
    const total = Number(summary!.split(' ')[0]!.replace('.', '').replace(',', '.'));
    // The records listed add up to the total shown.
    const records = page.getByRole('region', { name: /kegiatan yang sudah tercatat/i }).getByRole('listitem');
    const jps = await records.locator('.mantine-Badge-label').allTextContents();
    const sum = jps.reduce((s, x) => s + Number(x.replace(' JP', '').replace('.', '').replace(',', '.')), 0);
    expect(Math.round(sum * 100) / 100).toBe(total);
    await page.getByRole('list', { name: /jp per tahun/i }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'belajar-saya-360');

    // Last year's page: a different year, still the same shape.
    await page.getByRole('combobox', { name: 'Tahun' }).selectOption(String(yearIn('Asia/Jayapura') - 1));
    await page.waitForURL(/year=/);
    await page
      .getByText(/dari 20 JP$/)
      .first()
      .waitFor();
    await context.close();
  });

  it('admin reads compliance per unit, drills into an OPD and lists who is behind', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page
      .getByRole('navigation', { name: /menu utama/i })
      .getByRole('link', { name: 'Kepatuhan 20 JP' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kepatuhan 20 JP' }).waitFor();
    await page.getByRole('img', { name: /grafik persentase/i }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'kepatuhan-jp-1280');

    await page.getByText('Tabel', { exact: true }).click();
    const table = page.getByRole('table').first();
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: /kependudukan/i });
    const cells = await row.getByRole('cell').allTextContents();
    const [employees, compliant] = cells.map((c) => Number(c.replace(/\./g, '').replace(',', '.')));
    expect(employees).toBeGreaterThan(0);
    await row.getByRole('button').click();
    await page.getByRole('heading', { level: 2, name: /seluruh dinas kependudukan/i }).waitFor();
    // The people behind in that OPD: employees minus those who reached the target.
    await page.getByText(`${employees! - compliant!} pegawai`, { exact: true }).waitFor();
    const download = page.getByRole('link', { name: /unduh daftar/i });
    const res = await page.request.get(`${baseUrl()}${await download.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    await page.getByRole('link', { name: /naik ke/i }).click();
    await page.getByRole('heading', { level: 2, name: /seluruh pemerintah kota ambon/i }).waitFor();
    await context.close();
  });

  it('the report fits a 360 px phone for an OPD operator, who stays in their OPD', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    await page.goto(`${baseUrl()}/laporan/jp?view=table`);
    await page.getByRole('heading', { level: 2, name: /seluruh dinas kependudukan/i }).waitFor();
    expect(await page.getByRole('link', { name: /naik ke/i }).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'kepatuhan-jp-360');
    await context.close();
  });

  it('the atasan confirms a level proposed after a completed programme', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'atasan.dukcapil');
    await page.goto(`${baseUrl()}/penilaian`);
    await page.getByRole('link', { name: /usulan kenaikan level \(\d+\)/i }).click();
    await page.getByRole('heading', { level: 1, name: /usulan kenaikan level/i }).waitFor();
    const cards = page.getByRole('list', { name: /usulan kenaikan level/i }).getByRole('listitem');
    const before = await cards.count();
    expect(before).toBeGreaterThan(0);
    const first = cards.first();
    const name = (await first.locator('p').first().textContent())!;
    await first.locator('label').filter({ hasText: /^3$/ }).click();
    expect(await first.getByRole('radio', { name: '3' }).isChecked()).toBe(true);
    await first.getByRole('button', { name: 'Tetapkan' }).click();
    await page
      .getByRole('status')
      .getByText(new RegExp(`Level 3 .* ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
      .waitFor();
    await expect.poll(() => cards.count()).toBe(before - 1);
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'usulan-level-360');
    await context.close();
  });
});
