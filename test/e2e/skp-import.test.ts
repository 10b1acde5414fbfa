import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nineBox } from '../../src/domain/competency/gaps';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import { expectNoSidewaysScroll, phoneContext, menuLink, useBrowser } from './support';

type View = {
  year: number;
  cutoffs: { performance: [number, number]; potential: [number, number] };
  boxes: { box: number; count: number }[];
  selection: { people: { nip: string; name: string; potential: number | null }[] } | null;
};

/** Chooses the file through the page's file input and asks for the check (a dry run). */
async function upload(page: Page, name: string, buffer: Buffer) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByLabel(/berkas xlsx atau csv/i).click(),
  ]);
  await chooser.setFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.getByRole('button', { name: /^periksa berkas$/i }).click();
}

describe('SKP scores imported for the talent 9-box', () => {
  const browser = useBrowser();
  let filled: Buffer;

  it('operator downloads the template, uploads it filled, confirms, and the 9-box places the person', async () => {
    const context = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    await (await menuLink(page, /talenta/i)).click();
    await page.getByRole('heading', { level: 1, name: /kotak 9 talenta/i }).waitFor();

    // Someone of the OPD with a potential (JPM): the first person of last year's fullest box. The
    // year before has no SKP scores in the demo, so that person will be the only one placed there.
    const last = (await (await page.request.get(`${baseUrl()}/api/talent/nine-box`)).json()) as View;
    const fullest = last.boxes.reduce((a, b) => (b.count > a.count ? b : a));
    const chosen = (await (
      await page.request.get(`${baseUrl()}/api/talent/nine-box?box=${fullest.box}`)
    ).json()) as View;
    const person = chosen.selection!.people[0]!;
    const year = last.year - 1;
    const expectedBox = nineBox(150, person.potential!, last.cutoffs);

    await page.getByRole('link', { name: /^impor nilai skp$/i }).click();
    await page.getByRole('heading', { level: 1, name: /^impor nilai skp$/i }).waitFor();

    // 1. The template, filled in as an operator would: the example row replaced by a real one.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /unduh templat xlsx/i }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('templat-nilai-skp.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Petunjuk']);
    const data = wb.getWorksheet('Data')!;
    expect(data.getRow(1).values).toEqual([undefined, 'nip', 'nama', 'tahun', 'nilai_skp', 'predikat']);
    data.spliceRows(2, 1);
    data.addRow([person.nip, person.name, year, 150, 'Sangat Baik']);
    filled = Buffer.from(await wb.xlsx.writeBuffer());

    // 2. Check: a preview, nothing saved yet.
    await upload(page, 'nilai-skp.xlsx', filled);
    await page.getByText(/^berkas siap: 1 nilai baru, 0 nilai diganti, 0 sama/i).waitFor();
    const preview = page.getByRole('table', { name: /pratinjau baris pertama/i });
    await preview.getByRole('cell', { name: person.nip }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'impor-skp-pratinjau-1280');

    // 3. Save.
    await page.getByRole('button', { name: /^simpan 1 nilai$/i }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /tersimpan: 1 nilai baru/i })
      .waitFor();

    // The 9-box of that year now places exactly this person, in the box the score and JPM give.
    await page.getByRole('link', { name: /^kotak 9 talenta$/i }).click();
    await page.getByRole('heading', { level: 1, name: /kotak 9 talenta/i }).waitFor();
    await page.goto(`${baseUrl()}/kompetensi/talenta?year=${year}`);
    await page.getByText(/^1 dari [\d.]+ pegawai punya nilai potensi dan kinerja/).waitFor();
    const grid = page.getByRole('group', { name: /kotak 9 talenta/i });
    const box = grid.getByRole('button', { name: new RegExp(`^Kotak ${expectedBox}\\b`) });
    expect(await box.locator('span').nth(1).textContent()).toBe('1');
    await box.click();
    const list = page.getByRole('table', { name: new RegExp(`pegawai di kotak ${expectedBox}$`, 'i') });
    const row = list.locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain(person.name);
    expect(await row.first().locator('td').last().textContent()).toBe('150');
    await context.close();
  });

  it('fits a 360 px phone: the same file again changes nothing, a bad row names row and column', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    await page.goto(`${baseUrl()}/kompetensi/talenta/impor-skp`);
    await page.getByRole('heading', { level: 1, name: /^impor nilai skp$/i }).waitFor();

    await upload(page, 'nilai-skp.xlsx', filled);
    await page.getByText(/^berkas siap: 0 nilai baru, 0 nilai diganti, 1 sama/i).waitFor();
    await page.getByText(/^tidak ada yang berubah/i).waitFor();
    expect(await page.getByRole('button', { name: /^simpan/i }).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'impor-skp-sama-360');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(filled as unknown as ArrayBuffer);
    wb.getWorksheet('Data')!.getRow(2).getCell(4).value = 300;
    await upload(page, 'nilai-skp-salah.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await page
      .getByRole('alert')
      .filter({ hasText: /ada 1 kesalahan/i })
      .waitFor();
    await page.getByText(/^baris 2 · kolom nilai_skp$/i).waitFor();
    await page.getByText(/0 sampai 200/).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'impor-skp-salah-360');
    await context.close();
  });
});
