/** Partners, their mitra users, agreements (MoU/PKS) with signed documents, and contributions. */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import type { AuthContext } from '../../http/auth.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { offsetOf } from '../../http/pagination.js';
import { sniffType } from '../assessments/service.js';
import { managesPartners, partnerReadScope } from '../programs/policy.js';
import { fieldErrors, text } from '../programs/texts.js';
import { remindAgreements } from './reminders.js';
import * as repo from './repository.js';
import type {
  AgreementInputT,
  AgreementPatchT,
  AgreementT,
  ContributionInputT,
  ContributionT,
  PartnerDetailT,
  PartnerInputT,
  PartnerItemT,
  PartnerListQueryT,
  PartnerPatchT,
} from './schemas.js';

export const MAX_AGREEMENT_MB = 10;

const presentPartner = (r: repo.PartnerRow): PartnerItemT => ({
  id: r.id,
  name: r.name,
  kind: r.kind as PartnerItemT['kind'],
  address: r.address,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  website: r.website,
  active: r.active,
  activeAgreements: r.active_agreements,
  expiringAgreements: r.expiring_agreements,
  programs: r.programs,
  contributionTotal: Number(r.contribution_total),
});

/** berlaku / segera berakhir (inside the reminder window) / berakhir. */
export function agreementStatus(daysLeft: number, remindDaysBefore: number): AgreementT['status'] {
  if (daysLeft < 0) return 'berakhir';
  return daysLeft <= remindDaysBefore ? 'segera_berakhir' : 'berlaku';
}

const presentAgreement = (r: repo.AgreementRow): AgreementT => ({
  id: r.id,
  partnerId: r.partner_id,
  partnerName: r.partner_name,
  kind: r.kind as AgreementT['kind'],
  number: r.number,
  title: r.title,
  parties: r.parties,
  scope: r.scope,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  remindDaysBefore: r.remind_days_before,
  status: agreementStatus(r.days_left, r.remind_days_before),
  daysLeft: r.days_left,
  remindedAt: r.reminded_at ? new Date(r.reminded_at).toISOString() : null,
  document: r.file_id ? { id: r.file_id, name: r.file_name!, size: r.file_size! } : null,
});

const presentContribution = (r: repo.ContributionRow): ContributionT => ({
  id: r.id,
  partnerId: r.partner_id,
  kind: r.kind as ContributionT['kind'],
  description: r.description,
  valueRupiah: Number(r.value_rupiah),
  contributedOn: r.contributed_on,
  agreementId: r.agreement_id,
  agreementNumber: r.agreement_number,
  programId: r.program_id,
  programTitle: r.program_title,
});

