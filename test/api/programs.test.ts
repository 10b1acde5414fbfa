import { todayIn } from '../../src/domain/time.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
const c = {} as Record<'admin' | 'opBkpsdm' | 'op' | 'mitra' | 'pegawai' | 'pimpinan', string>;
type Problem = { code: string; errors?: { field?: string; message: string }[] };
type Item = {
  id: string;
  code: string;
  title: string;
  form: string;
  status: string;
  partnerName: string | null;
};
type Detail = Item & {
  jp: number;
  jpBasis: string;
  jpRuleSet: { code: string } | null;
  sessions: { id: string; startsLocal: string; endsLocal: string }[];
  competencies: { code: string; expectedGain: number }[];
  cost: { fee: number; travel: number; lodging: number; total: number };
  travelExpected: boolean;
  canEdit: boolean;
  organiserUnitId: string | null;
  partnerId: string | null;
};
const units: Record<string, string> = {};
const comp: Record<string, string> = {};
const byCode: Record<string, string> = {};

const send = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  cookie: string,
  payload?: object,
) =>
  t.app.inject({ method, url, headers: { cookie }, payload: method === 'GET' ? undefined : (payload ?? {}) });
const fields = (res: { json: () => unknown }) => ((res.json() as Problem).errors ?? []).map((e) => e.field);
const list = async (query: string, cookie = c.admin) =>
  (await send('GET', `/api/programs?pageSize=100&${query}`, cookie)).json() as {
    items: Item[];
    total: number;
  };
const today = () => todayIn('Asia/Jayapura');
const plus = (days: number) =>
  new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const session = (date: string, from = '09:00', to = '15:00') => ({
  startsAt: `${date}T${from}`,
  endsAt: `${date}T${to}`,
  venue: 'Aula BKPSDM',
});
let seq = 0;
const base = (over: object = {}) => ({
  code: `UJI-${++seq}`,
  title: `Program uji ${seq}`,
  form: 'B7',
  capacity: 20,
  ...over,
});

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
  for (const u of (await send('GET', '/api/org-units', c.admin)).json() as { id: string; code: string }[])
    units[u.code] = u.id;
  for (const x of (await send('GET', '/api/competencies', c.admin)).json() as { id: string; code: string }[])
    comp[x.code] = x.id;
  for (const p of (await list('')).items) byCode[p.code] = p.id;
});
afterAll(async () => t?.close());

