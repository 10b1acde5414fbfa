import { z } from 'zod';
import { POSITION_TYPES } from '../../../domain/org.js';
import { RowErrorSchema } from '../imports/schemas.js';
import { CompetencyDto, CompetencyGroupSchema, Level } from '../competency/schemas.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One of the five levels as a form sends it; its number is its place in the list. */
export const LevelInput = z.object({
  title: text(300),
  description: text(2000),
  /** Blank lines are dropped, so a form may send empty indicator fields. */
  indicators: z
    .array(z.string().trim().max(500))
    .max(20)
    .default([])
    .transform((list) => list.filter((s) => s !== '')),
});

/** Codes such as M.1, SK.1, T.12, TEK-ADM.3: no group names and no Moodle level suffix. */
export const CompetencyCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
  .refine((c) => !['M', 'SK', 'T'].includes(c.toUpperCase()) && !/-L\d+$/i.test(c), {
    message: 'reserved',
  });

const Wording = {
  name: text(200),
  definition: text(4000),
  levels: z.array(LevelInput).length(5),
};

export const CreateCompetency = z.object({
  code: CompetencyCode,
  group: CompetencyGroupSchema,
  ...Wording,
});
export type CreateCompetencyT = z.infer<typeof CreateCompetency>;

export const EditCompetency = z.object({
  ...Wording,
  /** When the new wording takes effect (yyyy-mm-dd); today in the tenant's time zone when left out. */
  effectiveFrom: isoDate.optional(),
});
export type EditCompetencyT = z.infer<typeof EditCompetency>;

export const ActiveBody = z.object({ active: z.boolean() });
export const IdParams = z.object({ id: z.uuid() });

export const CompetencyDetail = CompetencyDto.extend({
  active: z.boolean(),
  effectiveFrom: z.string(),
});

export const EditResult = z.object({
  /** False when the wording was the same as the newest version: no version was made. */
  changed: z.boolean(),
  competency: CompetencyDetail,
});

export const VersionList = z.array(
  z.object({
    id: z.uuid(),
    version: z.number().int(),
    name: z.string(),
    definition: z.string(),
    levels: CompetencyDto.shape.levels,
    effectiveFrom: z.string(),
    createdAt: z.string(),
    /** Assessments made against this version. */
    assessments: z.number().int(),
  }),
);

export const AdminCompetencyList = z.array(CompetencyDetail);

// ------------------------------------------------------------------------------------- templates

export const PositionTypeSchema = z.enum(POSITION_TYPES);

export const TemplateCell = z.object({ competencyId: z.uuid(), requiredLevel: Level });

export const Template = z.object({
  positionType: PositionTypeSchema,
  /** '' = every functional level of the type. */
  positionLevel: z.string(),
  /** False: no template is stored; the cells are the class defaults, offered as a suggestion. */
  stored: z.boolean(),
  /** Active positions the template applies to. */
  positions: z.number().int(),
  cells: z.array(TemplateCell),
});
export const TemplateList = z.array(Template);

export const PutTemplate = z.object({
  positionType: PositionTypeSchema,
  positionLevel: z.string().trim().max(40).default(''),
  cells: z.array(TemplateCell).max(500),
});

export const ApplyTemplate = z.object({
  positionType: PositionTypeSchema,
  positionLevel: z.string().trim().max(40).default(''),
  mode: z.enum(['fill_missing', 'overwrite']),
});

export const ApplyResult = z.object({
  positions: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Whether the stored template or the class defaults were applied. */
  source: z.enum(['stored', 'suggested']),
});

// ------------------------------------------------------------------------------------- matrix

export const MatrixQuery = z.object({
  unitId: z.uuid().optional(),
  positionType: PositionTypeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MatrixQueryT = z.infer<typeof MatrixQuery>;

export const Matrix = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  competencies: z.array(
    z.object({ id: z.uuid(), code: z.string(), name: z.string(), group: CompetencyGroupSchema }),
  ),
  positions: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      type: z.string(),
      level: z.string().nullable(),
      /** Active employees holding the position. */
      holders: z.number().int(),
      /** competencyId → required level. */
      levels: z.record(z.string(), Level),
    }),
  ),
});

export const MatrixChanges = z.object({
  changes: z
    .array(z.object({ positionId: z.uuid(), competencyId: z.uuid(), requiredLevel: Level.nullable() }))
    .min(1)
    .max(10_000),
});
export type MatrixChangesT = z.infer<typeof MatrixChanges>;

export const MatrixSaved = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
});

// ------------------------------------------------------------------------------------- files

const bool = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
export const UploadQuery = z.object({ dryRun: bool });

export const StandardsImportResult = MatrixSaved.extend({
  dryRun: z.boolean(),
  rows: z.number().int(),
  errors: z.array(RowErrorSchema),
});

export const MoodleImportResult = z.object({
  dryRun: z.boolean(),
  created: z.array(z.string()),
  newVersions: z.array(z.string()),
  unchanged: z.array(z.string()),
  /** What Asah's dictionary cannot hold (relations, rules, scales per competency). */
  dropped: z.array(z.string()),
  errors: z.array(RowErrorSchema),
});
export type MoodleImportResultT = z.infer<typeof MoodleImportResult>;
