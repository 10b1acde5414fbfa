/**
 * Certificates earned elsewhere (e.g. national e-learning): the employee (or an operator of their
 * OPD) submits one; an operator of the employee's OPD, admin or BKPSDM verifies it — its JP computed
 * with the rule set in effect on its end date and written as a learning record (source 'external')
 * in the same transaction — or rejects it with a reason. The employee hears of it in the app.
 */
import { sql } from 'drizzle-orm';
import { countClaim as countBounded, splitJpByYear } from '../../../domain/learning/jp-bounds.js';
import { citingRegulation, jpClaimFrom } from '../../../domain/learning/jp.js';
import type { Db, Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { AppError, FieldValidationError, forbidden, notFound } from '../../http/errors.js';
import { employeeReadScope } from '../employees/policy.js';
import { ruleSetInEffect } from '../programs/jp-rules.js';
import { tenantToday } from '../tenant/service.js';
import { certificateReviewScope } from './policy.js';
import type { ExternalListQueryT, ExternalSubmitT } from './schemas.js';

const FILE_NOT_USABLE = {
  id: 'Berkas sertifikat tidak ditemukan atau sudah dipakai. Unggah berkas sertifikat (PDF/JPG/PNG) lagi.',
  en: 'The certificate file was not found or is already used. Upload the certificate (PDF/JPG/PNG) again.',
};

interface Claimed {
  tenantId: string;
  form: string;
  scope: 'nasional' | 'internasional';
  startsOn: string;
  endsOn: string;
  claim: unknown;
}

/**
 * Counts a certificate's JP exactly as verification will: the claim bounded by its own dates and
 * the tenant's local today (jp-bounds.ts), then the stored rule set in effect on its end date. The
 * submission runs the same check, so nothing accepted there can be stuck at verification.
 */
async function countClaim(tx: Tx, x: Claimed, fieldPrefix: string) {
  const today = await tenantToday(tx, x.tenantId);
  const refuse = (field: string, params: { id: string; en: string }) =>
    new FieldValidationError([{ field: `${fieldPrefix}${field}`, issue: { code: 'custom', params } }]);
  const stored = await ruleSetInEffect(tx, x.tenantId, x.endsOn);
  if (!stored)
    throw refuse('endsOn', {
      id: `Belum ada aturan konversi JP yang berlaku pada ${x.endsOn}.`,
      en: `No JP conversion rule set is in effect on ${x.endsOn}.`,
    });
  const outcome = countBounded(
    {
      form: x.form,
      scope: x.scope,
      startsOn: x.startsOn,
      endsOn: x.endsOn,
      claim: jpClaimFrom(x.claim) ?? {},
    },
    today,
    stored.set,
  );
  if (!outcome.ok)
    throw refuse(
      outcome.field === 'startsOn' || outcome.field === 'endsOn' ? outcome.field : `claim.${outcome.field}`,
      outcome.message,
    );
  return { stored, outcome };
}

export function externalCertificateService(db: Db) {
  async function reviewable(tx: Tx, ctx: AuthContext, id: string) {
    const res = await tx.execute<{
      id: string;
      tenant_id: string;
      employee_id: string;
      title: string;
      form: string;
      scope: 'nasional' | 'internasional';
      starts_on: string;
      ends_on: string;
      claim: unknown;
      status: string;
    }>(sql`
      select x.id, x.tenant_id, x.employee_id, x.title, x.form, x.scope, x.starts_on::text, x.ends_on::text,
        x.claim, x.status
      from external_certificates x join employees e on e.id = x.employee_id
      where x.id = ${id} and x.tenant_id = ${ctx.tenantId} and ${employeeReadScope(ctx)}
      for update of x`);
    const x = res.rows[0];
    if (!x) throw notFound();
    const may = await tx.execute<{ ok: boolean }>(
      sql`select ${certificateReviewScope(ctx)} as ok from employees e where e.id = ${x.employee_id}`,
    );
    // Nobody reviews their own certificate, whatever their roles.
    if (!may.rows[0]?.ok || x.employee_id === ctx.employeeId) throw forbidden();
    if (x.status !== 'submitted') throw new AppError('conflict');
    return x;
  }

  async function notify(tx: Tx, employeeId: string, title: string, body: string) {
    await tx.execute(sql`
      insert into notifications (tenant_id, user_id, kind, title, body, link)
      select u.tenant_id, u.id, 'certificate.external', ${title}, ${body}, '/belajar'
      from users u where u.employee_id = ${employeeId} and u.active`);
  }

  return {
    async submit(ctx: AuthContext, actor: AuditActor, body: ExternalSubmitT) {
      return db.transaction(async (tx) => {
        // Whoever may check certificates may also record one handed in on paper, for the same check.
        let employeeId = ctx.employeeId;
        if (body.nip) {
          const res = await tx.execute<{ id: string }>(sql`select e.id from employees e
            where e.tenant_id = ${ctx.tenantId} and e.nip = ${body.nip}
              and (${certificateReviewScope(ctx)} or e.id = ${ctx.employeeId ?? null})`);
          if (!res.rows[0]) throw notFound();
          employeeId = res.rows[0].id;
        }
        if (!employeeId) throw forbidden();
        await countClaim(tx, { tenantId: ctx.tenantId, ...body, claim: body.claim ?? {} }, 'body.');
        // The scan must be one uploaded for this employee as a certificate and not already sent with another.
        const file = await tx.execute<{ id: string }>(sql`select f.id from files f
          where f.id = ${body.fileId} and f.tenant_id = ${ctx.tenantId} and f.employee_id = ${employeeId}
            and f.purpose = 'external_certificate'
            and not exists (select 1 from external_certificates x where x.file_id = f.id)`);
        const unusable = () =>
          new FieldValidationError([
            { field: 'body.fileId', issue: { code: 'custom', params: FILE_NOT_USABLE } },
          ]);
        if (!file.rows[0]) throw unusable();
        // Two submissions racing with the same scan: the unique index lets one through.
        const res = await tx.execute<{ id: string }>(sql`
          insert into external_certificates (tenant_id, employee_id, title, provider, form, scope, starts_on, ends_on, claim, file_id)
          values (${ctx.tenantId}, ${employeeId}, ${body.title}, ${body.provider}, ${body.form}, ${body.scope},
            ${body.startsOn}::date, ${body.endsOn}::date, ${JSON.stringify(body.claim ?? {})}::jsonb, ${body.fileId})
          on conflict (file_id) do nothing
          returning id`);
        const id = res.rows[0]?.id;
        if (!id) throw unusable();
        await audit(tx, actor, {
          action: 'create',
          entity: 'external_certificate',
          entityId: id,
          after: body,
        });
        return { id, status: 'submitted' as const };
      });
    },

    async list(ctx: AuthContext, query: ExternalListQueryT) {
      const mine = hasRole(ctx, 'admin', 'operator')
        ? sql`${certificateReviewScope(ctx)}`
        : sql`e.id = ${ctx.employeeId ?? null}`;
      const res = await db.execute<{
        id: string;
        nip: string;
        name: string;
        title: string;
        provider: string;
        form: string;
        scope: 'nasional' | 'internasional';
        starts_on: string;
        ends_on: string;
        claim: Record<string, unknown>;
        status: 'submitted' | 'verified' | 'rejected';
        reject_reason: string | null;
        jp: number | null;
        file_id: string | null;
        file_name: string | null;
      }>(sql`
        select x.id, x.file_id, (select f.name from files f where f.id = x.file_id) as file_name, e.nip, e.name, x.title, x.provider, x.form, x.scope, x.starts_on::text, x.ends_on::text, x.claim,
          x.status, x.reject_reason, (select sum(r.jp)::float8 from learning_records r where r.external_certificate_id = x.id) as jp
        from external_certificates x join employees e on e.id = x.employee_id
        where x.tenant_id = ${ctx.tenantId} and ${mine}
          ${query.status ? sql`and x.status = ${query.status}` : sql``}
        order by x.created_at, x.id limit 500`);
      return res.rows.map((r) => ({
        id: r.id,
        nip: r.nip,
        name: r.name,
        title: r.title,
        provider: r.provider,
        form: r.form,
        scope: r.scope,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        claim: r.claim,
        status: r.status,
        rejectReason: r.reject_reason,
        jp: r.jp,
        fileId: r.file_id,
        fileName: r.file_name,
      }));
    },

    async verify(ctx: AuthContext, actor: AuditActor, id: string) {
      return db.transaction(async (tx) => {
        const x = await reviewable(tx, ctx, id);
        const { stored, outcome } = await countClaim(
          tx,
          {
            tenantId: x.tenant_id,
            form: x.form,
            scope: x.scope,
            startsOn: x.starts_on,
            endsOn: x.ends_on,
            claim: x.claim,
          },
          '',
        );
        await tx.execute(sql`update external_certificates set status = 'verified', reviewed_by = ${ctx.userId},
          reviewed_at = now(), reject_reason = null where id = ${id}`);
        const basis = citingRegulation(outcome.basis, stored.set.regulation);
        // A period over several years (tugas belajar) counts in each year by its days in that year.
        const parts = splitJpByYear({ startsOn: x.starts_on, endsOn: x.ends_on }, outcome.jp);
        const recIds: string[] = [];
        for (const part of parts) {
          const from = part.year === parts[0]!.year ? x.starts_on : `${part.year}-01-01`;
          const to = part.year === parts[parts.length - 1]!.year ? x.ends_on : `${part.year}-12-31`;
          const note =
            parts.length > 1
              ? {
                  id: `${basis.id}; bagian tahun ${part.year}: ${part.jp} dari ${outcome.jp} JP menurut hari`,
                  en: `${basis.en}; share of ${part.year}: ${part.jp} of ${outcome.jp} JP by days`,
                }
              : basis;
          const rec = await tx.execute<{ id: string }>(sql`
            insert into learning_records (tenant_id, employee_id, source, external_certificate_id, title, form, scope,
              starts_on, ends_on, year, jp, jp_basis, jp_basis_en, jp_rule_set_id)
            values (${x.tenant_id}, ${x.employee_id}, 'external', ${id}, ${x.title}, ${x.form}, ${x.scope},
              ${from}::date, ${to}::date, ${part.year}, ${part.jp}, ${note.id}, ${note.en}, ${stored.id})
            on conflict (external_certificate_id, year) do nothing returning id`);
          if (rec.rows[0]) recIds.push(rec.rows[0].id);
        }
        await notify(
          tx,
          x.employee_id,
          'Sertifikat luar diterima',
          `"${x.title}" diakui sebagai ${outcome.jp} JP.`,
        );
        await audit(
          tx,
          actor,
          {
            action: 'update',
            entity: 'external_certificate',
            entityId: id,
            before: { status: 'submitted' },
            after: { status: 'verified', jp: outcome.jp },
          },
          ...parts.map((part, i) => ({
            action: 'create' as const,
            entity: 'learning_record',
            entityId: recIds[i] ?? null,
            after: { externalCertificateId: id, year: part.year, jp: part.jp },
          })),
        );
        return { id, status: 'verified' as const, jp: outcome.jp, basis: outcome.basis.id };
      });
    },

    async reject(ctx: AuthContext, actor: AuditActor, id: string, reason: string) {
      return db.transaction(async (tx) => {
        const x = await reviewable(tx, ctx, id);
        await tx.execute(sql`update external_certificates set status = 'rejected', reviewed_by = ${ctx.userId},
          reviewed_at = now(), reject_reason = ${reason} where id = ${id}`);
        await notify(tx, x.employee_id, 'Sertifikat luar ditolak', `"${x.title}": ${reason}`);
        await audit(tx, actor, {
          action: 'update',
          entity: 'external_certificate',
          entityId: id,
          before: { status: 'submitted' },
          after: { status: 'rejected', reason },
        });
        return { id, status: 'rejected' as const };
      });
    },
  };
}
export type ExternalCertificateService = ReturnType<typeof externalCertificateService>;
