import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import {
  DESKTOP,
  expectNoSidewaysScroll,
  phoneContext,
  publishedProgramme,
  tag,
  useBrowser,
} from './support';

async function getJson<T>(req: APIRequestContext, path: string): Promise<T> {
  const res = await req.get(`${baseUrl()}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** Someone the signed-in operator may see (the server scopes the list). */
async function someoneVisible(req: APIRequestContext, sort: 'name' | 'nip') {
  const list = await getJson<{ items: { nip: string; name: string; fullName: string }[] }>(
    req,
    `/api/employees?pageSize=1&sort=${sort}`,
  );
  return list.items[0]!;
}

/** Total contribution value shown on the partner page, in rupiah. */
async function totalShown(page: Page): Promise<number> {
  const text = await page.getByText(/^Jumlah nilai kontribusi: Rp/).textContent();
  return Number(text!.replace(/\D/g, ''));
}

describe('organiser tools for programmes and partners', () => {
  const browser = useBrowser();

  it('BKPSDM revokes a certificate from the participants page; the public page then says revoked', async () => {
    // A programme held this morning: someone is nominated, approved, marked present and passes.
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'operator.bkpsdm');
    const p = await publishedProgramme(context, `Bimtek Uji Pencabutan ${tag()}`, [[-240, -120]]);
    const programId = p.id;
    const person = await someoneVisible(page.request, 'name');
    const nominated = await page.request.post(`${baseUrl()}/api/enrollments`, {
      data: { programId, nip: person.nip, reason: 'Tugas' },
    });
    expect(nominated.status()).toBe(200);
    const enrollmentId = ((await nominated.json()) as { enrollment: { id: string } }).enrollment.id;
    const admin = await browser().newContext();
    await signIn(await admin.newPage(), 'admin');
    for (let i = 0; i < 2; i++) {
      const r = await admin.request.post(`${baseUrl()}/api/enrollments/${enrollmentId}/decision`, {
        data: { decision: 'approve' },
      });
      expect(r.status()).toBe(200);
    }
    await admin.close();
    const marked = await page.request.put(`${baseUrl()}/api/sessions/${p.sessions[0]!.id}/attendance`, {
      data: { marks: [{ enrollmentId, status: 'hadir' }] },
    });
    expect(marked.status()).toBe(200);
    const done = await page.request.post(`${baseUrl()}/api/programs/${programId}/completion`);
    expect(done.status()).toBe(200);
    const roster = await getJson<{
      participants: {
        id: string;
        name: string;
        certificate: { number: string; verificationCode: string } | null;
      }[];
    }>(page.request, `/api/programs/${programId}/participants`);
    const holder = roster.participants.find((x) => x.id === enrollmentId)!;
    const certificate = holder.certificate!;

    await page.goto(`${baseUrl()}/program/${programId}/peserta`);
    const row = page.getByRole('row').filter({ hasText: certificate.number });
    await row.getByTestId('certificate-status').filter({ hasText: 'Sah' }).waitFor();
    await row.getByRole('button', { name: `Cabut sertifikat ${holder.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Cabut sertifikat ${certificate.number}` });
    await dialog.waitFor();
    // The reason is required.
    await dialog.getByRole('button', { name: 'Cabut', exact: true }).click();
    await dialog.getByText('Tulis alasan pencabutan (minimal 3 huruf).').waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'cabut-sertifikat-360');
    await page.locator('#revoke-reason').fill('Peserta tidak mengikuti seluruh sesi; data presensi salah.');
    await dialog.getByRole('button', { name: 'Cabut', exact: true }).click();
    await page.getByText(`Sertifikat ${certificate.number} dicabut.`).waitFor();
    await expect
      .poll(() => row.getByTestId('certificate-status').textContent(), { timeout: 10_000 })
      .toBe('Dicabut');
    expect(await row.getByRole('button', { name: /cabut sertifikat/i }).count()).toBe(0);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'peserta-sertifikat-dicabut-360');

    // Anyone checking the code now reads that it was revoked.
    const visitor = await phoneContext(browser());
    const pub = await visitor.newPage();
    await pub.goto(`${baseUrl()}/verifikasi/${certificate.verificationCode}`);
    await pub.getByText('Sertifikat dicabut', { exact: true }).waitFor();
    expect(await pub.getByText('Sertifikat sah', { exact: true }).count()).toBe(0);
    await visitor.close();
    await context.close();
  });

  it('an operator nominates by searching a name instead of typing a NIP (360 px)', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'operator.bkpsdm');
    const title = `Pelatihan Uji Usulan ${tag()}`;
    const p = await publishedProgramme(context, title, [[60 * 24 * 30, 60 * 24 * 30 + 240]]);
    const someone = await someoneVisible(page.request, 'nip');
    const part = someone.name.split(' ').find((w) => w.length >= 3) ?? someone.name;

    await page.goto(`${baseUrl()}/program/${p.id}`);
    await page.getByRole('button', { name: 'Usulkan pegawai' }).click();
    const picker = page.getByRole('combobox', { name: /pegawai yang diusulkan/i });
    await picker.fill('zzqx');
    await page.getByText('Tidak ditemukan. Periksa ejaan nama atau NIP.').first().waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'usulkan-tidak-ditemukan-360');

    await picker.fill(part.toLowerCase());
    const option = page.getByRole('option').filter({ hasText: someone.nip });
    await option.waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'usulkan-cari-pegawai-360');
    await option.click();
    await expect.poll(() => picker.inputValue()).toBe(`${someone.fullName} (${someone.nip})`);
    await page.locator('#enrol-reason').fill('Diperlukan untuk tugas pelayanan.');
    await page.getByRole('button', { name: 'Kirim' }).click();
    await page.getByText(`Usulan untuk ${someone.fullName} terkirim.`).waitFor();
    await expectAccessible(page);

    // The organiser sees the nominee on the participants page and replaces them, again by searching.
    const other = (
      await getJson<{ items: { nip: string; name: string; fullName: string }[] }>(
        page.request,
        '/api/employees?pageSize=2&sort=nip',
      )
    ).items[1]!;
    await page.goto(`${baseUrl()}/program/${p.id}/peserta`);
    const row = page.getByRole('row').filter({ hasText: someone.nip });
    await row.getByRole('button', { name: 'Ganti', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Ganti peserta ${someone.fullName}` });
    await dialog.getByRole('button', { name: 'Ganti peserta' }).click();
    await dialog.getByText('Pilih pegawai dari daftar hasil pencarian.').waitFor();
    await dialog.getByRole('combobox', { name: /pegawai pengganti/i }).fill(other.nip.slice(0, 14));
    const choice = page.getByRole('option').filter({ hasText: other.nip });
    await choice.waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'ganti-peserta-cari-360');
    await choice.click();
    await dialog.getByRole('button', { name: 'Ganti peserta' }).click();
    await page.getByText(`${someone.fullName} → ${other.fullName}`).waitFor();
    await page.getByRole('row').filter({ hasText: other.nip }).waitFor();
    await expectNoSidewaysScroll(page);
    await context.close();
  });

  it('BKPSDM deletes a partner contribution after confirming; the total and the chart per year follow', async () => {
    const context = await browser().newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, 'operator.bkpsdm');
    const partner = (
      await getJson<{ items: { id: string; name: string }[] }>(page.request, '/api/partners?q=Pattimura')
    ).items[0]!;
    const description = `Hibah peralatan uji ${tag()}`;
    const added = await page.request.post(`${baseUrl()}/api/partners/${partner.id}/contributions`, {
      data: { kind: 'peralatan', description, valueRupiah: 7_777_000, contributedOn: '2019-06-03' },
    });
    expect(added.status()).toBe(200);

    await page.goto(`${baseUrl()}/mitra/${partner.id}`);
    await page.getByRole('heading', { level: 1, name: partner.name }).waitFor();
    const perYear = page.getByRole('table', { name: /kontribusi per tahun/i });
    await perYear.getByRole('cell', { name: '2019', exact: true }).waitFor();
    const before = await totalShown(page);
    const item = page.getByRole('listitem').filter({ hasText: description });
    await item.getByRole('button', { name: /^Hapus kontribusi/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Hapus kontribusi?' });
    await dialog.getByText(description, { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'hapus-kontribusi-1280');
    // Cancelling keeps it.
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await item.waitFor();

    await item.getByRole('button', { name: /^Hapus kontribusi/ }).click();
    await dialog.getByRole('button', { name: 'Hapus kontribusi' }).click();
    await page.getByText('Kontribusi dihapus.').waitFor();
    await expect.poll(() => item.count()).toBe(0);
    await expect.poll(() => totalShown(page)).toBe(before - 7_777_000);
    await expect.poll(() => perYear.getByRole('cell', { name: '2019', exact: true }).count()).toBe(0);
    await context.close();

    const phone = await phoneContext(browser());
    const p2 = await phone.newPage();
    await signIn(p2, 'operator.bkpsdm');
    await p2.goto(`${baseUrl()}/mitra/${partner.id}`);
    await p2
      .getByRole('button', { name: /^Hapus kontribusi/ })
      .first()
      .waitFor();
    await p2.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(p2);
    await expectAccessible(p2);
    await screenshot(p2, 'mitra-kontribusi-hapus-360');
    await phone.close();
  });
});