export function partnerService(db: Db) {
  /** The partner if the caller may read it (404 otherwise) and, for writes, manage it (403). */
  async function readable(tx: Tx, ctx: AuthContext, id: string, manage = false) {
    const row = await repo.findPartner(tx, ctx.tenantId, id, partnerReadScope(ctx));
    if (!row) throw notFound();
    if (manage && !(await managesPartners(tx, ctx))) throw forbidden();
    return row;
  }

  async function totals(tx: Tx, tenantId: string, partnerId: string) {
    const t = await repo.contributionTotals(tx, tenantId, partnerId);
    const byYear = t.byYear.map((y) => ({ year: y.year, total: Number(y.total) }));
    return {
      total: byYear.reduce((s, y) => s + y.total, 0),
      byYear,
      byKind: t.byKind.map((k) => ({ kind: k.kind as ContributionT['kind'], total: Number(k.total) })),
    };
  }

  async function detail(ctx: AuthContext, id: string): Promise<PartnerDetailT> {
    const row = await readable(db, ctx, id);
    const [mem, agr, con, tot, canManage] = await Promise.all([
      repo.members(db, ctx.tenantId, id),
      repo.agreements(db, ctx.tenantId, sql`a.partner_id = ${id}`),
      repo.contributions(db, ctx.tenantId, id),
      totals(db, ctx.tenantId, id),
      managesPartners(db, ctx),
    ]);
    return {
      ...presentPartner(row),
      members: mem.map((m) => ({ userId: m.user_id, username: m.username, displayName: m.display_name })),
      agreements: agr.map(presentAgreement),
      contributions: con.map(presentContribution),
      totals: tot,
      canManage,
    };
  }

  async function checkName(tx: Tx, ctx: AuthContext, lang: Lang, name: string, exceptId: string | null) {
    if (await repo.nameTaken(tx, ctx.tenantId, name, exceptId))
      throw fieldErrors([{ field: 'body.name', message: text(lang, 'partnerNameTaken', { value: name }) }]);
  }

  async function checkAgreementNumber(
    tx: Tx,
    ctx: AuthContext,
    lang: Lang,
    num: string,
    except: string | null,
  ) {
    const res = await tx.execute(sql`select 1 from partner_agreements where tenant_id = ${ctx.tenantId}
      and number = ${num} and (${except}::uuid is null or id <> ${except}::uuid)`);
    if (res.rowCount)
      throw fieldErrors([
        { field: 'body.number', message: text(lang, 'agreementNumberTaken', { value: num }) },
      ]);
  }

  async function agreementOf(tx: Tx, ctx: AuthContext, id: string) {
    const res = await tx.execute<{ id: string; partner_id: string }>(sql`select a.id, a.partner_id
      from partner_agreements a join partners pa on pa.id = a.partner_id
      where a.tenant_id = ${ctx.tenantId} and a.id = ${id} and ${partnerReadScope(ctx)}`);
    const a = res.rows[0];
    if (!a) throw notFound();
    return a;
  }

  async function oneAgreement(ctx: AuthContext, id: string) {
    const [a] = await repo.agreements(db, ctx.tenantId, sql`a.id = ${id}`);
    if (!a) throw notFound();
    return presentAgreement(a);
  }

  async function listContributions(ctx: AuthContext, partnerId: string) {
    await readable(db, ctx, partnerId);
    const [rows, tot] = await Promise.all([
      repo.contributions(db, ctx.tenantId, partnerId),
      totals(db, ctx.tenantId, partnerId),
    ]);
    return { items: rows.map(presentContribution), totals: tot };
  }

  return {
    detail,

    async list(ctx: AuthContext, q: PartnerListQueryT) {
      const where = repo.listFilter(ctx.tenantId, partnerReadScope(ctx), q);
      const [rows, total] = await Promise.all([
        repo.listPartners(db, ctx.tenantId, where, q.pageSize, offsetOf(q)),
        repo.countPartners(db, where),
      ]);
      return { items: rows.map(presentPartner), total };
    },

    async create(ctx: AuthContext, actor: AuditActor, lang: Lang, body: PartnerInputT) {
      const id = await db.transaction(async (tx) => {
        if (!(await managesPartners(tx, ctx))) throw forbidden();
        await checkName(tx, ctx, lang, body.name, null);
        const values = {
          name: body.name,
          kind: body.kind,
          address: body.address ?? null,
          contactName: body.contactName ?? null,
          contactEmail: body.contactEmail ?? null,
          contactPhone: body.contactPhone ?? null,
          website: body.website ?? null,
        };
        const res = await tx.execute<{ id: string }>(sql`insert into partners
          (tenant_id, name, kind, address, contact_name, contact_email, contact_phone, website)
          values (${ctx.tenantId}, ${values.name}, ${values.kind}, ${values.address}, ${values.contactName},
            ${values.contactEmail}, ${values.contactPhone}, ${values.website}) returning id`);
        const newId = res.rows[0]!.id;
        await audit(tx, actor, { action: 'create', entity: 'partner', entityId: newId, after: values });
        return newId;
      });
      return detail(ctx, id);
    },

    async update(ctx: AuthContext, actor: AuditActor, lang: Lang, id: string, patch: PartnerPatchT) {
      await db.transaction(async (tx) => {
        const before = await readable(tx, ctx, id, true);
        if (patch.name !== undefined) await checkName(tx, ctx, lang, patch.name, id);
        const after = {
          name: patch.name ?? before.name,
          kind: patch.kind ?? before.kind,
          address: patch.address !== undefined ? patch.address : before.address,
          contactName: patch.contactName !== undefined ? patch.contactName : before.contact_name,
          contactEmail: patch.contactEmail !== undefined ? patch.contactEmail : before.contact_email,
          contactPhone: patch.contactPhone !== undefined ? patch.contactPhone : before.contact_phone,
          website: patch.website !== undefined ? patch.website : before.website,
          active: patch.active ?? before.active,
        };
        await tx.execute(sql`update partners set name = ${after.name}, kind = ${after.kind},
          address = ${after.address}, contact_name = ${after.contactName}, contact_email = ${after.contactEmail},
          contact_phone = ${after.contactPhone}, website = ${after.website}, active = ${after.active},
          updated_at = now() where tenant_id = ${ctx.tenantId} and id = ${id}`);
        await audit(tx, actor, { action: 'update', entity: 'partner', entityId: id, before, after });
      });
      return detail(ctx, id);
    },

    /** Links a user with the mitra role to the partner (admin only, by route). */
    async addMember(ctx: AuthContext, actor: AuditActor, lang: Lang, id: string, username: string) {
      await db.transaction(async (tx) => {
        await readable(tx, ctx, id, true);
        const u = await tx.execute<{ id: string; mitra: boolean }>(sql`select u.id,
          exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'mitra') as mitra
          from users u where u.tenant_id = ${ctx.tenantId} and lower(u.username) = lower(${username})`);
        const user = u.rows[0];
        if (!user)
          throw fieldErrors([
            { field: 'body.username', message: text(lang, 'userUnknown', { value: username }) },
          ]);
        if (!user.mitra)
          throw fieldErrors([
            { field: 'body.username', message: text(lang, 'userNotMitra', { value: username }) },
          ]);
        const res = await tx.execute(sql`insert into partner_members (tenant_id, partner_id, user_id)
          values (${ctx.tenantId}, ${id}, ${user.id}) on conflict do nothing`);
        if (res.rowCount)
          await audit(tx, actor, {
            action: 'create',
            entity: 'partner_member',
            entityId: id,
            after: { userId: user.id, username },
          });
      });
      return detail(ctx, id);
    },

    async removeMember(ctx: AuthContext, actor: AuditActor, id: string, userId: string) {
      await db.transaction(async (tx) => {
        await readable(tx, ctx, id, true);
        const res = await tx.execute(sql`delete from partner_members
          where tenant_id = ${ctx.tenantId} and partner_id = ${id} and user_id = ${userId}`);
        if (!res.rowCount) throw notFound();
        await audit(tx, actor, {
          action: 'delete',
          entity: 'partner_member',
          entityId: id,
          before: { userId },
        });
      });
      return detail(ctx, id);
    },

    async listAgreements(ctx: AuthContext, q: { partnerId?: string; status?: AgreementT['status'] }) {
      const parts = [partnerReadScope(ctx)];
      if (q.partnerId) parts.push(sql`a.partner_id = ${q.partnerId}`);
      const rows = await repo.agreements(db, ctx.tenantId, sql.join(parts, sql` and `));
      const items = rows.map(presentAgreement);
      return { items: q.status ? items.filter((a) => a.status === q.status) : items };
    },

    async createAgreement(
      ctx: AuthContext,
      actor: AuditActor,
      lang: Lang,
      partnerId: string,
      body: AgreementInputT,
    ) {
      const id = await db.transaction(async (tx) => {
        await readable(tx, ctx, partnerId, true);
        await checkAgreementNumber(tx, ctx, lang, body.number, null);
        const res = await tx.execute<{ id: string }>(sql`insert into partner_agreements
          (tenant_id, partner_id, kind, number, title, parties, scope, starts_on, ends_on, remind_days_before, created_by)
          values (${ctx.tenantId}, ${partnerId}, ${body.kind}, ${body.number}, ${body.title}, ${body.parties ?? null},
            ${body.scope}, ${body.startsOn}, ${body.endsOn}, ${body.remindDaysBefore}, ${ctx.userId}) returning id`);
        const newId = res.rows[0]!.id;
        await audit(tx, actor, {
          action: 'create',
          entity: 'partner_agreement',
          entityId: newId,
          after: { partnerId, ...body },
        });
        return newId;
      });
      return oneAgreement(ctx, id);
    },

    async updateAgreement(
      ctx: AuthContext,
      actor: AuditActor,
      lang: Lang,
      id: string,
      patch: AgreementPatchT,
    ) {
      await db.transaction(async (tx) => {
        const a = await agreementOf(tx, ctx, id);
        await readable(tx, ctx, a.partner_id, true);
        const [before] = await repo.agreements(tx, ctx.tenantId, sql`a.id = ${id}`);
        const b = before!;
        if (patch.number !== undefined) await checkAgreementNumber(tx, ctx, lang, patch.number, id);
        const after = {
          kind: patch.kind ?? b.kind,
          number: patch.number ?? b.number,
          title: patch.title ?? b.title,
          parties: patch.parties !== undefined ? patch.parties : b.parties,
          scope: patch.scope ?? b.scope,
          startsOn: patch.startsOn ?? b.starts_on,
          endsOn: patch.endsOn ?? b.ends_on,
          remindDaysBefore: patch.remindDaysBefore ?? b.remind_days_before,
        };
        if (after.endsOn < after.startsOn)
          throw fieldErrors([
            {
              field: 'body.endsOn',
              message:
                lang === 'id'
                  ? 'Tanggal berakhir tidak boleh sebelum tanggal mulai.'
                  : 'The end date cannot be before the start date.',
            },
          ]);
        // A new end date or window means a new reminder.
        const rearm = after.endsOn !== b.ends_on || after.remindDaysBefore !== b.remind_days_before;
        await tx.execute(sql`update partner_agreements set kind = ${after.kind}, number = ${after.number},
          title = ${after.title}, parties = ${after.parties}, scope = ${after.scope}, starts_on = ${after.startsOn},
          ends_on = ${after.endsOn}, remind_days_before = ${after.remindDaysBefore},
          reminded_at = ${rearm ? sql`null` : sql`reminded_at`}, updated_at = now()
          where tenant_id = ${ctx.tenantId} and id = ${id}`);
        await audit(tx, actor, {
          action: 'update',
          entity: 'partner_agreement',
          entityId: id,
          before: b,
          after,
        });
      });
      return oneAgreement(ctx, id);
    },

    /** Stores the signed document (PDF, checked from its content) and links it to the agreement. */
    async uploadDocument(
      ctx: AuthContext,
      actor: AuditActor,
      lang: Lang,
      id: string,
      receive: () => Promise<{ name: string; data: Buffer } | null>,
    ) {
      const a = await agreementOf(db, ctx, id);
      if (!(await managesPartners(db, ctx))) throw forbidden();
      const f = await receive();
      if (!f || f.data.length === 0)
        throw fieldErrors([{ field: 'file', message: text(lang, 'fileMissing') }]);
      if (sniffType(f.data) !== 'application/pdf')
        throw fieldErrors([{ field: 'file', message: text(lang, 'pdfOnly') }]);
      const base = f.name.replace(/[/\\]/g, '_').slice(0, 150) || 'perjanjian.pdf';
      const name = base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
      const fileId = crypto.randomUUID();
      const sha256 = crypto.createHash('sha256').update(f.data).digest('hex');
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into files (id, tenant_id, purpose, name, content_type, size, sha256, data, uploaded_by)
          values (${fileId}, ${ctx.tenantId}, 'agreement', ${name}, 'application/pdf', ${f.data.length}, ${sha256}, ${f.data}, ${ctx.userId})`);
        await tx.execute(sql`update partner_agreements set document_file_id = ${fileId}, updated_at = now()
          where tenant_id = ${ctx.tenantId} and id = ${a.id}`);
        await audit(tx, actor, {
          action: 'upload',
          entity: 'partner_agreement',
          entityId: a.id,
          after: { fileId, name, size: f.data.length, sha256 },
        });
      });
      return oneAgreement(ctx, id);
    },

    async downloadDocument(ctx: AuthContext, id: string) {
      await agreementOf(db, ctx, id);
      const res = await db.execute<{ name: string; data: Buffer }>(sql`select f.name, f.data
        from partner_agreements a join files f on f.id = a.document_file_id
        where a.tenant_id = ${ctx.tenantId} and a.id = ${id}`);
      const f = res.rows[0];
      if (!f) throw notFound();
      return f;
    },

    remind: (ctx: AuthContext) => remindAgreements(db, ctx.tenantId),

    listContributions,

    async createContribution(
      ctx: AuthContext,
      actor: AuditActor,
      lang: Lang,
      partnerId: string,
      body: ContributionInputT,
    ) {
      await db.transaction(async (tx) => {
        await readable(tx, ctx, partnerId, true);
        if (body.agreementId) {
          const a = await tx.execute(sql`select 1 from partner_agreements where tenant_id = ${ctx.tenantId}
            and id = ${body.agreementId} and partner_id = ${partnerId}`);
          if (!a.rowCount)
            throw fieldErrors([{ field: 'body.agreementId', message: text(lang, 'agreementOther') }]);
        }
        if (body.programId) {
          const p = await tx.execute(
            sql`select 1 from programs where tenant_id = ${ctx.tenantId} and id = ${body.programId}`,
          );
          if (!p.rowCount)
            throw fieldErrors([{ field: 'body.programId', message: text(lang, 'programUnknown') }]);
        }
        const res = await tx.execute<{ id: string }>(sql`insert into partner_contributions
          (tenant_id, partner_id, agreement_id, program_id, kind, description, value_rupiah, contributed_on, created_by)
          values (${ctx.tenantId}, ${partnerId}, ${body.agreementId ?? null}, ${body.programId ?? null}, ${body.kind},
            ${body.description}, ${body.valueRupiah}, ${body.contributedOn}, ${ctx.userId}) returning id`);
        await audit(tx, actor, {
          action: 'create',
          entity: 'partner_contribution',
          entityId: res.rows[0]!.id,
          after: { partnerId, ...body },
        });
      });
      return listContributions(ctx, partnerId);
    },

    async deleteContribution(ctx: AuthContext, actor: AuditActor, id: string) {
      return db.transaction(async (tx) => {
        const res = await tx.execute<{
          partner_id: string;
        }>(sql`select c.partner_id from partner_contributions c
          join partners pa on pa.id = c.partner_id where c.tenant_id = ${ctx.tenantId} and c.id = ${id} and ${partnerReadScope(ctx)}`);
        const c = res.rows[0];
        if (!c) throw notFound();
        if (!(await managesPartners(tx, ctx))) throw forbidden();
        await tx.execute(
          sql`delete from partner_contributions where tenant_id = ${ctx.tenantId} and id = ${id}`,
        );
        await audit(tx, actor, { action: 'delete', entity: 'partner_contribution', entityId: id, before: c });
        return { deleted: 1 };
      });
    },
  };
}
export type PartnerService = ReturnType<typeof partnerService>;
