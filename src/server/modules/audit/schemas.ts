import { z } from 'zod';
import { PageQuery } from '../../http/pagination.js';

export const AuditQuery = PageQuery.extend({
  entity: z.string().max(50).optional(),
  action: z.string().max(50).optional(),
  actor: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  /** Days in the tenant's own time zone. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export const AuditList = z.object({ items: z.array(AuditEntry), total: z.number().int() });

export type AuditQueryT = z.infer<typeof AuditQuery>;
export type AuditEntryT = z.infer<typeof AuditEntry>;
