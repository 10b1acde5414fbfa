import { todayIn } from '../../src/domain/time';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import { expectNoSidewaysScroll, phoneContext, menuLink, settled, useBrowser } from './support';

const today = () => todayIn('Asia/Jayapura');
const plus = (days: number) =>
  new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('programme catalog', () => {
  const browser = useBrowser();

  it('an operator creates a programme with two sessions and sees its JP', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'operator.bkpsdm');
    await (await menuLink(page, 'Katalog program')).click();
    await page.getByRole('heading', { level: 1, name: 'Katalog program' }).waitFor();
    await page.getByRole('link', { name: 'Tambah program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Program baru' }).waitFor();

    // Saving with nothing filled names the fields and keeps the page.
    await page.getByRole('button', { name: 'Simpan program' }).click();
    const summary = page.getByRole('alert').filter({ hasText: /ada yang perlu diperbaiki/i });
    await summary.waitFor();
    expect(await summary.getByRole('link', { name: /kode program/i }).count()).toBe(1);

    await page.getByLabel('Kode program').fill('PRG-E2E-1');
    await page.getByRole('textbox', { name: /^Judul/ }).fill('Workshop Pelayanan Ramah Disabilitas');
    await page
      .getByLabel('Mulai (WIT)')
      .first()
      .fill(`${plus(21)}T09:00`);
    await page
      .getByLabel('Selesai (WIT)')
      .first()
      .fill(`${plus(21)}T15:00`);
    await page.getByLabel('Tempat').first().fill('Aula BKPSDM Kota Ambon');
    await page.getByRole('button', { name: 'Tambah sesi' }).click();
    await page
      .getByLabel('Mulai (WIT)')
      .nth(1)
      .fill(`${plus(22)}T09:00`);
    await page
      .getByLabel('Selesai (WIT)')
      .nth(1)
      .fill(`${plus(22)}T15:00`);
    await expectAccessible(page);
    await screenshot(page, 'program-baru-1280');
    await page.getByRole('button', { name: 'Simpan program' }).click();

    await page.getByRole('heading', { level: 1, name: 'Workshop Pelayanan Ramah Disabilitas' }).waitFor();
    await page.getByText('10 JP', { exact: true }).waitFor();
    expect(await page.getByTestId('jp-basis').textContent()).toContain('2 hari × 5 JP');
    expect(await page.getByRole('region', { name: /sesi/i }).locator('li').count()).toBe(2);
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /status program diubah/i })
      .waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'program-rincian-1280');

    // The calendar shows the new sessions in their month.
    await page.goto(`${baseUrl()}/program?view=kalender&month=${plus(21).slice(0, 7)}`);
    await page.getByRole('table', { name: /kalender sesi/i }).waitFor();
    expect(
      await page.getByRole('link', { name: /Workshop Pelayanan Ramah Disabilitas/ }).count(),
    ).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'program-kalender-1280');
    await context.close();
  });

  it('a pegawai browses and filters the catalog on a 360 px phone', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'pegawai.dukcapil');
    await page.goto(`${baseUrl()}/program`);
    await page.getByRole('heading', { level: 1, name: 'Katalog program' }).waitFor();
    expect(await page.getByRole('link', { name: 'Tambah program' }).count()).toBe(0);
    await page.getByLabel('Cari judul, kode atau penyelenggara').fill('siak');
    await page.waitForURL((u) => u.searchParams.get('q') === 'siak');
    await page.getByRole('link', { name: 'Bimtek SIAK Terpusat' }).waitFor();
    await page.getByText('1 program', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Hapus filter' }).click();
    await page.getByRole('button', { name: /filter lain/i }).click();
    await page.getByRole('combobox', { name: 'Jalur' }).click();
    await page.getByRole('option', { name: 'Pelatihan nonklasikal' }).click();
    await page.waitForURL((u) => u.searchParams.get('path') === 'pelatihan_nonklasikal');
    await page.getByRole('link', { name: /Coaching Kinerja/ }).waitFor();
    // The list refreshes after the URL changes (the previous page stays until the answer comes).
    await expect.poll(() => page.getByRole('link', { name: 'Bimtek SIAK Terpusat' }).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'program-katalog-360');

    await page.getByRole('link', { name: /Coaching Kinerja/ }).click();
    await page.getByRole('heading', { level: 1, name: /Coaching Kinerja/ }).waitFor();
    await page.getByTestId('jp-basis').waitFor();
    expect(await page.getByRole('link', { name: 'Ubah' }).count()).toBe(0);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'program-rincian-360');

    await page.goto(`${baseUrl()}/program?view=kalender`);
    await page.getByRole('button', { name: /bulan berikutnya/i }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'program-kalender-360');
    await context.close();
  });

  it('admin sees partners with agreements and contributions', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin');
    await (await menuLink(page, 'Mitra')).click();
    await page.getByRole('heading', { level: 1, name: 'Mitra' }).waitFor();
    await page.getByRole('link', { name: 'Universitas Pattimura' }).click();
    await page.getByRole('heading', { level: 1, name: 'Universitas Pattimura' }).waitFor();
    await page.getByText('Segera berakhir').first().waitFor();
    await page.getByRole('table', { name: /kontribusi per tahun/i }).waitFor();
    await page.getByRole('button', { name: 'Ubah data mitra' }).click();
    // The form opens with the stored contact; the typed one is what gets sent.
    const contact = page.getByLabel('Nama kontak');
    await settled(contact);
    await expect.poll(() => contact.inputValue()).toBe('Bagian Kerja Sama');
    await contact.fill('Dr. Maria Latuconsina');
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/api/partners/'),
    );
    await page.getByRole('button', { name: 'Simpan' }).first().click();
    expect(JSON.parse((await saved).request().postData() ?? '{}')).toMatchObject({
      contactName: 'Dr. Maria Latuconsina',
    });
    expect((await saved).status()).toBe(200);
    await page.getByText('Nama kontak: Dr. Maria Latuconsina').waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'mitra-rincian-1280');
    await context.close();

    const phone = await phoneContext(browser());
    const p2 = await phone.newPage();
    await signIn(p2, 'mitra.unpatti');
    await p2.goto(`${baseUrl()}/mitra`);
    await p2.getByRole('link', { name: 'Universitas Pattimura' }).waitFor();
    expect(await p2.getByRole('link', { name: 'Politeknik Negeri Ambon' }).count()).toBe(0);
    await p2.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(p2);
    await expectAccessible(p2);
    await screenshot(p2, 'mitra-360');
    await phone.close();
  });
});
