import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import { expectNoSidewaysScroll, phoneContext, menuLink, useBrowser } from './support';

describe('competency profile and gap map', () => {
  const browser = useBrowser();

  it('a pegawai sees their own competency profile on a 360 px phone', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'pegawai.dukcapil');
    await page.getByRole('button', { name: /buka menu/i }).click();
    await page.getByRole('link', { name: /profil saya/i }).click();
    const section = page.getByRole('region', { name: /^profil kompetensi$/i });
    await section.waitFor();
    await section.getByText(/job-person match/i).waitFor();
    await section.getByText(/ — (memenuhi syarat|masih memenuhi syarat|kurang memenuhi syarat)$/i).waitFor();
    // Phones get one card per competency.
    const cards = section.getByRole('list', { name: /kompetensi: standar/i });
    await cards.waitFor();
    expect(await cards.getByRole('listitem').count()).toBeGreaterThan(0);
    await section
      .getByText(/^(mandiri|atasan|rekan|assessment center|tes)$/i)
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'profil-kompetensi-360');

    // The radar chart loads on request; the table stays there for screen readers.
    await section.getByRole('button', { name: /lihat grafik/i }).click();
    await section.getByRole('img', { name: /radar kompetensi/i }).waitFor();
    expect(await section.getByRole('table').count()).toBe(1);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'profil-kompetensi-radar-360');
    await context.close();
  });

  it('admin drills down the gap map and follows a cell to the people below standard', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin');
    await (await menuLink(page, /peta kesenjangan/i)).click();
    await page.getByRole('heading', { level: 1, name: /peta kesenjangan kompetensi/i }).waitFor();
    const table = page.getByRole('table', { name: /kesenjangan kompetensi per unit/i });
    await table.waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.title()).toMatch(/· Asah$/);
    await expectAccessible(page);
    await screenshot(page, 'peta-kesenjangan-1280');

    await table.getByRole('link', { name: /^dinas kependudukan dan pencatatan sipil$/i }).click();
    await page.waitForURL((u) => u.searchParams.has('unitId'));
    const unitId = new URL(page.url()).searchParams.get('unitId')!;
    const trail = page.getByRole('navigation', { name: /unit yang dibuka/i });
    await trail.getByText(/^dinas kependudukan dan pencatatan sipil$/i).waitFor();
    const child = page.getByRole('table', { name: /kesenjangan kompetensi per unit/i });
    await child.waitFor();
    expect(await child.getByRole('rowheader').count()).toBeGreaterThan(0);
    expect(await child.getByRole('rowheader').allTextContents()).not.toContain(
      'Dinas Kependudukan dan Pencatatan Sipil',
    );
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'peta-kesenjangan-dukcapil-1280');

    // A cell opens the people of its unit whose position requires the competency, widest gap first.
    const cell = child
      .locator('tbody td a[href^="/kompetensi/peta/orang"][aria-label*="sudah dinilai"]')
      .first();
    const href = await cell.getAttribute('href');
    expect(href).toMatch(/^\/kompetensi\/peta\/orang\?/);
    // "below of assessed", and the not assessed apart.
    const counts = /(\d+) dari (\d+) pegawai yang sudah dinilai di bawah standar; (\d+) belum dinilai$/.exec(
      (await cell.getAttribute('aria-label')) ?? '',
    );
    expect(counts).not.toBeNull();
    await cell.click();
    await page.getByRole('heading', { level: 1, name: /pegawai di bawah standar/i }).waitFor();
    const target = new URL(page.url());
    expect(target.pathname).toBe('/kompetensi/peta/orang');
    expect(target.searchParams.get('unitId')).not.toBe(unitId);
    expect(target.searchParams.get('competencyId')).toBeTruthy();
    const people = page.getByRole('table', { name: /pegawai, standar dan level saat ini/i });
    await people.waitFor();
    const total = Number(counts![2]) + Number(counts![3]);
    await page
      .getByText(
        `${counts![1]} dari ${counts![2]} pegawai yang sudah dinilai di bawah standar; ${counts![3]} dari ${total} pegawai belum dinilai.`,
      )
      .waitFor();
    // The first rows are the people below standard: a gap of at least 1, each linking to a profile.
    const below = Number(counts![1]);
    const rows = people.locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(50, total));
    for (let i = 0; i < Math.min(below, 5); i++) {
      const gap = Number(await rows.nth(i).locator('td').last().textContent());
      expect(gap).toBeGreaterThanOrEqual(1);
      expect(await rows.nth(i).getByRole('link').getAttribute('href')).toMatch(/^\/pegawai\/\d{18}$/);
    }
    await page.getByRole('link', { name: /unduh excel/i }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'peta-kesenjangan-orang-1280');

    // Back on the map the breadcrumb leads up again.
    await page.goBack();
    await trail.getByRole('link').first().click();
    await page.waitForURL((u) => u.searchParams.get('unitId') !== unitId);
    await context.close();
  });

  it('the gap map fits a 360 px phone', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    await page.goto(`${baseUrl()}/kompetensi/peta`);
    await page.getByRole('heading', { level: 1, name: /peta kesenjangan kompetensi/i }).waitFor();
    await page.getByRole('navigation', { name: /unit yang dibuka/i }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'peta-kesenjangan-360');
    await context.close();
  });
});
