import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { validateEmployee } from '../../../domain/employee.js';
import { fullName } from '../../../domain/org.js';
import type { Db, Tx } from '../../db/client.js';
import { employeeAssignments, employees, positions } from '../../db/schema/index.js';
import { audit, type AuditActor } from '../../http/audit.js';
import type { AuthContext } from '../../http/auth.js';
import { AppError, FieldValidationError, forbidden, notFound } from '../../http/errors.js';
import { offsetOf } from '../../http/pagination.js';
import { employeeReadScope, employeeWriteScope, seesPersonalData } from './policy.js';
import * as repo from './repository.js';
import type {
  EmployeeCreate,
  EmployeeDetailT,
  EmployeeListItemT,
  EmployeeListQueryT,
  EmployeeMove,
  EmployeePatch,
} from './schemas.js';
import type { EmployeeRow } from './repository.js';
import { tenantNipDateRules } from '../tenant/service.js';
import { unitIsInOperatorOpd } from '../../http/opd-scope.js';
import { hasRole } from '../../http/auth.js';

export const presentListItem = (r: EmployeeRow): EmployeeListItemT => ({
  id: r.id,
  nip: r.nip,
  name: r.name,
  fullName: fullName(r.name, r.front_title, r.back_title),
  status: r.status as EmployeeListItemT['status'],
  golongan: r.golongan,
  gender: r.gender as 'L' | 'P',
  unitId: r.unit_id,
  unitName: r.unit_name,
  positionId: r.position_id,
  positionName: r.position_name,
  positionType: r.position_type,
  active: r.active,
});

const firstOfAppointment = (appointment: string) =>
  appointment.length === 4 ? `${appointment}-01-01` : `${appointment}-01`;

