import { sql } from 'drizzle-orm';
import { DEMO_USERNAMES } from '../../src/server/seed/demo-accounts.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../../src/server/app.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pdfText, unzipText } from '../helpers/bytes.js';
import { createTenantB, TENANT_B, type TenantB } from '../helpers/tenant-b.js';

/**
 * Two tenants on one installation: Kota Ambon (the seed) and Kota Tual (made here). No route, for no
 * role of Ambon, shows anything of Tual — not in lists, details, downloads or public pages — and no
 * write of Ambon's changes Tual's rows.
 */
let t: TestApp;
let b: TenantB;
let bSessionId: string;
let bAdminUserId: string;
const A_USERS = DEMO_USERNAMES;
const cookies: Record<string, string> = {};
/** Ambon's people (NIPs and names of the demo accounts): the platform administrator must see none. */
const ambonSecrets: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  b = await createTenantB(t);
  for (const u of A_USERS) cookies[u] = await t.login(u);
  bSessionId = (
    await t.db.execute<{ id: string }>(sql`select id from program_sessions where program_id = ${b.programId}`)
  ).rows[0]!.id;
  bAdminUserId = (
    await t.db.execute<{ id: string }>(sql`select id from users where username = ${TENANT_B.admin}`)
  ).rows[0]!.id;
  b.secrets.push(bSessionId, bAdminUserId, TENANT_B.admin);
  cookies.platform = b.platformCookie;
  const people = await t.db.execute<{ nip: string; name: string }>(sql`select e.nip, e.name from users u
    join employees e on e.id = u.employee_id where u.username in ('pegawai.dukcapil', 'atasan.dukcapil')`);
  for (const p of people.rows) ambonSecrets.push(p.nip, p.name);
  expect(ambonSecrets).toHaveLength(4);
}, 120_000);
afterAll(async () => t?.close());

/** What a response carries, as text: downloads unpacked (XLSX) or decoded (PDF). */
function bodyText(res: { rawPayload: Buffer; headers: Record<string, unknown> }): string {
  const type = String(res.headers['content-type'] ?? '');
  const raw = res.rawPayload;
  if (raw.subarray(0, 2).toString() === 'PK') return unzipText(raw);
  if (type.includes('pdf') || raw.subarray(0, 5).toString() === '%PDF-')
    return pdfText(raw) + raw.toString('latin1');
  return raw.toString('utf8');
}

const leaks = (text: string, more: string[] = []) =>
  [...b.secrets, ...more].filter((s) => text.toLowerCase().includes(s.toLowerCase()));

/** B's rows, for checking that nothing of B changed. */
async function snapshotB() {
  const res = await t.db.execute<{ s: string }>(sql`select concat_ws('|',
      (select string_agg(concat_ws(',', id, code, name, active, path), ';' order by id) from org_units where tenant_id = ${b.id}),
      (select string_agg(concat_ws(',', id, nip, name, email, active, unit_id, supervisor_id), ';' order by id) from employees where tenant_id = ${b.id}),
      (select string_agg(concat_ws(',', id, title, status, capacity), ';' order by id) from programs where tenant_id = ${b.id}),
      (select string_agg(concat_ws(',', id, status), ';' order by id) from enrollments where tenant_id = ${b.id}),
      (select string_agg(concat_ws(',', id, number, revoked_at), ';' order by id) from certificates where tenant_id = ${b.id}),
      (select string_agg(concat_ws(',', id, status), ';' order by id) from external_certificates where tenant_id = ${b.id}),
      (select string_agg(concat_ws(',', id, name, size), ';' order by id) from files where tenant_id = ${b.id}),
      (select string_agg(concat_ws(',', id, username, active, display_name), ';' order by id) from users where tenant_id = ${b.id}),
      (select string_agg(concat_ws(',', id, role), ';' order by id) from user_roles where tenant_id = ${b.id}),
      (select concat_ws(',', name, time_zone, settings::text) from tenants where id = ${b.id})) as s`);
  return res.rows[0]!.s;
}

