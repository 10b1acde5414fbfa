import { yearIn } from '../../src/domain/time.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificateNumber } from '../../src/domain/learning/checkin.js';
import { issueCertificate } from '../../src/server/modules/certificates/issue.js';
import { onEnrollmentCompleted } from '../../src/server/modules/learning/hooks.js';
import { multipart } from '../../src/server/modules/imports/testkit.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createProgramme, employeeOf, enrol, tenantId } from '../helpers/programmes.js';

let t: TestApp;
const c = {} as Record<'admin' | 'opBkpsdm' | 'op' | 'atasan' | 'pegawai' | 'mitra' | 'pimpinan', string>;
const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

let tenant: string;
let actor: { tenantId: string; userId: null; name: string; requestId: null };
let own: { id: string; number: string; code: string; enrollmentId: string };
let programTitle: string;
let pegawaiNip: string;
let otherNip: string;

async function complete(programId: string, employeeId: string) {
  const en = await enrol(t.db, programId, employeeId, 'completed');
  await t.db.transaction((tx) => onEnrollmentCompleted(tx, actor, en));
  const row = await t.db.execute<{ id: string; number: string; code: string }>(
    sql`select id, number, verification_code as code from certificates where enrollment_id = ${en}`,
  );
  return { enrollmentId: en, ...row.rows[0]! };
}

beforeAll(async () => {
  t = await createTestApp();
  const names = {
    admin: 'admin',
    opBkpsdm: 'operator.bkpsdm',
    op: 'operator.dukcapil',
    atasan: 'atasan.dukcapil',
    pegawai: 'pegawai.dukcapil',
    mitra: 'mitra.unpatti',
    pimpinan: 'pimpinan',
  } as const;
  for (const [k, u] of Object.entries(names)) c[k as keyof typeof names] = await t.login(u);
  tenant = await tenantId(t.db);
  actor = { tenantId: tenant, userId: null, name: 'uji', requestId: null };
  const prog = await createProgramme(t.db, {
    sessions: [
      [-60 * 24 * 3, -60 * 24 * 3 + 240],
      [-60 * 24, -60 * 24 + 240],
    ],
  });
  programTitle = prog.title;
  own = await complete(prog.id, await employeeOf(t.db, 'pegawai.dukcapil'));
  const nipOf = async (username: string) =>
    (
      await t.db.execute<{ nip: string }>(
        sql`select e.nip from users u join employees e on e.id = u.employee_id where u.username = ${username}`,
      )
    ).rows[0]!.nip;
  pegawaiNip = await nipOf('pegawai.dukcapil');
  otherNip = await nipOf('atasan.dukcapil');
});
afterAll(async () => t?.close());

describe('issuance', () => {
  it('a completed enrolment gets one certificate with a tenant/year number and a random code', async () => {
    // The number carries the year in the tenant's zone (WIT), not the test process's.
    const year = yearIn('Asia/Jayapura');
    expect(own.number).toMatch(new RegExp(`^BKPSDM-AMBON/${year}/\\d{6}$`));
    expect(own.code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}$/);
    const row = (
      await t.db.execute<{
        holder_name: string;
        program_title: string;
        jp: number;
        starts_on: string;
        ends_on: string;
      }>(
        sql`select holder_name, program_title, jp::float8 as jp, starts_on::text, ends_on::text from certificates where id = ${own.id}`,
      )
    ).rows[0]!;
    expect(row.program_title).toBe(programTitle);
    expect(row.jp).toBe(8);
    expect(row.starts_on < row.ends_on).toBe(true);
    // Idempotent: completing again issues nothing new.
    const again = await t.db.transaction((tx) => issueCertificate(tx, actor, own.enrollmentId));
    expect(again).toMatchObject({ id: own.id, number: own.number, created: false });
    const audits = await t.db.execute(
      sql`select 1 from audit_log where entity = 'certificate' and entity_id = ${own.id}`,
    );
    expect(audits.rows.length).toBe(1);
  });

  it('parallel issuance gives distinct consecutive numbers', async () => {
    const prog = await createProgramme(t.db, { sessions: [[-600, -300]] });
    const emps = await t.db.execute<{ id: string }>(
      sql`select id from employees where tenant_id = ${tenant} order by nip limit 8 offset 20`,
    );
    const ens = await Promise.all(emps.rows.map((e) => enrol(t.db, prog.id, e.id, 'completed')));
    const issued = await Promise.all(
      ens.map((en) => t.db.transaction((tx) => issueCertificate(tx, actor, en))),
    );
    const seqs = issued.map((i) => parseCertificateNumber(i!.number)!.sequence).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(8);
    expect(seqs[7]! - seqs[0]!).toBe(7);
  });

  it('a not completed enrolment gets none', async () => {
    const prog = await createProgramme(t.db);
    const en = await enrol(t.db, prog.id, await employeeOf(t.db, 'pegawai.dukcapil'), 'approved');
    expect(await t.db.transaction((tx) => issueCertificate(tx, actor, en))).toBeNull();
  });
});

