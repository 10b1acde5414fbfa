import { todayIn } from '../../src/domain/time.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../src/server/modules/imports/testkit.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
const c = {} as Record<'admin' | 'opBkpsdm' | 'op' | 'mitra' | 'pegawai' | 'pimpinan', string>;
type Problem = { code: string; errors?: { field?: string; message: string }[] };
type Partner = {
  id: string;
  name: string;
  kind: string;
  active: boolean;
  members: { username: string }[];
  agreements: { id: string; number: string; status: string; document: { name: string } | null }[];
  totals: { total: number; byYear: { year: number; total: number }[] };
  canManage: boolean;
};

const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, payload: method === 'GET' ? undefined : (payload ?? {}) });
const n = async (q: ReturnType<typeof sql>) => (await t.db.execute<{ n: number }>(q)).rows[0]!.n;
const today = () => todayIn('Asia/Jayapura');
const plus = (days: number) =>
  new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const names = {
    admin: 'admin',
    opBkpsdm: 'operator.bkpsdm',
    op: 'operator.dukcapil',
    mitra: 'mitra.unpatti',
    pegawai: 'pegawai.dukcapil',
    pimpinan: 'pimpinan',
  } as const;
  for (const [k, u] of Object.entries(names)) c[k as keyof typeof names] = await t.login(u);
});
afterAll(async () => t?.close());

describe('partners', () => {
  it('lists the demo partners with search and kind filter; a mitra sees only their own', async () => {
    const all = (await send('GET', '/api/partners?pageSize=50', c.admin)).json() as {
      items: Partner[];
      total: number;
    };
    expect(all.total).toBeGreaterThanOrEqual(8);
    expect(all.items.map((p) => p.name)).toContain('Universitas Pattimura');
    const unis = (await send('GET', '/api/partners?kind=universitas', c.admin)).json() as {
      items: Partner[];
    };
    expect(unis.items.every((p) => p.kind === 'universitas')).toBe(true);
    const q = (await send('GET', '/api/partners?q=telkom', c.opBkpsdm)).json() as { items: Partner[] };
    expect(q.items.map((p) => p.name)).toEqual(['PT Telkom Indonesia Witel Maluku']);
    const mine = (await send('GET', '/api/partners', c.mitra)).json() as { items: Partner[] };
    expect(mine.items.map((p) => p.name)).toEqual(['Universitas Pattimura']);
    const other = all.items.find((p) => p.name === 'Politeknik Negeri Ambon')!;
    expect((await send('GET', `/api/partners/${other.id}`, c.mitra)).statusCode).toBe(404);
    expect((await send('GET', '/api/partners', c.pegawai)).statusCode).toBe(403);
  });

  it('admin and BKPSDM operators create, edit and deactivate; other operators only read; audited', async () => {
    const bad = await send('POST', '/api/partners', c.opBkpsdm, { name: '', kind: 'kampus' });
    expect(bad.statusCode).toBe(422);
    const fields = ((bad.json() as Problem).errors ?? []).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.kind']));

    const created = await send('POST', '/api/partners', c.opBkpsdm, {
      name: 'Universitas Kristen Indonesia Maluku',
      kind: 'universitas',
      contactEmail: 'kerjasama@ukim.ac.id',
    });
    expect(created.statusCode).toBe(200);
    const p = created.json() as Partner;
    expect(p.canManage).toBe(true);
    const dup = await send('POST', '/api/partners', c.admin, {
      name: 'universitas kristen indonesia maluku',
      kind: 'universitas',
    });
    expect(dup.statusCode).toBe(422);
    expect((dup.json() as Problem).errors![0]!.field).toBe('body.name');

    expect((await send('POST', '/api/partners', c.op, { name: 'Mitra OPD', kind: 'lsm' })).statusCode).toBe(
      403,
    );
    expect((await send('PATCH', `/api/partners/${p.id}`, c.op, { name: 'X' })).statusCode).toBe(403);
    expect(((await send('GET', `/api/partners/${p.id}`, c.op)).json() as Partner).canManage).toBe(false);

    const off = await send('PATCH', `/api/partners/${p.id}`, c.admin, { active: false });
    expect((off.json() as Partner).active).toBe(false);
    const list = (await send('GET', '/api/partners?q=kristen', c.admin)).json() as { total: number };
    expect(list.total).toBe(0);
    const withInactive = (
      await send('GET', '/api/partners?q=kristen&includeInactive=true', c.admin)
    ).json() as { total: number };
    expect(withInactive.total).toBe(1);
    expect(
      await n(sql`select count(*)::int as n from audit_log where entity = 'partner' and entity_id = ${p.id}`),
    ).toBe(2);
  });

  it('links a mitra user to a partner; refuses users without the mitra role', async () => {
    const polnam = ((await send('GET', '/api/partners?q=politeknik', c.admin)).json() as { items: Partner[] })
      .items[0]!;
    const refused = await send('POST', `/api/partners/${polnam.id}/members`, c.admin, {
      username: 'pegawai.dukcapil',
    });
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as Problem).errors![0]!.field).toBe('body.username');
    const linked = await send('POST', `/api/partners/${polnam.id}/members`, c.admin, {
      username: 'mitra.unpatti',
    });
    expect((linked.json() as Partner).members.map((m) => m.username)).toEqual(['mitra.unpatti']);
    const mine = (await send('GET', '/api/partners', c.mitra)).json() as { items: Partner[] };
    expect(mine.items.map((p) => p.name).sort()).toEqual([
      'Politeknik Negeri Ambon',
      'Universitas Pattimura',
    ]);
    const userId = (
      await t.db.execute<{ id: string }>(sql`select id from users where username = 'mitra.unpatti'`)
    ).rows[0]!.id;
    await send('DELETE', `/api/partners/${polnam.id}/members/${userId}`, c.admin);
    const after = (await send('GET', '/api/partners', c.mitra)).json() as { items: Partner[] };
    expect(after.items.map((p) => p.name)).toEqual(['Universitas Pattimura']);
  });
});

