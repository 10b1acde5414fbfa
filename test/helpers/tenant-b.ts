/**
 * A second tenant, Kota Tual, beside the seeded Kota Ambon: made through the platform API (tenant and
 * its first admin), then given its own units, employees, a programme with a completed enrolment and
 * its certificate (issued by the real hook), and an uploaded scan — written straight into the test
 * database like test/helpers/programmes.ts does.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../src/server/modules/auth/passwords.js';
import { onEnrollmentCompleted } from '../../src/server/modules/learning/hooks.js';
import { createPlatformAdmin } from '../../src/server/modules/platform/service.js';
import { DEMO_PASSWORD, type TestApp } from './app.js';

export const PLATFORM_ADMIN = 'platform.admin';
export const PLATFORM_PASSWORD = 'platform-rahasia-1';
export const TENANT_B = { code: 'tual', name: 'Pemerintah Kota Tual', admin: 'admin.tual' };

export interface TenantB {
  id: string;
  adminCookie: string;
  platformCookie: string;
  unitIds: string[];
  positionId: string;
  employees: { id: string; nip: string; name: string }[];
  programId: string;
  programTitle: string;
  enrollmentId: string;
  certificate: { id: string; number: string; code: string };
  externalId: string;
  file: { id: string; name: string };
  /** Every string of B that must never reach a caller of another tenant. */
  secrets: string[];
}

export async function createPlatformAdminUser(t: TestApp) {
  const passwordHash = await hashPassword(PLATFORM_PASSWORD);
  await t.db.transaction((tx) =>
    createPlatformAdmin(
      tx,
      { tenantId: null, userId: null, name: 'uji', requestId: null },
      { username: PLATFORM_ADMIN, displayName: 'Admin Platform', passwordHash },
    ),
  );
  return t.login(PLATFORM_ADMIN, PLATFORM_PASSWORD);
}

