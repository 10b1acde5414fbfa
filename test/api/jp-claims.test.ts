import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../src/server/modules/imports/testkit.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let pegawai: string;
let op: string;
let nip: string;

beforeAll(async () => {
  t = await createTestApp();
  pegawai = await t.login('pegawai.dukcapil');
  op = await t.login('operator.dukcapil');
  nip = (
    await t.db.execute<{ nip: string }>(
      sql`select e.nip from users u join employees e on e.id = u.employee_id where u.username = 'pegawai.dukcapil'`,
    )
  ).rows[0]!.nip;
});
afterAll(async () => t?.close());

const post = (url: string, cookie: string, payload: object = {}, lang = 'id') =>
  t.app.inject({ method: 'POST', url, headers: { cookie, 'accept-language': lang }, payload });
const scan = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
async function submit(extra: object, lang = 'id') {
  const m = multipart('Sertifikat.pdf', scan);
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/files?purpose=external_certificate&nip=${nip}`,
    headers: { cookie: pegawai, ...m.headers },
    payload: m.payload,
  });
  return post(
    '/api/external-certificates',
    pegawai,
    {
      fileId: (up.json() as { id: string }).id,
      title: 'Kegiatan di luar',
      provider: 'Penyelenggara luar',
      scope: 'nasional',
      ...extra,
    },
    lang,
  );
}
type Err = { errors: { field: string; message: string }[] };
const firstError = (r: { json(): unknown }) => (r.json() as Err).errors[0]!;
const count = async () =>
  (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from external_certificates`)).rows[0]!.n;

describe('JP claims of certificates earned elsewhere are bound by their own dates', () => {
  it('refuses every inflated claim the audit saw, naming the field, and stores nothing', async () => {
    const before = await count();
    const seen: [object, string][] = [
      // A 1-day seminar claimed as 5 days.
      [{ form: 'B6', startsOn: '2026-05-04', endsOn: '2026-05-04', claim: { days: 5 } }, 'body.claim.days'],
      // 5 daily e-learning entries on a 2-day certificate.
      [
        { form: 'C3', startsOn: '2026-05-04', endsOn: '2026-05-05', claim: { dailyHours: [3, 3, 3, 3, 3] } },
        'body.claim.dailyHours',
      ],
      // Coaching sessions months outside the certificate.
      [
        {
          form: 'C1',
          startsOn: '2026-06-01',
          endsOn: '2026-06-30',
          claim: { sessions: ['2026-06-10', '2026-01-15'] },
        },
        'body.claim.sessions',
      ],
      // 20 semesters of tugas belajar on a 1-month certificate.
      [
        { form: 'A1', startsOn: '2026-01-01', endsOn: '2026-01-31', claim: { semesters: 20 } },
        'body.claim.semesters',
      ],
      // 100 JP of pelatihan teknis on one day.
      [
        { form: 'B3', startsOn: '2026-05-04', endsOn: '2026-05-04', claim: { scheduledJp: 100 } },
        'body.claim.scheduledJp',
      ],
      // A certificate dated next year.
      [
        { form: 'B3', startsOn: '2027-02-01', endsOn: '2027-02-02', claim: { scheduledJp: 8 } },
        'body.endsOn',
      ],
      // B1 has no international variant: refused now, not left waiting for a verification that cannot pass.
      [
        {
          form: 'B1',
          scope: 'internasional',
          startsOn: '2026-05-04',
          endsOn: '2026-05-08',
          claim: { scheduledJp: 30 },
        },
        'body.claim.scope',
      ],
      // A half-day seminar: whole days only.
      [{ form: 'B6', startsOn: '2026-05-04', endsOn: '2026-05-04', claim: { days: 0.5 } }, 'body.claim.days'],
    ];
    for (const [payload, field] of seen) {
      const res = await submit(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(firstError(res).field).toBe(field);
    }
    expect(await count()).toBe(before);
    const id = await submit({ form: 'B6', startsOn: '2026-05-04', endsOn: '2026-05-04', claim: { days: 5 } });
    expect(firstError(id).message).toMatch(/melebihi 1 hari kalender/);
    // In English for a user who reads Asah in English.
    await t.db.execute(sql`update users set locale = 'en' where username = 'pegawai.dukcapil'`);
    pegawai = await t.login('pegawai.dukcapil');
    const en = await submit({ form: 'B6', startsOn: '2026-05-04', endsOn: '2026-05-04', claim: { days: 5 } });
    await t.db.execute(sql`update users set locale = 'id' where username = 'pegawai.dukcapil'`);
    pegawai = await t.login('pegawai.dukcapil');
    expect(firstError(en).message).toMatch(/exceed the 1 calendar day/);
  });

  it('a seminar without a days claim takes its days from the dates and is verified', async () => {
    const res = await submit({ form: 'B6', startsOn: '2026-05-04', endsOn: '2026-05-05', claim: {} });
    expect(res.statusCode).toBe(200);
    const { id } = res.json() as { id: string };
    const ok = await post(`/api/external-certificates/${id}/verify`, op);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ jp: 8 });
  });

  it('a stored claim that exceeds its dates is refused at verification by field (and may be rejected)', async () => {
    const res = await submit({
      form: 'B6',
      startsOn: '2026-05-04',
      endsOn: '2026-05-04',
      claim: { days: 1 },
    });
    const { id } = res.json() as { id: string };
    await t.db.execute(sql`update external_certificates set claim = '{"days": 5}'::jsonb where id = ${id}`);
    const v = await post(`/api/external-certificates/${id}/verify`, op);
    expect(v.statusCode).toBe(422);
    expect(firstError(v).field).toBe('claim.days');
    const rec = await t.db.execute(sql`select 1 from learning_records where external_certificate_id = ${id}`);
    expect(rec.rows.length).toBe(0);
    expect(
      (await post(`/api/external-certificates/${id}/reject`, op, { reason: 'Hari melebihi tanggal' }))
        .statusCode,
    ).toBe(200);
  });

  it('a multi-year study period splits its JP over the years it covers', async () => {
    const res = await submit({
      form: 'A1',
      startsOn: '2024-07-01',
      endsOn: '2026-06-30',
      claim: { semesters: 4 },
    });
    expect(res.statusCode).toBe(200);
    const { id } = res.json() as { id: string };
    const ok = await post(`/api/external-certificates/${id}/verify`, op);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ jp: 80 });
    const rec = await t.db.execute<{ year: number; jp: number; starts_on: string; ends_on: string }>(sql`
      select year, jp::float8 as jp, starts_on::text, ends_on::text from learning_records
      where external_certificate_id = ${id} order by year`);
    expect(rec.rows.map((r) => r.year)).toEqual([2024, 2025, 2026]);
    expect(rec.rows.reduce((a, r) => a + r.jp, 0)).toBeCloseTo(80, 6);
    expect(rec.rows[1]).toMatchObject({ starts_on: '2025-01-01', ends_on: '2025-12-31', jp: 40 });
    const listed = (
      await t.app.inject({ method: 'GET', url: '/api/external-certificates', headers: { cookie: pegawai } })
    ).json() as { id: string; jp: number }[];
    expect(listed.find((x) => x.id === id)?.jp).toBe(80);
  });
});

