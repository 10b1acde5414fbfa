import type { FastifyRequest } from 'fastify';
import type { Tx } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'import' | 'login' | 'logout' | 'password' | 'move' | string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  tenantId: string | null;
  userId: string | null;
  name: string | null;
  requestId: string | null;
}

export const actorOf = (req: FastifyRequest): AuditActor => ({
  tenantId: req.auth?.tenantId ?? null,
  userId: req.auth?.userId ?? null,
  name: req.auth?.username ?? null,
  requestId: req.id,
});

/** Writes audit rows inside the caller's transaction, so the write and its record stand or fall together. */
export async function audit(tx: Tx, actor: AuditActor, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorName: actor.name,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      requestId: actor.requestId,
    })),
  );
}
