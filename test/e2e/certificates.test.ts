import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import { expectNoSidewaysScroll, phoneContext, useBrowser } from './support';

describe('certificates', () => {
  const browser = useBrowser();

  it('a pegawai downloads their certificate PDF; a signed-out visitor verifies it on a 360 px phone', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'pegawai.dukcapil');
    await page.goto(`${baseUrl()}/belajar`);
    await page.getByRole('heading', { level: 1, name: 'Belajar saya' }).waitFor();
    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByTestId('certificate-pdf') })
      .first();
    const pdf = item.getByTestId('certificate-pdf');
    await pdf.waitFor();
    const label = (await pdf.getAttribute('aria-label'))!;
    const number = /sertifikat (\S+)$/.exec(label)![1]!;
    const res = await page.request.get(`${baseUrl()}${await pdf.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'sertifikat-belajar-360');

    // The "check" link carries the public code; open it in a fresh, signed-out phone.
    const verifyHref = (await item.getByRole('link', { name: 'Periksa keaslian' }).getAttribute('href'))!;
    expect(verifyHref).toMatch(/^\/verifikasi\/[2-9A-Z]{12}$/);
    const visitor = await phoneContext(browser());
    const pub = await visitor.newPage();
    await pub.goto(`${baseUrl()}${verifyHref}`);
    await pub.getByRole('heading', { level: 1, name: 'Periksa keaslian sertifikat' }).waitFor();
    await pub.getByText('Sertifikat sah', { exact: true }).waitFor();
    await pub.getByText(number, { exact: true }).waitFor();
    expect(pub.url()).toContain('/verifikasi/');
    await expectNoSidewaysScroll(pub);
    await expectAccessible(pub);
    await screenshot(pub, 'verifikasi-sah-360');

    // A code that does not exist.
    await pub.goto(`${baseUrl()}/verifikasi/ABCDEFGHJK23`);
    await pub.getByText('Tidak ditemukan', { exact: true }).waitFor();
    await expectAccessible(pub);
    await screenshot(pub, 'verifikasi-tidak-ditemukan-360');
    await visitor.close();
    await context.close();
  });
});
