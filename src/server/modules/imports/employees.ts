/** Employee import: rows checked in JS, staged with COPY, checked and merged set-based in SQL. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { validateEmployee, type EmployeeInput } from '../../../domain/employee.js';
import { appointmentLeadOf, decodeNip, normalizeNip, type NipDateRules } from '../../../domain/nip.js';
import { problemMessage } from '../../../domain/problems.js';
import { hasRole } from '../../http/auth.js';
import { SPECS } from './columns.js';
import { copyText, MAX_ERRORS, type Counts, type Importer, type ImportSession } from './runner.js';
import { text } from './texts.js';

type Staged = (string | number | boolean | null)[];

const FIELD_COLUMN: Record<keyof EmployeeInput, string> = {
  nip: 'nip',
  name: 'nama',
  status: 'status',
  golongan: 'golongan',
  frontTitle: 'gelar_depan',
  backTitle: 'gelar_belakang',
  email: 'email',
  phone: 'telepon',
};

const STAGE_COLUMNS = `row_no, ok, nip, name, front_title, back_title, status, golongan, gender, birth_date,
  appointment, unit_code, position_ref, supervisor_nip, email, phone`;

/** Compared to tell an update from an unchanged row. */
const COMPARED = [
  'name',
  'front_title',
  'back_title',
  'status',
  'golongan',
  'unit_id',
  'position_id',
  'supervisor_id',
  'email',
  'phone',
];

/** Today and the TMT lead of the session's tenant, read once in begin(). */
const dateRules = new WeakMap<ImportSession, NipDateRules>();

const orNull = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);

