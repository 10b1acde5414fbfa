import { sql, type SQL } from 'drizzle-orm';
import { suggestedLevel } from '../../../domain/competency/class-defaults.js';
import { FUNCTIONAL_LEVELS, POSITION_TYPES, type PositionType } from '../../../domain/org.js';
import type { Db, Tx } from '../../db/client.js';
import type { CompetencyLevelText } from '../../db/schema/index.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { hasRole, type AuthContext } from '../../http/auth.js';
import { AppError, FieldValidationError, forbidden, notFound } from '../../http/errors.js';
import { findUnit } from '../competency/repository.js';
import { employeeWriteScope } from '../employees/policy.js';
import * as repo from './repository.js';
import type { z } from 'zod';
import type {
  ApplyResult,
  ApplyTemplate,
  CompetencyDetail,
  CreateCompetencyT,
  EditCompetencyT,
  Matrix,
  MatrixChangesT,
  MatrixQueryT,
  MatrixSaved,
  PutTemplate,
  Template,
  VersionList,
} from './schemas.js';

type Detail = z.infer<typeof CompetencyDetail>;

export const detailOf = (r: repo.VersionRow): Detail => ({
  id: r.competency_id,
  code: r.code,
  group: r.group,
  name: r.name,
  definition: r.definition,
  version: r.version,
  levels: r.levels,
  active: r.active,
  effectiveFrom: r.effective_from,
});

export const numbered = (levels: { title: string; description: string; indicators: string[] }[]) =>
  levels.map((l, i) => ({
    level: i + 1,
    title: l.title,
    description: l.description,
    indicators: l.indicators,
  }));

/** Same wording: name, definition and every level's text and indicators. */
export function sameWording(a: repo.Wording, b: repo.Wording): boolean {
  const norm = (levels: CompetencyLevelText[]) =>
    JSON.stringify(
      [...levels]
        .sort((x, y) => x.level - y.level)
        .map((l) => [l.level, l.title, l.description, l.indicators]),
    );
  return a.name === b.name && a.definition === b.definition && norm(a.levels) === norm(b.levels);
}

export { tenantToday } from '../tenant/service.js';
import { tenantToday } from '../tenant/service.js';

/** The template combinations: each type with '' and, for functional types, each level. */
export const TEMPLATE_KEYS: { type: PositionType; level: string }[] = POSITION_TYPES.flatMap((type) => [
  { type, level: '' },
  ...(type === 'fungsional_keahlian' || type === 'fungsional_keterampilan'
    ? FUNCTIONAL_LEVELS[type].map((level) => ({ type, level }))
    : []),
]);

