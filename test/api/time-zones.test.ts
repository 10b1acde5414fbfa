/**
 * Every "today", "this year" and printed time of a tenant is read in the tenant's own zone: Kota Ambon
 * in WIT (UTC+9), and the same tenant after it moves to WIB (UTC+7). The instants below sit on either side
 * of a local midnight, a month end and a year end.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onEnrollmentCompleted } from '../../src/server/modules/learning/hooks.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createProgramme, employeeOf, enrol, tenantId } from '../helpers/programmes.js';

let t: TestApp;
let admin: string;
let pegawai: string;
let ambon: string;

const setZone = async (timeZone: string) => {
  const res = await t.app.inject({
    method: 'PATCH',
    url: '/api/tenant',
    headers: { cookie: admin },
    payload: { timeZone },
  });
  expect(res.statusCode).toBe(200);
};
const auditAt = (iso: string, entityId: string) =>
  t.db.execute(sql`insert into audit_log (tenant_id, actor_name, action, entity, entity_id, at)
    values (${ambon}, 'uji zona', 'update', 'zone_probe', ${entityId}, ${iso}::timestamptz)`);
const probesBetween = async (from: string, to: string) => {
  const res = await t.app.inject({
    url: `/api/audit?entity=zone_probe&from=${from}&to=${to}&pageSize=50`,
    headers: { cookie: admin },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: { entityId: string }[] }).items.map((i) => i.entityId).sort();
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  pegawai = await t.login('pegawai.dukcapil');
  ambon = await tenantId(t.db);
  // Around local midnight at the end of March: 23:59 and 00:00 in WIT, and the same in WIB.
  await auditAt('2026-03-31T14:59:00Z', 'a-2359-wit');
  await auditAt('2026-03-31T15:00:00Z', 'b-0000-wit');
  await auditAt('2026-03-31T16:59:00Z', 'c-2359-wib');
  await auditAt('2026-03-31T17:00:00Z', 'd-0000-wib');
});
afterAll(async () => {
  await setZone('Asia/Jayapura');
  await t?.close();
});

describe('the tenant’s time zone', () => {
  it('comes with the signed-in user, so the web shows times in it', async () => {
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: pegawai } });
    expect(me.json()).toMatchObject({ timeZone: 'Asia/Jayapura' });
  });

  it('bounds the audit date filter at local midnight, in WIT and after a move to WIB', async () => {
    expect(await probesBetween('2026-04-01', '2026-04-01')).toEqual([
      'b-0000-wit',
      'c-2359-wib',
      'd-0000-wib',
    ]);
    expect(await probesBetween('2026-03-31', '2026-03-31')).toEqual(['a-2359-wit']);
    await setZone('Asia/Jakarta');
    try {
      expect(await probesBetween('2026-04-01', '2026-04-01')).toEqual(['d-0000-wib']);
      expect(await probesBetween('2026-03-31', '2026-03-31')).toEqual([
        'a-2359-wit',
        'b-0000-wit',
        'c-2359-wib',
      ]);
      const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: pegawai } });
      expect(me.json()).toMatchObject({ timeZone: 'Asia/Jakarta' });
      // The export prints each time in the zone and says which.
      const x = await t.app.inject({
        url: '/api/audit/export.xlsx?entity=zone_probe&from=2026-04-01&to=2026-04-01',
        headers: { cookie: admin },
      });
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(1).getCell(1).text).toBe('waktu (WIB)');
      expect(ws.getRow(2).getCell(1).text).toMatch(/^01\/04\/26,? 00\.00\.00$/);
    } finally {
      await setZone('Asia/Jayapura');
    }
  });

  it('books a programme in the local year it ended: 00:30 WIT on 1 January is the new year, 23:30 on 31 December the old', async () => {
    const employeeId = await employeeOf(t.db, 'pegawai.dukcapil');
    const recordYear = async (startsAt: string, endsAt: string) => {
      const p = await createProgramme(t.db, { sessions: [[0, 60]] });
      await t.db.execute(sql`update program_sessions set starts_at = ${startsAt}::timestamptz,
        ends_at = ${endsAt}::timestamptz where id = ${p.sessionIds[0]!}`);
      const en = await enrol(t.db, p.id, employeeId, 'completed');
      await t.db.transaction((tx) =>
        onEnrollmentCompleted(tx, { tenantId: ambon, userId: null, name: 'uji', requestId: null }, en),
      );
      return (
        await t.db.execute<{ year: number; starts_on: string; ends_on: string }>(sql`select year,
          starts_on::text, ends_on::text from learning_records where enrollment_id = ${en}`)
      ).rows[0]!;
    };
    // 22:30–23:30 WIT on 31 December 2026.
    expect(await recordYear('2026-12-31T13:30:00Z', '2026-12-31T14:30:00Z')).toEqual({
      year: 2026,
      starts_on: '2026-12-31',
      ends_on: '2026-12-31',
    });
    // 00:30–01:30 WIT on 1 January 2027: still 31 December in UTC.
    expect(await recordYear('2026-12-31T15:30:00Z', '2026-12-31T16:30:00Z')).toEqual({
      year: 2027,
      starts_on: '2027-01-01',
      ends_on: '2027-01-01',
    });
  });

  it('a programme without sessions is booked on the local day it is completed', async () => {
    const employeeId = await employeeOf(t.db, 'pegawai.dukcapil');
    const p = await createProgramme(t.db, { sessions: [[0, 60]] });
    await t.db.execute(sql`delete from program_sessions where program_id = ${p.id}`);
    const en = await enrol(t.db, p.id, employeeId, 'completed');
    const before = new Date();
    await t.db.transaction((tx) =>
      onEnrollmentCompleted(tx, { tenantId: ambon, userId: null, name: 'uji', requestId: null }, en),
    );
    const after = new Date();
    const { ends_on } = (
      await t.db.execute<{ ends_on: string }>(
        sql`select ends_on::text from learning_records where enrollment_id = ${en}`,
      )
    ).rows[0]!;
    const wit = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
    expect([wit(before), wit(after)]).toContain(ends_on);
  });

  it('names the zone in the check-in window and in a schedule clash', async () => {
    const employeeId = await employeeOf(t.db, 'pegawai.dukcapil');
    // A session tomorrow at a known instant: 09:00–11:00 WIT is 07:00–09:00 WIB.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const starts = `${tomorrow}T00:00:00Z`;
    const p = await createProgramme(t.db, { sessions: [[0, 60]], capacity: 5 });
    await t.db.execute(sql`update program_sessions set starts_at = ${starts}::timestamptz,
      ends_at = ${starts}::timestamptz + interval '2 hours' where program_id = ${p.id}`);
    await enrol(t.db, p.id, employeeId, 'approved');
    const s = p.sessionIds[0]!;
    const checkin = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/sessions/${s}/checkin`,
        headers: { cookie: pegawai },
        payload: { code: 'ABCDEF' },
      });
    const [d, m] = [tomorrow.slice(8, 10), tomorrow.slice(5, 7)];
    expect((await checkin()).json().detail).toBe(
      `Presensi sesi ini dibuka ${d}/${m} 08.30 WIT s.d. ${d}/${m} 11.00 WIT.`,
    );

    // Another programme at the same time: the clash warning names its start in the tenant's zone.
    const other = await createProgramme(t.db, { sessions: [[0, 60]], capacity: 5 });
    await t.db.execute(sql`update program_sessions set starts_at = ${starts}::timestamptz,
      ends_at = ${starts}::timestamptz + interval '1 hour' where program_id = ${other.id}`);
    await setZone('Asia/Jakarta');
    try {
      expect((await checkin()).json().detail).toBe(
        `Presensi sesi ini dibuka ${d}/${m} 06.30 WIB s.d. ${d}/${m} 09.00 WIB.`,
      );
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/enrollments',
        headers: { cookie: pegawai },
        payload: { programId: other.id, reason: 'Perlu juga' },
      });
      expect(res.statusCode).toBe(200);
      const warnings = (res.json() as { warnings: string[] }).warnings;
      expect(warnings.join(' ')).toContain(`${d}/${m}/${tomorrow.slice(0, 4)} 07.00 WIB`);
    } finally {
      await setZone('Asia/Jayapura');
    }
  });
});