describe('agreements', () => {
  it('shows berlaku / segera berakhir / berakhir from the end date and the reminder window', async () => {
    const res = (await send('GET', '/api/agreements', c.admin)).json() as { items: Partner['agreements'] };
    const statuses = new Set(res.items.map((a) => a.status));
    expect(statuses).toEqual(new Set(['berlaku', 'segera_berakhir', 'berakhir']));
    const soon = (await send('GET', '/api/agreements?status=segera_berakhir', c.admin)).json() as {
      items: { number: string; daysLeft: number }[];
    };
    expect(soon.items.length).toBeGreaterThan(0);
    expect(soon.items.every((a) => a.daysLeft >= 0 && a.daysLeft <= 60)).toBe(true);
  });

  it('creates an agreement (end before start names the field), stores a PDF checked from its content', async () => {
    const telkom = ((await send('GET', '/api/partners?q=telkom', c.admin)).json() as { items: Partner[] })
      .items[0]!;
    const bad = await send('POST', `/api/partners/${telkom.id}/agreements`, c.admin, {
      kind: 'pks',
      number: 'PKS/UJI/1',
      title: 'Uji',
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as Problem).errors!.map((e) => e.field)).toContain('body.endsOn');
    const ok = await send('POST', `/api/partners/${telkom.id}/agreements`, c.admin, {
      kind: 'pks',
      number: 'PKS/UJI/1',
      title: 'Perjanjian uji',
      startsOn: plus(-10),
      endsOn: plus(400),
      remindDaysBefore: 30,
    });
    expect(ok.statusCode).toBe(200);
    const a = ok.json() as { id: string; status: string };
    expect(a.status).toBe('berlaku');

    const png = multipart(
      'perjanjian.pdf',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]),
    );
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/agreements/${a.id}/document`,
      headers: { cookie: c.admin, ...png.headers },
      payload: png.payload,
    });
    expect(wrong.statusCode).toBe(422);
    expect((wrong.json() as Problem).errors![0]!.field).toBe('file');
    const pdf = multipart('perjanjian', Buffer.from('%PDF-1.4\n% uji\n'));
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/agreements/${a.id}/document`,
      headers: { cookie: c.opBkpsdm, ...pdf.headers },
      payload: pdf.payload,
    });
    expect(up.statusCode).toBe(200);
    expect((up.json() as { document: { name: string } }).document.name).toBe('perjanjian.pdf');
    const dl = await send('GET', `/api/agreements/${a.id}/document`, c.pimpinan);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(dl.body.startsWith('%PDF-')).toBe(true);
    expect((await send('GET', `/api/agreements/${a.id}/document`, c.mitra)).statusCode).toBe(404);
  });

  it('reminds admins and BKPSDM operators once when an agreement enters its window', async () => {
    const recipients = sql`(select id from users where username in ('admin', 'operator.bkpsdm'))`;
    const count = () =>
      n(
        sql`select count(*)::int as n from notifications where kind = 'agreement.expiring' and user_id in ${recipients}`,
      );
    const others = () =>
      n(sql`select count(*)::int as n from notifications where kind = 'agreement.expiring'
        and user_id in (select id from users where username = 'operator.dukcapil')`);
    const first = (await send('POST', '/api/agreements/remind', c.admin)).json() as {
      agreements: number;
      notifications: number;
    };
    expect(first.agreements).toBeGreaterThan(0);
    expect(first.notifications).toBeGreaterThanOrEqual(first.agreements * 2);
    const after = await count();
    const again = (await send('POST', '/api/agreements/remind', c.admin)).json() as { agreements: number };
    expect(again.agreements).toBe(0);
    expect(await count()).toBe(after);
    expect(await others()).toBe(0);
    // Moving the end date arms the reminder again.
    const a = (
      (await send('GET', '/api/agreements?status=segera_berakhir', c.admin)).json() as {
        items: { id: string }[];
      }
    ).items[0]!;
    await send('PATCH', `/api/agreements/${a.id}`, c.admin, { endsOn: plus(20) });
    expect(
      ((await send('POST', '/api/agreements/remind', c.admin)).json() as { agreements: number }).agreements,
    ).toBe(1);
    expect((await send('POST', '/api/agreements/remind', c.opBkpsdm)).statusCode).toBe(403);
  });
});

