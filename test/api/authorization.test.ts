import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../../src/server/app.js';
import { ROLES, type Role } from '../../src/server/http/auth.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createPlatformAdminUser } from '../helpers/tenant-b.js';
import { ACCESS_TABLE, type Access } from './access-table.js';

/**
 * Walks every route × every role against the reviewed table in access-table.ts (not against the
 * routes' own declarations): a role outside the table's answer gets 403, anonymous gets 401, and a
 * route without a declaration denies everybody.
 */
let t: TestApp;
const cookies = {} as Record<Role, string>;
const USERS: Record<Role, string> = {
  admin: 'admin',
  operator: 'operator.dukcapil',
  atasan: 'atasan.dukcapil',
  pegawai: 'pegawai.dukcapil',
  mitra: 'mitra.unpatti',
  pimpinan: 'pimpinan',
};

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) cookies[role] = await t.login(USERS[role]);
});
afterAll(async () => t?.close());

const keyOf = (r: RouteAccess) => `${r.method} ${r.url}`;
const expected = (r: RouteAccess): Access | undefined => ACCESS_TABLE[keyOf(r)];

const sample = (url: string) =>
  url
    .replace(':nip', '196711101992031001')
    .replace(/:(\w+)/g, (_, name: string) =>
      name === 'format' ? 'xlsx' : name === 'kind' ? 'employees' : '00000000-0000-4000-8000-000000000000',
    );

describe('authorisation walk', () => {
  it('every API route declares who may call it', () => {
    const undeclared = t.app.routeTable.filter(
      (r: RouteAccess) => r.url.startsWith('/api/') && r.access === undefined,
    );
    expect(undeclared).toEqual([]);
  });

  it('every API route has a reviewed row in the access table, and each declaration matches it', () => {
    const api = t.app.routeTable.filter((r: RouteAccess) => r.url.startsWith('/api/'));
    expect(api.filter((r) => expected(r) === undefined).map(keyOf)).toEqual([]);
    const served = new Set(api.map(keyOf));
    expect(Object.keys(ACCESS_TABLE).filter((k) => !served.has(k))).toEqual([]);
    const differs = api
      .filter((r) => JSON.stringify(r.access) !== JSON.stringify(expected(r)))
      .map((r) => `${keyOf(r)}: declared ${JSON.stringify(r.access)}, table ${JSON.stringify(expected(r))}`);
    expect(differs).toEqual([]);
  });

  it('answers each role as the route declares', async () => {
    const routes = t.app.routeTable.filter(
      (r: RouteAccess) =>
        r.url.startsWith('/api/') &&
        !r.url.startsWith('/api/docs') &&
        !['/api/auth/login', '/api/auth/logout'].includes(r.url),
    );
    expect(routes.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const route of routes) {
      const url = sample(route.url);
      const anon = await t.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      const access = expected(route);
      if (access !== 'public' && anon.statusCode !== 401)
        wrong.push(`${route.method} ${route.url} anonymous → ${anon.statusCode}`);
      for (const role of ROLES) {
        const allowed =
          access === 'public' ||
          access === 'authenticated' ||
          (Array.isArray(access) && access.includes(role));
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: { cookie: cookies[role] },
          payload: route.method === 'GET' ? undefined : {},
        });
        if (!allowed && res.statusCode !== 403)
          wrong.push(`${route.method} ${route.url} ${role} → ${res.statusCode} (want 403)`);
        if (allowed && (res.statusCode === 401 || res.statusCode === 403)) {
          wrong.push(`${route.method} ${route.url} ${role} → ${res.statusCode} (want access)`);
        }
        if (res.statusCode >= 500) wrong.push(`${route.method} ${route.url} ${role} → ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('platform administrator', () => {
  it('reaches the platform routes and no route of a tenant role', async () => {
    const platform = await createPlatformAdminUser(t);
    const wrong: string[] = [];
    for (const route of t.app.routeTable.filter((r: RouteAccess) => r.url.startsWith('/api/'))) {
      const access = expected(route);
      if (access !== 'platform' && !Array.isArray(access)) continue;
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: sample(route.url),
        headers: { cookie: platform },
        payload: route.method === 'GET' ? undefined : {},
      });
      const allowed = access === 'platform';
      if (!allowed && res.statusCode !== 403)
        wrong.push(`${route.method} ${route.url} → ${res.statusCode} (want 403)`);
      if (allowed && [401, 403].includes(res.statusCode))
        wrong.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});
