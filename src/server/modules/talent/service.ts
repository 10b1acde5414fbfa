import { sql } from 'drizzle-orm';
import { DEFAULT_NINE_BOX, nineBox, type NineBoxCutoffs } from '../../../domain/competency/gaps.js';
import { SUCCESSION_BOXES } from '../../../domain/competency/talent.js';
import { fullName } from '../../../domain/org.js';
import type { Db } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import type { AuthContext } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { findEmployee } from '../competency/repository.js';
import { gapContext, scopedUnit } from '../competency/service.js';
import { employeeReadScope, employeeWriteScope } from '../employees/policy.js';
import { talentRows } from './repository.js';
import { NineBoxCutoffsSchema, type BOX_SELECTIONS, type NineBoxT, type PREDIKAT } from './schemas.js';

export const NINE_BOX_PAGE = 50;
type Predikat = (typeof PREDIKAT)[number];

/** The tenant's cut-offs (settings.competency.nineBox), DEFAULT_NINE_BOX when missing or invalid. */
export function cutoffsOf(settings: Record<string, unknown> | undefined): NineBoxCutoffs {
  const competency = settings?.competency as Record<string, unknown> | undefined;
  const parsed = NineBoxCutoffsSchema.safeParse(competency?.nineBox);
  return parsed.success ? parsed.data : DEFAULT_NINE_BOX;
}

export function talentService(db: Db) {
  async function performance(ctx: AuthContext, nip: string) {
    const e = await findEmployee(db, ctx.tenantId, nip, employeeReadScope(ctx));
    if (!e) throw notFound();
    const res = await db.execute<{ year: number; score: number; predikat: Predikat | null }>(sql`
      select year, score::float8 as score, predikat from performance_ratings
      where tenant_id = ${ctx.tenantId} and employee_id = ${e.id} order by year desc`);
    return res.rows;
  }

  async function setPerformance(
    ctx: AuthContext,
    actor: AuditActor,
    nip: string,
    year: number,
    body: { score: number; predikat?: Predikat | null },
  ) {
    const score = Math.round(body.score * 100) / 100;
    const predikat = body.predikat ?? null;
    return db.transaction(async (tx) => {
      const e = await findEmployee(tx, ctx.tenantId, nip, employeeWriteScope(ctx));
      if (!e) throw notFound();
      const before = await tx.execute<{ score: number; predikat: string | null }>(sql`
        select score::float8 as score, predikat from performance_ratings
        where tenant_id = ${ctx.tenantId} and employee_id = ${e.id} and year = ${year} for update`);
      const old = before.rows[0] ?? null;
      if (!old || old.score !== score || old.predikat !== predikat) {
        await tx.execute(sql`
          insert into performance_ratings (tenant_id, employee_id, year, score, predikat, created_by)
          values (${ctx.tenantId}, ${e.id}, ${year}, ${score}, ${predikat}, ${ctx.userId})
          on conflict (tenant_id, employee_id, year)
          do update set score = excluded.score, predikat = excluded.predikat, created_by = excluded.created_by`);
        await audit(tx, actor, {
          action: old ? 'update' : 'create',
          entity: 'performance_rating',
          entityId: e.id,
          before: old ? { nip, year, ...old } : null,
          after: { nip, year, score, predikat },
        });
      }
      return { year, score, predikat };
    });
  }

  const plain = (c: NineBoxCutoffs): NineBoxT['cutoffs'] => ({
    performance: [c.performance[0], c.performance[1]],
    potential: [c.potential[0], c.potential[1]],
  });

  async function cutoffs(ctx: AuthContext) {
    return plain(cutoffsOf((await gapContext(db, ctx.tenantId)).settings));
  }

  async function setCutoffs(ctx: AuthContext, actor: AuditActor, next: NineBoxCutoffs) {
    return db.transaction(async (tx) => {
      const res = await tx.execute<{ settings: Record<string, unknown> }>(
        sql`select settings from tenants where id = ${ctx.tenantId} for update`,
      );
      const before = cutoffsOf(res.rows[0]?.settings);
      const value = { performance: [...next.performance], potential: [...next.potential] };
      await tx.execute(sql`update tenants set settings = jsonb_set(
          case when jsonb_typeof(settings -> 'competency') = 'object' then settings
            else coalesce(settings, '{}'::jsonb) || '{"competency": {}}'::jsonb end,
          '{competency,nineBox}', ${JSON.stringify(value)}::jsonb)
        where id = ${ctx.tenantId}`);
      await audit(tx, actor, {
        action: 'update',
        entity: 'tenant',
        entityId: ctx.tenantId,
        before: { nineBox: before },
        after: { nineBox: value },
      });
      return plain(next);
    });
  }

  async function nineBoxView(
    ctx: AuthContext,
    q: { unitId?: string; year?: number; box?: (typeof BOX_SELECTIONS)[number]; page: number },
  ): Promise<NineBoxT> {
    const unit = await scopedUnit(db, ctx, q.unitId);
    const g = await gapContext(db, ctx.tenantId);
    const year = q.year ?? Number(g.today.slice(0, 4)) - 1;
    const c = cutoffsOf(g.settings);
    const rows = await talentRows(db, ctx.tenantId, unit, year, g.sqlRule, g.jpmFormula);
    const people = rows.map((r) => {
      const reasons: ('noStandard' | 'notAssessed' | 'noPerformance')[] = [];
      if (!r.required_total) reasons.push('noStandard');
      else if (!r.assessed) reasons.push('notAssessed');
      if (r.score === null) reasons.push('noPerformance');
      const potential = reasons.includes('noStandard') || reasons.includes('notAssessed') ? null : r.jpm;
      return {
        nip: r.nip,
        name: fullName(r.name, r.front_title, r.back_title),
        positionName: r.position_name,
        unitName: r.unit_name,
        potential,
        performance: r.score,
        box:
          reasons.length === 0 && potential !== null && r.score !== null
            ? nineBox(r.score, potential, c)
            : null,
        reasons,
      };
    });
    const counts = new Map<number, number>();
    const byReason: Record<string, number> = { noStandard: 0, notAssessed: 0, noPerformance: 0 };
    let incomplete = 0;
    for (const p of people) {
      if (p.box !== null) counts.set(p.box, (counts.get(p.box) ?? 0) + 1);
      else {
        incomplete++;
        for (const r of p.reasons) byReason[r]!++;
      }
    }
    let selection: NineBoxT['selection'] = null;
    if (q.box) {
      const chosen = people
        .filter((p) => (q.box === 'incomplete' ? p.box === null : p.box === Number(q.box)))
        .sort(
          (a, b) =>
            (b.potential ?? -1) + (b.performance ?? -1) - ((a.potential ?? -1) + (a.performance ?? -1)) ||
            a.name.localeCompare(b.name, 'id'),
        );
      const from = (q.page - 1) * NINE_BOX_PAGE;
      selection = {
        box: q.box,
        page: q.page,
        pageSize: NINE_BOX_PAGE,
        total: chosen.length,
        people: chosen.slice(from, from + NINE_BOX_PAGE),
      };
    }
    return {
      unit: { id: unit.id, name: unit.name },
      year,
      cutoffs: plain(c),
      employees: people.length,
      placed: people.length - incomplete,
      boxes: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((box) => ({
        box,
        count: counts.get(box) ?? 0,
        succession: SUCCESSION_BOXES.includes(box),
      })),
      incomplete: { count: incomplete, byReason },
      selection,
    };
  }

  return { performance, setPerformance, cutoffs, setCutoffs, nineBox: nineBoxView };
}
export type TalentService = ReturnType<typeof talentService>;