/** Fills a route's path parameters with Tual's ids, chosen by what the route is about. */
function fill(url: string): string {
  const byPrefix: [string, string][] = [
    ['/api/org-units/', b.unitIds[2]!],
    ['/api/positions/', b.positionId],
    ['/api/programs/', b.programId],
    ['/api/sessions/', bSessionId],
    ['/api/enrollments/', b.enrollmentId],
    ['/api/certificates/', b.certificate.id],
    ['/api/external-certificates/', b.externalId],
    ['/api/files/', b.file.id],
    ['/api/users/', bAdminUserId],
  ];
  const main = byPrefix.find(([p]) => url.startsWith(p))?.[1] ?? b.programId;
  return url
    .replace(':nip', b.employees[0]!.nip)
    .replace(':code', b.certificate.code)
    .replace(':sessionId', bSessionId)
    .replace(':userId', bAdminUserId)
    .replace(':year', '2026')
    .replace(':kind', 'employees')
    .replace(':format', 'xlsx')
    .replace(/:(\w+)/g, () => main);
}

describe('two tenants', () => {
  it('the platform administrator lists both tenants, without personal data', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/platform/tenants',
      headers: { cookie: b.platformCookie },
    });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { code: string; employees: number }[] }).items;
    expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(['ambon', 'tual']));
    expect(items.find((i) => i.code === 'tual')!.employees).toBe(2);
    expect(items.map((i) => i.code)).not.toContain('platform');
    expect(res.body).not.toContain(b.employees[0]!.nip);
    // …and reads nothing inside a tenant.
    for (const url of [
      '/api/employees',
      '/api/users',
      `/api/employees/${b.employees[0]!.nip}`,
      '/api/audit',
    ]) {
      const r = await t.app.inject({ method: 'GET', url, headers: { cookie: b.platformCookie } });
      expect(r.statusCode, url).toBe(403);
    }
  });

  it('creating a tenant refuses bad or taken input naming the field, and writes nothing', async () => {
    const count = async () =>
      (await t.db.execute<{ n: number }>(sql`select count(*)::int n from tenants`)).rows[0]!.n;
    const n = await count();
    const post = (body: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/platform/tenants',
        headers: { cookie: b.platformCookie },
        payload: {
          code: 'saumlaki',
          name: 'Pemerintah Kabupaten Kepulauan Tanimbar',
          timeZone: 'Asia/Jayapura',
          admin: { username: 'admin.saumlaki', displayName: 'Admin Saumlaki', password: 'rahasia-saumlaki' },
          ...body,
        },
      });
    const fieldOf = (r: { json(): unknown }) =>
      (r.json() as { errors: { field: string }[] }).errors[0]!.field;
    const badCode = await post({ code: 'Kota Saumlaki' });
    expect(badCode.statusCode).toBe(422);
    expect(fieldOf(badCode)).toBe('body.code');
    const reserved = await post({ code: 'platform' });
    expect(fieldOf(reserved)).toBe('body.code');
    const zone = await post({ timeZone: 'Mars/Olympus' });
    expect(fieldOf(zone)).toBe('body.timeZone');
    const short = await post({
      admin: { username: 'admin.saumlaki', displayName: 'Admin', password: 'pendek' },
    });
    expect(fieldOf(short)).toBe('body.admin.password');
    expect((await post({ code: 'tual' })).statusCode).toBe(409);
    const taken = await post({
      admin: { username: 'admin', displayName: 'Admin', password: 'rahasia-saumlaki' },
    });
    expect(taken.statusCode).toBe(409);
    expect(await count()).toBe(n);
    const admin = await t.app.inject({
      method: 'POST',
      url: '/api/platform/tenants',
      headers: { cookie: cookies.admin! },
      payload: {},
    });
    expect(admin.statusCode).toBe(403);
  });

  it('a new tenant starts empty: its admin sees its own data only', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/employees',
      headers: { cookie: b.adminCookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(b.employees[0]!.nip);
    expect(res.body).not.toContain('196711101992031001');
    const tenant = await t.app.inject({
      method: 'GET',
      url: '/api/tenant',
      headers: { cookie: b.adminCookie },
    });
    expect(tenant.json()).toMatchObject({ code: 'tual', name: TENANT_B.name });
  });

  it("no route shows any of Tual's data to any role of Ambon (nor Ambon's people to the platform administrator), and no write changes it", async () => {
    const before = await snapshotB();
    const routes = t.app.routeTable.filter(
      (r: RouteAccess) =>
        r.url.startsWith('/api/') &&
        !r.url.startsWith('/api/docs') &&
        !['/api/auth/login', '/api/auth/logout', '/api/auth/password'].includes(r.url),
    );
    expect(routes.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    const unitQuery = `unitId=${b.unitIds[2]}&programId=${b.programId}&nip=${b.employees[0]!.nip}`;
    for (const route of routes) {
      if (route.url === '/api/public/certificates/:code') continue; // checked below
      const url = fill(route.url);
      const urls = route.method === 'GET' ? [url, `${url}?${unitQuery}`, `${url}?q=Zyrtanuwela`] : [url];
      for (const user of [...A_USERS, 'platform']) {
        // The tenant list is the platform administrator's own page: it names Tual by design.
        if (user === 'platform' && route.url.startsWith('/api/platform/')) continue;
        for (const u of urls) {
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: u,
            headers: { cookie: cookies[user]! },
            payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
          });
          // A problem document names the request it answers (`instance`): the caller's own words.
          const found = leaks(
            bodyText(res).split(u).join('').split(u.split('?')[0]!).join(''),
            user === 'platform' ? ambonSecrets : [],
          );
          if (found.length)
            wrong.push(`${route.method} ${u} as ${user} → ${res.statusCode} shows ${found.join(', ')}`);
          if (res.statusCode >= 500) wrong.push(`${route.method} ${u} as ${user} → ${res.statusCode}`);
          if (route.method !== 'GET' && res.statusCode < 300 && route.url.includes(':'))
            wrong.push(
              `${route.method} ${u} as ${user} → ${res.statusCode} (a write on Tual's id succeeded)`,
            );
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshotB()).toBe(before);
  }, 600_000);

  it("Ambon's exports and lists (XLSX, CSV) hold none of Tual's people", async () => {
    const exports = t.app.routeTable.filter(
      (r: RouteAccess) => r.method === 'GET' && /\.(xlsx|csv)$|export/.test(r.url) && !r.url.includes(':'),
    );
    expect(exports.length).toBeGreaterThan(0);
    for (const r of exports) {
      const res = await t.app.inject({ method: 'GET', url: r.url, headers: { cookie: cookies.admin! } });
      expect(leaks(bodyText(res)), r.url).toEqual([]);
    }
  });

  it("the public verification shows Tual's certificate with Tual's data only", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/certificates/${b.certificate.code}` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Record<string, unknown>;
    expect(body).toMatchObject({
      number: b.certificate.number,
      holderName: b.employees[0]!.name,
      programTitle: b.programTitle,
      issuer: TENANT_B.name,
      status: 'valid',
    });
    expect(res.body.toLowerCase()).not.toContain('ambon');
    expect(res.body).not.toContain(b.employees[0]!.nip);
  });

  it("Tual's certificate PDF names Tual, never Ambon", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/certificates/${b.certificate.id}.pdf`,
      headers: { cookie: b.adminCookie },
    });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('PEMERINTAH KOTA TUAL');
    expect(text).toContain('Kepala BKPSDM Kota Tual');
    expect(text).toMatch(/Tual, \d\d\/\d\d\/\d{4}/);
    expect(text).toContain(b.employees[0]!.name);
    expect(text.toUpperCase()).not.toContain('AMBON');
  });
});
