import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliRefusal, createAdmin, tenantCreate, tenantList } from '../../src/cli/tenants.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

/** The `asah tenant …` and `asah user create-admin` decisions, on the seeded database (Kota Ambon). */
let t: TestApp;
const passwordHash = 'x'; // never signed in with: only where the admin lands is checked
const tenantOf = async (username: string) =>
  (
    await t.db.execute<{ code: string; roles: string[] }>(sql`select t.code,
        array(select role from user_roles r where r.user_id = u.id) as roles
      from users u join tenants t on t.id = u.tenant_id where u.username = ${username}`)
  ).rows[0];
const count = async () =>
  (await t.db.execute<{ n: number }>(sql`select count(*)::int n from tenants`)).rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('asah tenant and create-admin', () => {
  it('one tenant and no code: the admin joins it', async () => {
    const r = await createAdmin(t.db, { username: 'admin.kedua', name: 'Admin Kedua', passwordHash });
    expect(r).toMatchObject({ created: false, tenant: { code: 'ambon' } });
    expect(await tenantOf('admin.kedua')).toEqual({ code: 'ambon', roles: ['admin'] });
  });

  it('an unknown code without a name is refused while tenants exist; nothing is written', async () => {
    const n = await count();
    await expect(
      createAdmin(t.db, { username: 'admin.tual', name: 'Admin Tual', tenantCode: 'tual', passwordHash }),
    ).rejects.toThrow(/--tenant-name/);
    expect(await count()).toBe(n);
    expect(await tenantOf('admin.tual')).toBeUndefined();
  });

  it('an unknown code with a name creates that tenant and says so', async () => {
    const r = await createAdmin(t.db, {
      username: 'admin.tual',
      name: 'Admin Tual',
      tenantCode: 'tual',
      tenantName: 'Pemerintah Kota Tual',
      passwordHash,
    });
    expect(r).toMatchObject({ created: true, tenant: { code: 'tual', name: 'Pemerintah Kota Tual' } });
    expect(await tenantOf('admin.tual')).toEqual({ code: 'tual', roles: ['admin'] });
    const rules = await t.db.execute(
      sql`select 1 from jp_rule_sets where tenant_id = (select id from tenants where code = 'tual')`,
    );
    expect(rules.rowCount).toBeGreaterThan(0);
  });

  it('a known code with a different name is refused', async () => {
    await expect(
      createAdmin(t.db, {
        username: 'admin.salah',
        name: 'Admin Salah',
        tenantCode: 'ambon',
        tenantName: 'Pemerintah Kota Tual',
        passwordHash,
      }),
    ).rejects.toThrow(CliRefusal);
    expect(await tenantOf('admin.salah')).toBeUndefined();
  });

  it('no code while several tenants exist is refused', async () => {
    await expect(
      createAdmin(t.db, { username: 'admin.mana', name: 'Admin Mana', passwordHash }),
    ).rejects.toThrow(/--tenant-code/);
    expect(await tenantOf('admin.mana')).toBeUndefined();
  });

  it('a known code (and its own name) adds an admin there', async () => {
    const r = await createAdmin(t.db, {
      username: 'admin.tual2',
      name: 'Admin Tual 2',
      tenantCode: 'tual',
      tenantName: 'Pemerintah Kota Tual',
      passwordHash,
    });
    expect(r.created).toBe(false);
    expect((await tenantOf('admin.tual2'))!.code).toBe('tual');
  });

  it('tenant create checks its input and refuses a taken code; list shows every tenant', async () => {
    await expect(
      tenantCreate(t.db, { code: 'Kota Saumlaki', name: 'Pemerintah Kota Saumlaki' }),
    ).rejects.toThrow(/--code/);
    await expect(
      tenantCreate(t.db, { code: 'saumlaki', name: 'Pemerintah Kota Saumlaki', timeZone: 'Mars/Base' }),
    ).rejects.toThrow(/--time-zone/);
    await expect(tenantCreate(t.db, { code: 'platform', name: 'Platform' })).rejects.toThrow(/--code/);
    await expect(tenantCreate(t.db, { code: 'tual', name: 'Kota Tual lagi' })).rejects.toThrow();
    const s = await tenantCreate(t.db, {
      code: 'saumlaki',
      name: 'Pemerintah Kabupaten Kepulauan Tanimbar',
      timeZone: 'Asia/Jayapura',
    });
    expect(s.code).toBe('saumlaki');
    expect((await tenantList(t.db)).map((x) => x.code)).toEqual(['ambon', 'tual', 'saumlaki']);
    const audit = await t.db.execute(
      sql`select 1 from audit_log where entity = 'tenant' and entity_id = ${s.id}`,
    );
    expect(audit.rowCount).toBe(1);
  });
});
