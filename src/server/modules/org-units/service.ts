import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UnitKind } from '../../../domain/org.js';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/index.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import * as repo from './repository.js';
import type { OrgUnitBody, OrgUnitDto, OrgUnitPatch } from './schemas.js';

type Row = Awaited<ReturnType<typeof repo.listUnits>>[number];
const present = (r: Row): OrgUnitDto => ({
  id: r.id,
  code: r.code,
  name: r.name,
  parentId: r.parent_id,
  kind: r.kind as UnitKind,
  active: r.active,
  employeeCount: Number(r.employee_count),
});

export function orgUnitService(db: Db) {
  async function get(ctx: AuthContext, id: string): Promise<OrgUnitDto> {
    const rows = await repo.listUnits(db, ctx.tenantId);
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound();
    return present(row);
  }

  return {
    /** The unit tree is not personal data: every signed-in role of the tenant may read it. */
    async list(ctx: AuthContext): Promise<OrgUnitDto[]> {
      return (await repo.listUnits(db, ctx.tenantId)).map(present);
    },
    get,

    async create(ctx: AuthContext, body: z.infer<typeof OrgUnitBody>, actor: AuditActor) {
      if (!hasRole(ctx, 'admin')) throw forbidden();
      const id = await db.transaction(async (tx) => {
        if (await repo.findUnitByCode(tx, ctx.tenantId, body.code))
          throw new AppError('conflict', { what: body.code });
        let parentPath = '/';
        if (body.parentId) {
          const parent = await repo.findUnit(tx, ctx.tenantId, body.parentId);
          if (!parent) throw notFound();
          parentPath = parent.path;
        }
        const [row] = await tx
          .insert(orgUnits)
          .values({ ...body, tenantId: ctx.tenantId, path: 'pending' })
          .returning({ id: orgUnits.id });
        const path = `${parentPath}${row!.id}/`;
        await tx.update(orgUnits).set({ path }).where(eq(orgUnits.id, row!.id));
        await audit(tx, actor, {
          action: 'create',
          entity: 'org_unit',
          entityId: row!.id,
          after: { ...body, path },
        });
        return row!.id;
      });
      return get(ctx, id);
    },

    async update(ctx: AuthContext, id: string, patch: z.infer<typeof OrgUnitPatch>, actor: AuditActor) {
      if (!hasRole(ctx, 'admin')) throw forbidden();
      await db.transaction(async (tx) => {
        const before = await repo.findUnit(tx, ctx.tenantId, id);
        if (!before) throw notFound();
        if (patch.code && patch.code.toUpperCase() !== before.code.toUpperCase()) {
          if (await repo.findUnitByCode(tx, ctx.tenantId, patch.code))
            throw new AppError('conflict', { what: patch.code });
        }
        if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
          let parentPath = '/';
          if (patch.parentId) {
            const parent = await repo.findUnit(tx, ctx.tenantId, patch.parentId);
            if (!parent) throw notFound();
            if (parent.path.startsWith(before.path)) throw new AppError('unit.cycle');
            parentPath = parent.path;
          }
          await repo.rewritePaths(tx, ctx.tenantId, before.path, `${parentPath}${id}/`);
        }
        await tx
          .update(orgUnits)
          .set({ ...patch, updatedAt: sql`now()` })
          .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, id)));
        await audit(tx, actor, { action: 'update', entity: 'org_unit', entityId: id, before, after: patch });
      });
      return get(ctx, id);
    },
  };
}
export type OrgUnitService = ReturnType<typeof orgUnitService>;
