import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import { expectNoSidewaysScroll, phoneContext, menuLink, useBrowser } from './support';

describe('talent 9-box', () => {
  const browser = useBrowser();

  it('pimpinan opens the 9-box, picks a box and sees its people', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'pimpinan');
    await (await menuLink(page, /talenta/i)).click();
    await page.getByRole('heading', { level: 1, name: /kotak 9 talenta/i }).waitFor();
    const grid = page.getByRole('group', { name: /kotak 9 talenta/i });
    await grid.waitFor();
    const boxes = grid.getByRole('button');
    expect(await boxes.count()).toBe(9);
    // Top-left is box 6 (high potential, low performance); bottom-right box 4.
    expect(await boxes.first().textContent()).toMatch(/^Kotak 6/);
    expect(await boxes.nth(8).textContent()).toMatch(/^Kotak 4/);
    expect(await grid.getByText(/kelompok suksesi/i).count()).toBe(3);
    // Choose the fullest box.
    const counts = await Promise.all(
      [...Array(9).keys()].map(async (i) =>
        Number((await boxes.nth(i).locator('span').nth(1).textContent())!.replace(/\./g, '')),
      ),
    );
    const fullest = counts.indexOf(Math.max(...counts));
    expect(counts[fullest]).toBeGreaterThan(0);
    const label = (await boxes.nth(fullest).locator('span').first().textContent())!;
    await boxes.nth(fullest).click();
    const list = page.getByRole('table', { name: new RegExp(`pegawai di ${label}$`, 'i') });
    await list.waitFor();
    expect(await list.locator('tbody tr').count()).toBe(Math.min(50, counts[fullest]!));
    expect(new URL(page.url()).searchParams.get('box')).toBe(label.replace('Kotak ', ''));
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'talenta-1280');

    await page.getByRole('button', { name: /belum lengkap/i }).click();
    await page.getByRole('table', { name: /datanya belum lengkap/i }).waitFor();
    await context.close();
  });

  it('fits a 360 px phone and admin sees the cut-off form', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.goto(`${baseUrl()}/kompetensi/talenta`);
    await page.getByRole('group', { name: /kotak 9 talenta/i }).waitFor();
    await page.getByRole('region', { name: /batas kotak/i }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'talenta-360');
    await context.close();
  });
});
