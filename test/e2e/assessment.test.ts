import { yearIn } from '../../src/domain/time';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import { expectNoSidewaysScroll, phoneContext, menuLink, useBrowser } from './support';

/** Chooses a level in every competency card shown (the standard level when marked, else 3). */
async function fillAll(page: Page) {
  const groups = page.getByRole('radiogroup');
  await groups.first().waitFor();
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    const g = groups.nth(i);
    if (!(await g.isVisible())) continue;
    const standard = g.getByRole('radio', { name: /standar/i });
    await ((await standard.count()) ? standard.first() : g.getByRole('radio', { name: /^level 3/i })).click();
  }
  return n;
}

describe('assessments in the browser', () => {
  const browser = useBrowser();

  it('a pegawai self-assesses on a 360 px phone from the task list and sees the profile updated', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'pegawai.dukcapil');
    // The bell holds the seeded reminder; following it leads to the tasks.
    await page.getByRole('button', { name: /notifikasi, \d+ belum dibaca/i }).click();
    const bell = page.getByRole('dialog', { name: /notifikasi/i });
    const reminder = bell.getByRole('button', { name: /pemetaan kompetensi 2026/i }).first();
    await reminder.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'lonceng-360');
    await reminder.click();
    await page.waitForURL((u) => u.pathname === '/penilaian');
    await bell.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: /tugas penilaian saya/i }).waitFor();
    const self = page.getByRole('region', { name: /penilaian diri/i });
    await self.getByText(/pemetaan kompetensi 2026/i).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'penilaian-tugas-360');

    await self
      .getByRole('link', { name: /^nilai /i })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /penilaian diri/i }).waitFor();
    await page.getByText(/^0 dari \d+ terisi$/).waitFor();
    // Saving with nothing chosen names the first competency in the summary.
    await page.getByRole('button', { name: /simpan penilaian/i }).click();
    await page
      .getByRole('alert')
      .getByText(/ada yang perlu diperbaiki/i)
      .waitFor();
    await page
      .getByRole('radiogroup')
      .first()
      .getByRole('radio', { name: /^level 4/i })
      .click();
    await page.getByText(/^1 dari \d+ terisi$/).waitFor();
    // A reload keeps the unsaved choice.
    await page.reload();
    await page.getByText(/pilihan yang belum tersimpan dipulihkan/i).waitFor();
    await page.getByText(/^1 dari \d+ terisi$/).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'penilaian-formulir-360');
    await fillAll(page);
    const progress = await page.getByText(/^\d+ dari \d+ terisi$/).textContent();
    const [done, total] = progress!.match(/\d+/g)!.map(Number);
    expect(done).toBe(total);
    await page.getByRole('button', { name: /simpan penilaian/i }).click();
    await page.getByRole('heading', { level: 1, name: /tugas penilaian saya/i }).waitFor();
    await page.getByText(/tersimpan\. terima kasih/i).waitFor();
    expect(await page.getByRole('region', { name: /penilaian diri/i }).count()).toBe(0);
    await screenshot(page, 'penilaian-tersimpan-360');

    await page.getByRole('button', { name: /buka menu/i }).click();
    await page.getByRole('link', { name: /profil saya/i }).click();
    const history = page.getByRole('region', { name: /riwayat penilaian/i });
    await history.waitFor();
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jayapura' }).format(new Date());
    await history
      .getByText(new RegExp(`^Mandiri · ${today.replaceAll('/', '\\/')}`))
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'penilaian-riwayat-360');
    await context.close();
  });

  it('an atasan assesses a subordinate at 1280 px', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'atasan.dukcapil');
    await page.goto(`${baseUrl()}/penilaian`);
    const staff = page.getByRole('region', { name: /bawahan/i });
    await staff.waitFor();
    const link = staff.getByRole('link', { name: /^nilai /i }).first();
    const name = (await link.getAttribute('aria-label'))!.replace(/^nilai /i, '');
    await link.click();
    await page.getByRole('heading', { level: 1, name: /penilaian kompetensi/i }).waitFor();
    await page.getByText(/menilai sebagai: atasan/i).waitFor();
    await page.getByText(/^0 dari \d+ terisi$/).waitFor();
    await fillAll(page);
    await page
      .getByLabel(/catatan/i)
      .first()
      .fill('Konsisten melayani warga dengan jujur.');
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'penilaian-atasan-1280');
    await page.getByRole('button', { name: /simpan penilaian/i }).click();
    await page.waitForURL((u) => u.pathname === '/penilaian');
    const saved = page.getByRole('status').filter({ hasText: /tersimpan\. terima kasih/i });
    await saved.waitFor();
    expect(await saved.textContent()).toContain(name);

    // The subordinate's profile shows the assessment, with "Nilai" for the atasan.
    await page.goto(`${baseUrl()}/pegawai`);
    await page.getByRole('link', { name }).first().click();
    const history = page.getByRole('region', { name: /riwayat penilaian/i });
    await history
      .getByText(/konsisten melayani warga/i)
      .first()
      .waitFor();
    await history.getByRole('link', { name: /nilai kompetensi/i }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'penilaian-profil-bawahan-1280');
    await context.close();
  });

  it('an operator follows the campaign per unit and sends a reminder', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    await (await menuLink(page, /kampanye penilaian/i)).click();
    await page.getByRole('heading', { level: 1, name: /kampanye penilaian/i }).waitFor();
    await page.getByRole('link', { name: /lihat kemajuan: pemetaan kompetensi 2026/i }).click();
    await page.getByRole('img', { name: /persentase penilaian selesai per unit/i }).waitFor();
    expect(
      await page
        .getByRole('table', { name: /kemajuan per unit/i })
        .getByRole('row')
        .count(),
    ).toBeGreaterThan(1);
    await page.getByRole('button', { name: /kirim pengingat/i }).click();
    await page.getByText(/pengingat terkirim kepada \d+ orang/i).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'kampanye-detail-1280');

    await page.goto(`${baseUrl()}/kompetensi/impor-ac`);
    await page.getByRole('heading', { level: 1, name: /impor hasil assessment center/i }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'impor-ac-1280');
    await context.close();
  });

  it('an operator creates a campaign and imports assessment-centre results on a 360 px phone', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    await page.goto(`${baseUrl()}/kompetensi/kampanye`);
    await page.getByRole('button', { name: /^buat kampanye$/i }).click();
    const form = page.getByRole('region', { name: /^buat kampanye$/i });
    await form.getByRole('button', { name: /buat dan bagikan tugas/i }).click();
    await form
      .getByRole('alert')
      .getByRole('link', { name: /nama kampanye/i })
      .waitFor();
    await form.getByRole('link', { name: /batas waktu/i }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'kampanye-baru-galat-360');
    await form.getByLabel(/nama kampanye/i).fill('Penilaian 360 Seksi');
    await form.getByRole('checkbox', { name: /rekan kerja/i }).check();
    const due = `31/01/${yearIn('Asia/Jayapura') + 1}`;
    await form.getByLabel(/batas waktu/i).fill(due);
    await form.getByRole('button', { name: /buat dan bagikan tugas/i }).click();
    await page.getByRole('heading', { level: 2, name: 'Penilaian 360 Seksi' }).waitFor();
    await page
      .getByText(/^0 dari \d+ selesai \(0 %\)$/)
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'kampanye-detail-360');

    // Assessment-centre results: a bad row is named, a good file is previewed and saved once.
    const list = (await (await page.request.get(`${baseUrl()}/api/employees?pageSize=1`)).json()) as {
      items: { nip: string }[];
    };
    const nip = list.items[0]!.nip;
    const book = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Data');
      ws.addRow(['nip', 'kode_kompetensi', 'level', 'tanggal', 'catatan']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await page.getByRole('link', { name: /impor hasil assessment center/i }).click();
    await page.getByRole('heading', { level: 1, name: /impor hasil assessment center/i }).waitFor();
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'ac-salah.xlsx',
      mimeType: xlsxType,
      buffer: await book([[nip, 'M.9', 3, '2026-03-02', '']]),
    });
    await page.getByRole('button', { name: /periksa berkas/i }).click();
    await page.getByText(/ada 1 kesalahan/i).waitFor();
    await page.getByText(/^baris 2 · kolom kode_kompetensi$/i).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'impor-ac-galat-360');
    await input.setInputFiles({
      name: 'ac.xlsx',
      mimeType: xlsxType,
      buffer: await book([
        [nip, 'M.1', 4, '02/03/2026', 'UPT Penilaian Kompetensi'],
        [nip, 'M.2', 3, '2026-03-02', 'UPT Penilaian Kompetensi'],
      ]),
    });
    await page.getByRole('button', { name: /periksa berkas/i }).click();
    await page.getByText(/berkas siap: 2 hasil baru/i).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'impor-ac-pratinjau-360');
    await page.getByRole('button', { name: /simpan 2 hasil/i }).click();
    await page.getByText(/tersimpan: 2 hasil baru/i).waitFor();
    await context.close();
  });
});