describe('PDF', () => {
  it('is a real PDF with the number, for the holder', async () => {
    const res = await get(`/api/certificates/${own.id}.pdf`, c.pegawai);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.includes(Buffer.from(own.number))).toBe(true);
  });

  it('is scoped: chain, OPD operator, admin, organiser yes; others no', async () => {
    for (const who of ['atasan', 'op', 'admin', 'opBkpsdm'] as const) {
      expect((await get(`/api/certificates/${own.id}.pdf`, c[who])).statusCode, who).toBe(200);
    }
    expect((await get(`/api/certificates/${own.id}.pdf`, c.mitra)).statusCode).toBe(404);
    expect((await get(`/api/certificates/${own.id}.pdf`, c.pimpinan)).statusCode).toBe(403);
    expect((await get(`/api/certificates/${own.id}.pdf`)).statusCode).toBe(401);
    // Someone else's certificate (an employee outside Dukcapil): not the pegawai's, not the Dukcapil operator's.
    const other = await t.db.execute<{ id: string }>(sql`
      select e.id from employees e join org_units u on u.id = e.unit_id
      where e.tenant_id = ${tenant} and u.path not like '%' || (select id from org_units where code = 'DISDUKCAPIL' and tenant_id = ${tenant})::text || '%'
        and e.id <> ${await employeeOf(t.db, 'pegawai.dukcapil')} order by e.nip limit 1`);
    const prog = await createProgramme(t.db, { sessions: [[-600, -300]] });
    const theirs = await complete(prog.id, other.rows[0]!.id);
    expect((await get(`/api/certificates/${theirs.id}.pdf`, c.pegawai)).statusCode).toBe(404);
    expect((await get(`/api/certificates/${theirs.id}.pdf`, c.atasan)).statusCode).toBe(404);
    expect((await get(`/api/certificates/${theirs.id}.pdf`, c.opBkpsdm)).statusCode).toBe(200);
  });
});

