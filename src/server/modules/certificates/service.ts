import { sql } from 'drizzle-orm';
import { isVerificationCode, normaliseCode } from '../../../domain/learning/checkin.js';
import type { Db } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { employeeReadScope } from '../employees/policy.js';
import { isBkpsdmOperator, programWriteScope } from '../programs/policy.js';
import { issuerOf, type CertificateIssuer } from '../../../domain/tenant.js';
import { certificatePdf } from './pdf.js';
import type { PublicCertificateT } from './schemas.js';

type CertificateRow = {
  id: string;
  number: string;
  verification_code: string;
  holder_name: string;
  program_title: string;
  starts_on: string;
  ends_on: string;
  jp: number;
  issued_on: string;
  revoked_at: Date | null;
  tenant_name: string;
  tenant_settings: Record<string, unknown>;
};

const COLUMNS = sql`c.id, c.number, c.verification_code, c.holder_name, c.program_title, c.starts_on::text,
  c.ends_on::text, c.jp::float8 as jp, c.issued_on::text, c.revoked_at`;

/** The address of the public verification page of a code. */
export const verifyUrl = (origin: string, code: string) => `${origin.replace(/\/+$/, '')}/verifikasi/${code}`;

export function certificateService(db: Db) {
  return {
    /**
     * The PDF of a certificate for those who may see it: the holder, their atasan chain, operators of
     * their OPD, admin (employeeReadScope without pimpinan's tenant-wide view), and the organisers or
     * partner of its programme. Anyone else gets 404, as for a certificate that does not exist.
     */
    async pdf(ctx: AuthContext, id: string, origin: string, compress = true) {
      const res = await db.execute<CertificateRow>(sql`
        select ${COLUMNS}, t.name as tenant_name, t.settings as tenant_settings
        from certificates c join employees e on e.id = c.employee_id join tenants t on t.id = c.tenant_id
          left join enrollments en on en.id = c.enrollment_id left join programs p on p.id = en.program_id
        where c.id = ${id} and c.tenant_id = ${ctx.tenantId}
          and (${employeeReadScope({ ...ctx, roles: ctx.roles.filter((r) => r !== 'pimpinan') })}
            or (p.id is not null and ${programWriteScope(ctx)}))`);
      const c = res.rows[0];
      if (!c) throw notFound();
      const bytes = await certificatePdf(
        {
          number: c.number,
          holderName: c.holder_name,
          programTitle: c.program_title,
          startsOn: c.starts_on,
          endsOn: c.ends_on,
          jp: Number(c.jp),
          issuedOn: c.issued_on,
          tenantName: c.tenant_name,
          issuer: issuerOf(c.tenant_name, c.tenant_settings.certificate as Partial<CertificateIssuer>),
          verifyUrl: verifyUrl(origin, c.verification_code),
          revoked: c.revoked_at !== null,
        },
        compress,
      );
      return { bytes, fileName: `sertifikat-${c.number.replace(/[^A-Za-z0-9]+/g, '-')}.pdf` };
    },

    /**
     * What the public page shows of a code: only the holder's name, the programme, dates, JP, number,
     * status and the issuing tenant (its own name, whichever tenant the code belongs to). Every code — unknown, malformed or forged — costs the same single indexed look-up
     * and an unknown one answers the ordinary 404.
     */
    async verify(code: string): Promise<PublicCertificateT> {
      const normal = normaliseCode(code.slice(0, 80));
      const res = await db.execute<CertificateRow>(sql`
        select ${COLUMNS}, t.name as tenant_name, t.settings as tenant_settings
        from certificates c join tenants t on t.id = c.tenant_id
        where c.verification_code = ${isVerificationCode(normal) ? normal : ''}`);
      const c = res.rows[0];
      if (!c) throw notFound();
      return {
        number: c.number,
        holderName: c.holder_name,
        programTitle: c.program_title,
        startsOn: c.starts_on,
        endsOn: c.ends_on,
        jp: Number(c.jp),
        status: c.revoked_at ? 'revoked' : 'valid',
        issuer: c.tenant_name,
      };
    },

    /** Revokes a certificate (admin or a BKPSDM operator) with a reason; audited. */
    /** Revokes once: a second revocation (a double click, two operators) is 409 and changes nothing. */
    async revoke(ctx: AuthContext, actor: AuditActor, id: string, reason: string, lang: Lang = 'id') {
      return db.transaction(async (tx) => {
        if (!hasRole(ctx, 'admin') && !(await isBkpsdmOperator(tx, ctx))) throw forbidden();
        const before = await tx.execute<{ id: string; number: string; revoked_at: Date | null }>(sql`
          select id, number, revoked_at from certificates where id = ${id} and tenant_id = ${ctx.tenantId}
          for update`);
        const row = before.rows[0];
        if (!row) throw notFound();
        if (row.revoked_at)
          throw new AppError('conflict', {
            what: lang === 'en' ? 'the certificate is already revoked' : 'sertifikat ini sudah dicabut',
          });
        const res = await tx.execute<{ revoked_at: Date; revoked_reason: string }>(sql`
          update certificates set revoked_at = now(), revoked_reason = ${reason}
          where id = ${id} returning revoked_at, revoked_reason`);
        const after = res.rows[0]!;
        await audit(tx, actor, {
          action: 'update',
          entity: 'certificate',
          entityId: id,
          before: { revokedAt: row.revoked_at },
          after: { revokedAt: after.revoked_at, reason },
        });
        return {
          id,
          number: row.number,
          status: 'revoked' as const,
          revokedAt: new Date(after.revoked_at).toISOString(),
          revokedReason: after.revoked_reason,
        };
      });
    },
  };
}
export type CertificateService = ReturnType<typeof certificateService>;
