/** The programme catalog: programmes with target competencies, cost, eligibility, sessions and JP. */
import { sql } from 'drizzle-orm';
import { formByCode, type FormCode } from '../../../domain/learning/forms.js';
import { sameCity } from '../../../domain/tenant.js';
import { semesterRuleOf } from '../../../domain/learning/jp-rules.js';
import { sqlArray, type Db, type Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { forbidden, notFound, type RowError } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { offsetOf } from '../../http/pagination.js';
import { employeeReadScope } from '../employees/policy.js';
import { tenantHomeCity } from '../tenant/service.js';
import { checkEligibility, reasonText } from './eligibility.js';
import { basisIn, recomputeProgramJp } from './jp.js';
import { tenantRuleSets } from './jp-rules.js';
import { bkpsdmOperatorSql, myPartnerIds, programReadScope, programWriteScope } from './policy.js';
import * as repo from './repository.js';
import type {
  ProgramDetailT,
  ProgramInputT,
  ProgramItemT,
  ProgramListQueryT,
  ProgramPatchT,
  ProgramStatus,
  SessionInputT,
} from './schemas.js';
import { fieldErrors, text } from './texts.js';
import { pathInOperatorOpd } from '../../http/opd-scope.js';
import { isoInstant } from '../../../domain/time.js';

const num = (v: string | number | null) => (v === null ? null : Number(v));
const iso = isoInstant;

const TRANSITIONS: Record<ProgramStatus, ProgramStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['closed', 'cancelled', 'draft'],
  closed: ['published'],
  cancelled: ['draft'],
};

export const presentItem = (r: repo.ProgramRow): ProgramItemT => ({
  id: r.id,
  code: r.code,
  title: r.title,
  form: r.form as FormCode,
  path: formByCode(r.form)?.path ?? 'pelatihan_klasikal',
  scope: r.scope as ProgramItemT['scope'],
  partnerId: r.partner_id,
  partnerName: r.partner_name,
  providerName: r.partner_name ?? (r.provider_name || r.organiser_unit_name || ''),
  organiserUnitId: r.organiser_unit_id,
  organiserUnitName: r.organiser_unit_name,
  city: r.city,
  jp: Number(r.jp),
  status: r.status as ProgramStatus,
  capacity: r.capacity,
  costTotal: Number(r.cost_fee) + Number(r.cost_travel) + Number(r.cost_lodging),
  sessionCount: r.session_count,
  firstSessionAt: iso(r.first_at),
  lastSessionAt: iso(r.last_at),
});

/** Session end after start; both in the same notation, so plain comparison after parsing works. */
const endsAfter = (s: { startsAt: string; endsAt: string }) => {
  const p = (v: string) => Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : `${v}Z`);
  return p(s.endsAt) > p(s.startsAt);
};