export async function createTenantB(t: TestApp): Promise<TenantB> {
  const platformCookie = await createPlatformAdminUser(t);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/platform/tenants',
    headers: { cookie: platformCookie },
    payload: {
      code: TENANT_B.code,
      name: TENANT_B.name,
      timeZone: 'Asia/Jayapura',
      admin: {
        username: TENANT_B.admin,
        displayName: 'Admin BKPSDM Tual',
        password: DEMO_PASSWORD + '-tual',
      },
    },
  });
  if (res.statusCode !== 201) throw new Error(`tenant B: ${res.statusCode} ${res.body}`);
  const id = (res.json() as { id: string }).id;
  const adminCookie = await t.login(TENANT_B.admin, DEMO_PASSWORD + '-tual');
  const db = t.db;

  // Units: a root, its BKPSDM (same code as Ambon's, on purpose) and a dinas.
  const root = randomUUID();
  const bkpsdm = randomUUID();
  const dinas = randomUUID();
  await db.execute(sql`insert into org_units (id, tenant_id, parent_id, code, name, kind, path) values
    (${root}, ${id}, null, 'PEMKOT', 'Pemerintah Kota Tual Zyrtanuwela', 'pemda', ${`/${root}/`}),
    (${bkpsdm}, ${id}, ${root}, 'BKPSDM', 'BKPSDM Tual Zyrtanuwela', 'badan', ${`/${root}/${bkpsdm}/`}),
    (${dinas}, ${id}, ${root}, 'DISDUKCAPIL', 'Disdukcapil Tual Zyrtanuwela', 'dinas', ${`/${root}/${dinas}/`})`);
  const positionId = randomUUID();
  await db.execute(sql`insert into positions (id, tenant_id, code, name, type)
    values (${positionId}, ${id}, 'PLK-01', 'Pengadministrasi Zyrtanuwela', 'pelaksana')`);

  const people = [
    {
      id: randomUUID(),
      nip: '197301172001121003',
      name: 'Melkianus Zyrtanuwela',
      gender: 'L',
      birth: '1973-01-17',
      tmt: '2001-12',
    },
    {
      id: randomUUID(),
      nip: '198806292014032005',
      name: 'Ferderika Qoraniwela',
      gender: 'P',
      birth: '1988-06-29',
      tmt: '2014-03',
    },
  ];
  for (const p of people) {
    await db.execute(sql`insert into employees (id, tenant_id, nip, name, status, golongan, gender, birth_date,
        appointment, unit_id, position_id, email, phone)
      values (${p.id}, ${id}, ${p.nip}, ${p.name}, 'PNS', '32', ${p.gender}, ${p.birth}, ${p.tmt}, ${dinas},
        ${positionId}, ${`${p.nip}@tual.go.id`}, '081200000000')`);
    await db.execute(sql`insert into employee_assignments (tenant_id, employee_id, unit_id, position_id, golongan,
        effective_from) values (${id}, ${p.id}, ${dinas}, ${positionId}, '32', '2020-01-01')`);
  }

  const programId = randomUUID();
  const programTitle = 'Pelatihan Zyrtanuwela Kota Tual';
  await db.execute(sql`insert into programs (id, tenant_id, code, title, form, capacity, status, organiser_unit_id,
      cost_fee, cost_travel, cost_lodging, min_attendance_pct, jp, city)
    values (${programId}, ${id}, 'TUAL-ZYR-1', ${programTitle}, 'B7', 20, 'published', ${bkpsdm},
      2500000, 0, 0, 80, 8, 'Tual')`);
  await db.execute(sql`insert into program_sessions (tenant_id, program_id, title, starts_at, ends_at, venue)
    values (${id}, ${programId}, 'Sesi Zyrtanuwela', now() - interval '3 days', now() - interval '3 days' + interval '4 hours',
      'Aula Zyrtanuwela')`);
  const enrollmentId = randomUUID();
  await db.execute(sql`insert into enrollments (id, tenant_id, program_id, employee_id, status, origin)
    values (${enrollmentId}, ${id}, ${programId}, ${people[0]!.id}, 'completed', 'operator')`);
  await db.transaction((tx) =>
    onEnrollmentCompleted(tx, { tenantId: id, userId: null, name: 'uji', requestId: null }, enrollmentId),
  );
  const cert = (
    await db.execute<{ id: string; number: string; code: string }>(
      sql`select id, number, verification_code as code from certificates where enrollment_id = ${enrollmentId}`,
    )
  ).rows[0];
  if (!cert) throw new Error('tenant B: no certificate issued');

  const fileId = randomUUID();
  const fileName = 'sertifikat-zyrtanuwela-tual.pdf';
  const bytes = Buffer.from('%PDF-1.4\n% Zyrtanuwela scan\n%%EOF\n');
  await db.execute(sql`insert into files (id, tenant_id, employee_id, purpose, name, content_type, size, sha256, data)
    values (${fileId}, ${id}, ${people[1]!.id}, 'external_certificate', ${fileName}, 'application/pdf',
      ${bytes.length}, repeat('0', 64), ${bytes})`);
  const externalId = randomUUID();
  await db.execute(sql`insert into external_certificates (id, tenant_id, employee_id, title, provider, form,
      starts_on, ends_on, claim, file_id)
    values (${externalId}, ${id}, ${people[1]!.id}, 'Kursus Zyrtanuwela Daring', 'LAN Zyrtanuwela', 'C10',
      '2026-01-05', '2026-01-09', '{"jp": 10}', ${fileId})`);

  return {
    id,
    adminCookie,
    platformCookie,
    unitIds: [root, bkpsdm, dinas],
    positionId,
    employees: people.map(({ id: eid, nip, name }) => ({ id: eid, nip, name })),
    programId,
    programTitle,
    enrollmentId,
    certificate: cert,
    externalId,
    file: { id: fileId, name: fileName },
    secrets: [
      'Zyrtanuwela',
      'Qoraniwela',
      ...people.map((p) => p.nip),
      id,
      root,
      bkpsdm,
      dinas,
      positionId,
      programId,
      enrollmentId,
      cert.id,
      cert.number,
      cert.code,
      externalId,
      fileId,
    ],
  };
}
