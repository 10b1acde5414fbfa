/** Saving an import preview from its stored upload (POST /api/imports/{id}/confirm). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employeeCsv, makeNips, multipart } from '../../src/server/modules/imports/testkit.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: string;
let operator: string;

const upload = (url: string, cookie: string, csv: string) => {
  const body = multipart('f.csv', csv);
  return t.app.inject({ method: 'POST', url, headers: { ...body.headers, cookie }, payload: body.payload });
};
const confirm = (id: string, cookie: string, lang = 'id') =>
  t.app.inject({
    method: 'POST',
    url: `/api/imports/${id}/confirm`,
    headers: { cookie, 'accept-language': lang },
  });
const stored = async (jobId: string) =>
  (await t.pool.query('select size from import_uploads where job_id = $1', [jobId])).rows.length;
const freshNips = async (n: number) =>
  makeNips(
    n,
    new Set((await t.pool.query<{ nip: string }>('select nip from employees')).rows.map((r) => r.nip)),
    9000,
  );

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  operator = await t.login('operator.dukcapil');
});
afterAll(async () => t.close());

describe('import preview confirmation', () => {
  it('saves the previewed file once, with an audit row, and lets the upload go', async () => {
    const nips = await freshNips(2);
    const preview = await upload('/api/employees/import?dryRun=true', operator, employeeCsv(nips));
    expect(preview.statusCode).toBe(200);
    const { jobId } = preview.json() as { jobId: string };
    expect(await stored(jobId)).toBe(1);
    const audits = async () =>
      Number((await t.pool.query(`select count(*) from audit_log where action = 'import'`)).rows[0].count);
    const before = await audits();

    const saved = await confirm(jobId, operator);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ created: 2, dryRun: false });
    expect(saved.json().jobId).not.toBe(jobId);
    expect(await audits()).toBe(before + 1);
    expect(await stored(jobId)).toBe(0);

    // A signed-in user's own language wins over Accept-Language.
    await t.pool.query(`update users set locale = 'en' where username = 'operator.dukcapil'`);
    const again = await confirm(jobId, operator, 'en');
    await t.pool.query(`update users set locale = 'id' where username = 'operator.dukcapil'`);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({
      code: 'import.notConfirmable',
      title: expect.stringContaining('Upload'),
    });
    expect((await confirm(jobId, operator)).json().title).toContain('Unggah');
  });

  it('keeps no upload of a preview with errors, and refuses to save it', async () => {
    const nips = await freshNips(2);
    const bad = employeeCsv(nips).replace(
      `${nips[1]},Pegawai Uji 1,,S.E.,PNS`,
      `${nips[1]},Pegawai Uji 1,,S.E.,X`,
    );
    const preview = await upload('/api/employees/import?dryRun=true', admin, bad);
    expect(preview.statusCode).toBe(422);
    const { jobId } = preview.json() as { jobId: string };
    expect(await stored(jobId)).toBe(0);
    expect((await confirm(jobId, admin)).statusCode).toBe(409);
  });

  it("does not let an operator save someone else's preview or an org-unit import", async () => {
    const nips = await freshNips(1);
    const mine = (await upload('/api/employees/import?dryRun=true', admin, employeeCsv(nips))).json() as {
      jobId: string;
    };
    expect((await confirm(mine.jobId, operator)).statusCode).toBe(404);
    const units = await upload(
      '/api/org-units/import?dryRun=true',
      admin,
      'kode_unit,nama,jenis,kode_induk\nUJI-KONF,Bidang Konfirmasi,bidang,DISDUKCAPIL\n',
    );
    expect(units.statusCode).toBe(200);
    // The admin's own preview, taken over by the admin: fine; nothing was saved by the refusals.
    expect(await stored(mine.jobId)).toBe(1);
    const saved = await confirm((units.json() as { jobId: string }).jobId, admin);
    expect(saved.json()).toMatchObject({ created: 1 });
  });

  it('refuses a job that is not a preview, and an unknown id', async () => {
    const nips = await freshNips(1);
    const real = (await upload('/api/employees/import', admin, employeeCsv(nips))).json() as {
      jobId: string;
    };
    expect((await confirm(real.jobId, admin)).statusCode).toBe(409);
    expect((await confirm('00000000-0000-4000-8000-000000000000', admin)).statusCode).toBe(404);
    const notUuid = await confirm('bukan-id', admin);
    expect(notUuid.statusCode).toBe(422);
  });
});