export function programService(db: Db) {
  async function detail(ctx: AuthContext, id: string, lang: Lang = 'id'): Promise<ProgramDetailT> {
    const row = await repo.findProgram(db, ctx.tenantId, id, programReadScope(ctx));
    if (!row) throw notFound();
    const [sessions, comps, writable, homeCity] = await Promise.all([
      repo.sessionsOf(db, ctx.tenantId, id),
      repo.competenciesOf(db, ctx.tenantId, id),
      repo.findProgram(db, ctx.tenantId, id, programWriteScope(ctx)),
      tenantHomeCity(db, ctx.tenantId),
    ]);
    const fee = Number(row.cost_fee);
    const travel = Number(row.cost_travel);
    const lodging = Number(row.cost_lodging);
    return {
      ...presentItem(row),
      description: row.description,
      scheduledJp: num(row.scheduled_jp),
      jpBasis: basisIn(lang, row),
      jpRuleSet: row.jp_rule_set_id
        ? { id: row.jp_rule_set_id, code: row.rule_code!, regulation: row.rule_regulation! }
        : null,
      cost: { fee, travel, lodging, total: fee + travel + lodging },
      travelExpected: !sameCity(row.city, homeCity),
      eligiblePositionTypes: row.eligible_position_types,
      eligibleGolongan: row.eligible_golongan,
      minAttendancePct: row.min_attendance_pct,
      postTestPassMark: num(row.post_test_pass_mark),
      competencies: comps.map((c) => ({
        competencyId: c.competency_id,
        code: c.code,
        name: c.name,
        expectedGain: c.expected_gain,
      })),
      sessions: sessions.map((s) => ({
        id: s.id,
        title: s.title,
        startsAt: iso(s.starts_at)!,
        endsAt: iso(s.ends_at)!,
        startsLocal: s.starts_local,
        endsLocal: s.ends_local,
        venue: s.venue,
        onlineUrl: s.online_url,
      })),
      canEdit: !!writable,
    };
  }

  /** The programme if the caller may change it: 404 when they cannot see it, 403 when read-only. */
  async function writable(tx: Tx, ctx: AuthContext, id: string) {
    const row = await repo.findProgram(tx, ctx.tenantId, id, programWriteScope(ctx));
    if (row) return row;
    if (await repo.findProgram(tx, ctx.tenantId, id, programReadScope(ctx))) throw forbidden();
    throw notFound();
  }

  /** Partner and organising unit the caller may use; a mitra's programmes are their partner's. */
  async function checkOwnership(
    tx: Tx,
    ctx: AuthContext,
    lang: Lang,
    want: { partnerId: string | null; organiserUnitId: string | null },
    /** The unit organising the programme now (on a change): a mitra may keep it, never choose one. */
    currentUnitId: string | null = null,
  ) {
    const errors: RowError[] = [];
    let { partnerId, organiserUnitId } = want;
    const broad = hasRole(ctx, 'admin') || (await isBkpsdm(tx, ctx));
    if (!broad && hasRole(ctx, 'mitra') && !hasRole(ctx, 'operator')) {
      const mine = await tx.execute<{ partner_id: string }>(sql`${myPartnerIds(ctx)} order by 1`);
      const ids = mine.rows.map((r) => r.partner_id);
      if (!partnerId && ids.length) partnerId = ids[0]!;
      if (!partnerId || !ids.includes(partnerId))
        errors.push({ field: 'body.partnerId', message: text(lang, 'partnerNotYours') });
    } else if (partnerId) {
      const p = await tx.execute(
        sql`select 1 from partners where tenant_id = ${ctx.tenantId} and id = ${partnerId}`,
      );
      if (!p.rowCount) errors.push({ field: 'body.partnerId', message: text(lang, 'partnerUnknown') });
    }
    // An operator's programme is organised by their own OPD unless they name another.
    if (hasRole(ctx, 'operator') && !hasRole(ctx, 'admin'))
      organiserUnitId ??= ctx.operatorUnitIds[0] ?? null;
    if (organiserUnitId) {
      const u = await tx.execute<{ inside: boolean }>(
        sql`select ${
          broad ? sql`true` : pathInOperatorOpd(ctx, sql`u.path`)
        } as inside from org_units u where u.tenant_id = ${ctx.tenantId} and u.id = ${organiserUnitId}`,
      );
      if (!u.rows[0]) errors.push({ field: 'body.organiserUnitId', message: text(lang, 'unitUnknown') });
      else if (!u.rows[0].inside && !(hasRole(ctx, 'mitra') && organiserUnitId === currentUnitId))
        errors.push({ field: 'body.organiserUnitId', message: text(lang, 'unitOutOfScope') });
    }
    return { partnerId, organiserUnitId, errors };
  }

  async function isBkpsdm(tx: Tx, ctx: AuthContext) {
    const r = await tx.execute<{ ok: boolean }>(sql`select ${bkpsdmOperatorSql(ctx)} as ok`);
    return !!r.rows[0]?.ok;
  }

  /**
   * Target competencies must be the tenant's and current (active in the dictionary); one the
   * programme already targets may stay after it was retired, so an edit never loses it by accident.
   */
  async function checkCompetencies(
    tx: Tx,
    ctx: AuthContext,
    lang: Lang,
    list: { competencyId: string }[],
    programId: string | null = null,
  ) {
    const errors: RowError[] = [];
    if (!list.length) return errors;
    const known = await tx.execute<{ id: string; usable: boolean }>(sql`select c.id, (c.active or exists (
        select 1 from program_competencies pc where pc.program_id = ${programId} and pc.competency_id = c.id)) as usable
      from competencies c
      where c.tenant_id = ${ctx.tenantId} and c.id = any(${sqlArray(list.map((c) => c.competencyId))}::uuid[])`);
    const ok = new Set(known.rows.map((r) => r.id));
    const retired = new Set(known.rows.filter((r) => !r.usable).map((r) => r.id));
    const seen = new Map<string, number>();
    list.forEach((c, i) => {
      if (!ok.has(c.competencyId))
        errors.push({
          field: `body.competencies.${i}.competencyId`,
          message: text(lang, 'competencyUnknown'),
        });
      else if (retired.has(c.competencyId))
        errors.push({
          field: `body.competencies.${i}.competencyId`,
          message: text(lang, 'competencyRetired'),
        });
      else if (seen.has(c.competencyId))
        errors.push({
          field: `body.competencies.${i}.competencyId`,
          message: text(lang, 'competencyTwice', { first: seen.get(c.competencyId)! + 1 }),
        });
      else seen.set(c.competencyId, i);
    });
    return errors;
  }

  async function codeTaken(tx: Tx, ctx: AuthContext, code: string, exceptId: string | null) {
    const r = await tx.execute(sql`select 1 from programs where tenant_id = ${ctx.tenantId}
      and lower(code) = lower(${code}) and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`);
    return (r.rowCount ?? 0) > 0;
  }

  const sessionErrors = (lang: Lang, s: SessionInputT, prefix: string): RowError[] =>
    endsAfter(s) ? [] : [{ field: `${prefix}endsAt`, message: text(lang, 'sessionEnd') }];

  async function insertSession(tx: Tx, ctx: AuthContext, programId: string, s: SessionInputT) {
    const res = await tx.execute<{ id: string }>(sql`insert into program_sessions
      (tenant_id, program_id, title, starts_at, ends_at, venue, online_url)
      values (${ctx.tenantId}, ${programId}, ${s.title}, ${repo.toTimestamp(ctx.tenantId, s.startsAt)},
        ${repo.toTimestamp(ctx.tenantId, s.endsAt)}, ${s.venue ?? null}, ${s.onlineUrl ?? null}) returning id`);
    return res.rows[0]!.id;
  }

  /** JP again after a change; refuses the save when the form needs a scheduled JP or no such scope. */
  async function recompute(tx: Tx, ctx: AuthContext, lang: Lang, programId: string) {
    const r = await recomputeProgramJp(tx, ctx.tenantId, programId);
    const o = r.outcome;
    if (o && !o.ok && (o.field === 'scheduledJp' || o.field === 'scope'))
      throw fieldErrors([
        {
          field: `body.${o.field}`,
          message: o.field === 'scheduledJp' ? text(lang, 'scheduledJpNeeded') : o.message[lang],
        },
      ]);
    return r;
  }

  async function replaceCompetencies(
    tx: Tx,
    ctx: AuthContext,
    programId: string,
    list: ProgramInputT['competencies'],
  ) {
    await tx.execute(
      sql`delete from program_competencies where tenant_id = ${ctx.tenantId} and program_id = ${programId}`,
    );
    if (!list.length) return;
    await tx.execute(sql`insert into program_competencies (tenant_id, program_id, competency_id, expected_gain)
      select ${ctx.tenantId}::uuid, ${programId}::uuid, * from unnest(
        ${sqlArray(list.map((c) => c.competencyId))}::uuid[], ${sqlArray(list.map((c) => c.expectedGain))}::int[])`);
  }

  return {
    detail,

    async list(ctx: AuthContext, q: ProgramListQueryT) {
      const where = repo.listFilter(ctx.tenantId, programReadScope(ctx), q);
      const [rows, total] = await Promise.all([
        repo.listPrograms(db, where, q.sort, q.pageSize, offsetOf(q)),
        repo.countPrograms(db, where),
      ]);
      return { items: rows.map(presentItem), total };
    },

    async calendar(
      ctx: AuthContext,
      q: Omit<ProgramListQueryT, 'page' | 'pageSize' | 'sort'> & { month: string },
    ) {
      const { month, ...filters } = q;
      const where = repo.listFilter(ctx.tenantId, programReadScope(ctx), filters);
      const r = repo.monthRange(month);
      const rows = await repo.calendar(db, ctx.tenantId, where, r.from, r.to);
      return {
        month,
        items: rows.map((x) => ({
          sessionId: x.session_id,
          programId: x.program_id,
          code: x.code,
          title: x.title,
          form: x.form as FormCode,
          status: x.status as ProgramStatus,
          sessionTitle: x.session_title,
          date: x.date,
          startsLocal: x.starts_local,
          endsLocal: x.ends_local,
          venue: x.venue,
          online: x.online,
        })),
      };
    },

    async create(ctx: AuthContext, actor: AuditActor, lang: Lang, body: ProgramInputT) {
      const id = await db.transaction(async (tx) => {
        const own = await checkOwnership(tx, ctx, lang, {
          partnerId: body.partnerId ?? null,
          organiserUnitId: body.organiserUnitId ?? null,
        });
        const errors = [...own.errors, ...(await checkCompetencies(tx, ctx, lang, body.competencies))];
        if (await codeTaken(tx, ctx, body.code, null))
          errors.push({ field: 'body.code', message: text(lang, 'programCodeTaken', { value: body.code }) });
        body.sessions.forEach((s, i) => errors.push(...sessionErrors(lang, s, `body.sessions.${i}.`)));
        if (errors.length) throw fieldErrors(errors);
        const res = await tx.execute<{
          id: string;
        }>(sql`insert into programs (tenant_id, code, title, description,
          form, scope, partner_id, provider_name, organiser_unit_id, scheduled_jp, cost_fee, cost_travel, cost_lodging,
          capacity, eligible_position_types, eligible_golongan, city, min_attendance_pct, post_test_pass_mark, created_by)
          values (${ctx.tenantId}, ${body.code}, ${body.title}, ${body.description}, ${body.form}, ${body.scope},
            ${own.partnerId}, ${body.providerName}, ${own.organiserUnitId}, ${body.scheduledJp ?? null}, ${body.costFee},
            ${body.costTravel}, ${body.costLodging}, ${body.capacity}, ${sqlArray(body.eligiblePositionTypes)}::text[],
            ${sqlArray(body.eligibleGolongan)}::text[], ${body.city ?? (await tenantHomeCity(tx, ctx.tenantId))}, ${body.minAttendancePct},
            ${body.postTestPassMark ?? null}, ${ctx.userId}) returning id`);
        const newId = res.rows[0]!.id;
        await replaceCompetencies(tx, ctx, newId, body.competencies);
        for (const s of body.sessions) await insertSession(tx, ctx, newId, s);
        const jp = await recompute(tx, ctx, lang, newId);
        await audit(tx, actor, {
          action: 'create',
          entity: 'program',
          entityId: newId,
          after: {
            ...body,
            partnerId: own.partnerId,
            organiserUnitId: own.organiserUnitId,
            jp: jp.outcome?.ok ? jp.outcome.jp : 0,
          },
        });
        return newId;
      });
      return detail(ctx, id, lang);
    },

    async update(ctx: AuthContext, actor: AuditActor, lang: Lang, id: string, patch: ProgramPatchT) {
      await db.transaction(async (tx) => {
        const before = await writable(tx, ctx, id);
        const own = await checkOwnership(
          tx,
          ctx,
          lang,
          {
            partnerId: patch.partnerId !== undefined ? patch.partnerId : before.partner_id,
            organiserUnitId:
              patch.organiserUnitId !== undefined ? patch.organiserUnitId : before.organiser_unit_id,
          },
          before.organiser_unit_id,
        );
        const errors = [...own.errors];
        if (patch.competencies)
          errors.push(...(await checkCompetencies(tx, ctx, lang, patch.competencies, id)));
        if (patch.code !== undefined && (await codeTaken(tx, ctx, patch.code, id)))
          errors.push({ field: 'body.code', message: text(lang, 'programCodeTaken', { value: patch.code }) });
        if (errors.length) throw fieldErrors(errors);
        const v = <T>(p: T | undefined, b: T) => (p !== undefined ? p : b);
        const after = {
          code: v(patch.code, before.code),
          title: v(patch.title, before.title),
          description: v(patch.description, before.description),
          form: v(patch.form, before.form),
          scope: v(patch.scope, before.scope),
          partnerId: own.partnerId,
          providerName: v(patch.providerName, before.provider_name),
          organiserUnitId: own.organiserUnitId,
          scheduledJp: v(patch.scheduledJp, num(before.scheduled_jp)),
          costFee: v(patch.costFee, Number(before.cost_fee)),
          costTravel: v(patch.costTravel, Number(before.cost_travel)),
          costLodging: v(patch.costLodging, Number(before.cost_lodging)),
          capacity: v(patch.capacity, before.capacity),
          eligiblePositionTypes: v<string[]>(patch.eligiblePositionTypes, before.eligible_position_types),
          eligibleGolongan: v(patch.eligibleGolongan, before.eligible_golongan),
          city: v(patch.city, before.city),
          minAttendancePct: v(patch.minAttendancePct, before.min_attendance_pct),
          postTestPassMark: v(patch.postTestPassMark, num(before.post_test_pass_mark)),
        };
        await tx.execute(sql`update programs set code = ${after.code}, title = ${after.title},
          description = ${after.description}, form = ${after.form}, scope = ${after.scope}, partner_id = ${after.partnerId},
          provider_name = ${after.providerName}, organiser_unit_id = ${after.organiserUnitId},
          scheduled_jp = ${after.scheduledJp}, cost_fee = ${after.costFee}, cost_travel = ${after.costTravel},
          cost_lodging = ${after.costLodging}, capacity = ${after.capacity},
          eligible_position_types = ${sqlArray(after.eligiblePositionTypes)}::text[],
          eligible_golongan = ${sqlArray(after.eligibleGolongan)}::text[], city = ${after.city},
          min_attendance_pct = ${after.minAttendancePct}, post_test_pass_mark = ${after.postTestPassMark},
          updated_at = now() where tenant_id = ${ctx.tenantId} and id = ${id}`);
        if (patch.competencies) await replaceCompetencies(tx, ctx, id, patch.competencies);
        await recompute(tx, ctx, lang, id);
        await audit(tx, actor, { action: 'update', entity: 'program', entityId: id, before, after });
      });
      return detail(ctx, id, lang);
    },

    async setStatus(ctx: AuthContext, actor: AuditActor, lang: Lang, id: string, status: ProgramStatus) {
      await db.transaction(async (tx) => {
        const before = await writable(tx, ctx, id);
        const from = before.status as ProgramStatus;
        if (from === status) return;
        if (!TRANSITIONS[from].includes(status))
          throw fieldErrors([
            { field: 'body.status', message: text(lang, 'statusMove', { from, to: status }) },
          ]);
        if (status === 'published' && before.session_count === 0)
          throw fieldErrors([{ field: 'body.status', message: text(lang, 'publishNeedsSession') }]);
        await tx.execute(sql`update programs set status = ${status}, updated_at = now()
          where tenant_id = ${ctx.tenantId} and id = ${id}`);
        await audit(tx, actor, {
          action: 'status',
          entity: 'program',
          entityId: id,
          before: { status: from },
          after: { status },
        });
      });
      return detail(ctx, id, lang);
    },

    async addSession(ctx: AuthContext, actor: AuditActor, lang: Lang, id: string, s: SessionInputT) {
      await db.transaction(async (tx) => {
        await writable(tx, ctx, id);
        const errors = sessionErrors(lang, s, 'body.');
        if (errors.length) throw fieldErrors(errors);
        const sessionId = await insertSession(tx, ctx, id, s);
        await recompute(tx, ctx, lang, id);
        await audit(tx, actor, {
          action: 'create',
          entity: 'program_session',
          entityId: sessionId,
          after: { programId: id, ...s },
        });
      });
      return detail(ctx, id, lang);
    },

    async updateSession(
      ctx: AuthContext,
      actor: AuditActor,
      lang: Lang,
      id: string,
      sessionId: string,
      s: SessionInputT,
    ) {
      await db.transaction(async (tx) => {
        await writable(tx, ctx, id);
        const errors = sessionErrors(lang, s, 'body.');
        if (errors.length) throw fieldErrors(errors);
        const res = await tx.execute(sql`update program_sessions set title = ${s.title},
          starts_at = ${repo.toTimestamp(ctx.tenantId, s.startsAt)}, ends_at = ${repo.toTimestamp(ctx.tenantId, s.endsAt)},
          venue = ${s.venue ?? null}, online_url = ${s.onlineUrl ?? null}
          where tenant_id = ${ctx.tenantId} and program_id = ${id} and id = ${sessionId}`);
        if (!res.rowCount) throw notFound();
        await recompute(tx, ctx, lang, id);
        await audit(tx, actor, {
          action: 'update',
          entity: 'program_session',
          entityId: sessionId,
          after: { programId: id, ...s },
        });
      });
      return detail(ctx, id, lang);
    },

    async removeSession(ctx: AuthContext, actor: AuditActor, lang: Lang, id: string, sessionId: string) {
      await db.transaction(async (tx) => {
        await writable(tx, ctx, id);
        const res = await tx.execute(sql`delete from program_sessions
          where tenant_id = ${ctx.tenantId} and program_id = ${id} and id = ${sessionId}`);
        if (!res.rowCount) throw notFound();
        await recompute(tx, ctx, lang, id);
        await audit(tx, actor, {
          action: 'delete',
          entity: 'program_session',
          entityId: sessionId,
          before: { programId: id },
        });
      });
      return detail(ctx, id, lang);
    },

    async jpRules(ctx: AuthContext) {
      const sets = await tenantRuleSets(db, ctx.tenantId);
      return {
        items: sets.map((s) => ({
          id: s.id,
          code: s.set.code,
          regulation: s.set.regulation,
          effectiveFrom: s.set.effectiveFrom,
          annualTargetJp: s.set.annualTargetJp,
          minutesPerJp: s.set.minutesPerJp,
          rules: s.set.rows as Record<string, unknown>,
          semester: semesterRuleOf(s.set),
        })),
      };
    },

    /** Eligibility of an employee the caller may read (the caller themself when no NIP). */
    async eligibility(ctx: AuthContext, lang: Lang, id: string, nip: string | undefined) {
      const program = await repo.findProgram(db, ctx.tenantId, id, programReadScope(ctx));
      if (!program) throw notFound();
      const e = await db.execute<{
        id: string;
      }>(sql`select e.id from employees e where e.tenant_id = ${ctx.tenantId}
        and ${nip ? sql`e.nip = ${nip}` : sql`e.id = ${ctx.employeeId}`} and ${employeeReadScope(ctx)}`);
      const employeeId = e.rows[0]?.id;
      if (!employeeId) throw notFound();
      const r = await checkEligibility(db, ctx.tenantId, employeeId, id);
      if (!r) throw notFound();
      return { eligible: r.eligible, reasons: r.reasons.map((x) => reasonText(lang, x)) };
    },
  };
}
export type ProgramService = ReturnType<typeof programService>;
