import { z } from 'zod';
import { JPM_FORMULAS } from '../../../domain/competency/gaps.js';
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

export const ProfileQuery = z.object({
  /** Compare the person with another position as well (the `target` block). */
  targetPositionId: z.uuid().optional(),
});

export const TargetProfile = z.object({
  positionId: z.uuid(),
  positionName: z.string(),
  /** JPM against the target position's standard; null when it requires nothing. */
  jpm: z.number().nullable(),
  items: z.array(
    z.object({
      competencyId: z.uuid(),
      code: z.string(),
      name: z.string(),
      required: Level,
      current: Level.nullable(),
      gap: z.number().int(),
    }),
  ),
});

export const CompetencyProfile = z.object({
  nip: z.string(),
  positionId: z.uuid().nullable(),
  positionName: z.string().nullable(),
  /** Job-Person Match in percent (0–100); null when the position requires nothing. */
  jpm: z.number().nullable(),
  /** How `jpm` (and the target's) was computed: the tenant's setting competency.jpmFormula. */
  jpmFormula: z.enum(JPM_FORMULAS),
  items: z.array(ProfileItem),
  /** Only with `?targetPositionId=`. */
  target: TargetProfile.optional(),
});
export type CompetencyProfileT = z.infer<typeof CompetencyProfile>;

export const HeatmapQuery = z.object({ unitId: z.uuid().optional() });

export const Heatmap = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  units: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), employees: z.number().int() })),
  competencies: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  cells: z.array(
    z.object({
      unitId: z.uuid(),
      competencyId: z.uuid(),
      /** Active employees of the subtree whose position requires the competency. */
      required: z.number().int(),
      /** Of those, the assessed ones whose current level is below the requirement. */
      below: z.number().int(),
      /** Of those, the ones not assessed yet: shown apart, never counted as below. */
      notAssessed: z.number().int(),
      /** below / (required − notAssessed): the share below standard among the assessed, 0–1. */
      share: z.number().min(0).max(1),
    }),
  ),
});
export type HeatmapT = z.infer<typeof Heatmap>;

export const GapPeopleQuery = z.object({
  unitId: z.uuid(),
  competencyId: z.uuid(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export const GapPeopleExportQuery = GapPeopleQuery.omit({ page: true });
export const HeatmapExportQuery = HeatmapQuery;

export const GapPeople = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  competency: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  /** Employees of the subtree whose position requires the competency (the heatmap cell's `required`). */
  total: z.number().int(),
  /** Of those, assessed and below the requirement (the cell's `below`). */
  below: z.number().int(),
  /** Of those, not assessed yet (the cell's `notAssessed`). */
  notAssessed: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Widest gap first. */
  items: z.array(
    z.object({
      nip: z.string(),
      name: z.string(),
      positionName: z.string().nullable(),
      unitName: z.string(),
      required: Level,
      current: Level.nullable(),
      source: SourceSchema.nullable(),
      gap: z.number().int(),
    }),
  ),
});
export type GapPeopleT = z.infer<typeof GapPeople>;

/** Tenant setting `competency.reconcileRule`; missing fields fall back to the default rule. */
export const ReconcileRuleSetting = z.object({
  order: z.array(SourceSchema).min(1).optional(),
  maxAgeMonths: z.number().int().min(1).nullable().optional(),
  disagreementThreshold: z.number().int().min(0).optional(),
});
