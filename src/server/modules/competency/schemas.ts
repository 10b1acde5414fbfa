import { z } from 'zod';
import { ASSESSMENT_SOURCES } from '../../../domain/competency/reconcile.js';

export const CompetencyGroupSchema = z.enum(['M', 'SK', 'T']);
export const Level = z.number().int().min(1).max(5);

export const CompetencyLevelDto = z.object({
  level: Level,
  title: z.string(),
  description: z.string(),
  indicators: z.array(z.string()),
});

export const CompetencyDto = z.object({
  id: z.uuid(),
  code: z.string(),
  group: CompetencyGroupSchema,
  name: z.string(),
  definition: z.string(),
  version: z.number().int(),
  levels: z.array(CompetencyLevelDto),
});
export type CompetencyDtoT = z.infer<typeof CompetencyDto>;
export const CompetencyList = z.array(CompetencyDto);

export const SourceSchema = z.enum(ASSESSMENT_SOURCES);

export const ProfileItem = z.object({
  competencyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  group: CompetencyGroupSchema,
  /** Level the position requires; null when the position sets none for this competency. */
  required: Level.nullable(),
  /** Reconciled current level; null when no assessment counts. */
  current: Level.nullable(),
  source: SourceSchema.nullable(),
  assessedOn: z.string().nullable(),
  /** required − current when short (the whole requirement when unassessed); null when not required. */
  gap: z.number().int().nullable(),
  needsReview: z.boolean(),
  bySource: z.partialRecord(SourceSchema, Level),
});

export const CompetencyProfile = z.object({
  nip: z.string(),
  positionId: z.uuid().nullable(),
  positionName: z.string().nullable(),
  /** Job-Person Match in percent (0–100); null when the position requires nothing. */
  jpm: z.number().nullable(),
  items: z.array(ProfileItem),
});
export type CompetencyProfileT = z.infer<typeof CompetencyProfile>;

export const HeatmapQuery = z.object({ unitId: z.uuid().optional() });

export const Heatmap = z.object({
  unitId: z.uuid(),
  units: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), employees: z.number().int() })),
  competencies: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  cells: z.array(
    z.object({
      unitId: z.uuid(),
      competencyId: z.uuid(),
      /** Active employees of the subtree whose position requires the competency. */
      required: z.number().int(),
      /** Of those, the ones whose current level is below the requirement or unassessed. */
      below: z.number().int(),
      /** below / required, 0–1. */
      share: z.number().min(0).max(1),
    }),
  ),
});
export type HeatmapT = z.infer<typeof Heatmap>;

/** Tenant setting `competency.reconcileRule`; missing fields fall back to the default rule. */
export const ReconcileRuleSetting = z.object({
  order: z.array(SourceSchema).min(1).optional(),
  maxAgeMonths: z.number().int().min(1).nullable().optional(),
  disagreementThreshold: z.number().int().min(0).optional(),
});
