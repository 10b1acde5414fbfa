import type { Db } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import type { AuthContext } from '../../http/auth.js';
import { offsetOf } from '../../http/pagination.js';
import * as repo from './repository.js';
import type { OutboxQueryT } from './schemas.js';
import { sendPendingMail, type SmtpSettings } from './sender.js';
import { isoInstant } from '../../../domain/time.js';

const iso = isoInstant;

/** The e-mail outbox for admins: what was sent, and without SMTP what would have been sent. */
export function outboxService(db: Db, smtp: SmtpSettings | null) {
  return {
    async list(ctx: AuthContext, q: OutboxQueryT) {
      const [rows, total] = [
        await repo.pageOfMail(db, ctx.tenantId, q.status, q.pageSize, offsetOf(q)),
        await repo.countMail(db, ctx.tenantId, q.status),
      ];
      return {
        smtp: !!smtp,
        total,
        items: rows.map((r) => ({
          id: r.id,
          toAddress: r.to_address,
          subject: r.subject,
          body: r.body,
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error,
          sentAt: iso(r.sent_at),
          createdAt: iso(r.created_at)!,
        })),
      };
    },

    /** Sends what waits now (when SMTP is set), audited. */
    async sendNow(actor: AuditActor) {
      if (!smtp) return { sent: 0, failed: 0, retrying: 0 };
      const result = await sendPendingMail(db, smtp);
      await db.transaction((tx) =>
        audit(tx, actor, { action: 'send', entity: 'email_outbox', after: result }),
      );
      return result;
    },
  };
}