describe('catalog', () => {
  it('lists the demo catalog with search, filters and pagination; drafts only for organisers', async () => {
    const all = await list('');
    expect(all.total).toBe(25);
    const pegawai = await list('', c.pegawai);
    expect(pegawai.items.some((p) => p.status === 'draft')).toBe(false);
    expect(pegawai.total).toBe(24);
    expect((await list('q=siak', c.pegawai)).items.map((p) => p.title)).toEqual(['Bimtek SIAK Terpusat']);
    expect((await list('form=B7')).items.every((p) => p.form === 'B7')).toBe(true);
    const non = await list('path=pelatihan_nonklasikal');
    expect(non.items.length).toBeGreaterThan(5);
    expect(non.items.every((p) => p.form.startsWith('C'))).toBe(true);
    expect((await list('scope=internasional')).items.map((p) => p.code)).toEqual(['PRG-010']);
    const t2 = await list(`competencyId=${comp['T.2']}`);
    expect(t2.items.map((p) => p.code)).toContain('PRG-003');
    expect(t2.items.map((p) => p.code)).not.toContain('PRG-001');
    const unpatti = await list('q=&partnerId=' + (await partnerId('Universitas Pattimura')));
    expect(unpatti.items.every((p) => p.partnerName === 'Universitas Pattimura')).toBe(true);
    const page1 = (await send('GET', '/api/programs?pageSize=10&page=1', c.admin)).json() as {
      items: Item[];
      total: number;
    };
    const page3 = (await send('GET', '/api/programs?pageSize=10&page=3', c.admin)).json() as {
      items: Item[];
    };
    expect(page1.items).toHaveLength(10);
    expect(page3.items).toHaveLength(5);
    const month = plus(20).slice(0, 7);
    const inMonth = await list(`month=${month}`);
    expect(inMonth.items.map((p) => p.code)).toContain('PRG-002');
    const range = await list(`from=${plus(20)}&to=${plus(20)}`);
    expect(range.items.map((p) => p.code)).toContain('PRG-002');
    const cal = (await send('GET', `/api/programs/calendar?month=${month}`, c.pegawai)).json() as {
      items: { code: string; date: string }[];
    };
    expect(cal.items.filter((s) => s.code === 'PRG-002').length).toBeGreaterThan(0);
    expect(cal.items.every((s) => s.date.startsWith(month))).toBe(true);
    const bad = await send('GET', '/api/programs?month=2026-13&form=Z9', c.admin);
    expect(bad.statusCode).toBe(422);
    expect(fields(bad)).toEqual(expect.arrayContaining(['querystring.month', 'querystring.form']));
  });

  it('shows a programme with sessions, cost split, target competencies and JP with its basis', async () => {
    const d = (await send('GET', `/api/programs/${byCode['PRG-009']}`, c.pegawai)).json() as Detail;
    expect(d.sessions).toHaveLength(3);
    expect(d.cost.total).toBe(d.cost.fee + d.cost.travel + d.cost.lodging);
    expect(d.travelExpected).toBe(true);
    expect(d.jp).toBe(10);
    expect(d.jpBasis).toContain('1 kegiatan = 10 JP');
    expect(d.jpRuleSet?.code).toBe('PERLAN-10-2018');
    // A reader who chose English gets the same count explained in English.
    expect((await send('PUT', '/api/auth/locale', c.pimpinan, { locale: 'en' })).statusCode).toBe(200);
    const en = (await send('GET', `/api/programs/${byCode['PRG-009']}`, c.pimpinan)).json() as Detail;
    expect((await send('PUT', '/api/auth/locale', c.pimpinan, { locale: 'id' })).statusCode).toBe(200);
    expect(en.jpBasis).toContain('1 activity = 10 JP');
    expect(d.competencies.map((x) => x.code).sort()).toEqual(['M.7', 'T.2']);
    expect(d.canEdit).toBe(false);
    const local = (await send('GET', `/api/programs/${byCode['PRG-001']}`, c.pegawai)).json() as Detail;
    expect(local.travelExpected).toBe(false);
    expect(local.sessions[0]!.startsLocal.slice(11)).toBe('09:00');
  });
});

async function partnerId(name: string) {
  const r = (await send('GET', `/api/partners?q=${encodeURIComponent(name)}`, c.admin)).json() as {
    items: { id: string }[];
  };
  return r.items[0]!.id;
}

