import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import {
  expectNoSidewaysScroll,
  mainMenu,
  menuLink,
  phoneContext,
  readMenu,
  useBrowser,
  type MenuShape,
} from './support';

/** What admin and OPD operators share: the competency and development groups. */
const OPERATOR_GROUPS: MenuShape = [
  [
    'Kompetensi',
    ['Peta kesenjangan', 'Talenta (9 kotak)', 'Kamus kompetensi', 'Standar jabatan', 'Kampanye penilaian'],
  ],
  ['Pengembangan', ['Katalog program', 'Persetujuan', 'Verifikasi sertifikat', 'Mitra', 'Proyek mahasiswa']],
];

const MENU: Record<string, { menu: MenuShape; collapsed: boolean; section: RegExp }> = {
  admin: {
    menu: [
      'Beranda',
      ...OPERATOR_GROUPS,
      'Kepatuhan 20 JP',
      ['Organisasi', ['Unit kerja', 'Pegawai', 'Impor data']],
      ['Administrasi', ['Pengguna', 'Jejak audit', 'Kotak keluar']],
      'Akun saya',
    ],
    collapsed: true,
    section: /pegawai menurut status/i,
  },
  pimpinan: {
    menu: [
      'Beranda',
      ['Kompetensi', ['Peta kesenjangan', 'Talenta (9 kotak)', 'Kamus kompetensi', 'Standar jabatan']],
      ['Pengembangan', ['Katalog program', 'Mitra', 'Proyek mahasiswa']],
      'Kepatuhan 20 JP',
      ['Organisasi', ['Unit kerja', 'Pegawai']],
      'Akun saya',
    ],
    collapsed: true,
    section: /pegawai menurut status/i,
  },
  'operator.dukcapil': {
    menu: [
      'Beranda',
      ...OPERATOR_GROUPS,
      'Kepatuhan 20 JP',
      ['Organisasi', ['Unit kerja', 'Pegawai', 'Impor data']],
      'Akun saya',
    ],
    collapsed: true,
    section: /opd saya/i,
  },
  // Short menus (ten links or fewer) open all their groups.
  'atasan.dukcapil': {
    menu: [
      'Beranda',
      ['Kompetensi', ['Kamus kompetensi', 'Penilaian']],
      ['Pengembangan', ['Belajar saya', 'Katalog program', 'Persetujuan']],
      'Pegawai',
      ['Akun', ['Profil saya', 'Akun saya']],
    ],
    collapsed: false,
    section: /bawahan saya/i,
  },
  'pegawai.dukcapil': {
    menu: [
      'Beranda',
      ['Kompetensi', ['Kamus kompetensi', 'Penilaian']],
      ['Pengembangan', ['Belajar saya', 'Katalog program']],
      ['Akun', ['Profil saya', 'Akun saya']],
    ],
    collapsed: false,
    section: /^profil saya$/i,
  },
  'mitra.unpatti': {
    menu: [
      'Beranda',
      'Kamus kompetensi',
      ['Pengembangan', ['Katalog program', 'Mitra', 'Proyek mahasiswa']],
      'Akun saya',
    ],
    collapsed: false,
    section: /^mitra$/i,
  },
};

const groupsOf = (menu: MenuShape) => menu.filter((e) => typeof e !== 'string');
const linksOf = (menu: MenuShape) => menu.flatMap((e) => (typeof e === 'string' ? [e] : e[1]));

