import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../../src/server/app.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

/**
 * Hostile input over every route that takes input: bodies, path and query parameters built from
 * each route's OpenAPI schema, one field at a time replaced by a value a fuzzer would try. No answer
 * may be 5xx, and every 4xx is problem+json. Deterministic: a fixed seed and a bounded count.
 */
interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  minimum?: number;
}
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const SEED = 20261202;
const VARIANTS_PER_ROUTE = 6;
const HOSTILE: unknown[] = [
  '\u0000',
  'abc\u0000def',
  '\ud800',
  'x\udfffy',
  '0000-01-01',
  '0000-12-31T00:00:00Z',
  '9999-01-01',
  '%',
  '%zz',
  '%00',
  'x'.repeat(20_000),
  1e308,
  -1e308,
  2 ** 63,
  1.5,
  -1,
  true,
  null,
  {},
  [],
  [null],
  { a: '\u0000' },
];
const ZERO_ID = '00000000-0000-4000-8000-000000000000';

/** A plausible value for a schema, so that the hostile field is the only thing wrong. */
function plausible(s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 6) return 'abc';
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return plausible(alt.find((a) => a.type !== 'null') ?? alt[0], depth + 1);
  if (s.allOf?.length) return plausible(s.allOf[0], depth + 1);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v, depth + 1)]),
      );
    case 'array':
      return [plausible(s.items, depth + 1)];
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    default:
      if (s.format === 'uuid') return ZERO_ID;
      if (s.format === 'date') return '2026-03-01';
      if (s.format === 'date-time') return '2026-03-01T08:00:00Z';
      if (s.format === 'email') return 'fuzz@example.org';
      return 'abcdefgh'.padEnd(Math.max(8, s.minLength ?? 0), 'x');
  }
}

/** The paths of every leaf (and every object) in a value, to replace one of them. */
function leaves(v: unknown, at: string[] = [], out: string[][] = []): string[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...at, String(i)], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, [...at, k], out);
  return out;
}
function replaced(v: unknown, at: string[], by: unknown): unknown {
  if (!at.length) return by;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string, unknown>;
  copy[at[0]!] = replaced(copy[at[0]!], at.slice(1), by);
  return copy;
}
/** Percent-encodes like encodeURIComponent, writing a lone surrogate as its (invalid) UTF-8 bytes. */
const enc = (s: string) =>
  [...s]
    .map((ch) => {
      const c = ch.charCodeAt(0);
      if (c >= 0xd800 && c <= 0xdfff && ch.length === 1)
        return ['%ED', (0xa0 | ((c >> 6) & 0x1f)).toString(16), (0x80 | (c & 0x3f)).toString(16)].join('%');
      return encodeURIComponent(ch);
    })
    .join('');
const asQueryValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

let t: TestApp;
let doc: { paths: Record<string, Record<string, Operation>> };
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  cookies.admin = await t.login('admin');
  cookies.operator = await t.login('operator.dukcapil');
  doc = t.app.swagger() as unknown as typeof doc;
});
afterAll(async () => t?.close());

// Signing out or changing one's own password would end the walk's sessions.
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/login', 'POST /api/auth/password']);