describe('create and edit', () => {
  it('names the fields it refuses and saves nothing', async () => {
    const before = (await list('')).total;
    const res = await send('POST', '/api/programs', c.opBkpsdm, {
      code: 'A B',
      title: '',
      form: 'Z1',
      capacity: 0,
      costFee: -1,
      sessions: [{ startsAt: 'besok', endsAt: '2026-01-01T10:00' }],
    });
    expect(res.statusCode).toBe(422);
    expect(fields(res)).toEqual(
      expect.arrayContaining([
        'body.code',
        'body.title',
        'body.form',
        'body.capacity',
        'body.costFee',
        'body.sessions.0.startsAt',
      ]),
    );
    const end = await send(
      'POST',
      '/api/programs',
      c.opBkpsdm,
      base({ sessions: [session(plus(5), '10:00', '09:00')] }),
    );
    expect(fields(end)).toEqual(['body.sessions.0.endsAt']);
    const scheduled = await send('POST', '/api/programs', c.opBkpsdm, base({ form: 'B3' }));
    expect(fields(scheduled)).toEqual(['body.scheduledJp']);
    expect((scheduled.json() as Problem).errors![0]!.message).toMatch(/JP terjadwal/);
    const leadership = await send(
      'POST',
      '/api/programs',
      c.opBkpsdm,
      base({ form: 'B1', scope: 'internasional', scheduledJp: 40 }),
    );
    expect(fields(leadership)).toEqual(['body.scope']);
    const dup = await send('POST', '/api/programs', c.opBkpsdm, base({ code: 'prg-001' }));
    expect(fields(dup)).toEqual(['body.code']);
    expect((await list('')).total).toBe(before);
  });

  it('computes JP on save for several forms, and again when sessions change', async () => {
    const create = async (over: object) => {
      const res = await send('POST', '/api/programs', c.opBkpsdm, base(over));
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Detail;
    };
    // Workshop: 5 JP per day nasional, 7 internasional.
    const w = await create({ sessions: [session(plus(30)), session(plus(31))] });
    expect(w.jp).toBe(10);
    expect(w.jpBasis).toContain('2 hari × 5 JP');
    expect(
      (await create({ scope: 'internasional', sessions: [session(plus(30)), session(plus(31))] })).jp,
    ).toBe(14);
    // Seminar one day: 4 JP.
    expect((await create({ form: 'B6', sessions: [session(plus(12))] })).jp).toBe(4);
    // Technical training as scheduled, +20 % internationally.
    expect((await create({ form: 'B3', scheduledJp: 24 })).jp).toBe(24);
    expect((await create({ form: 'B3', scope: 'internasional', scheduledJp: 24 })).jp).toBe(28.8);
    // Coaching: 2 JP per session, at most 2 sessions a month.
    const month = plus(40).slice(0, 8);
    const coaching = await create({
      form: 'C1',
      sessions: ['05', '12', '19'].map((d) => session(`${month}${d}`, '10:00', '12:00')),
    });
    expect(coaching.jp).toBe(4);
    // Magang: 20 JP per activity.
    expect((await create({ form: 'C11', sessions: [session(plus(50))] })).jp).toBe(20);

    // Editing sessions recomputes.
    const added = (
      await send('POST', `/api/programs/${w.id}/sessions`, c.opBkpsdm, session(plus(32)))
    ).json() as Detail;
    expect(added.jp).toBe(15);
    const moved = await send('PUT', `/api/programs/${w.id}/sessions/${added.sessions[2]!.id}`, c.opBkpsdm, {
      ...session(plus(31), '16:00', '17:00'),
      title: 'Sore',
    });
    expect((moved.json() as Detail).jp).toBe(10);
    const removed = (
      await send('DELETE', `/api/programs/${w.id}/sessions/${added.sessions[0]!.id}`, c.opBkpsdm)
    ).json() as Detail;
    expect(removed.sessions).toHaveLength(2);
    expect(removed.jp).toBe(5);
    // Changing the form recomputes too.
    const seminar = (
      await send('PATCH', `/api/programs/${w.id}`, c.opBkpsdm, { form: 'B6' })
    ).json() as Detail;
    expect(seminar.jp).toBe(4);
    const stored = await t.db.execute<{ jp: string; jp_rule_set_id: string | null }>(
      sql`select jp, jp_rule_set_id from programs where id = ${w.id}`,
    );
    expect(Number(stored.rows[0]!.jp)).toBe(4);
    expect(stored.rows[0]!.jp_rule_set_id).not.toBeNull();
  });

  it('keeps target competencies, cost split and eligibility; publishes only with a session; audited', async () => {
    const res = await send(
      'POST',
      '/api/programs',
      c.admin,
      base({
        form: 'B10',
        scheduledJp: 16,
        city: 'Makassar',
        costFee: 1_000_000,
        costTravel: 3_500_000,
        costLodging: 1_200_000,
        eligiblePositionTypes: ['pengawas'],
        eligibleGolongan: ['III/a', 'III/b'],
        competencies: [
          { competencyId: comp['T.1'], expectedGain: 2 },
          { competencyId: comp['T.1'], expectedGain: 1 },
        ],
      }),
    );
    expect(fields(res)).toEqual(['body.competencies.1.competencyId']);
    const ok = (
      await send(
        'POST',
        '/api/programs',
        c.admin,
        base({
          form: 'B10',
          scheduledJp: 16,
          city: 'Makassar',
          costFee: 1_000_000,
          costTravel: 3_500_000,
          costLodging: 1_200_000,
          eligiblePositionTypes: ['jpt_utama'],
          competencies: [{ competencyId: comp['T.1'], expectedGain: 2 }],
        }),
      )
    ).json() as Detail;
    expect(ok.cost).toEqual({ fee: 1_000_000, travel: 3_500_000, lodging: 1_200_000, total: 5_700_000 });
    expect(ok.travelExpected).toBe(true);
    expect(ok.competencies).toEqual([expect.objectContaining({ code: 'T.1', expectedGain: 2 })]);
    expect(ok.status).toBe('draft');
    const noSession = await send('POST', `/api/programs/${ok.id}/status`, c.admin, { status: 'published' });
    expect(fields(noSession)).toEqual(['body.status']);
    await send('POST', `/api/programs/${ok.id}/sessions`, c.admin, session(plus(3)));
    const pub = (
      await send('POST', `/api/programs/${ok.id}/status`, c.admin, { status: 'published' })
    ).json() as Detail;
    expect(pub.status).toBe('published');
    const closed = (
      await send('POST', `/api/programs/${ok.id}/status`, c.admin, { status: 'closed' })
    ).json() as Detail;
    expect(closed.status).toBe('closed');
    const back = await send('POST', `/api/programs/${ok.id}/status`, c.admin, { status: 'cancelled' });
    expect(fields(back)).toEqual(['body.status']);
    // Eligibility with reasons: nobody in a kota holds a JPT utama position.
    const el = (await send('GET', `/api/programs/${ok.id}/eligibility`, c.pegawai)).json() as {
      eligible: boolean;
      reasons: { code: string }[];
    };
    expect(el.eligible).toBe(false);
    expect(el.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['notPublished', 'positionType']));
    const audits = await t.db.execute<{ action: string }>(
      sql`select action from audit_log where entity in ('program', 'program_session')
        and (entity_id = ${ok.id} or after->>'programId' = ${ok.id}) order by at`,
    );
    expect(audits.rows.map((r) => r.action)).toEqual(['create', 'create', 'status', 'status']);
  });
});

