import type { Db } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import type { AuthContext } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import * as repo from './repository.js';
import { isoInstant } from '../../../domain/time.js';

const iso = isoInstant;

/** The bell: the caller's own notifications. Marking as read is a write like any other: audited. */
export function notificationService(db: Db) {
  return {
    async list(ctx: AuthContext) {
      const [items, unread] = [
        await repo.latestOf(db, ctx.tenantId, ctx.userId),
        await repo.unreadCount(db, ctx.tenantId, ctx.userId),
      ];
      return {
        unread,
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: iso(n.created_at)!,
          readAt: iso(n.read_at),
        })),
      };
    },

    async markRead(ctx: AuthContext, actor: AuditActor, id: string) {
      const found = await db.transaction(async (tx) => {
        if (!(await repo.markRead(tx, ctx.tenantId, ctx.userId, id))) return false;
        await audit(tx, actor, {
          action: 'update',
          entity: 'notification',
          entityId: id,
          after: { read: true },
        });
        return true;
      });
      if (!found) throw notFound();
      return { updated: 1 };
    },

    async markAllRead(ctx: AuthContext, actor: AuditActor) {
      return db.transaction(async (tx) => {
        const updated = await repo.markAllRead(tx, ctx.tenantId, ctx.userId);
        if (updated > 0)
          await audit(tx, actor, { action: 'update', entity: 'notification', after: { readAll: updated } });
        return { updated };
      });
    },
  };
}