describe('hostile input walk', () => {
  it('never answers 5xx, and every 4xx is problem+json', { timeout: 120_000 }, async () => {
    const routes = t.app.routeTable.filter(
      (r: RouteAccess) =>
        r.url.startsWith('/api/') &&
        !r.url.startsWith('/api/docs') &&
        !SKIP.has(`${r.method} ${r.url}`) &&
        (r.method !== 'GET' || r.url.includes(':') || hasQuery(r)),
    );
    expect(routes.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    let sent = 0;
    for (const [ri, route] of routes.entries()) {
      const op = operation(route);
      const pathNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const queryParams = (op?.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = op?.requestBody?.content?.['application/json']?.schema;
      const base = {
        params: Object.fromEntries(pathNames.map((n) => [n, n === 'nip' ? '196711101992031001' : ZERO_ID])),
        query: Object.fromEntries(queryParams.map((p) => [p.name, plausible(p.schema)])),
        body: route.method === 'GET' || route.method === 'DELETE' ? undefined : plausible(bodySchema),
      };
      const targets: { part: 'params' | 'query' | 'body'; at: string[] }[] = [
        ...pathNames.map((n) => ({ part: 'params' as const, at: [n] })),
        ...queryParams.map((p) => ({ part: 'query' as const, at: [p.name] })),
        ...(base.body === undefined ? [] : leaves(base.body).map((at) => ({ part: 'body' as const, at }))),
      ];
      if (!targets.length) continue;
      const variants = fc.sample(
        fc.record({
          target: fc.constantFrom(...targets),
          hostile: fc.constantFrom(...HOSTILE),
          role: fc.constantFrom('admin', 'operator'),
        }),
        { seed: SEED + ri, numRuns: VARIANTS_PER_ROUTE },
      );
      for (const { target, hostile, role } of variants) {
        const params = { ...base.params };
        const query: Record<string, string> = Object.fromEntries(
          Object.entries(base.query).map(([k, v]) => [k, asQueryValue(v)]),
        );
        let body = base.body;
        let rawPath: string | null = null;
        if (target.part === 'params') {
          const s = asQueryValue(hostile);
          // A bare '%' goes into the path as is: malformed percent-encoding.
          rawPath = s.startsWith('%') ? s : enc(s);
          params[target.at[0]!] = rawPath;
        } else if (target.part === 'query') query[target.at[0]!] = asQueryValue(hostile);
        else body = replaced(body, target.at, hostile);
        const url =
          route.url.replace(/:(\w+)/g, (_, n: string) =>
            target.part === 'params' && n === target.at[0] ? rawPath! : params[n]!,
          ) +
          (Object.keys(query).length
            ? `?${Object.entries(query)
                .map(([k, v]) => `${enc(k)}=${enc(v)}`)
                .join('&')}`
            : '');
        const label = `${route.method} ${route.url} ${role} ${target.part}.${target.at.join('.')}=${JSON.stringify(hostile).slice(0, 24)}`;
        sent++;
        const res = await t.app
          .inject({
            method: route.method as 'POST',
            url,
            headers: { cookie: cookies[role]!, 'accept-language': 'id' },
            ...(body === undefined ? {} : { payload: body as object }),
          })
          .catch((e: Error) => e);
        if (res instanceof Error) {
          wrong.push(`${label} → ${res.message}`);
          continue;
        }
        if (res.statusCode >= 500) wrong.push(`${label} → ${res.statusCode}`);
        else if (
          res.statusCode >= 400 &&
          !String(res.headers['content-type']).startsWith('application/problem+json')
        )
          wrong.push(`${label} → ${res.statusCode} ${String(res.headers['content-type'])}`);
      }
    }
    expect(sent).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  });

  it('names the field, in Bahasa Indonesia first, for a NUL, a lone surrogate and year 0000', async () => {
    const cases = [
      { payload: { name: 'Bidang\u0000X' }, field: 'body.name', word: 'karakter' },
      { payload: { name: 'Bidang \ud800' }, field: 'body.name', word: 'karakter' },
    ];
    for (const c of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/org-units',
        headers: { cookie: cookies.admin! },
        payload: { code: 'FZ-1', ...c.payload },
      });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const err = res.json<{ errors: { field: string; message: string }[] }>().errors;
      expect(err).toContainEqual({ field: c.field, message: expect.stringContaining(c.word) });
    }
    const date = await t.app.inject({
      method: 'GET',
      url: '/api/audit?from=0000-01-01',
      headers: { cookie: cookies.admin! },
    });
    expect(date.statusCode).toBe(422);
    expect(date.json<{ errors: unknown[] }>().errors).toContainEqual({
      field: 'querystring.from',
      message: 'Tahun harus antara 1900 dan 2100.',
    });
    const pct = await t.app.inject({
      method: 'GET',
      url: `/api/employees/%`,
      headers: { cookie: cookies.admin! },
    });
    expect(pct.statusCode).toBeGreaterThanOrEqual(400);
    expect(pct.statusCode).toBeLessThan(500);
    expect(pct.headers['content-type']).toContain('application/problem+json');
  });
});

function operation(route: RouteAccess): Operation | undefined {
  const path = route.url.replace(/:(\w+)/g, '{$1}');
  return doc.paths[path]?.[route.method.toLowerCase()];
}
function hasQuery(route: RouteAccess) {
  return (operation(route)?.parameters ?? []).some((p) => p.in === 'query');
}