describe('the home city', () => {
  it('is the city in the tenant name unless set: a programme there expects no travel, one elsewhere does', async () => {
    const me = (await send('GET', '/api/auth/me', c.op)).json() as { homeCity: string };
    expect(me.homeCity).toBe('Ambon');
    const here = (await send('POST', '/api/programs', c.admin, base())).json() as Detail & { city: string };
    expect(here.city).toBe('Ambon');
    expect(here.travelExpected).toBe(false);
    const kota = (
      await send('POST', '/api/programs', c.admin, base({ city: 'Kota Ambon' }))
    ).json() as Detail;
    expect(kota.travelExpected).toBe(false);
    const set = await t.app.inject({
      method: 'PATCH',
      url: '/api/tenant',
      headers: { cookie: c.admin },
      payload: { settings: { homeCity: 'Masohi' } },
    });
    expect(set.statusCode).toBe(200);
    try {
      expect(((await send('GET', '/api/auth/me', c.op)).json() as { homeCity: string }).homeCity).toBe(
        'Masohi',
      );
      const again = (await send('GET', `/api/programs/${here.id}`, c.admin)).json() as Detail;
      expect(again.travelExpected).toBe(true);
      const there = (await send('POST', '/api/programs', c.admin, base())).json() as Detail & {
        city: string;
      };
      expect(there).toMatchObject({ city: 'Masohi', travelExpected: false });
    } finally {
      await t.app.inject({
        method: 'PATCH',
        url: '/api/tenant',
        headers: { cookie: c.admin },
        payload: { settings: { homeCity: null } },
      });
    }
  });
});