describe('contributions', () => {
  it('records contributions in rupiah with totals per year and kind', async () => {
    const unpatti = ((await send('GET', '/api/partners?q=pattimura', c.admin)).json() as { items: Partner[] })
      .items[0]!;
    const before = (await send('GET', `/api/partners/${unpatti.id}/contributions`, c.mitra)).json() as {
      totals: { total: number };
    };
    const bad = await send('POST', `/api/partners/${unpatti.id}/contributions`, c.admin, {
      kind: 'uang',
      description: '',
      valueRupiah: -5,
      contributedOn: 'kemarin',
    });
    expect((bad.json() as Problem).errors!.map((e) => e.field)).toEqual(
      expect.arrayContaining(['body.kind', 'body.description', 'body.valueRupiah', 'body.contributedOn']),
    );
    const res = await send('POST', `/api/partners/${unpatti.id}/contributions`, c.admin, {
      kind: 'dana',
      description: 'Beasiswa dua pegawai',
      valueRupiah: 10_000_000,
      contributedOn: '2025-03-01',
    });
    expect(res.statusCode).toBe(200);
    const list = res.json() as { totals: { total: number; byYear: { year: number; total: number }[] } };
    expect(list.totals.total).toBe(before.totals.total + 10_000_000);
    expect(list.totals.byYear.find((y) => y.year === 2025)!.total).toBeGreaterThanOrEqual(10_000_000);
    expect((await send('POST', `/api/partners/${unpatti.id}/contributions`, c.mitra, {})).statusCode).toBe(
      403,
    );
    expect(await n(sql`select count(*)::int as n from audit_log where entity = 'partner_contribution'`)).toBe(
      1,
    );
  });
});

describe('JP rule sets', () => {
  it('every tenant has the built-in rule set; the endpoint lists it with its rows', async () => {
    const res = (await send('GET', '/api/jp-rules', c.pegawai)).json() as {
      items: { code: string; annualTargetJp: number; minutesPerJp: number; rules: Record<string, unknown> }[];
    };
    expect(res.items.map((r) => r.code)).toContain('PERLAN-10-2018');
    const set = res.items.find((r) => r.code === 'PERLAN-10-2018')!;
    expect(set.annualTargetJp).toBe(20);
    expect(set.minutesPerJp).toBe(45);
    expect(Object.keys(set.rules)).toContain('B6');
    const { ensureJpRuleSets } = await import('../../src/server/modules/programs/jp-rules.js');
    expect(await ensureJpRuleSets(t.db)).toBe(0);
  });
});