describe('each role lands on its first screen and sees only its menu', () => {
  const browser = useBrowser();

  for (const [user, expected] of Object.entries(MENU)) {
    it(user, async () => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signIn(page, user);
      expect(new URL(page.url()).pathname).toBe('/');
      await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
      await page.getByRole('heading', { level: 2, name: expected.section }).waitFor();
      const nav = mainMenu(page);
      // On Beranda no group holds the page: long menus start with every group closed, and a closed
      // group renders none of its links.
      const groups = nav.getByRole('button', { expanded: !expected.collapsed });
      expect(await groups.allTextContents()).toEqual(groupsOf(expected.menu).map(([label]) => label));
      expect(await nav.getByRole('link').allTextContents()).toEqual(
        expected.collapsed ? expected.menu.filter((e) => typeof e === 'string') : linksOf(expected.menu),
      );
      expect(await readMenu(page)).toEqual(expected.menu);
      expect(await nav.getByRole('link').allTextContents()).toEqual(linksOf(expected.menu));
      await context.close();
    });
  }

  it('the group holding the page opens by itself; groups open and close from the keyboard', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.goto(`${baseUrl()}/kompetensi/kamus`);
    await page.getByRole('heading', { level: 1, name: /kamus kompetensi/i }).waitFor();
    const nav = mainMenu(page);
    const competency = nav.getByRole('button', { name: 'Kompetensi' });
    expect(await competency.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.getByRole('link', { name: 'Kamus kompetensi' }).getAttribute('aria-current')).toBe(
      'page',
    );
    for (const name of ['Pengembangan', 'Organisasi', 'Administrasi']) {
      expect(await nav.getByRole('button', { name }).getAttribute('aria-expanded')).toBe('false');
    }
    expect(await nav.getByRole('link', { name: 'Jejak audit' }).count()).toBe(0);

    // Enter opens a group and Tab walks into its links; Space closes it again.
    const admin = nav.getByRole('button', { name: 'Administrasi' });
    await admin.focus();
    await page.keyboard.press('Enter');
    expect(await admin.getAttribute('aria-expanded')).toBe('true');
    // The group's links take a frame to show (the opening transition starts from display: none), and a
    // link not yet shown cannot take the focus.
    await nav.getByRole('link', { name: 'Pengguna' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pengguna');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await admin.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => nav.getByRole('link', { name: 'Pengguna' }).count()).toBe(0);
    await page.keyboard.press('Space');
    await nav.getByRole('link', { name: 'Jejak audit' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'menu-admin-1280');

    // A page of another group opens that group too; the one already open stays open.
    await nav.getByRole('link', { name: 'Jejak audit' }).click();
    await page.getByRole('heading', { level: 1, name: /jejak audit/i }).waitFor();
    expect(await competency.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.getByRole('link', { name: 'Jejak audit' }).getAttribute('aria-current')).toBe('page');
    await context.close();
  });

  it('on a 360 px phone the grouped menu sits behind the burger and closes after a choice', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
    const burger = page.getByRole('button', { name: /buka menu/i });
    await burger.click();
    const nav = mainMenu(page);
    await nav.getByRole('button', { name: 'Organisasi' }).click();
    await nav.getByRole('link', { name: 'Impor data' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'menu-admin-360');
    await (await menuLink(page, 'Pegawai')).click();
    await page.getByRole('heading', { level: 1, name: /^pegawai$/i }).waitFor();
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    await burger.click();
    expect(await nav.getByRole('button', { name: 'Organisasi' }).getAttribute('aria-expanded')).toBe('true');
    expect(await nav.getByRole('link', { name: 'Pegawai' }).getAttribute('aria-current')).toBe('page');
    await context.close();
  });

  it('a screen outside the role says so instead of showing data', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await signIn(page, 'pegawai.dukcapil');
    await page.goto(`${baseUrl()}/pengguna`);
    await page.getByRole('heading', { level: 1, name: /tidak ada akses/i }).waitFor();
    await context.close();
  });

  it('a signed-out visitor is sent to /masuk and comes back after signing in', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/unit?q=dukcapil`);
    await page.waitForURL((u) => u.pathname === '/masuk');
    await page.getByLabel(/nama pengguna/i).fill('admin');
    await page.getByLabel(/kata sandi/i).fill('salah-sekali');
    await page.getByRole('button', { name: /masuk/i }).click();
    await page.getByRole('alert').filter({ hasText: /salah/i }).waitFor();
    await page.getByLabel(/kata sandi/i).fill('asah-demo');
    await page.getByRole('button', { name: /masuk/i }).click();
    await page.waitForURL((u) => u.pathname === '/unit');
    expect(new URL(page.url()).searchParams.get('q')).toBe('dukcapil');
    await context.close();
  });
});
