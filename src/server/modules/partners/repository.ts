import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { PartnerListQueryT } from './schemas.js';

export type PartnerRow = {
  id: string;
  name: string;
  kind: string;
  address: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  website: string | null;
  active: boolean;
  active_agreements: number;
  expiring_agreements: number;
  programs: number;
  contribution_total: string | number;
};

/** Today in the tenant's time zone, as SQL. */
export const tenantToday = (tenantId: string) =>
  sql`(select (now() at time zone t.time_zone)::date from tenants t where t.id = ${tenantId})`;

const SELECT = (tenantId: string) => sql`
  select pa.id, pa.name, pa.kind, pa.address, pa.contact_name, pa.contact_email, pa.contact_phone,
    pa.website, pa.active,
    (select count(*)::int from partner_agreements a where a.tenant_id = pa.tenant_id and a.partner_id = pa.id
      and a.ends_on >= ${tenantToday(tenantId)}) as active_agreements,
    (select count(*)::int from partner_agreements a where a.tenant_id = pa.tenant_id and a.partner_id = pa.id
      and a.ends_on >= ${tenantToday(tenantId)} and a.ends_on - a.remind_days_before <= ${tenantToday(tenantId)}) as expiring_agreements,
    (select count(*)::int from programs pr where pr.tenant_id = pa.tenant_id and pr.partner_id = pa.id) as programs,
    (select coalesce(sum(c.value_rupiah), 0) from partner_contributions c
      where c.tenant_id = pa.tenant_id and c.partner_id = pa.id) as contribution_total
  from partners pa`;

export function listFilter(tenantId: string, scope: SQL, q: PartnerListQueryT): SQL {
  const where: SQL[] = [sql`pa.tenant_id = ${tenantId}`, scope];
  if (q.includeInactive !== 'true') where.push(sql`pa.active`);
  if (q.kind) where.push(sql`pa.kind = ${q.kind}`);
  if (q.q) where.push(sql`lower(pa.name) like ${'%' + q.q.toLowerCase().replace(/[%_\\]/g, '\\$&') + '%'}`);
  return sql.join(where, sql` and `);
}

export async function listPartners(db: Tx, tenantId: string, where: SQL, limit: number, offset: number) {
  const res = await db.execute<PartnerRow>(
    sql`${SELECT(tenantId)} where ${where} order by lower(pa.name), pa.id limit ${limit} offset ${offset}`,
  );
  return res.rows;
}

export async function countPartners(db: Tx, where: SQL) {
  const res = await db.execute<{ n: number }>(sql`select count(*)::int as n from partners pa where ${where}`);
  return res.rows[0]?.n ?? 0;
}

export async function findPartner(db: Tx, tenantId: string, id: string, scope: SQL) {
  const res = await db.execute<PartnerRow>(
    sql`${SELECT(tenantId)} where pa.tenant_id = ${tenantId} and pa.id = ${id} and ${scope}`,
  );
  return res.rows[0] ?? null;
}

export async function nameTaken(db: Tx, tenantId: string, name: string, exceptId: string | null) {
  const res = await db.execute(sql`select 1 from partners where tenant_id = ${tenantId}
    and lower(name) = lower(${name}) and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`);
  return (res.rowCount ?? 0) > 0;
}

export async function members(db: Tx, tenantId: string, partnerId: string) {
  const res = await db.execute<{ user_id: string; username: string; display_name: string }>(sql`
    select u.id as user_id, u.username, u.display_name from partner_members m join users u on u.id = m.user_id
    where m.tenant_id = ${tenantId} and m.partner_id = ${partnerId} order by u.username`);
  return res.rows;
}

export type AgreementRow = {
  id: string;
  partner_id: string;
  partner_name: string;
  kind: string;
  number: string;
  title: string;
  parties: string | null;
  scope: string;
  starts_on: string;
  ends_on: string;
  remind_days_before: number;
  days_left: number;
  reminded_at: Date | null;
  file_id: string | null;
  file_name: string | null;
  file_size: number | null;
};

export async function agreements(db: Tx, tenantId: string, where: SQL) {
  const res = await db.execute<AgreementRow>(sql`
    select a.id, a.partner_id, pa.name as partner_name, a.kind, a.number, a.title, a.parties, a.scope,
      a.starts_on, a.ends_on, a.remind_days_before, (a.ends_on - ${tenantToday(tenantId)})::int as days_left,
      a.reminded_at, f.id as file_id, f.name as file_name, f.size as file_size
    from partner_agreements a join partners pa on pa.id = a.partner_id
    left join files f on f.id = a.document_file_id
    where a.tenant_id = ${tenantId} and ${where}
    order by a.ends_on, a.number`);
  return res.rows;
}

export type ContributionRow = {
  id: string;
  partner_id: string;
  kind: string;
  description: string;
  value_rupiah: string | number;
  contributed_on: string;
  agreement_id: string | null;
  agreement_number: string | null;
  program_id: string | null;
  program_title: string | null;
};

export async function contributions(db: Tx, tenantId: string, partnerId: string) {
  const res = await db.execute<ContributionRow>(sql`
    select c.id, c.partner_id, c.kind, c.description, c.value_rupiah, c.contributed_on, c.agreement_id,
      a.number as agreement_number, c.program_id, p.title as program_title
    from partner_contributions c
    left join partner_agreements a on a.id = c.agreement_id
    left join programs p on p.id = c.program_id
    where c.tenant_id = ${tenantId} and c.partner_id = ${partnerId}
    order by c.contributed_on desc, c.id`);
  return res.rows;
}

export async function contributionTotals(db: Tx, tenantId: string, partnerId: string) {
  const [byYear, byKind] = await Promise.all([
    db.execute<{ year: number; total: string }>(sql`
      select extract(year from contributed_on)::int as year, sum(value_rupiah) as total
      from partner_contributions where tenant_id = ${tenantId} and partner_id = ${partnerId}
      group by 1 order by 1`),
    db.execute<{ kind: string; total: string }>(sql`
      select kind, sum(value_rupiah) as total from partner_contributions
      where tenant_id = ${tenantId} and partner_id = ${partnerId} group by 1 order by 2 desc, 1`),
  ]);
  return { byYear: byYear.rows, byKind: byKind.rows };
}