export const employeeImporter: Importer<Staged> = {
  spec: SPECS.employees,
  entity: 'employee',

  async begin(s) {
    await s.client
      .query(`create temp table imp_stage (row_no int, ok boolean, nip text, name text, front_title text,
      back_title text, status text, golongan text, gender text, birth_date date, appointment text, unit_code text,
      position_ref text, supervisor_nip text, email text, phone text) on commit drop`);
    const t = await s.client.query<{ today: string; lead: unknown }>(
      `select (now() at time zone time_zone)::date::text as today, settings->'appointmentLeadDays' as lead
       from tenants where id = $1`,
      [s.ctx.tenantId],
    );
    dateRules.set(s, { today: t.rows[0]!.today, appointmentLeadDays: appointmentLeadOf(t.rows[0]!.lead) });
  },

  row(s, r) {
    const c = r.cells;
    const add = (column: string, message: string) => s.errors.add({ row: r.row, column, message });
    const v = validateEmployee(
      {
        nip: c.nip ?? '',
        name: c.nama ?? '',
        status: c.status ?? '',
        golongan: c.golongan,
        frontTitle: c.gelar_depan,
        backTitle: c.gelar_belakang,
        email: c.email,
        phone: c.telepon,
      },
      dateRules.get(s),
    );
    if (!v.ok) for (const i of v.issues) add(FIELD_COLUMN[i.field], problemMessage(s.lang, i.problem));
    const rawNip = normalizeNip(c.nip ?? '');
    const nip = /^\d{18}$/.test(rawNip) ? rawNip : null;
    const unitCode = orNull(c.kode_unit);
    if (!unitCode) add('kode_unit', problemMessage(s.lang, { code: 'required' }));
    let supervisor: string | null = null;
    if (orNull(c.nip_atasan)) {
      const d = decodeNip(c.nip_atasan!);
      if (!d.ok) add('nip_atasan', problemMessage(s.lang, d.problem));
      else if (d.value.nip === nip) add('nip_atasan', problemMessage(s.lang, { code: 'supervisor.self' }));
      else supervisor = d.value.nip;
    }
    const ok = v.ok && !!unitCode;
    const e = v.ok ? v.value : null;
    return [
      r.row,
      ok,
      nip,
      e?.name ?? orNull(c.nama),
      e?.frontTitle ?? null,
      e?.backTitle ?? null,
      e?.status ?? null,
      e?.golongan ?? null,
      e?.decoded.gender ?? null,
      e?.decoded.birthDate ?? null,
      e?.decoded.appointment ?? null,
      unitCode,
      orNull(c.jabatan),
      supervisor,
      e?.email ?? null,
      e?.phone ?? null,
    ];
  },

  async stage(s, rows) {
    const stream = s.client.query(copyFrom(`copy imp_stage (${STAGE_COLUMNS}) from stdin`));
    await pipeline(Readable.from([copyText(rows)]), stream);
  },

  async check(s) {
    const { client, ctx, header, errors, lang } = s;
    const t = ctx.tenantId;
    const has = (col: string) => (header.present.has(col) ? 'true' : 'false');
    // Small statistics samples are enough to steer the joins below, and much faster.
    await client.query('set local default_statistics_target = 10');
    await client.query('analyze imp_stage');

    const dups = await client.query<{ row_no: number; first_row: number; total: string }>(`
      select row_no, first_row, count(*) over () as total from (
        select row_no, min(row_no) over (partition by nip) as first_row from imp_stage where nip is not null
      ) d where row_no <> first_row order by row_no limit ${MAX_ERRORS}`);
    errors.addFound(
      dups.rows.map((d) => ({
        row: d.row_no,
        column: 'nip',
        message: problemMessage(lang, { code: 'duplicateInFile', firstRow: d.first_row }),
      })),
      Number(dups.rows[0]?.total ?? 0),
    );

    // Each row with its id (existing or new) and the values it replaces (duplicates stop the import anyway).
    const keep = (col: string, flag: string) => `case when ${flag} then s.${col} else e.${col} end as ${col}`;
    await client.query(
      `create temp table imp_emp on commit drop as
      select s.row_no, s.ok, s.nip, coalesce(e.id, gen_random_uuid()) as id,
        e.id is not null as existing, s.name, ${keep('front_title', has('gelar_depan'))}, ${keep('back_title', has('gelar_belakang'))},
        s.status, ${keep('golongan', has('golongan'))}, s.gender, s.birth_date, s.appointment, s.unit_code, s.position_ref,
        s.supervisor_nip, ${keep('email', has('email'))}, ${keep('phone', has('telepon'))},
        e.name as old_name, e.front_title as old_front_title, e.back_title as old_back_title, e.status as old_status,
        e.golongan as old_golongan, e.unit_id as old_unit_id, e.position_id as old_position_id,
        e.supervisor_id as old_supervisor_id, e.email as old_email, e.phone as old_phone
      from imp_stage s left join employees e on e.tenant_id = $1 and e.nip = s.nip`,
      [t],
    );
    await client.query('create index on imp_emp (nip)');
    await client.query('analyze imp_emp');

    const changed = COMPARED.map((c) => `x.${c}`).join(', ');
    const old = COMPARED.map((c) => `x.old_${c}`).join(', ');
    await client.query(
      `create temp table imp_res on commit drop as
      select x.*, case when not x.existing then 'create' when (${changed}) is distinct from (${old}) then 'update' else 'same' end as action
      from (
        select r.*, u.id as unit_id, u.path as unit_path, ou.path as old_unit_path,
          case when ${has('jabatan')} then p.id else r.old_position_id end as position_id,
          case when ${has('nip_atasan')} then coalesce(sf.id, se.id) else r.old_supervisor_id end as supervisor_id
        from imp_emp r
        left join (select distinct on (upper(code)) upper(code) as k, id, path from org_units
                   where tenant_id = $1 order by upper(code), code) u on u.k = upper(r.unit_code)
        left join org_units ou on ou.id = r.old_unit_id
        left join (select distinct on (k) k, id from (
                     select upper(code) as k, id, 0 as pri from positions where tenant_id = $1
                     union all select upper(name), id, 1 from positions where tenant_id = $1) pp
                   order by k, pri, id) p on p.k = upper(r.position_ref)
        left join (select distinct on (nip) nip, id from imp_emp where nip is not null order by nip, row_no) sf
          on sf.nip = r.supervisor_nip
        left join employees se on se.tenant_id = $1 and se.nip = r.supervisor_nip
      ) x`,
      [t],
    );
    await client.query('analyze imp_res');

    // Unknown references and, for operators, units and employees outside their OPD subtrees.
    const admin = hasRole(ctx, 'admin');
    const roots = admin ? [] : ctx.operatorUnitIds.map((id) => `%/${id}/%`);
    const found = await client.query<{ row_no: number; code: string; value: string | null; total: string }>(
      `select row_no, code, value, count(*) over () as total from (
        select row_no, 'unit' as code, unit_code as value from imp_res where unit_code is not null and unit_id is null
        union all select row_no, 'position', position_ref from imp_res
          where ${has('jabatan')} and position_ref is not null and position_id is null
        union all select row_no, 'supervisor', supervisor_nip from imp_res
          where ${has('nip_atasan')} and supervisor_nip is not null and supervisor_id is null
        union all select row_no, 'unitScope', unit_code from imp_res
          where not $1 and unit_id is not null and not (unit_path like any($2::text[]))
        union all select row_no, 'employeeScope', nip from imp_res
          where not $1 and existing and not (coalesce(old_unit_path, '') like any($2::text[]))
      ) f order by row_no limit ${MAX_ERRORS}`,
      [admin, roots],
    );
    errors.addFound(
      found.rows.map((f) => {
        const value = f.value ?? '';
        switch (f.code) {
          case 'unit':
            return {
              row: f.row_no,
              column: 'kode_unit',
              message: problemMessage(lang, { code: 'unit.unknown', value }),
            };
          case 'position':
            return {
              row: f.row_no,
              column: 'jabatan',
              message: problemMessage(lang, { code: 'position.unknown', value }),
            };
          case 'supervisor':
            return {
              row: f.row_no,
              column: 'nip_atasan',
              message: problemMessage(lang, { code: 'supervisor.unknown', value }),
            };
          case 'unitScope':
            return { row: f.row_no, column: 'kode_unit', message: text(lang, 'unitOutOfScope', { value }) };
          default:
            return { row: f.row_no, column: 'nip', message: text(lang, 'employeeOutOfScope') };
        }
      }),
      Number(found.rows[0]?.total ?? 0),
    );
    // Supervisor chains must not loop once the file is applied (A → B → A, through the file or the data).
    const cycles = await client.query<{ row_no: number; total: string }>(
      `with recursive edges as materialized (
        select id, supervisor_id as sup from imp_res
        union all
        select e.id, e.supervisor_id from employees e where e.tenant_id = $1 and e.supervisor_id is not null
          and not exists (select 1 from imp_res r where r.id = e.id)
      ), walk(start_row, start_id, cur, depth) as (
        select r.row_no, r.id, r.supervisor_id, 1 from imp_res r
        where ${has('nip_atasan')} and r.supervisor_id is not null and r.supervisor_id <> r.id
          and r.supervisor_id is distinct from r.old_supervisor_id
        union all
        select w.start_row, w.start_id, e.sup, w.depth + 1 from walk w join edges e on e.id = w.cur
        where w.cur <> w.start_id and w.depth < 60 and e.sup is not null
      )
      select row_no, count(*) over () as total from (select distinct start_row as row_no from walk where cur = start_id) c
      order by row_no limit ${MAX_ERRORS}`,
      [t],
    );
    errors.addFound(
      cycles.rows.map((c) => ({
        row: c.row_no,
        column: 'nip_atasan',
        message: problemMessage(lang, { code: 'supervisor.cycle' }),
      })),
      Number(cycles.rows[0]?.total ?? 0),
    );
    return counts(s);
  },

  async write(s, fileName) {
    const { client, ctx } = s;
    const t = ctx.tenantId;
    const today = await client.query<{ d: string }>(
      `select (now() at time zone (select time_zone from tenants where id = $1))::date::text as d`,
      [t],
    );
    const d = today.rows[0]!.d;
    await client.query(
      `insert into employees (id, tenant_id, nip, name, front_title, back_title, status, golongan, gender, birth_date,
        appointment, unit_id, position_id, supervisor_id, email, phone)
      select id, $1, nip, name, front_title, back_title, status, golongan, gender, birth_date, appointment, unit_id,
        position_id, supervisor_id, email, phone from imp_res where action = 'create'`,
      [t],
    );
    await client.query(
      `update employees e set name = r.name, front_title = r.front_title, back_title = r.back_title, status = r.status,
        golongan = r.golongan, unit_id = r.unit_id, position_id = r.position_id, supervisor_id = r.supervisor_id,
        email = r.email, phone = r.phone, updated_at = now()
      from imp_res r where r.action = 'update' and e.id = r.id and e.tenant_id = $1`,
      [t],
    );
    const note = `Impor ${fileName}`.slice(0, 300);
    await client.query(
      `insert into employee_assignments (tenant_id, employee_id, unit_id, position_id, golongan, effective_from, note)
      select $1, id, unit_id, position_id, golongan,
        (case when length(appointment) = 4 then appointment || '-01-01' else appointment || '-01' end)::date, $2
      from imp_res where action = 'create'`,
      [t, note],
    );
    const moved = `r.action = 'update' and (r.unit_id, r.position_id) is distinct from (r.old_unit_id, r.old_position_id)`;
    await client.query(
      `update employee_assignments a set effective_to = greatest(a.effective_from, $2::date - 1)
      from imp_res r where ${moved} and a.tenant_id = $1 and a.employee_id = r.id and a.effective_to is null`,
      [t, d],
    );
    await client.query(
      `insert into employee_assignments (tenant_id, employee_id, unit_id, position_id, golongan, effective_from, note)
      select $1, r.id, r.unit_id, r.position_id, r.golongan, $2::date, $3 from imp_res r where ${moved}`,
      [t, d, note],
    );
    const keys = await client.query<{ action: string; nips: string[] }>(
      `select action, (array_agg(nip order by row_no))[1:${MAX_ERRORS}] as nips from imp_res
      where action in ('create', 'update') group by action`,
    );
    const of = (a: string) => keys.rows.find((k) => k.action === a)?.nips ?? [];
    return { created: of('create'), updated: of('update') };
  },
};

async function counts(s: ImportSession): Promise<Counts> {
  const r = await s.client.query<{ created: number; updated: number; unchanged: number }>(
    `select count(*) filter (where action = 'create')::int as created, count(*) filter (where action = 'update')::int as updated,
      count(*) filter (where action = 'same')::int as unchanged from imp_res where ok`,
  );
  return r.rows[0]!;
}
