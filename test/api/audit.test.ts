import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await t.login('pegawai.dukcapil');
});
afterAll(async () => t?.close());

describe('audit trail', () => {
  it('lists writes newest first with who, what, before and after, filtered', async () => {
    const units = (await t.app.inject({ url: '/api/org-units', headers: { cookie: admin } })).json();
    const unit = units.find((u: { code: string }) => u.code === 'BKPSDM');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/org-units/${unit.id}`,
      headers: { cookie: admin },
      payload: { name: 'Badan Kepegawaian dan Pengembangan SDM Kota Ambon' },
    });
    expect(res.statusCode).toBe(200);
    const list = (
      await t.app.inject({ url: '/api/audit?entity=org_unit', headers: { cookie: admin } })
    ).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      actorName: 'admin',
      action: 'update',
      entity: 'org_unit',
      entityId: unit.id,
      before: expect.objectContaining({ name: unit.name }),
      after: { name: 'Badan Kepegawaian dan Pengembangan SDM Kota Ambon' },
    });
    const logins = (
      await t.app.inject({ url: '/api/audit?action=login&actor=pegawai', headers: { cookie: admin } })
    ).json();
    expect(logins.total).toBe(1);
  });

  it('downloads exactly the filtered entries as XLSX', async () => {
    const total = (await t.app.inject({ url: '/api/audit?action=login', headers: { cookie: admin } })).json()
      .total;
    const res = await t.app.inject({
      url: '/api/audit/export.xlsx?action=login',
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.actualRowCount).toBe(total + 1);
    expect(ws.getRow(2).getCell(3).value).toBe('login');
  });
});

describe('users admin', () => {
  it('downloads exactly the filtered users as XLSX, roles with their OPD', async () => {
    const list = (await t.app.inject({ url: '/api/users?role=operator', headers: { cookie: admin } })).json();
    expect(list.total).toBe(2);
    const res = await t.app.inject({
      url: '/api/users/export.xlsx?role=operator',
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.actualRowCount).toBe(3);
    const names = [ws.getRow(2).getCell(1).value, ws.getRow(3).getCell(1).value];
    expect(names).toEqual(['operator.bkpsdm', 'operator.dukcapil']);
    expect(String(ws.getRow(3).getCell(3).value)).toContain('operator (Dinas Kependudukan');
  });
});
