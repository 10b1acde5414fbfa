/** Assessments from several sources, and their evidence files. */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { forbidden, notFound, type RowError } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { certificateReviewScope } from '../certificates/policy.js';
import { employeeReadScope, employeeWriteScope } from '../employees/policy.js';
import * as repo from './repository.js';
import type { AssessmentHistoryItemT, AssessmentSubmitT } from './schemas.js';
import { fieldErrors, text } from './texts.js';

export const MAX_EVIDENCE_MB = 5;
export const EVIDENCE_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** The type a file's first bytes show (PDF, JPEG or PNG), or null. */
export function sniffType(data: Buffer): string | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return null;
}

export { tenantToday } from '../tenant/service.js';
import { tenantToday } from '../tenant/service.js';

/** Whether the caller may record an assessment of `employee` as `source`. */
export async function mayAssess(
  db: Tx,
  ctx: AuthContext,
  employee: repo.EmployeeRef,
  source: string,
): Promise<boolean> {
  switch (source) {
    case 'self':
      return ctx.employeeId === employee.id;
    case 'atasan':
      return (
        !!ctx.employeeId &&
        hasRole(ctx, 'atasan') &&
        ctx.employeeId !== employee.id &&
        (await repo.isBelow(db, ctx.tenantId, ctx.employeeId, employee.id))
      );
    case 'peer':
      return (
        !!ctx.employeeId &&
        (
          await repo.openTasks(db, ctx.tenantId, {
            employeeId: employee.id,
            assessorId: ctx.employeeId,
            source: 'peer',
          })
        ).length > 0
      );
    case 'assessment_center':
    case 'test':
      if (hasRole(ctx, 'admin')) return true;
      if (!hasRole(ctx, 'operator')) return false;
      return !!(await repo.employeeById(db, ctx.tenantId, employee.id, employeeWriteScope(ctx)));
    default:
      return false;
  }
}

/** Whether the caller may assess the employee in any way (for uploading evidence). */
async function mayAssessAny(db: Tx, ctx: AuthContext, employee: repo.EmployeeRef) {
  for (const s of ['self', 'atasan', 'assessment_center', 'peer'])
    if (await mayAssess(db, ctx, employee, s)) return true;
  return false;
}

const anyone = sql`true`;

