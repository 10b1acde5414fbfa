import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { gapCtes, type HeatmapRule } from '../competency/repository.js';
import type { JpmFormula } from '../../../domain/competency/gaps.js';

export type TalentRow = {
  nip: string;
  name: string;
  front_title: string | null;
  back_title: string | null;
  position_name: string | null;
  unit_name: string;
  required_total: number | null;
  assessed: number | null;
  jpm: number | null;
  score: number | null;
};

/**
 * Every active employee of the unit's subtree with their JPM (from the reconciled levels, the same
 * definition as the heatmap) and their SKP score of the year.
 */
export async function talentRows(
  db: Tx,
  tenantId: string,
  unit: { id: string; path: string },
  year: number,
  rule: HeatmapRule,
  formula: JpmFormula,
): Promise<TalentRow[]> {
  // The SQL form of jpm() in gaps.ts: unassessed counts as 0; capped per competency or on the total.
  const met =
    formula === 'total'
      ? sql`least(sum(req.required_level), sum(coalesce(cur.level, 0)))`
      : sql`sum(least(req.required_level, coalesce(cur.level, 0)))`;
  const emp = sql`select e.id, e.position_id, ${unit.id}::uuid as grp from org_units s
    join employees e on e.tenant_id = ${tenantId} and e.unit_id = s.id and e.active
    where s.tenant_id = ${tenantId} and s.path like ${unit.path} || '%'`;
  const res = await db.execute<TalentRow>(sql`
    with ${gapCtes(tenantId, emp, rule)}, j as (
      select req.employee_id, sum(req.required_level)::int as required_total,
        count(cur.level)::int as assessed,
        (round(1000.0 * ${met} / sum(req.required_level)) / 10)::float8 as jpm
      from req left join cur on cur.employee_id = req.employee_id and cur.competency_id = req.competency_id
      group by req.employee_id
    )
    select e.nip, e.name, e.front_title, e.back_title, p.name as position_name, u.name as unit_name,
      j.required_total, j.assessed, j.jpm, pr.score::float8 as score
    from emp join employees e on e.id = emp.id
    join org_units u on u.id = e.unit_id
    left join positions p on p.id = e.position_id
    left join j on j.employee_id = e.id
    left join performance_ratings pr on pr.tenant_id = ${tenantId} and pr.employee_id = e.id and pr.year = ${year}
    order by e.name, e.nip`);
  return res.rows;
}
