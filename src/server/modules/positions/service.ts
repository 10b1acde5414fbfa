import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { levelFits, type PositionType } from '../../../domain/org.js';
import type { Db } from '../../db/client.js';
import { positions } from '../../db/schema/index.js';
import { audit, type AuditActor } from '../../http/audit.js';
import type { AuthContext } from '../../http/auth.js';
import { AppError, FieldValidationError, notFound } from '../../http/errors.js';
import type { PositionBody, PositionDto, PositionPatch } from './schemas.js';

export function positionService(db: Db) {
  async function list(ctx: AuthContext): Promise<PositionDto[]> {
    const res = await db.execute<{
      id: string;
      code: string;
      name: string;
      type: string;
      level: string | null;
      active: boolean;
      n: number;
    }>(sql`
      select p.id, p.code, p.name, p.type, p.level, p.active, coalesce(c.n, 0)::int as n
      from positions p
      left join (select position_id, count(*) n from employees where tenant_id = ${ctx.tenantId} and active group by position_id) c
        on c.position_id = p.id
      where p.tenant_id = ${ctx.tenantId} order by p.name`);
    return res.rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      type: r.type as PositionType,
      level: r.level,
      active: r.active,
      employeeCount: Number(r.n),
    }));
  }
  const get = async (ctx: AuthContext, id: string) => {
    const p = (await list(ctx)).find((x) => x.id === id);
    if (!p) throw notFound();
    return p;
  };
  const checkLevel = (type: PositionType, level: string | null | undefined) => {
    if (levelFits(type, level)) return;
    const problem = level
      ? ({ code: 'level.forbidden' } as const)
      : ({ code: 'level.required', type } as const);
    throw new FieldValidationError([{ field: 'body.level', problem }]);
  };
  return {
    list,
    get,
    async create(ctx: AuthContext, body: z.infer<typeof PositionBody>, actor: AuditActor) {
      checkLevel(body.type, body.level);
      const id = await db.transaction(async (tx) => {
        const clash = await tx.query.positions.findFirst({
          where: and(
            eq(positions.tenantId, ctx.tenantId),
            sql`upper(${positions.code}) = upper(${body.code})`,
          ),
        });
        if (clash) throw new AppError('conflict', { what: body.code });
        const [row] = await tx
          .insert(positions)
          .values({ ...body, level: body.level || null, tenantId: ctx.tenantId })
          .returning({ id: positions.id });
        await audit(tx, actor, { action: 'create', entity: 'position', entityId: row!.id, after: body });
        return row!.id;
      });
      return get(ctx, id);
    },
    async update(ctx: AuthContext, id: string, patch: z.infer<typeof PositionPatch>, actor: AuditActor) {
      await db.transaction(async (tx) => {
        const before = await tx.query.positions.findFirst({
          where: and(eq(positions.tenantId, ctx.tenantId), eq(positions.id, id)),
        });
        if (!before) throw notFound();
        checkLevel(
          (patch.type ?? before.type) as PositionType,
          patch.level !== undefined ? patch.level : before.level,
        );
        await tx
          .update(positions)
          .set({ ...patch, updatedAt: sql`now()` })
          .where(and(eq(positions.tenantId, ctx.tenantId), eq(positions.id, id)));
        await audit(tx, actor, { action: 'update', entity: 'position', entityId: id, before, after: patch });
      });
      return get(ctx, id);
    },
  };
}
export type PositionService = ReturnType<typeof positionService>;