export function assessmentService(db: Db) {
  async function submit(
    ctx: AuthContext,
    actor: AuditActor,
    lang: Lang,
    nip: string,
    body: AssessmentSubmitT,
  ): Promise<{ saved: number; assessedOn: string }> {
    return db.transaction(async (tx) => {
      const employee = await repo.employeeByNip(tx, ctx.tenantId, nip, sql`e.tenant_id = ${ctx.tenantId}`);
      if (!employee) throw notFound();
      if (!(await mayAssess(tx, ctx, employee, body.source))) throw forbidden();
      const today = await tenantToday(tx, ctx.tenantId);
      const assessedOn = body.assessedOn ?? today;
      const errors: RowError[] = [];
      if (assessedOn > today) errors.push({ field: 'body.assessedOn', message: text(lang, 'futureDate') });
      const current = new Map((await repo.currentVersions(tx, ctx.tenantId, today)).map((c) => [c.id, c]));
      const seen = new Map<string, number>();
      body.items.forEach((item, i) => {
        if (!current.has(item.competencyId))
          errors.push({ field: `body.items.${i}.competencyId`, message: text(lang, 'unknownCompetency') });
        const first = seen.get(item.competencyId);
        if (first !== undefined)
          errors.push({
            field: `body.items.${i}.competencyId`,
            message: text(lang, 'duplicateCompetency', { first: first + 1 }),
          });
        else seen.set(item.competencyId, i);
      });
      if (body.evidenceFileId) {
        const f = await repo.fileOf(tx, ctx.tenantId, body.evidenceFileId);
        if (!f || f.employee_id !== employee.id)
          errors.push({ field: 'body.evidenceFileId', message: text(lang, 'unknownFile') });
      }
      let tasks: { id: string; campaign_id: string }[] = [];
      if (['self', 'atasan', 'peer'].includes(body.source) && ctx.employeeId) {
        tasks = await repo.openTasks(tx, ctx.tenantId, {
          employeeId: employee.id,
          assessorId: ctx.employeeId,
          source: body.source,
          campaignId: body.campaignId ?? null,
        });
      }
      if (body.campaignId && tasks.length === 0)
        errors.push({ field: 'body.campaignId', message: text(lang, 'unknownCampaign') });
      if (errors.length) throw fieldErrors(errors);

      const campaignId = body.campaignId ?? tasks[0]?.campaign_id ?? null;
      const ids = await repo.insertAssessments(
        tx,
        ctx.tenantId,
        body.items.map((item) => ({
          employeeId: employee.id,
          competencyId: item.competencyId,
          versionId: current.get(item.competencyId)!.version_id,
          source: body.source,
          level: item.level,
          assessedOn,
          assessorUserId: ctx.userId,
          assessorEmployeeId:
            body.source === 'assessment_center' || body.source === 'test' ? null : ctx.employeeId,
          note: item.note?.trim() || null,
          fileId: body.evidenceFileId ?? null,
          campaignId,
        })),
      );
      const done = tasks.filter((t) => t.campaign_id === campaignId).map((t) => t.id);
      await repo.completeTasks(tx, done);
      await audit(tx, actor, {
        action: 'create',
        entity: 'assessment',
        entityId: employee.id,
        after: {
          nip: employee.nip,
          source: body.source,
          assessedOn,
          campaignId,
          evidenceFileId: body.evidenceFileId ?? null,
          items: body.items.map((i) => ({ competencyId: i.competencyId, level: i.level })),
          assessmentIds: ids,
          completedTasks: done,
        },
      });
      return { saved: ids.length, assessedOn };
    });
  }

  async function list(ctx: AuthContext, nip: string): Promise<AssessmentHistoryItemT[]> {
    const employee = await repo.employeeByNip(db, ctx.tenantId, nip, employeeReadScope(ctx));
    if (!employee) throw notFound();
    const rows = await repo.history(db, ctx.tenantId, employee.id);
    return rows.map((r) => ({
      id: r.id,
      competencyId: r.competency_id,
      code: r.code,
      name: r.name,
      version: r.version,
      source: r.source as AssessmentHistoryItemT['source'],
      level: r.level,
      assessedOn: r.assessed_on,
      assessorName: r.assessor_name,
      note: r.note,
      evidenceFileId: r.evidence_file_id,
      evidenceFileName: r.evidence_file_name,
      campaignId: r.campaign_id,
    }));
  }

  async function upload(
    ctx: AuthContext,
    actor: AuditActor,
    lang: Lang,
    f: { nip: string | null; employeeId: string | null; purpose: string; name: string; data: Buffer },
  ) {
    const employee = f.employeeId
      ? await repo.employeeById(db, ctx.tenantId, f.employeeId, anyone)
      : await repo.employeeByNip(db, ctx.tenantId, f.nip ?? '', anyone);
    if (!employee) throw notFound();
    const readable = await repo.employeeById(db, ctx.tenantId, employee.id, employeeReadScope(ctx));
    // A certificate's scan may also come from whoever checks that employee's certificates.
    const reviews =
      f.purpose === 'external_certificate' &&
      !!(await repo.employeeById(db, ctx.tenantId, employee.id, certificateReviewScope(ctx)));
    if (!readable && !reviews && !(await mayAssessAny(db, ctx, employee))) throw forbidden();
    const type = sniffType(f.data);
    if (!type) throw fieldErrors([{ field: 'file', message: text(lang, 'fileType') }]);
    const ext = EVIDENCE_TYPES[type]!;
    const base = f.name.replace(/[/\\]/g, '_').slice(0, 150) || `bukti.${ext}`;
    const name =
      base.toLowerCase().endsWith(`.${ext}`) || (ext === 'jpg' && /\.jpe?g$/i.test(base))
        ? base
        : `${base}.${ext}`;
    const id = crypto.randomUUID();
    const sha256 = crypto.createHash('sha256').update(f.data).digest('hex');
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into files (id, tenant_id, employee_id, purpose, name, content_type, size, sha256, data, uploaded_by)
        values (${id}, ${ctx.tenantId}, ${employee.id}, ${f.purpose}, ${name}, ${type}, ${f.data.length}, ${sha256}, ${f.data}, ${ctx.userId})`);
      await audit(tx, actor, {
        action: 'create',
        entity: 'file',
        entityId: id,
        after: {
          nip: employee.nip,
          purpose: f.purpose,
          name,
          contentType: type,
          size: f.data.length,
          sha256,
        },
      });
    });
    return { id, name, contentType: type, size: f.data.length };
  }

  /** A file for download: readable by whoever may read its employee, and by its uploader. */
  async function download(ctx: AuthContext, id: string) {
    const meta = await repo.fileOf(db, ctx.tenantId, id);
    if (!meta) throw notFound();
    const mine = meta.uploaded_by === ctx.userId;
    const readable =
      mine ||
      (meta.employee_id !== null &&
        !!(await repo.employeeById(db, ctx.tenantId, meta.employee_id, employeeReadScope(ctx)))) ||
      (meta.employee_id === null && hasRole(ctx, 'admin')) ||
      (meta.purpose === 'external_certificate' &&
        meta.employee_id !== null &&
        !!(await repo.employeeById(db, ctx.tenantId, meta.employee_id, certificateReviewScope(ctx))));
    if (!readable) throw notFound();
    const file = await repo.fileData(db, ctx.tenantId, id);
    if (!file) throw notFound();
    return file;
  }

  return { submit, list, upload, download };
}
export type AssessmentService = ReturnType<typeof assessmentService>;
