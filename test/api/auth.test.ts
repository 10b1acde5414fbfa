import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('sign-in', () => {
  it('answers the health check with the database mode', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: expect.stringMatching(/^(embedded|external)$/) });
  });

  it('signs in with a session cookie, tells who I am, and signs out', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'pegawai.dukcapil', password: 'asah-demo' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'asah_session')!;
    expect(cookie.httpOnly).toBe(true);
    const headers = { cookie: `asah_session=${cookie.value}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'pegawai.dukcapil', roles: ['pegawai'] });
    expect(me.json().nip).toMatch(/^\d{18}$/);
    // The session lives in PostgreSQL, only as a hash of the token.
    const stored = await t.db.execute(sql`select id from sessions`);
    expect(stored.rows.map((r) => r.id)).not.toContain(cookie.value);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('refuses a wrong password with problem+json in Bahasa Indonesia, English on request', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'salah' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 401,
      code: 'auth.invalid',
      title:
        'Nama pengguna atau kata sandi salah. Setelah beberapa kali gagal, tunggu sebentar sebelum mencoba lagi.',
    });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'nobody', password: 'x' },
    });
    expect(en.json().title).toBe(
      'Wrong username or password. After several failures, wait a while before trying again.',
    );
  });

  it('holds an account back for a while after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'pimpinan', password: 'no' },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'pimpinan', password: 'no' },
    });
    expect(fifth.statusCode).toBe(401);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'pimpinan', password: 'asah-demo' },
    });
    expect(right.statusCode).toBe(401);
    expect(right.json().code).toBe('auth.invalid');
    const audit = await t.db.execute(
      sql`select action from audit_log where action in ('login.failed', 'lock')`,
    );
    expect(audit.rows.length).toBeGreaterThanOrEqual(5);
  });

  it('changes the password (argon2id) and ends other sessions', async () => {
    const first = await t.login('operator.bkpsdm');
    const second = await t.login('operator.bkpsdm');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'asah-demo', newPassword: 'pendek' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({
      field: 'body.newPassword',
      message: 'Terlalu pendek (minimal 10 karakter).',
    });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'asah-demo', newPassword: 'sandi-baru-yang-panjang' },
    });
    expect(ok.statusCode).toBe(200);
    const hash = await t.db.execute(sql`select password_hash from users where username = 'operator.bkpsdm'`);
    expect(String(hash.rows[0]!.password_hash)).toMatch(/^\$argon2id\$/);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second } })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first } })).statusCode,
    ).toBe(200);
    await t.login('operator.bkpsdm', 'sandi-baru-yang-panjang');
  });

  it('serves the OpenAPI 3.1 document and the interactive docs', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining(['/api/employees', '/api/auth/login', '/api/org-units']),
    );
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('answers unknown API addresses with problem+json 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('instansi', () => {
  it('shows the tenant with its time zone, and lets only an admin change it (audited)', async () => {
    const admin = await t.login('admin');
    const op = await t.login('operator.dukcapil');
    const me = await t.app.inject({ method: 'GET', url: '/api/tenant', headers: { cookie: op } });
    expect(me.json()).toMatchObject({ code: 'ambon', timeZone: 'Asia/Jayapura' });
    const denied = await t.app.inject({
      method: 'PATCH',
      url: '/api/tenant',
      headers: { cookie: op },
      payload: { name: 'X Y Z' },
    });
    expect(denied.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/tenant',
      headers: { cookie: admin },
      payload: { timeZone: 'Mars/Olympus' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('body.timeZone');
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/tenant',
      headers: { cookie: admin },
      payload: { settings: { certificatePrefix: 'BKPSDM-AMBON' } },
    });
    expect(ok.json().settings).toEqual({ certificatePrefix: 'BKPSDM-AMBON' });
    const rows = await t.db.execute(
      sql`select 1 from audit_log where entity = 'tenant' and action = 'update'`,
    );
    expect(rows.rowCount).toBe(1);
  });
});