export function competencyAdminService(db: Db) {
  async function list(ctx: AuthContext): Promise<Detail[]> {
    const today = await tenantToday(db, ctx.tenantId);
    return (await repo.competencyVersions(db, ctx.tenantId, today)).map(detailOf);
  }

  async function create(ctx: AuthContext, actor: AuditActor, body: CreateCompetencyT): Promise<Detail> {
    return db.transaction(async (tx) => {
      if (await repo.codeTaken(tx, ctx.tenantId, body.code)) {
        throw new AppError('conflict', { what: `kode ${body.code}` }, [
          { field: 'body.code', message: `Kode ${body.code} sudah dipakai.` },
        ]);
      }
      const effectiveFrom = await tenantToday(tx, ctx.tenantId);
      const wording = { name: body.name, definition: body.definition, levels: numbered(body.levels) };
      const id = await repo.insertCompetency(tx, ctx.tenantId, {
        ...wording,
        code: body.code,
        group: body.group,
        effectiveFrom,
      });
      await audit(tx, actor, {
        action: 'create',
        entity: 'competency',
        entityId: id,
        after: { code: body.code, group: body.group, version: 1, ...wording },
      });
      return detailOf((await repo.competencyVersions(tx, ctx.tenantId, null, id))[0]!);
    });
  }

  /** A changed wording becomes a new version; assessments keep the version they were made against. */
  async function edit(ctx: AuthContext, actor: AuditActor, id: string, body: EditCompetencyT) {
    return db.transaction(async (tx) => {
      const newest = await repo.lockNewest(tx, ctx.tenantId, id);
      if (!newest) throw notFound();
      const wording = { name: body.name, definition: body.definition, levels: numbered(body.levels) };
      const today = await tenantToday(tx, ctx.tenantId);
      const effectiveFrom = body.effectiveFrom ?? today;
      if (
        sameWording(wording, newest) &&
        (!body.effectiveFrom || body.effectiveFrom === newest.effective_from)
      ) {
        return { changed: false, competency: detailOf(newest) };
      }
      if (effectiveFrom < newest.effective_from) {
        throw new AppError('validation', {}, [
          {
            field: 'body.effectiveFrom',
            message: `Tanggal berlaku tidak boleh sebelum ${newest.effective_from} (berlakunya versi ${newest.version}).`,
          },
        ]);
      }
      await repo.insertVersion(tx, ctx.tenantId, id, newest.version + 1, { ...wording, effectiveFrom });
      await audit(tx, actor, {
        action: 'update',
        entity: 'competency',
        entityId: id,
        before: {
          version: newest.version,
          name: newest.name,
          definition: newest.definition,
          levels: newest.levels,
        },
        after: { version: newest.version + 1, effectiveFrom, ...wording },
      });
      const [current] = await repo.competencyVersions(tx, ctx.tenantId, null, id);
      return { changed: true, competency: detailOf(current!) };
    });
  }

  async function setActive(ctx: AuthContext, actor: AuditActor, id: string, active: boolean) {
    return db.transaction(async (tx) => {
      const newest = await repo.lockNewest(tx, ctx.tenantId, id);
      if (!newest) throw notFound();
      if (newest.active !== active) {
        await repo.setActive(tx, ctx.tenantId, id, active);
        await audit(tx, actor, {
          action: 'update',
          entity: 'competency',
          entityId: id,
          before: { active: newest.active },
          after: { active },
        });
      }
      return detailOf({ ...newest, active });
    });
  }

  async function versions(ctx: AuthContext, id: string): Promise<z.infer<typeof VersionList>> {
    const rows = await repo.versionHistory(db, ctx.tenantId, id);
    if (rows.length === 0) throw notFound();
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      name: r.name,
      definition: r.definition,
      levels: r.levels,
      effectiveFrom: r.effective_from,
      createdAt: new Date(r.created_at).toISOString(),
      assessments: r.assessments,
    }));
  }

  // ----------------------------------------------------------------------------------- templates

  async function templates(ctx: AuthContext): Promise<z.infer<typeof Template>[]> {
    const today = await tenantToday(db, ctx.tenantId);
    const [stored, counts, competencies] = await Promise.all([
      repo.storedTemplates(db, ctx.tenantId),
      repo.positionCounts(db, ctx.tenantId),
      repo.competencyVersions(db, ctx.tenantId, today),
    ]);
    return TEMPLATE_KEYS.map(({ type, level }) => {
      const own = stored.filter((s) => s.position_type === type && s.position_level === level);
      const positions = counts
        .filter((c) => c.type === type && (level === '' || c.level === level))
        .reduce((n, c) => n + c.n, 0);
      const cells = own.length
        ? own.map((s) => ({ competencyId: s.competency_id, requiredLevel: s.required_level }))
        : competencies
            .filter((c) => c.active && c.group !== 'T')
            .map((c) => ({
              competencyId: c.competency_id,
              requiredLevel: suggestedLevel(type, level || null),
            }));
      return { positionType: type, positionLevel: level, stored: own.length > 0, positions, cells };
    });
  }

  function checkKey(type: string, level: string) {
    if (!TEMPLATE_KEYS.some((k) => k.type === type && k.level === level)) {
      throw new FieldValidationError([{ field: 'body.positionLevel', problem: { code: 'invalid' } }]);
    }
  }

  async function checkCompetencies(tx: Tx, tenantId: string, ids: string[], field: (i: number) => string) {
    const known = await repo.activeCompetencyIds(tx, tenantId, [...new Set(ids)]);
    const bad = ids.flatMap((id, i) => (known.has(id) ? [] : [i]));
    if (bad.length) {
      throw new FieldValidationError(
        bad.slice(0, 20).map((i) => ({ field: field(i), problem: { code: 'invalid' } })),
      );
    }
  }

  async function putTemplate(ctx: AuthContext, actor: AuditActor, body: z.infer<typeof PutTemplate>) {
    checkKey(body.positionType, body.positionLevel);
    const seen = new Map(body.cells.map((c) => [c.competencyId, c.requiredLevel]));
    const cells = [...seen].map(([competencyId, requiredLevel]) => ({ competencyId, requiredLevel }));
    await db.transaction(async (tx) => {
      await checkCompetencies(
        tx,
        ctx.tenantId,
        body.cells.map((c) => c.competencyId),
        (i) => `body.cells.${i}.competencyId`,
      );
      await repo.replaceTemplate(tx, ctx.tenantId, body.positionType, body.positionLevel, cells);
      await audit(tx, actor, {
        action: 'update',
        entity: 'competency_template',
        after: { positionType: body.positionType, positionLevel: body.positionLevel, cells },
      });
    });
    return (await templates(ctx)).find(
      (t) => t.positionType === body.positionType && t.positionLevel === body.positionLevel,
    )!;
  }

  async function applyTemplate(
    ctx: AuthContext,
    actor: AuditActor,
    body: z.infer<typeof ApplyTemplate>,
  ): Promise<z.infer<typeof ApplyResult>> {
    checkKey(body.positionType, body.positionLevel);
    const tpl = (await templates(ctx)).find(
      (t) => t.positionType === body.positionType && t.positionLevel === body.positionLevel,
    )!;
    return db.transaction(async (tx) => {
      const counts = await repo.applyCells(
        tx,
        ctx.tenantId,
        body.positionType,
        body.positionLevel,
        tpl.cells,
        body.mode === 'overwrite',
      );
      const source = tpl.stored ? ('stored' as const) : ('suggested' as const);
      await audit(tx, actor, {
        action: 'update',
        entity: 'position_standards',
        after: { applied: { ...body, source }, ...counts },
      });
      return { ...counts, source };
    });
  }

  // ----------------------------------------------------------------------------------- matrix

  /** Who may see which positions: admin/pimpinan all; operators those held in their OPD. */
  async function holdersScope(ctx: AuthContext, unitId: string | undefined): Promise<SQL | null> {
    const wide = hasRole(ctx, 'admin', 'pimpinan');
    const parts: SQL[] = [];
    if (!wide) {
      if (!hasRole(ctx, 'operator') || ctx.operatorUnitIds.length === 0) throw forbidden();
      parts.push(employeeWriteScope(ctx));
    }
    if (unitId) {
      const unit = await findUnit(db, ctx.tenantId, unitId);
      if (!unit) throw notFound();
      parts.push(sql`s.path like ${unit.path + '%'}`);
    }
    return parts.length ? sql.join(parts, sql` and `) : null;
  }

  async function matrix(ctx: AuthContext, q: MatrixQueryT): Promise<z.infer<typeof Matrix>> {
    const scope = await holdersScope(ctx, q.unitId);
    const today = await tenantToday(db, ctx.tenantId);
    const [rows, competencies] = await Promise.all([
      repo.positionsPage(db, ctx.tenantId, {
        type: q.positionType,
        q: q.q,
        holdersScope: scope,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      }),
      repo.competencyVersions(db, ctx.tenantId, today),
    ]);
    const ids = rows.map((r) => r.id);
    const [held, cells] = await Promise.all([
      repo.holders(db, ctx.tenantId, ids),
      repo.standardsOfPositions(db, ctx.tenantId, ids),
    ]);
    const active = competencies.filter((c) => c.active);
    const activeIds = new Set(active.map((c) => c.competency_id));
    const levels = new Map<string, Record<string, number>>(ids.map((id) => [id, {}]));
    for (const c of cells)
      if (activeIds.has(c.competency_id)) levels.get(c.position_id)![c.competency_id] = c.required_level;
    return {
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
      competencies: active.map((c) => ({ id: c.competency_id, code: c.code, name: c.name, group: c.group })),
      positions: rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        type: r.type,
        level: r.level,
        holders: held.get(r.id) ?? 0,
        levels: levels.get(r.id)!,
      })),
    };
  }

  /** A batch of cell changes, all or nothing. */
  async function saveCells(
    ctx: AuthContext,
    actor: AuditActor,
    body: MatrixChangesT,
  ): Promise<z.infer<typeof MatrixSaved>> {
    return db.transaction(async (tx) => {
      const positions = await repo.knownPositions(tx, ctx.tenantId, [
        ...new Set(body.changes.map((c) => c.positionId)),
      ]);
      const known = await repo.activeCompetencyIds(tx, ctx.tenantId, [
        ...new Set(body.changes.map((c) => c.competencyId)),
      ]);
      const problems = body.changes.flatMap((c, i) => [
        ...(positions.has(c.positionId)
          ? []
          : [{ field: `body.changes.${i}.positionId`, problem: { code: 'invalid' as const } }]),
        ...(known.has(c.competencyId)
          ? []
          : [{ field: `body.changes.${i}.competencyId`, problem: { code: 'invalid' as const } }]),
      ]);
      if (problems.length) throw new FieldValidationError(problems.slice(0, 50));
      const cells = dedupe(body.changes);
      const result = await repo.writeCells(tx, ctx.tenantId, cells);
      const unchanged = cells.length - result.inserted - result.updated - result.removed;
      await audit(tx, actor, {
        action: 'update',
        entity: 'position_standards',
        after: { changes: cells.length > 200 ? cells.length : cells, ...result },
      });
      return { ...result, unchanged };
    });
  }

  return {
    list,
    create,
    edit,
    setActive,
    versions,
    templates,
    putTemplate,
    applyTemplate,
    matrix,
    saveCells,
    holdersScope,
  };
}
export type CompetencyAdminService = ReturnType<typeof competencyAdminService>;

/** The last change of each (position, competency) pair wins. */
export function dedupe(cells: repo.Cell[]): repo.Cell[] {
  const m = new Map<string, repo.Cell>();
  for (const c of cells) m.set(`${c.positionId}:${c.competencyId}`, c);
  return [...m.values()];
}
