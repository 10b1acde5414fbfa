import { todayIn } from '../../src/domain/time.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNip } from '../../src/domain/nip.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: string;
let opDukcapil: string;
let pegawai: string;
let atasan: string;
const units: Record<string, string> = {};

async function get(url: string, cookie: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, opDukcapil, pegawai, atasan] = await Promise.all([
    t.login('admin'),
    t.login('operator.dukcapil'),
    t.login('pegawai.dukcapil'),
    t.login('atasan.dukcapil'),
  ]);
  const list = (await get('/api/org-units', admin)).json() as { id: string; code: string }[];
  for (const u of list) units[u.code] = u.id;
});
afterAll(async () => t?.close());

describe('employees', () => {
  it('lists with paging and total, searches by name and NIP prefix', async () => {
    const page = (await get('/api/employees?page=2&pageSize=10', admin)).json();
    expect(page.items).toHaveLength(10);
    expect(page.total).toBeGreaterThan(100);
    const one = page.items[0];
    expect(one).toMatchObject({
      nip: expect.stringMatching(/^\d{18}$/),
      name: expect.any(String),
      unitId: expect.any(String),
    });
    const byNip = (await get(`/api/employees?q=${one.nip.slice(0, 14)}`, admin)).json();
    expect(byNip.items.map((e: { nip: string }) => e.nip)).toContain(one.nip);
    const word = one.name.split(' ')[0].toLowerCase();
    const byName = (await get(`/api/employees?q=${encodeURIComponent(word)}&pageSize=200`, admin)).json();
    expect(byName.items.every((e: { name: string }) => e.name.toLowerCase().includes(word))).toBe(true);
  });

  it('filters by unit subtree: the Disdukcapil filter includes its bidang and seksi', async () => {
    const res = (await get(`/api/employees?unitId=${units.DISDUKCAPIL}&pageSize=200`, admin)).json();
    expect(res.total).toBeGreaterThan(0);
    const direct = (await get('/api/org-units', admin))
      .json()
      .find((u: { code: string }) => u.code === 'DISDUKCAPIL');
    expect(res.total).toBeGreaterThanOrEqual(direct.employeeCount);
  });

  it('scopes an operator to their OPD: other OPDs are invisible and unchangeable', async () => {
    const mine = (await get('/api/employees?pageSize=200', opDukcapil)).json();
    const all = (await get(`/api/employees?unitId=${units.DISDUKCAPIL}&pageSize=200`, admin)).json();
    expect(mine.total).toBe(all.total);
    const other = (await get(`/api/employees?unitId=${units.BKPSDM}&pageSize=1`, admin)).json().items[0];
    expect((await get(`/api/employees/${other.nip}`, opDukcapil)).statusCode).toBe(404);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/employees/${other.nip}`,
      headers: { cookie: opDukcapil },
      payload: { name: 'Diubah' },
    });
    expect(patch.statusCode).toBe(404);
    const still = (await get(`/api/employees/${other.nip}`, admin)).json();
    expect(still.name).not.toBe('Diubah');
  });

  it('shows a pegawai only themself, and an atasan their subordinates', async () => {
    const me = (await get('/api/auth/me', pegawai)).json();
    const list = (await get('/api/employees', pegawai)).json();
    expect(list.total).toBe(1);
    expect(list.items[0].nip).toBe(me.nip);
    const detail = (await get(`/api/employees/${me.nip}`, pegawai)).json();
    expect(detail.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const sub = (await get('/api/employees?pageSize=200', atasan)).json();
    expect(sub.total).toBeGreaterThan(1);
    expect(sub.items.map((e: { nip: string }) => e.nip)).toContain(me.nip);
    // An atasan does not see the personal data of subordinates.
    expect((await get(`/api/employees/${me.nip}`, atasan)).json().birthDate).toBeNull();
  });

  it('creates an employee with the NIP decoded, and audits it', async () => {
    const nip = encodeNip({
      birthDate: '1990-04-12',
      appointment: '2015-03',
      gender: 'P',
      serial: 901,
      kind: 'PNS',
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/employees',
      headers: { cookie: opDukcapil },
      payload: {
        nip,
        name: 'Maria Latuheru',
        backTitle: 'S.Kom.',
        status: 'PNS',
        golongan: '3b',
        unitId: units.DISDUKCAPIL,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      nip,
      gender: 'P',
      birthDate: '1990-04-12',
      appointment: '2015-03',
      golongan: 'III/b',
      fullName: 'Maria Latuheru, S.Kom.',
    });
    expect(res.json().history).toHaveLength(1);
    const audit = await t.db.execute(
      sql`select actor_name, after from audit_log where entity = 'employee' and action = 'create'`,
    );
    expect(audit.rows.at(-1)!.actor_name).toBe('operator.dukcapil');
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const before = (await get('/api/employees?pageSize=1', admin)).json().total;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/employees',
      headers: { cookie: admin },
      payload: {
        nip: '19900412201503200',
        name: 'X',
        status: 'PNS',
        golongan: 'V/z',
        unitId: units.DISDUKCAPIL,
      },
    });
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as { field: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([{ field: 'body.nip', message: 'NIP harus 18 angka; tertulis 17.' }]),
    );
    expect((await get('/api/employees?pageSize=1', admin)).json().total).toBe(before);
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/employees',
      headers: { cookie: opDukcapil },
      payload: {
        nip: encodeNip({
          birthDate: '1991-01-01',
          appointment: '2016-01',
          gender: 'L',
          serial: 5,
          kind: 'PNS',
        }),
        name: 'Di Luar',
        status: 'PNS',
        unitId: units.BKPSDM,
      },
    });
    expect(outside.statusCode).toBe(403);
  });

  it('refuses NIP dates that cannot exist, naming which part is wrong, and writes nothing', async () => {
    const post = (nip: string, status = 'PNS') =>
      t.app.inject({
        method: 'POST',
        url: '/api/employees',
        headers: { cookie: admin },
        payload: { nip, name: 'Tanggal Uji', status, unitId: units.DISDUKCAPIL },
      });
    const before = (await get('/api/employees?pageSize=1', admin)).json().total;
    const cases: [string, string, RegExp][] = [
      // Born in 2030.
      ['203001012050011001', 'PNS', /tanggal lahir .*setelah hari ini/i],
      // TMT in 2050.
      ['199001012050011001', 'PNS', /TMT .*angka 9–14.* setelah hari ini/],
      // TMT at 14 years old.
      ['201001012024011001', 'PNS', /umurnya baru 14 tahun; CPNS paling muda 18 tahun \(PP 11\/2017/],
      // PPPK at 19.
      ['200501012024211001', 'PPPK', /umurnya baru 19 tahun; PPPK paling muda 20 tahun \(PP 49\/2018/],
      // TMT before birth.
      ['199001011985011001', 'PNS', /lebih awal dari tanggal lahir/],
      // PPPK batch 0.
      ['199001012022201001', 'PPPK', /angkatan/],
    ];
    for (const [nip, status, message] of cases) {
      const res = await post(nip, status);
      expect(res.statusCode, nip).toBe(422);
      const nipErrors = (res.json().errors as { field: string; message: string }[]).filter(
        (e) => e.field === 'body.nip',
      );
      expect(nipErrors.map((e) => e.message).join(' '), nip).toMatch(message);
    }
    expect((await get('/api/employees?pageSize=1', admin)).json().total).toBe(before);
    // A TMT on the first of next month (a batch being prepared) lies at most 31 days ahead: within the
    // default lead, refused when the tenant sets no lead.
    const [y, m] = todayIn('Asia/Jayapura').split('-').map(Number) as [number, number];
    const nextMonth = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const soon = encodeNip({
      birthDate: '1998-05-05',
      appointment: nextMonth,
      gender: 'L',
      serial: 77,
      kind: 'PNS',
    });
    const setLead = (days: number | null) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/tenant',
        headers: { cookie: admin },
        payload: { settings: { appointmentLeadDays: days } },
      });
    expect((await setLead(0)).statusCode).toBe(200);
    try {
      const refused = await post(soon);
      expect(refused.statusCode).toBe(422);
      expect(JSON.stringify(refused.json().errors)).toMatch(/setelah hari ini/);
    } finally {
      await setLead(null);
    }
    expect((await post(soon)).statusCode).toBe(200);
  });

  it('an employee stored before the date checks, with a TMT at 14, can still be edited', async () => {
    const nip = '201001012024011077';
    await t.db
      .execute(sql`insert into employees (tenant_id, nip, name, status, gender, birth_date, appointment, unit_id)
      select tenant_id, ${nip}, 'Data Lama', 'PNS', 'L', '2010-01-01', '2024-01', id from org_units
      where id = ${units.DISDUKCAPIL}`);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/employees/${nip}`,
      headers: { cookie: admin },
      payload: { phone: '081234567890' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nip, phone: '081234567890' });
  });

  it('moves an employee and keeps the history with effective dates', async () => {
    const target = (await get(`/api/employees?unitId=${units.DISDUKCAPIL}&pageSize=1`, admin)).json()
      .items[0];
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/employees/${target.nip}/moves`,
      headers: { cookie: admin },
      payload: { unitId: units.BKPSDM, positionId: null, effectiveFrom: '2026-07-01', note: 'Mutasi' },
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.unitId).toBe(units.BKPSDM);
    expect(d.history[0]).toMatchObject({
      unitId: units.BKPSDM,
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
    });
    expect(d.history[1]).toMatchObject({ effectiveTo: '2026-06-30' });
  });

  it('exports the filtered list as a real XLSX file', async () => {
    const res = await get(`/api/employees/export.xlsx?unitId=${units.DISDUKCAPIL}`, opDukcapil);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const total = (await get(`/api/employees?unitId=${units.DISDUKCAPIL}`, opDukcapil)).json().total;
    expect(ws.actualRowCount).toBe(total + 1);
    expect(ws.getRow(1).getCell(1).value).toBe('nip');
    expect(String(ws.getRow(2).getCell(1).value)).toMatch(/^\d{18}$/);
  });
});
