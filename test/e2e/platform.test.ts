import { beforeAll, describe, expect, it, inject } from 'vitest';
import { connect } from '../../src/server/db/client.js';
import { hashPassword } from '../../src/server/modules/auth/passwords.js';
import { createPlatformAdmin } from '../../src/server/modules/platform/service.js';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import { expectNoSidewaysScroll, phoneContext, tag, useBrowser } from './support';

const USER = `platform.${tag().toLowerCase()}`;
const PASSWORD = 'platform-rahasia-1';

/** The platform admin's Instansi page: every tenant listed, a new one made with its first admin. */
describe('Instansi (platform admin)', () => {
  const browser = useBrowser();

  beforeAll(async () => {
    const database = connect(inject('e2eDatabaseUrl'), 'external', 1);
    try {
      const passwordHash = await hashPassword(PASSWORD);
      await database.db.transaction((tx) =>
        createPlatformAdmin(
          tx,
          { tenantId: null, userId: null, name: 'uji', requestId: null },
          { username: USER, displayName: 'Admin Platform Uji', passwordHash },
        ),
      );
    } finally {
      await database.close();
    }
  });

  it('lists the tenants, creates one that then shows in the list; accessible at 360 px', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, USER, PASSWORD);
    await page.goto(`${baseUrl()}/instansi`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Instansi' }).count())
      .toBeGreaterThan(0);
    const table = page.getByRole('table', { name: 'Daftar instansi' });
    await expect.poll(() => table.getByText('Pemerintah Kota Ambon').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    const code = `uji-${tag().toLowerCase()}`;
    const name = `Pemerintah Kabupaten Uji ${code}`;
    await page.getByRole('button', { name: 'Tambah instansi' }).click();
    await page.getByLabel(/^Kode/).fill(code);
    await page.getByLabel('Nama instansi', { exact: false }).fill(name);
    await page.getByLabel('Nama pengguna admin', { exact: false }).fill(`admin.${code}`);
    await page.getByLabel(/^Nama admin/).fill('Admin Uji');
    await page.getByLabel('Kata sandi awal', { exact: false }).fill('kata-sandi-awal-uji');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Buat instansi' }).click();
    await expect.poll(() => page.getByText(`Instansi ${name} dibuat.`).count()).toBeGreaterThan(0);
    await expect.poll(() => table.getByText(name).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'instansi-360');
    await context.close();
  });
});
