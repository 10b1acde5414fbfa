import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fullName } from '../../../domain/org.js';
import type { Db } from '../../db/client.js';
import { audit, actorOf, type AuditActor } from '../../http/audit.js';
import { requireAuth, type AuthContext } from '../../http/auth.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { currentVersions } from '../assessments/repository.js';
import { tenantToday } from '../tenant/service.js';
import { employeeReadScope } from '../employees/policy.js';
import { subordinatesOf } from '../enrollments/repository.js';

/*
 * Closing the loop: a completed programme proposes new competency levels (see hooks.ts); the
 * atasan confirms (possibly at another level) or rejects with a reason. A confirmation becomes an
 * atasan assessment whose evidence names the programme, so the profile shows where it came from.
 */

export const ProposalStatus = z.enum(['pending', 'confirmed', 'rejected']);
export const ProposalDto = z.object({
  id: z.uuid(),
  nip: z.string(),
  name: z.string(),
  competencyId: z.uuid(),
  competencyCode: z.string(),
  competencyName: z.string(),
  currentLevel: z.number().int().nullable(),
  proposedLevel: z.number().int(),
  evidence: z.string(),
  programTitle: z.string().nullable(),
  status: ProposalStatus,
  decidedLevel: z.number().int().nullable(),
  decidedAt: z.string().nullable(),
  canDecide: z.boolean(),
  createdAt: z.string(),
});
export const ProposalList = z.array(ProposalDto);
export const ProposalQuery = z.object({
  status: ProposalStatus.default('pending'),
  nip: z.string().optional(),
});
export const ConfirmBody = z.object({
  level: z.number().int().min(1).max(5),
  note: z.string().trim().max(1000).optional(),
});
export const RejectBody = z.object({ reason: z.string().trim().min(3).max(1000) });
const IdParams = z.object({ id: z.uuid() });

type Row = {
  id: string;
  employee_id: string;
  nip: string;
  name: string;
  front_title: string | null;
  back_title: string | null;
  competency_id: string;
  competency_code: string;
  competency_name: string;
  current_level: number | null;
  proposed_level: number;
  evidence: string;
  program_title: string | null;
  status: 'pending' | 'confirmed' | 'rejected';
  decided_level: number | null;
  decided_at: string | null;
  created_at: string;
  supervisor_id: string | null;
  may_decide: boolean;
};