describe('scoping', () => {
  it('a mitra sees and manages only their partner’s programmes', async () => {
    const mine = await list('', c.mitra);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((p) => p.partnerName === 'Universitas Pattimura')).toBe(true);
    const other = byCode['PRG-003']!; // Telkom
    expect((await send('GET', `/api/programs/${other}`, c.mitra)).statusCode).toBe(404);
    expect(
      (await send('PATCH', `/api/programs/${other}`, c.mitra, { title: 'Diambil alih' })).statusCode,
    ).toBe(404);
    expect(
      (await send('POST', `/api/programs/${other}/sessions`, c.mitra, session(plus(9)))).statusCode,
    ).toBe(404);
    const own = byCode['PRG-008']!;
    const edited = await send('PATCH', `/api/programs/${own}`, c.mitra, { capacity: 8 });
    expect(edited.statusCode).toBe(200);
    expect((edited.json() as Detail).canEdit).toBe(true);
    const foreign = await send(
      'POST',
      '/api/programs',
      c.mitra,
      base({
        partnerId: await partnerId('Politeknik Negeri Ambon'),
        sessions: [session(plus(8))],
      }),
    );
    expect(fields(foreign)).toEqual(['body.partnerId']);
    const created = (
      await send('POST', '/api/programs', c.mitra, base({ sessions: [session(plus(8))] }))
    ).json() as Detail;
    expect(created.partnerName).toBe('Universitas Pattimura');
    const unchanged = await t.db.execute<{ title: string }>(
      sql`select title from programs where id = ${other}`,
    );
    expect(unchanged.rows[0]!.title).toBe('Workshop Literasi Digital untuk ASN');
  });

  it('an OPD operator manages the programmes their OPD organises, reads the rest of the catalog', async () => {
    const ownOpd = byCode['PRG-001']!; // Disdukcapil
    expect((await send('PATCH', `/api/programs/${ownOpd}`, c.op, { capacity: 35 })).statusCode).toBe(200);
    const bkpsdm = byCode['PRG-004']!;
    expect((await send('GET', `/api/programs/${bkpsdm}`, c.op)).statusCode).toBe(200);
    expect((await send('PATCH', `/api/programs/${bkpsdm}`, c.op, { capacity: 35 })).statusCode).toBe(403);
    expect((await send('GET', `/api/programs/${byCode['PRG-010']}`, c.op)).statusCode).toBe(404); // BKPSDM draft
    const outside = await send('POST', '/api/programs', c.op, base({ organiserUnitId: units.BKPSDM }));
    expect(fields(outside)).toEqual(['body.organiserUnitId']);
    const created = (
      await send('POST', '/api/programs', c.op, base({ sessions: [session(plus(8))] }))
    ).json() as Detail;
    expect(created.organiserUnitId).toBe(units.DISDUKCAPIL);
    // BKPSDM operators manage every programme.
    const own = (
      await send('POST', '/api/programs', c.opBkpsdm, base({ sessions: [session(plus(8))] }))
    ).json() as Detail;
    expect(own.organiserUnitId).toBe(units.BKPSDM);
    expect((await send('PATCH', `/api/programs/${ownOpd}`, c.opBkpsdm, { capacity: 36 })).statusCode).toBe(
      200,
    );
    expect((await send('POST', '/api/programs', c.pegawai, base())).statusCode).toBe(403);
    expect((await send('POST', '/api/programs', c.pimpinan, base())).statusCode).toBe(403);
  });
});
