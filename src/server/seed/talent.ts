/**
 * Demo SKP ratings: last year's score for every active demo employee, deterministic from the NIP
 * (70–130, so the 9-box has people in every performance column), with a predikat that fits it.
 * One set-based insert.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';

export async function seedPerformance(tx: Tx, tenantId: string): Promise<number> {
  const res = await tx.execute(sql`
    with t as (
      select (extract(year from now() at time zone time_zone)::int - 1) as year from tenants where id = ${tenantId}
    ), s as (
      select e.id, round(70 + (('x' || substr(md5(e.nip), 1, 6))::bit(24)::int % 6001) / 100.0, 2) as score
      from employees e where e.tenant_id = ${tenantId} and e.active
    )
    insert into performance_ratings (tenant_id, employee_id, year, score, predikat)
    select ${tenantId}, s.id, t.year, s.score,
      case when s.score >= 120 then 'sangat_baik' when s.score >= 90 then 'baik'
        when s.score >= 80 then 'butuh_perbaikan' else 'kurang' end
    from s cross join t
    on conflict (tenant_id, employee_id, year) do nothing`);
  return res.rowCount ?? 0;
}