export function proposalService(db: Db) {
  const select = (ctx: AuthContext) => sql`
    select cp.id, cp.employee_id, e.nip, e.name, e.front_title, e.back_title, cp.competency_id,
      c.code as competency_code, v.name as competency_name, cp.current_level, cp.proposed_level, cp.evidence,
      p.title as program_title, cp.status, cp.decided_level, cp.decided_at, cp.created_at, e.supervisor_id,
      -- Only someone above the employee in the supervisor chain decides (as for atasan assessments).
      cp.employee_id in ${subordinatesOf(ctx)} as may_decide
    from competency_proposals cp
    join employees e on e.id = cp.employee_id
    join competencies c on c.id = cp.competency_id
    join lateral (select name from competency_versions v where v.competency_id = c.id
      order by v.version desc limit 1) v on true
    left join enrollments en on en.id = cp.enrollment_id
    left join programs p on p.id = en.program_id
    where cp.tenant_id = ${ctx.tenantId} and ${employeeReadScope(ctx)}`;

  const present = (rows: Row[]) =>
    rows.map((r) => ({
      id: r.id,
      nip: r.nip,
      name: fullName(r.name, r.front_title, r.back_title),
      competencyId: r.competency_id,
      competencyCode: r.competency_code,
      competencyName: r.competency_name,
      currentLevel: r.current_level,
      proposedLevel: r.proposed_level,
      evidence: r.evidence,
      programTitle: r.program_title,
      status: r.status,
      decidedLevel: r.decided_level,
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      canDecide: r.status === 'pending' && r.may_decide,
      createdAt: new Date(r.created_at).toISOString(),
    }));

  async function list(ctx: AuthContext, q: { status: 'pending' | 'confirmed' | 'rejected'; nip?: string }) {
    const res = await db.execute<Row>(sql`${select(ctx)} and cp.status = ${q.status}
      ${q.nip ? sql`and e.nip = ${q.nip}` : sql``}
      order by cp.created_at desc, e.name limit 500`);
    return present(res.rows);
  }

  async function decide(
    ctx: AuthContext,
    actor: AuditActor,
    id: string,
    decision: { kind: 'confirm'; level: number; note?: string } | { kind: 'reject'; reason: string },
  ) {
    return db.transaction(async (tx) => {
      const res = await tx.execute<Row>(sql`${select(ctx)} and cp.id = ${id} for update of cp`);
      const p = res.rows[0];
      if (!p) throw notFound();
      if (!p.may_decide) throw forbidden();
      if (p.status !== 'pending') throw new AppError('conflict', { what: 'usulan sudah diputuskan' });
      let assessmentId: string | null = null;
      if (decision.kind === 'confirm') {
        const today = await tenantToday(tx, ctx.tenantId);
        const version = (await currentVersions(tx, ctx.tenantId, today)).find(
          (v) => v.id === p.competency_id,
        );
        if (!version) throw notFound();
        const note = [p.evidence, decision.note].filter(Boolean).join(' ');
        const ins = await tx.execute<{ id: string }>(sql`
          insert into assessments (tenant_id, employee_id, competency_id, competency_version_id, source, level,
            assessed_on, assessor_user_id, assessor_employee_id, evidence_note)
          values (${ctx.tenantId}, ${p.employee_id}, ${p.competency_id}, ${version.version_id}, 'atasan',
            ${decision.level}, ${today}::date, ${ctx.userId}, ${ctx.employeeId}, ${note})
          returning id`);
        assessmentId = ins.rows[0]!.id;
      }
      await tx.execute(sql`update competency_proposals set
          status = ${decision.kind === 'confirm' ? 'confirmed' : 'rejected'},
          decided_by = ${ctx.userId}, decided_at = now(),
          decided_level = ${decision.kind === 'confirm' ? decision.level : null},
          assessment_id = ${assessmentId}
        where id = ${id}`);
      await audit(tx, actor, {
        action: decision.kind,
        entity: 'competency_proposal',
        entityId: id,
        before: { status: 'pending', proposedLevel: p.proposed_level },
        after:
          decision.kind === 'confirm'
            ? { status: 'confirmed', level: decision.level, assessmentId }
            : { status: 'rejected', reason: decision.reason },
      });
      const after = await tx.execute<Row>(sql`${select(ctx)} and cp.id = ${id}`);
      return present(after.rows)[0]!;
    });
  }

  return { list, decide };
}

const READERS = ['admin', 'operator', 'atasan', 'pegawai', 'pimpinan'] as const;

export const proposalRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const service = proposalService(db);
    const tags = ['learning'];
    app.get(
      '/api/competency-proposals',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary:
            'Usulan kenaikan level kompetensi dari program yang selesai (bawaan: yang menunggu keputusan)',
          querystring: ProposalQuery,
          response: { 200: ProposalList },
        },
      },
      async (req) => service.list(requireAuth(req), req.query),
    );
    app.post(
      '/api/competency-proposals/:id/confirm',
      {
        config: { access: ['atasan'] },
        schema: {
          tags,
          summary: 'Atasan menetapkan level (boleh berbeda dari usulan); tercatat sebagai penilaian atasan',
          params: IdParams,
          body: ConfirmBody,
          response: { 200: ProposalDto },
        },
      },
      async (req) =>
        service.decide(requireAuth(req), actorOf(req), req.params.id, { kind: 'confirm', ...req.body }),
    );
    app.post(
      '/api/competency-proposals/:id/reject',
      {
        config: { access: ['atasan'] },
        schema: {
          tags,
          summary: 'Atasan menolak usulan dengan alasan',
          params: IdParams,
          body: RejectBody,
          response: { 200: ProposalDto },
        },
      },
      async (req) =>
        service.decide(requireAuth(req), actorOf(req), req.params.id, {
          kind: 'reject',
          reason: req.body.reason,
        }),
    );
  };
