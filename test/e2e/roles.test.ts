import { describe, expect, it } from 'vitest';
import { baseUrl, signIn } from '../helpers/browser';
import { useBrowser } from './support';

const MENU: Record<string, { items: string[]; section: RegExp }> = {
  admin: {
    items: [
      'Beranda',
      'Unit kerja',
      'Pegawai',
      'Peta kesenjangan',
      'Talenta (9 kotak)',
      'Kamus kompetensi',
      'Standar jabatan',
      'Kampanye penilaian',
      'Kepatuhan 20 JP',
      'Katalog program',
      'Persetujuan',
      'Verifikasi sertifikat',
      'Mitra',
      'Proyek mahasiswa',
      'Impor data',
      'Pengguna',
      'Jejak audit',
      'Kotak keluar',
      'Akun saya',
    ],
    section: /pegawai menurut status/i,
  },
  pimpinan: {
    items: [
      'Beranda',
      'Unit kerja',
      'Pegawai',
      'Peta kesenjangan',
      'Talenta (9 kotak)',
      'Kamus kompetensi',
      'Standar jabatan',
      'Kepatuhan 20 JP',
      'Katalog program',
      'Mitra',
      'Proyek mahasiswa',
      'Akun saya',
    ],
    section: /pegawai menurut status/i,
  },
  'operator.dukcapil': {
    items: [
      'Beranda',
      'Unit kerja',
      'Pegawai',
      'Peta kesenjangan',
      'Talenta (9 kotak)',
      'Kamus kompetensi',
      'Standar jabatan',
      'Kampanye penilaian',
      'Kepatuhan 20 JP',
      'Katalog program',
      'Persetujuan',
      'Verifikasi sertifikat',
      'Mitra',
      'Proyek mahasiswa',
      'Impor data',
      'Akun saya',
    ],
    section: /opd saya/i,
  },
  'atasan.dukcapil': {
    items: [
      'Beranda',
      'Pegawai',
      'Kamus kompetensi',
      'Penilaian',
      'Belajar saya',
      'Katalog program',
      'Persetujuan',
      'Akun saya',
      'Profil saya',
    ],
    section: /bawahan saya/i,
  },
  'pegawai.dukcapil': {
    items: [
      'Beranda',
      'Kamus kompetensi',
      'Penilaian',
      'Belajar saya',
      'Katalog program',
      'Akun saya',
      'Profil saya',
    ],
    section: /^profil saya$/i,
  },
  'mitra.unpatti': {
    items: ['Beranda', 'Kamus kompetensi', 'Katalog program', 'Mitra', 'Proyek mahasiswa', 'Akun saya'],
    section: /^mitra$/i,
  },
};

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
      const nav = page.getByRole('navigation', { name: /menu utama/i });
      expect(await nav.getByRole('link').allTextContents()).toEqual(expected.items);
      await context.close();
    });
  }

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