describe('public verification', () => {
  it('shows only the allowed fields, without signing in', async () => {
    const res = await get(`/api/public/certificates/${own.code}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ['endsOn', 'holderName', 'issuer', 'jp', 'number', 'programTitle', 'startsOn', 'status'].sort(),
    );
    expect(body).toMatchObject({
      number: own.number,
      programTitle,
      jp: 8,
      status: 'valid',
      issuer: 'Pemerintah Kota Ambon',
    });
    expect(JSON.stringify(body)).not.toMatch(/\d{18}/); // no NIP
    // Lower case and dashes as typed still find it.
    expect(
      (await get(`/api/public/certificates/${own.code.slice(0, 4).toLowerCase()}-${own.code.slice(4)}`))
        .statusCode,
    ).toBe(200);
  });

  it('unknown, forged and malformed codes answer the same 404', async () => {
    const forged = own.code.slice(0, -1) + (own.code.endsWith('Z') ? 'Y' : 'Z');
    const bodies = [];
    for (const code of [forged, 'ABCDEFGHJK23', 'x', '0000000000000', "' or 1=1 --", 'A'.repeat(90)]) {
      const res = await get(`/api/public/certificates/${encodeURIComponent(code)}`);
      expect(res.statusCode, code).toBe(404);
      const b = res.json() as Record<string, unknown>;
      delete b.instance;
      delete b.requestId;
      bodies.push(JSON.stringify(b));
    }
    expect(new Set(bodies).size).toBe(1);
  });

  it('a revoked certificate shows as revoked; revoking needs admin or BKPSDM and a reason', async () => {
    const prog = await createProgramme(t.db, { sessions: [[-600, -300]] });
    const cert = await complete(prog.id, await employeeOf(t.db, 'atasan.dukcapil'));
    const url = `/api/certificates/${cert.id}/revoke`;
    const post = (cookie: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
    expect((await post(c.op, { reason: 'Data keliru' })).statusCode).toBe(403);
    expect((await post(c.admin, {})).statusCode).toBe(422);
    const ok = await post(c.opBkpsdm, { reason: 'Peserta tidak memenuhi syarat kehadiran' });
    expect(ok.statusCode).toBe(200);
    const pub = await get(`/api/public/certificates/${cert.code}`);
    expect(pub.json()).toMatchObject({ status: 'revoked', number: cert.number });
    const audits = await t.db.execute(
      sql`select 1 from audit_log where entity = 'certificate' and entity_id = ${cert.id} and action = 'update'`,
    );
    expect(audits.rows.length).toBe(1);
  });
});

describe('certificates earned elsewhere', () => {
  const post = (url: string, cookie: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const scan = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  /** Uploads a scan for `nip` (the pegawai's own by default) and answers its file id. */
  const uploadScan = async (cookie: string, nip = pegawaiNip, data = scan) => {
    const m = multipart('Sertifikat LAN.pdf', data);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/files?purpose=external_certificate&nip=${nip}`,
      headers: { cookie, ...m.headers },
      payload: m.payload,
    });
    return res;
  };
  const submit = async (cookie: string, extra: object = {}) =>
    post('/api/external-certificates', cookie, {
      fileId: ((await uploadScan(cookie)).json() as { id: string }).id,
      title: 'Pelatihan Kepemimpinan Daring',
      provider: 'LAN RI',
      form: 'B2',
      scope: 'nasional',
      startsOn: '2026-03-02',
      endsOn: '2026-03-06',
      claim: { scheduledJp: 10 },
      ...extra,
    });

  it('submit → the OPD operator verifies → a learning record with the JP of the rule; the employee is told', async () => {
    const res = await submit(c.pegawai);
    expect(res.statusCode).toBe(200);
    const { id } = res.json() as { id: string };
    const list = (await get('/api/external-certificates?status=submitted', c.op)).json() as { id: string }[];
    expect(list.map((x) => x.id)).toContain(id);
    // The demo's two waiting certificates are there too.
    expect(list.length).toBeGreaterThanOrEqual(3);
    const own = (await get('/api/external-certificates', c.pegawai)).json() as { id: string }[];
    expect(own.map((x) => x.id)).toContain(id);
    // The pegawai cannot verify their own; a mitra cannot even list.
    expect((await post(`/api/external-certificates/${id}/verify`, c.pegawai)).statusCode).toBe(403);
    expect((await get('/api/external-certificates', c.mitra)).statusCode).toBe(403);
    const ok = await post(`/api/external-certificates/${id}/verify`, c.op);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'verified', jp: 10 });
    const rec = await t.db.execute<{ source: string; jp: number; year: number }>(
      sql`select source, jp::float8 as jp, year from learning_records where external_certificate_id = ${id}`,
    );
    expect(rec.rows).toEqual([{ source: 'external', jp: 10, year: 2026 }]);
    const note = await t.db.execute(sql`select 1 from notifications n join users u on u.id = n.user_id
      where u.username = 'pegawai.dukcapil' and n.kind = 'certificate.external'`);
    expect(note.rows.length).toBe(1);
    // Once decided, it stays decided.
    expect((await post(`/api/external-certificates/${id}/verify`, c.op)).statusCode).toBe(409);
  });

  it('needs a scan of its own: missing, foreign or reused files are refused by field; reviewers can open it', async () => {
    const base = {
      title: 'Kursus Analisis Data',
      provider: 'Universitas Pattimura',
      form: 'B2',
      startsOn: '2026-04-01',
      endsOn: '2026-04-02',
      claim: { scheduledJp: 8 },
    };
    const field = (r: { json(): unknown }) => (r.json() as { errors: { field: string }[] }).errors[0]!.field;
    const none = await post('/api/external-certificates', c.pegawai, base);
    expect(none.statusCode).toBe(422);
    expect(field(none)).toBe('body.fileId');
    // Only PDF, JPG or PNG, checked from the content.
    const txt = await uploadScan(c.pegawai, pegawaiNip, Buffer.from('bukan sertifikat'));
    expect(txt.statusCode).toBe(422);
    // A file uploaded for somebody else cannot back the pegawai's own certificate.
    const theirs = ((await uploadScan(c.op, otherNip)).json() as { id: string }).id;
    const foreign = await post('/api/external-certificates', c.pegawai, { ...base, fileId: theirs });
    expect(foreign.statusCode).toBe(422);
    expect(field(foreign)).toBe('body.fileId');
    const before = (await t.db.execute(sql`select count(*)::int as n from external_certificates`)).rows[0];
    const fileId = ((await uploadScan(c.pegawai)).json() as { id: string }).id;
    const ok = await post('/api/external-certificates', c.pegawai, { ...base, fileId });
    expect(ok.statusCode).toBe(200);
    const again = await post('/api/external-certificates', c.pegawai, { ...base, fileId });
    expect(field(again)).toBe('body.fileId');
    expect((await t.db.execute(sql`select count(*)::int as n from external_certificates`)).rows[0]).toEqual({
      n: (before as { n: number }).n + 1,
    });
    // The OPD operator sees the file with the certificate and can open it; a mitra cannot.
    const listed = (await get('/api/external-certificates?status=submitted', c.op)).json() as {
      id: string;
      fileId: string;
      fileName: string;
    }[];
    const mine = listed.find((x) => x.id === (ok.json() as { id: string }).id)!;
    expect(mine).toMatchObject({ fileId, fileName: 'Sertifikat LAN.pdf' });
    const dl = await get(`/api/files/${fileId}`, c.op);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(dl.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(`/api/files/${fileId}`, c.mitra)).statusCode).toBe(403);
  });

  it('an operator records one handed in on paper: for their OPD or, at BKPSDM, anyone; not outside', async () => {
    const onBehalf = async (cookie: string, nip: string) => {
      const upload = await uploadScan(cookie, nip);
      if (upload.statusCode !== 201) return upload;
      return post('/api/external-certificates', cookie, {
        nip,
        fileId: (upload.json() as { id: string }).id,
        title: 'Bimtek Arsip Kertas',
        provider: 'ANRI',
        form: 'B2',
        scope: 'nasional',
        startsOn: '2026-04-06',
        endsOn: '2026-04-07',
        claim: { scheduledJp: 12 },
      });
    };
    const res = await onBehalf(c.op, pegawaiNip);
    expect(res.statusCode).toBe(200);
    const { id } = res.json() as { id: string };
    // Filed under the employee, who sees it among their own; it waits for the same check.
    const theirs = (await get('/api/external-certificates', c.pegawai)).json() as {
      id: string;
      status: string;
    }[];
    expect(theirs.find((x) => x.id === id)?.status).toBe('submitted');
    expect((await post(`/api/external-certificates/${id}/verify`, c.op)).statusCode).toBe(200);

    const outside = (
      await t.db.execute<{ nip: string }>(sql`
        select e.nip from employees e join org_units u on u.id = e.unit_id
        where e.tenant_id = ${tenant} and u.path not like '%' || (select id from org_units where code = 'DISDUKCAPIL' and tenant_id = ${tenant})::text || '%'
        order by e.nip limit 1`)
    ).rows[0]!.nip;
    const before = await t.db.execute(sql`select count(*)::int as n from external_certificates`);
    expect([403, 404]).toContain((await onBehalf(c.op, outside)).statusCode);
    expect((await t.db.execute(sql`select count(*)::int as n from external_certificates`)).rows).toEqual(
      before.rows,
    );
    const bk = await onBehalf(c.opBkpsdm, outside);
    expect(bk.statusCode).toBe(200);
    // BKPSDM checks every OPD's certificates, so it opens their scans too; the Dukcapil operator does not.
    const waiting = (await get('/api/external-certificates?status=submitted', c.opBkpsdm)).json() as {
      id: string;
      fileId: string;
    }[];
    const fileId = waiting.find((x) => x.id === (bk.json() as { id: string }).id)!.fileId;
    expect((await get(`/api/files/${fileId}`, c.opBkpsdm)).statusCode).toBe(200);
    expect((await get(`/api/files/${fileId}`, c.op)).statusCode).toBe(404);
  });

  it('rejecting needs a reason; an end before the start is refused', async () => {
    const { id } = (await submit(c.pegawai, { title: 'Seminar daring' })).json() as { id: string };
    expect((await post(`/api/external-certificates/${id}/reject`, c.op, {})).statusCode).toBe(422);
    const ok = await post(`/api/external-certificates/${id}/reject`, c.admin, {
      reason: 'Berkas tidak terbaca',
    });
    expect(ok.statusCode).toBe(200);
    const mine = (await get('/api/external-certificates', c.pegawai)).json() as {
      id: string;
      status: string;
      rejectReason: string;
    }[];
    expect(mine.find((x) => x.id === id)).toMatchObject({
      status: 'rejected',
      rejectReason: 'Berkas tidak terbaca',
    });
    const bad = await submit(c.pegawai, { startsOn: '2026-03-06', endsOn: '2026-03-01' });
    expect(bad.statusCode).toBe(422);
  });
});