describe('a programme’s JP is bound by its sessions’ times', () => {
  const create = async (over: object) => {
    const cookie = await t.login('operator.bkpsdm');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/programs',
      headers: { cookie },
      payload: {
        code: `JPB-${Math.random().toString(36).slice(2, 8)}`,
        title: 'Program uji JP',
        capacity: 20,
        ...over,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { jp: number; jpBasis: string };
  };

  it('one 2-hour session with a scheduled 30 JP gives the 2.67 JP of its time', async () => {
    const p = await create({
      form: 'B3',
      scheduledJp: 30,
      sessions: [{ startsAt: '2027-03-01T09:00', endsAt: '2027-03-01T11:00', venue: 'Aula BKPSDM' }],
    });
    expect(p.jp).toBe(2.67);
    expect(p.jpBasis).toContain('120 menit');
  });

  it('a session over local midnight gives its hours to each local day (daily-capped e-learning)', async () => {
    // 20:00 on 1 March to 02:00 on 3 March (tenant time): 4 h, 24 h and 2 h → 3 + 3 + 2.67 JP.
    const p = await create({
      form: 'C3',
      sessions: [{ startsAt: '2027-03-01T20:00', endsAt: '2027-03-03T02:00', venue: 'Daring' }],
    });
    expect(p.jp).toBe(8.67);
  });
});

describe('the rule sets the web previews with', () => {
  it('GET /api/jp-rules states the semester rule with its basis, as stored for the tenant', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/jp-rules', headers: { cookie: pegawai } });
    expect(res.statusCode).toBe(200);
    const [first] = (
      res.json() as { items: { code: string; semester: { months: number; basis: { id: string } } }[] }
    ).items;
    expect(first).toMatchObject({ code: 'PERLAN-10-2018', semester: { months: 6 } });
    expect(first!.semester.basis.id).toMatch(/6 bulan/);
  });
});
