import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signIn } from '../helpers/browser';
import { expectNoSidewaysScroll, phoneContext, menuLink, useBrowser } from './support';

type Matrix = {
  positions: { id: string; code: string; name: string; levels: Record<string, number> }[];
  competencies: { id: string; code: string }[];
};

describe('competency dictionary and job standards (admin)', () => {
  const browser = useBrowser();

  it('admin changes one cell of the standards matrix and saves it', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin');
    await (await menuLink(page, /standar jabatan/i)).click();
    await page.getByRole('heading', { level: 1, name: /standar kompetensi jabatan/i }).waitFor();
    const grid = page.getByRole('region', { name: /standar kompetensi jabatan/i });
    await grid.waitFor();
    await page.waitForLoadState('networkidle');

    const before = await page.evaluate(
      async () => (await (await fetch('/api/position-standards?pageSize=25')).json()) as Matrix,
    );
    const first = before.positions[0]!;
    const m2 = before.competencies.find((c) => c.code === 'M.2')!;
    const next = first.levels[m2.id] === 4 ? '5' : '4';
    const cell = grid
      .getByRole('combobox', { name: new RegExp(`^M\\.2 .* untuk ${first.name}$`, 'i') })
      .first();
    await cell.selectOption(next);
    await page.getByText(/^1 perubahan belum disimpan$/i).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'standar-jabatan-1280');
    await page.getByRole('button', { name: /^simpan perubahan$/i }).click();
    await page.getByText(/^tersimpan: 0 ditambah, 1 diubah, 0 dihapus\.$/i).waitFor();
    await expect.poll(() => page.getByText(/perubahan belum disimpan/i).count()).toBe(0);
    const after = await page.evaluate(
      async () => (await (await fetch('/api/position-standards?pageSize=25')).json()) as Matrix,
    );
    expect(after.positions.find((p) => p.id === first.id)!.levels[m2.id]).toBe(Number(next));

    // Search narrows the matrix to the position (and keeps the saved level).
    await page.getByRole('searchbox', { name: /cari jabatan/i }).fill(first.code);
    const found = await page.evaluate(
      async (code) =>
        (
          (await (
            await fetch(`/api/position-standards?pageSize=25&q=${encodeURIComponent(code)}`)
          ).json()) as Matrix
        ).positions.length,
      first.code,
    );
    await expect.poll(() => grid.getByRole('row').count()).toBe(found + 1);
    expect(await cell.inputValue()).toBe(next);

    // The template panel offers the stored template or the class defaults, with the number of positions.
    await page.getByRole('button', { name: /^templat$/i }).click();
    const panel = page.getByRole('region', { name: /templat per jenis jabatan/i });
    await panel.getByRole('button', { name: /^terapkan ke \d+ jabatan$/i }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'standar-templat-1280');
    await context.close();
  });

  it('on a 360 px phone the standards are one card per position, without sideways scrolling', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.goto(page.url().replace(/\/[^/]*$/, '/kompetensi/standar'));
    await page.getByRole('heading', { level: 1, name: /standar kompetensi jabatan/i }).waitFor();
    await page.getByText(/^jabatan 1 dari 25$/i).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    const first = await page.getByRole('heading', { level: 2 }).textContent();
    await page
      .getByRole('button', { name: /^berikutnya ›$/i })
      .first()
      .click();
    await page.getByText(/^jabatan 2 dari 25$/i).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).textContent()).not.toBe(first);
    expect(await page.getByRole('combobox', { name: /^M\.1 .* untuk /i }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'standar-jabatan-360');
    await context.close();
  });

  it('admin edits a competency and sees version 2 with its history', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin');
    await (await menuLink(page, /kamus kompetensi/i)).click();
    await page.getByRole('heading', { level: 1, name: /kamus kompetensi/i }).waitFor();
    const item = page.getByRole('button', { name: /^T\.3 /i });
    await item.click();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'kamus-kompetensi-1280');

    await page.getByRole('button', { name: /^ubah$/i }).click();
    const dialog = page.getByRole('dialog', { name: /ubah T\.3/i });
    await dialog.waitFor();
    const definition = dialog.getByRole('textbox', { name: /^definisi/i });
    await definition.fill(`${await definition.inputValue()} Termasuk layanan daring.`);
    await dialog.getByLabel(/versi baru berlaku mulai/i).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'kamus-ubah-1280');
    await dialog.getByRole('button', { name: /^simpan$/i }).click();
    await page.getByText(/^T\.3 disimpan sebagai versi 2\.$/i).waitFor();
    await page.getByRole('button', { name: /^T\.3 .*versi 2/i }).waitFor();

    await page.getByRole('button', { name: /^riwayat versi$/i }).click();
    const history = page.getByRole('dialog', { name: /riwayat versi T\.3/i });
    await history.getByRole('heading', { name: /^versi 2:/i }).waitFor();
    await history.getByRole('heading', { name: /^versi 1:/i }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('admin checks a Moodle framework file: the exported dictionary imports back as no change', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.goto(page.url().replace(/\/[^/]*$/, '/kompetensi/kamus'));
    await page.getByRole('heading', { level: 1, name: /kamus kompetensi/i }).waitFor();
    const csv = await (
      await page.request.get(page.url().replace(/\/kompetensi.*$/, '/api/competencies/moodle.csv'))
    ).body();
    await page.getByRole('button', { name: /^impor dari moodle$/i }).click();
    const dialog = page.getByRole('dialog', { name: /impor kerangka kompetensi moodle/i });
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'kamus.csv', mimeType: 'text/csv', buffer: csv });
    await dialog.getByRole('button', { name: /^periksa berkas$/i }).click();
    await dialog.getByText(/^berkas sama dengan kamus sekarang/i).waitFor();
    await dialog.getByText(/^kompetensi baru: 0/i).waitFor();
    expect(await dialog.getByRole('button', { name: /^simpan impor$/i }).count()).toBe(0);

    // A broken file lists its errors by row and column.
    const broken = csv.toString('utf8').replace(/\n,T,/, '\nNOPE,T,');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'rusak.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await dialog.getByRole('button', { name: /^periksa berkas$/i }).click();
    await dialog
      .getByRole('cell', { name: /^Parent ID number$/ })
      .first()
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'kamus-impor-moodle-1280');
    await context.close();
  });

  it('the dictionary reads well on a 360 px phone', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'pegawai.dukcapil');
    await page.goto(page.url().replace(/\/[^/]*$/, '/kompetensi/kamus'));
    await page.getByRole('heading', { level: 1, name: /kamus kompetensi/i }).waitFor();
    await page.getByRole('button', { name: /^M\.1 /i }).click();
    await page
      .getByText(/^level 5 — /i)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: /^ubah$/i }).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'kamus-kompetensi-360');
    await context.close();
  });
});
