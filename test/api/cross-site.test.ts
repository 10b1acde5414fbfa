import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNip } from '../../src/domain/nip.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let operator: string;
let unitId: string;
let serial = 700;

beforeAll(async () => {
  t = await createTestApp({
    PUBLIC_URL: 'https://asah.ambon.go.id',
    ASAH_ALLOWED_ORIGINS: 'https://portal.ambon.go.id, http://front.test:8080',
  });
  operator = await t.login('operator.dukcapil');
  const units = (
    await t.app.inject({ method: 'GET', url: '/api/org-units', headers: { cookie: operator } })
  ).json() as { id: string; code: string }[];
  unitId = units.find((u) => u.code === 'DISDUKCAPIL')!.id;
});
afterAll(async () => t?.close());

const newEmployee = () => ({
  nip: encodeNip({
    birthDate: '1992-05-17',
    appointment: '2017-03',
    gender: 'P',
    serial: serial++,
    kind: 'PNS',
  }),
  name: 'Yohana Pattinama',
  status: 'PNS',
  golongan: '3a',
  unitId,
});

const countNamed = async () =>
  Number(
    (await t.db.execute(sql`select count(*)::int as n from employees where name = 'Yohana Pattinama'`))
      .rows[0]!.n,
  );

const postEmployee = (headers: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/employees',
    headers: { cookie: operator, ...headers },
    payload: newEmployee(),
  });

describe('changes from other sites', () => {
  it('refuses an employee sent from a page on another port or sibling site, and writes nothing', async () => {
    const before = await countNamed();
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://localhost:5173' },
      { origin: 'https://dukcapil.ambon.go.id' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate' },
      { 'sec-fetch-site': 'cross-site' },
      { referer: 'http://localhost:8081/jebakan.html' },
      // Browser-only headers with the session cookie, and nothing to show where the page was.
      { 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' },
    ]) {
      const res = await postEmployee(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'request.crossSite',
        title: 'Permintaan ditolak: perubahan data hanya boleh dikirim dari halaman Asah sendiri.',
      });
    }
    expect(await countNamed()).toBe(before);
    const en = await postEmployee({ origin: 'http://localhost:5173', 'accept-language': 'en' });
    expect(en.json().title).toBe('Request refused: changes may only be sent from Asah’s own pages.');
    const audit = await t.db.execute(sql`select count(*)::int as n from audit_log where entity = 'employee'`);
    expect(audit.rows[0]!.n).toBe(0);
  });

  it('accepts changes from its own origin, PUBLIC_URL, the allowed fronts, and callers without a browser', async () => {
    const before = await countNamed();
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://localhost' }, // the request's own Host (inject sends localhost:80)
      { origin: 'https://asah.ambon.go.id' },
      { origin: 'https://portal.ambon.go.id' },
      { origin: 'http://front.test:8080' },
      { 'sec-fetch-site': 'same-origin' },
      { referer: 'https://asah.ambon.go.id/pegawai' },
      {}, // curl, another server
    ]) {
      const res = await postEmployee(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
    }
    expect(await countNamed()).toBe(before + 7);
  });

  it('refuses a sign-in form posted from another site', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://127.0.0.1:9999' },
      payload: { username: 'operator.dukcapil', password: 'asah-demo' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.cookies).toEqual([]);
  });
});

describe('content types a route declares', () => {
  it('takes a JSON body only as application/json', async () => {
    const before = await countNamed();
    for (const [type, payload] of [
      ['text/plain', JSON.stringify(newEmployee())],
      ['application/x-www-form-urlencoded', new URLSearchParams(newEmployee()).toString()],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="nip"\r\n\r\n1\r\n--x--\r\n',
      ],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/employees',
        headers: { cookie: operator, 'content-type': type },
        payload,
      });
      expect(res.statusCode, type).toBe(415);
      expect(res.json().code).toBe('request.contentType');
    }
    expect(await countNamed()).toBe(before);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/employees',
      headers: { cookie: operator, 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify(newEmployee()),
    });
    expect(ok.statusCode).toBe(200);
  });

  it('takes no body on a route that declares none: text/plain and multipart answer 415', async () => {
    const session = await t.login('pegawai.dukcapil');
    for (const [type, payload] of [
      ['text/plain', 'x'],
      ['text/plain;charset=UTF-8', ''],
      ['multipart/form-data; boundary=x', '--x--\r\n'],
      ['application/x-www-form-urlencoded', 'a=1'],
      ['application/json', '{"alasan":"x"}'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: session, 'content-type': type },
        payload,
      });
      expect(res.statusCode, type).toBe(415);
      expect(res.json().title).toBe(
        `Alamat ini tidak menerima isi permintaan (dikirim: ${type.split(';')[0]!.toLowerCase()}).`,
      );
    }
    // Still signed in: nothing happened.
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session } });
    expect(me.statusCode).toBe(200);
    // An empty JSON document counts as no body.
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session },
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session } })).statusCode,
    ).toBe(401);
  });

  it('takes an upload only as multipart/form-data', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/employees/import?dryRun=true',
      headers: { cookie: operator, 'content-type': 'text/plain' },
      payload: 'nip,nama\n199205172017032001,Yohana',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('request.contentType');
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/employees/import?dryRun=true',
      headers: { cookie: operator },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
  });
});
