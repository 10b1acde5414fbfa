/**
 * Demo competency data: the dictionary (version 1), position standards from the class defaults, and
 * deterministic assessments (self, atasan, assessment centre) around each position's requirement.
 */

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { suggestedLevel } from '../../domain/competency/class-defaults.js';
import { COMPETENCY_DICTIONARY } from '../../domain/competency/dictionary.js';
import { Rng, type DemoData } from '../../domain/demo/index.js';
import { sqlArray, type Tx } from '../db/client.js';

const ASSESSMENT_SEED = 38_2017;
const CHUNK = 50_000;
const DICTIONARY_FROM = '2024-01-01';
const DISDUKCAPIL = 'DISDUKCAPIL';

export interface CompetencySeedResult {
  competencies: number;
  standards: number;
  assessments: number;
}

const clamp = (n: number) => Math.min(5, Math.max(1, n));
const DAY0 = Date.UTC(2025, 0, 1);
const DAYS = Math.round((Date.UTC(2026, 9, 31) - DAY0) / 86_400_000);
const dayOf = (rng: Rng) => new Date(DAY0 + rng.int(0, DAYS) * 86_400_000).toISOString().slice(0, 10);

export async function seedCompetency(
  tx: Tx,
  tenantId: string,
  data: DemoData,
  positionIds: Map<string, string>,
  employeeIds: string[],
): Promise<CompetencySeedResult> {
  const ids = new Map(COMPETENCY_DICTIONARY.map((c) => [c.code, randomUUID()]));
  const versionIds = new Map(COMPETENCY_DICTIONARY.map((c) => [c.code, randomUUID()]));
  await tx.execute(sql`
    insert into competencies (tenant_id, id, code, "group")
    select ${tenantId}::uuid, * from unnest(${sqlArray([...ids.values()])}::uuid[],
      ${sqlArray([...ids.keys()])}::text[], ${sqlArray(COMPETENCY_DICTIONARY.map((c) => c.group))}::text[])`);
  await tx.execute(sql`
    insert into competency_versions (tenant_id, id, competency_id, version, name, definition, levels, effective_from)
    select ${tenantId}::uuid, v.id, v.competency_id, 1, v.name, v.definition, v.levels, ${DICTIONARY_FROM}::date
    from unnest(${sqlArray([...versionIds.values()])}::uuid[], ${sqlArray([...ids.values()])}::uuid[],
      ${sqlArray(COMPETENCY_DICTIONARY.map((c) => c.name))}::text[],
      ${sqlArray(COMPETENCY_DICTIONARY.map((c) => c.definition))}::text[],
      ${sqlArray(COMPETENCY_DICTIONARY.map((c) => JSON.stringify(c.levels)))}::jsonb[])
      as v(id, competency_id, name, definition, levels)`);

  // Position standards: the class default for all M/SK and T.2; T.1 for positions held only in Disdukcapil.
  const opdOf = new Map(data.units.map((u) => [u.code, u.opdCode]));
  const holders = new Map<string, Set<string>>();
  for (const e of data.employees) {
    const set = holders.get(e.positionCode) ?? new Set<string>();
    set.add(opdOf.get(e.unitCode) ?? '');
    holders.set(e.positionCode, set);
  }
  const requiredOf = new Map(data.positions.map((p) => [p.code, suggestedLevel(p.type, p.level)]));
  const std = { position: [] as string[], competency: [] as string[], level: [] as number[] };
  for (const p of data.positions) {
    const opds = holders.get(p.code);
    const disdukcapil = !!opds && opds.size === 1 && opds.has(DISDUKCAPIL);
    for (const c of COMPETENCY_DICTIONARY) {
      if (c.group === 'T' && !(c.code === 'T.2' || (c.code === 'T.1' && disdukcapil))) continue;
      std.position.push(positionIds.get(p.code)!);
      std.competency.push(ids.get(c.code)!);
      std.level.push(requiredOf.get(p.code)!);
    }
  }
  await tx.execute(sql`
    insert into position_standards (tenant_id, position_id, competency_id, required_level)
    select ${tenantId}::uuid, * from unnest(${sqlArray(std.position)}::uuid[],
      ${sqlArray(std.competency)}::uuid[], ${sqlArray(std.level)}::int[])`);

  // Assessments: a "true" level near the requirement; self tends higher, atasan close, AC slightly lower.
  const rng = new Rng(ASSESSMENT_SEED);
  const managerial = COMPETENCY_DICTIONARY.filter((c) => c.group !== 'T');
  let rows = newRows();
  let total = 0;
  const flush = async () => {
    if (rows.employee.length === 0) return;
    await tx.execute(sql`
      insert into assessments (tenant_id, employee_id, competency_id, competency_version_id, source, level,
        assessed_on, assessor_employee_id, evidence_note)
      select ${tenantId}::uuid, *, null from unnest(${sqlArray(rows.employee)}::uuid[],
        ${sqlArray(rows.competency)}::uuid[], ${sqlArray(rows.version)}::uuid[], ${sqlArray(rows.source)}::text[],
        ${sqlArray(rows.level)}::int[], ${sqlArray(rows.on)}::date[], ${sqlArray(rows.assessor)}::uuid[])`);
    total += rows.employee.length;
    rows = newRows();
  };
  for (const e of data.employees) {
    const required = requiredOf.get(e.positionCode) ?? 1;
    const self = rng.chance(0.6) ? dayOf(rng) : null;
    const atasan = e.supervisorIndex !== null && rng.chance(0.5) ? dayOf(rng) : null;
    const centre = e.isHead && rng.chance(0.3) ? dayOf(rng) : null;
    for (const c of managerial) {
      const real = clamp(
        required +
          rng.weighted([
            [-2, 0.05],
            [-1, 0.3],
            [0, 0.45],
            [1, 0.2],
          ] as const),
      );
      const add = (source: string, on: string | null, shift: number, assessor: string | null) => {
        if (!on) return;
        rows.employee.push(employeeIds[e.index]!);
        rows.competency.push(ids.get(c.code)!);
        rows.version.push(versionIds.get(c.code)!);
        rows.source.push(source);
        rows.level.push(clamp(real + shift));
        rows.on.push(on);
        rows.assessor.push(assessor);
      };
      const selfShift = rng.weighted([
        [0, 0.4],
        [1, 0.45],
        [2, 0.15],
      ] as const);
      const atasanShift = rng.weighted([
        [-1, 0.2],
        [0, 0.6],
        [1, 0.2],
      ] as const);
      add('self', self, selfShift, null);
      add('atasan', atasan, atasanShift, e.supervisorIndex === null ? null : employeeIds[e.supervisorIndex]!);
      add('assessment_center', centre, rng.chance(0.3) ? -1 : 0, null);
    }
    if (rows.employee.length >= CHUNK) await flush();
  }
  await flush();
  return { competencies: ids.size, standards: std.position.length, assessments: total };
}

function newRows() {
  return {
    employee: [] as string[],
    competency: [] as string[],
    version: [] as string[],
    source: [] as string[],
    level: [] as number[],
    on: [] as string[],
    assessor: [] as (string | null)[],
  };
}
