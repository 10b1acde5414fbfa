import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

/** PATCH /api/tenant merges the given settings into the stored ones and checks the result. */
let t: TestApp;
let admin: string;
const patch = (payload: unknown) =>
  t.app.inject({
    method: 'PATCH',
    url: '/api/tenant',
    headers: { cookie: admin },
    payload: payload as Record<string, unknown>,
  });
const stored = async () =>
  (
    await t.db.execute<{ settings: Record<string, unknown> }>(
      sql`select settings from tenants where code = 'ambon'`,
    )
  ).rows[0]!.settings;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  // The 9-box cut-offs as saved from their own page.
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/talent/settings',
    headers: { cookie: admin },
    payload: { performance: [80, 115], potential: [60, 85] },
  });
  expect(res.statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('tenant settings', () => {
  it('merges one field without wiping the others', async () => {
    const res = await patch({
      settings: { bkpsdmUnitCode: 'BKPSDM', learningBudget: { '2026': 1_500_000_000 } },
    });
    expect(res.statusCode).toBe(200);
    const s = await stored();
    expect(s).toMatchObject({
      bkpsdmUnitCode: 'BKPSDM',
      learningBudget: { '2026': 1_500_000_000 },
      competency: { nineBox: { performance: [80, 115], potential: [60, 85] } },
    });
    const again = await patch({ settings: { certificate: { signerTitle: 'Kepala BKPSDM Kota Ambon' } } });
    expect(again.statusCode).toBe(200);
    expect(await stored()).toMatchObject({
      learningBudget: { '2026': 1_500_000_000 },
      competency: { nineBox: { performance: [80, 115] } },
      certificate: { signerTitle: 'Kepala BKPSDM Kota Ambon' },
    });
  });

  it('null removes a field so its default applies again', async () => {
    const res = await patch({ settings: { learningBudget: null } });
    expect(res.statusCode).toBe(200);
    const s = await stored();
    expect(s).not.toHaveProperty('learningBudget');
    expect(s).toMatchObject({ competency: { nineBox: { potential: [60, 85] } } });
  });

  it('refuses bad values and unknown keys naming the field, and changes nothing', async () => {
    const before = await stored();
    const cases: [unknown, string][] = [
      [
        { settings: { competency: { nineBox: { performance: [120, 90], potential: [60, 85] } } } },
        'body.settings.competency.nineBox.performance',
      ],
      [{ settings: { learningBudget: { '2026': -5 } } }, 'body.settings.learningBudget.2026'],
      [{ settings: { bkpsdmUnitcode: 'X' } }, 'body.settings'],
      [{ settings: { certificatePrefix: 'BKPSDM AMBON!' } }, 'body.settings.certificatePrefix'],
      [{ settings: { certificate: { place: '' } } }, 'body.settings.certificate.place'],
    ];
    for (const [body, field] of cases) {
      const res = await patch(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const errors = (res.json() as { errors: { field: string; message: string }[] }).errors;
      expect(errors.map((e) => e.field)).toContain(field);
      expect(errors[0]!.message.length).toBeGreaterThan(3);
    }
    expect(await stored()).toEqual(before);
  });

  it('audits each changed field with its value before and after', async () => {
    const res = await patch({
      name: 'Pemerintah Kota Ambon',
      settings: { competency: { nineBox: { performance: [75, 110], potential: [60, 85] } } },
    });
    expect(res.statusCode).toBe(200);
    const row = (
      await t.db.execute<{ before: Record<string, unknown>; after: Record<string, unknown> }>(sql`
        select before, after from audit_log where entity = 'tenant' and action = 'update' order by id desc limit 1`)
    ).rows[0]!;
    expect(row.before).toEqual({ 'settings.competency.nineBox.performance': [80, 115] });
    expect(row.after).toEqual({ 'settings.competency.nineBox.performance': [75, 110] });
  });

  it('a save that changes nothing writes no audit row', async () => {
    const count = async () =>
      (await t.db.execute<{ n: number }>(sql`select count(*)::int n from audit_log where entity = 'tenant'`))
        .rows[0]!.n;
    const n = await count();
    expect((await patch({ settings: { bkpsdmUnitCode: 'BKPSDM' } })).statusCode).toBe(200);
    expect(await count()).toBe(n);
  });

  it('the certificate lines set here reach the public data of the tenant', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/tenant', headers: { cookie: admin } });
    expect(
      (res.json() as { settings: { certificate?: { signerTitle?: string } } }).settings.certificate
        ?.signerTitle,
    ).toBe('Kepala BKPSDM Kota Ambon');
  });
});
