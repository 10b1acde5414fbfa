import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signIn } from '../helpers/browser';
import { expectNoSidewaysScroll, phoneContext, menuLink, useBrowser } from './support';

describe('student projects', () => {
  const browser = useBrowser();

  it('an OPD operator posts a real project and sees it open', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    await (await menuLink(page, 'Proyek mahasiswa')).click();
    await page.getByRole('heading', { level: 1, name: 'Proyek mahasiswa' }).waitFor();
    await page.getByRole('button', { name: 'Buka proyek baru' }).click();
    const form = page.getByRole('form', { name: 'Buka proyek baru' });
    await form.getByLabel('Judul proyek').fill('Peta jam sibuk perekaman KTP-el');
    await form.getByLabel('Masalah yang ingin diselesaikan').fill('Antrean menumpuk pada jam tertentu.');
    await form.locator('#project-startsOn').fill('2027-03-01');
    await form.locator('#project-endsOn').fill('2027-02-01');
    await form.getByRole('button', { name: 'Simpan proyek' }).click();
    // The end before the start is refused beside the field, and nothing is saved.
    await page
      .getByRole('alert')
      .getByText(/tanggal selesai tidak boleh sebelum/i)
      .waitFor();
    await form.locator('#project-endsOn').fill('2027-06-30');
    await form.getByRole('button', { name: 'Simpan proyek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Peta jam sibuk perekaman KTP-el' }).waitFor();
    await page.getByText('Dibuka', { exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'proyek-baru-1280');
    await context.close();
  });

  it('a partner university assigns a student from a 360 px phone', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'mitra.unpatti');
    await page.getByRole('button', { name: /buka menu/i }).click();
    await (await menuLink(page, 'Proyek mahasiswa')).click();
    await page.getByRole('heading', { level: 1, name: 'Proyek mahasiswa' }).waitFor();
    // The project reserved for another partner is not offered.
    expect(await page.getByRole('link', { name: /panduan layanan adminduk/i }).count()).toBe(0);
    await page.getByRole('link', { name: /kanal aduan warga/i }).click();
    await page.getByRole('heading', { level: 1, name: /kanal aduan warga/i }).waitFor();
    await page.getByLabel('Nama mahasiswa').fill('Agustina Sahetapy');
    await page.getByLabel('NIM').fill('202211077');
    await page.getByLabel('Program studi').fill('Ilmu Komputer');
    await page.getByRole('button', { name: 'Tugaskan' }).click();
    await page.getByText('Mahasiswa (1 dari 2)').waitFor();
    await page.getByText(/Agustina Sahetapy/).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'proyek-mitra-360');
    await context.close();
  });
});