export function employeeService(db: Db) {
  async function mayWriteUnit(tx: Tx, ctx: AuthContext, unitId: string) {
    if (hasRole(ctx, 'admin')) return true;
    return hasRole(ctx, 'operator') && unitIsInOperatorOpd(tx, ctx, unitId);
  }

  async function checkPosition(tx: Tx, ctx: AuthContext, positionId: string | null | undefined) {
    if (!positionId) return;
    const p = await tx.query.positions.findFirst({
      where: and(eq(positions.tenantId, ctx.tenantId), eq(positions.id, positionId)),
    });
    if (!p)
      throw new FieldValidationError([
        { field: 'body.positionId', problem: { code: 'position.unknown', value: positionId } },
      ]);
  }

  async function resolveSupervisor(
    tx: Tx,
    ctx: AuthContext,
    nip: string | null | undefined,
    selfNip?: string,
  ) {
    if (!nip) return null;
    if (nip === selfNip)
      throw new FieldValidationError([{ field: 'body.supervisorNip', problem: { code: 'supervisor.self' } }]);
    // Only someone the caller may read can be named supervisor; anyone else is "unknown" (no name echoed).
    const s = await repo.findByNip(tx, ctx.tenantId, nip, employeeReadScope(ctx));
    if (!s)
      throw new FieldValidationError([
        { field: 'body.supervisorNip', problem: { code: 'supervisor.unknown', value: nip } },
      ]);
    return s.id;
  }

  async function detail(ctx: AuthContext, nip: string): Promise<EmployeeDetailT> {
    const row = await repo.findByNip(db, ctx.tenantId, nip, employeeReadScope(ctx));
    if (!row) throw notFound();
    const [path, sup, subs, hist, writable] = await Promise.all([
      repo.unitPath(db, ctx.tenantId, row.unit_path),
      repo.supervisorOf(db, row.supervisor_id),
      repo.subordinateCount(db, row.id),
      repo.history(db, ctx.tenantId, row.id),
      repo.findByNip(db, ctx.tenantId, nip, employeeWriteScope(ctx)),
    ]);
    const personal = seesPersonalData(ctx, row.id);
    return {
      ...presentListItem(row),
      frontTitle: row.front_title,
      backTitle: row.back_title,
      appointment: row.appointment,
      kind: row.status === 'PPPK' ? 'PPPK' : 'PNS',
      birthDate: personal ? row.birth_date : null,
      email: personal ? row.email : null,
      phone: personal ? row.phone : null,
      unitPath: path,
      supervisor: sup
        ? { nip: sup.nip, fullName: fullName(sup.name, sup.front_title, sup.back_title) }
        : null,
      subordinateCount: subs,
      history: hist.map((h) => ({
        unitId: h.unit_id,
        unitName: h.unit_name,
        positionId: h.position_id,
        positionName: h.position_name,
        golongan: h.golongan,
        effectiveFrom: h.effective_from,
        effectiveTo: h.effective_to,
        note: h.note,
      })),
      canEdit: !!writable,
    };
  }

  return {
    async list(ctx: AuthContext, q: EmployeeListQueryT) {
      const where = repo.listFilter(ctx.tenantId, employeeReadScope(ctx), q);
      const [rows, total] = await Promise.all([
        repo.listEmployees(db, where, q, q.pageSize, offsetOf(q)),
        repo.countEmployees(db, where, !!q.positionType),
      ]);
      return { items: rows.map(presentListItem), total };
    },

    /** Pages of the filtered list, for a streamed export of exactly what the list shows. */
    async *pages(ctx: AuthContext, q: EmployeeListQueryT, size = 2000) {
      const where = repo.listFilter(ctx.tenantId, employeeReadScope(ctx), q);
      for (let offset = 0; ; offset += size) {
        const rows = await repo.listEmployees(db, where, q, size, offset);
        if (rows.length) yield rows.map(presentListItem);
        if (rows.length < size) return;
      }
    },

    detail,

    async create(ctx: AuthContext, body: z.infer<typeof EmployeeCreate>, actor: AuditActor) {
      const v = validateEmployee(body, await tenantNipDateRules(db, ctx.tenantId));
      if (!v.ok)
        throw new FieldValidationError(
          v.issues.map((i) => ({ field: `body.${i.field}`, problem: i.problem })),
        );
      const e = v.value;
      await db.transaction(async (tx) => {
        if (!(await mayWriteUnit(tx, ctx, body.unitId))) throw forbidden();
        if (await repo.findIdByNip(tx, ctx.tenantId, e.nip))
          throw new AppError('conflict', { what: `NIP ${e.nip}` });
        await checkPosition(tx, ctx, body.positionId);
        const supervisorId = await resolveSupervisor(tx, ctx, body.supervisorNip, e.nip);
        const values = {
          tenantId: ctx.tenantId,
          nip: e.nip,
          name: e.name,
          frontTitle: e.frontTitle,
          backTitle: e.backTitle,
          status: e.status,
          golongan: e.golongan,
          gender: e.decoded.gender,
          birthDate: e.decoded.birthDate,
          appointment: e.decoded.appointment,
          unitId: body.unitId,
          positionId: body.positionId ?? null,
          supervisorId,
          email: e.email,
          phone: e.phone,
        };
        const [row] = await tx.insert(employees).values(values).returning({ id: employees.id });
        await tx.insert(employeeAssignments).values({
          tenantId: ctx.tenantId,
          employeeId: row!.id,
          unitId: body.unitId,
          positionId: body.positionId ?? null,
          golongan: e.golongan,
          effectiveFrom: firstOfAppointment(e.decoded.appointment),
        });
        await audit(tx, actor, { action: 'create', entity: 'employee', entityId: row!.id, after: values });
      });
      return detail(ctx, e.nip);
    },

    async update(ctx: AuthContext, nip: string, patch: z.infer<typeof EmployeePatch>, actor: AuditActor) {
      await db.transaction(async (tx) => {
        const before = await repo.findByNip(tx, ctx.tenantId, nip, employeeWriteScope(ctx));
        if (!before) {
          if (await repo.findByNip(tx, ctx.tenantId, nip, employeeReadScope(ctx))) throw forbidden();
          throw notFound();
        }
        const merged = {
          nip: before.nip,
          name: patch.name ?? before.name,
          status: patch.status ?? before.status,
          golongan: patch.golongan !== undefined ? patch.golongan : before.golongan,
          frontTitle: patch.frontTitle !== undefined ? patch.frontTitle : before.front_title,
          backTitle: patch.backTitle !== undefined ? patch.backTitle : before.back_title,
          email: patch.email !== undefined ? patch.email : before.email,
          phone: patch.phone !== undefined ? patch.phone : before.phone,
        };
        // The NIP is not edited here: its dates were checked when it was stored.
        const v = validateEmployee(merged, { checkDates: false });
        if (!v.ok)
          throw new FieldValidationError(
            v.issues.map((i) => ({ field: `body.${i.field}`, problem: i.problem })),
          );
        let supervisorId = before.supervisor_id;
        if (patch.supervisorNip !== undefined) {
          supervisorId = await resolveSupervisor(tx, ctx, patch.supervisorNip, before.nip);
          if (supervisorId && (await repo.wouldCycle(tx, before.id, supervisorId))) {
            throw new FieldValidationError([
              { field: 'body.supervisorNip', problem: { code: 'supervisor.cycle' } },
            ]);
          }
        }
        const after = {
          name: v.value.name,
          status: v.value.status,
          golongan: v.value.golongan,
          frontTitle: v.value.frontTitle,
          backTitle: v.value.backTitle,
          email: v.value.email,
          phone: v.value.phone,
          supervisorId,
          active: patch.active ?? before.active,
        };
        await tx
          .update(employees)
          .set({ ...after, updatedAt: sql`now()` })
          .where(and(eq(employees.tenantId, ctx.tenantId), eq(employees.id, before.id)));
        await audit(tx, actor, { action: 'update', entity: 'employee', entityId: before.id, before, after });
      });
      return detail(ctx, nip);
    },

    /** A move to another unit or position: the current assignment ends, a new one starts, history stays. */
    async move(ctx: AuthContext, nip: string, body: z.infer<typeof EmployeeMove>, actor: AuditActor) {
      await db.transaction(async (tx) => {
        const before = await repo.findByNip(tx, ctx.tenantId, nip, employeeWriteScope(ctx));
        if (!before)
          throw (await repo.findByNip(tx, ctx.tenantId, nip, employeeReadScope(ctx)))
            ? forbidden()
            : notFound();
        if (!(await mayWriteUnit(tx, ctx, body.unitId))) throw forbidden();
        await checkPosition(tx, ctx, body.positionId);
        const status = before.status as 'PNS' | 'CPNS' | 'PPPK';
        const v = validateEmployee({
          nip: before.nip,
          name: before.name,
          status,
          golongan: body.golongan ?? before.golongan,
        });
        if (!v.ok)
          throw new FieldValidationError(
            v.issues.map((i) => ({ field: `body.${i.field}`, problem: i.problem })),
          );
        const dayBefore = sql`(${body.effectiveFrom}::date - 1)`;
        await tx
          .update(employeeAssignments)
          .set({ effectiveTo: sql`greatest(${employeeAssignments.effectiveFrom}, ${dayBefore})` })
          .where(and(eq(employeeAssignments.employeeId, before.id), isNull(employeeAssignments.effectiveTo)));
        await tx.insert(employeeAssignments).values({
          tenantId: ctx.tenantId,
          employeeId: before.id,
          unitId: body.unitId,
          positionId: body.positionId,
          golongan: v.value.golongan,
          effectiveFrom: body.effectiveFrom,
          note: body.note ?? null,
        });
        const after = { unitId: body.unitId, positionId: body.positionId, golongan: v.value.golongan };
        await tx
          .update(employees)
          .set({ ...after, updatedAt: sql`now()` })
          .where(eq(employees.id, before.id));
        await audit(tx, actor, {
          action: 'move',
          entity: 'employee',
          entityId: before.id,
          before: { unitId: before.unit_id, positionId: before.position_id, golongan: before.golongan },
          after: { ...after, effectiveFrom: body.effectiveFrom },
        });
      });
      return detail(ctx, nip);
    },
  };
}
export type EmployeeService = ReturnType<typeof employeeService>;
