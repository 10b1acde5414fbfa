import type { Db } from '../../db/client.js';
import { tenantTimeZone } from '../tenant/service.js';
import * as repo from './repository.js';
import type { AuditEntryT, AuditQueryT } from './schemas.js';

const presentEntry = (r: repo.AuditRow): AuditEntryT => ({
  id: Number(r.id),
  at: new Date(r.at).toISOString(),
  actorName: r.actor_name,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before,
  after: r.after,
  requestId: r.request_id,
});

const EXPORT_PAGE = 2000;

/** Reading the audit trail of one tenant (writing it is `http/audit.ts`, inside each change's transaction). */
export function auditService(db: Db) {
  return {
    async list(tenantId: string, q: AuditQueryT, offset: number) {
      const where = repo.auditWhere(tenantId, q);
      const [items, total] = [
        (await repo.pageOfEntries(db, where, q.pageSize, offset)).map(presentEntry),
        await repo.countEntries(db, where),
      ];
      return { items, total };
    },

    /** Every entry of the filter, a page at a time, and the tenant's zone to print their times in. */
    async forExport(tenantId: string, q: AuditQueryT) {
      const where = repo.auditWhere(tenantId, q);
      async function* pages() {
        for (let offset = 0; ; offset += EXPORT_PAGE) {
          const rows = (await repo.pageOfEntries(db, where, EXPORT_PAGE, offset)).map(presentEntry);
          if (rows.length) yield rows;
          if (rows.length < EXPORT_PAGE) return;
        }
      }
      return { timeZone: await tenantTimeZone(db, tenantId), pages: pages() };
    },
  };
}
