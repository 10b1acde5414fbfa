import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import { expectNoSidewaysScroll, phoneContext, menuLink, useBrowser } from './support';

/** Fills the certificate's details: activity, provider, form code, start, end and the JP printed on it. */
async function fillCertificate(page: Page, [title, provider, form, startsOn, endsOn, jp]: string[]) {
  await page.getByLabel('Nama kegiatan').fill(title!);
  await page.getByLabel('Penyelenggara').fill(provider!);
  await page.getByLabel('Bentuk pengembangan').selectOption(form!);
  await page.locator('#external-startsOn').fill(startsOn!);
  await page.locator('#external-endsOn').fill(endsOn!);
  await page.getByLabel('JP yang tertulis pada sertifikat').fill(jp!);
}

/**
 * Chooses a small real PDF as the scan, waits until it is uploaded, and checks the filled form on the
 * phone: no sideways scrolling, axe clean, a screenshot.
 */
async function attachScan(page: Page, name: string, shot: string) {
  await page.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await page.getByText(`Terunggah: ${name}`).waitFor();
  await page.waitForLoadState('networkidle');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await screenshot(page, shot);
}

describe('certificates earned elsewhere', () => {
  const browser = useBrowser();
  const title = 'E-learning Manajemen ASN (uji)';

  it('a pegawai sends one from a 360 px phone, seeing the JP it will count', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'pegawai.dukcapil');
    await page.goto(`${baseUrl()}/belajar`);
    await page.getByRole('link', { name: 'Unggah sertifikat dari luar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sertifikat dari luar' }).waitFor();
    await fillCertificate(page, [title, 'LAN', 'C3', '2026-10-05', '2026-10-07', '12']);
    // E-learning: at most 3 JP a day, so 12 JP over three days count 9 JP.
    await page.getByRole('status').getByText(/^9 JP/).waitFor();
    // Without the scan nothing is sent, and the form says which field is missing.
    await page.getByRole('button', { name: 'Kirim untuk diperiksa' }).click();
    await page.getByRole('link', { name: /^Berkas sertifikat: wajib diisi/i }).waitFor();
    // A text file pretending to be a PDF is refused by its content, then the real scan goes up.
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'palsu.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('halo'),
    });
    await page.getByText('Jenis berkas harus PDF, JPG atau PNG.').first().waitFor();
    await attachScan(page, 'sertifikat-lan.pdf', 'sertifikat-luar-360');
    await page.getByRole('button', { name: 'Kirim untuk diperiksa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Belajar saya' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: title });
    await card.getByText(/menunggu verifikasi/i).waitFor();
    await context.close();
  });

  it('the OPD operator accepts it and its JP are recorded', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    await (await menuLink(page, 'Verifikasi sertifikat')).click();
    await page.getByRole('heading', { level: 1, name: /verifikasi sertifikat/i }).waitFor();
    const card = page
      .getByRole('list', { name: /verifikasi sertifikat/i })
      .getByRole('listitem')
      .filter({ hasText: title });
    await card.waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'verifikasi-sertifikat-1280');
    // The scan the pegawai sent opens from the card.
    const link = card.getByRole('link', { name: /buka berkas sertifikat \(sertifikat-lan\.pdf\)/i });
    const res = await page.request.get(`${baseUrl()}${await link.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await card.getByRole('button', { name: 'Terima' }).click();
    await page
      .getByRole('status')
      .getByText(/diterima: 9 JP dicatat/)
      .waitFor();
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: title }).count()).toBe(0);
    await context.close();
  });

  it('an OPD operator records one handed in on paper for an employee, from a 360 px phone', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    const list = await page.request.get(`${baseUrl()}/api/employees?pageSize=1&page=4&sort=nip`);
    const person = ((await list.json()) as { items: { nip: string; name: string; fullName: string }[] })
      .items[0]!;
    await page.goto(`${baseUrl()}/sertifikat/verifikasi`);
    await page.getByRole('link', { name: 'Catat sertifikat pegawai' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catat sertifikat pegawai' }).waitFor();
    // The scan is filed under the employee, so it waits until someone is chosen.
    await page.getByText(/^Berkas sertifikat: pilih pegawai dulu/).waitFor();
    const paper = 'Bimtek Kearsipan (berkas kertas)';
    await fillCertificate(page, [paper, 'ANRI', 'B2', '2026-10-12', '2026-10-13', '10']);
    await page.getByRole('button', { name: 'Kirim untuk diperiksa' }).click();
    await page.getByRole('link', { name: /^Pegawai: wajib diisi/i }).waitFor();

    const box = page.getByRole('combobox', { name: 'Pegawai', exact: true });
    await box.fill(person.name.split(' ').slice(0, 2).join(' ').toLowerCase());
    await page.getByRole('option').filter({ hasText: person.nip }).click();
    await attachScan(page, 'pindaian-kertas.pdf', 'catat-sertifikat-360');
    await page.getByRole('button', { name: 'Kirim untuk diperiksa' }).click();

    // Back on the list, it waits for the check under the employee's name.
    await page.getByRole('heading', { level: 1, name: /verifikasi sertifikat/i }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: paper });
    await card.getByText(person.nip).waitFor();
    await context.close();
  });
});
