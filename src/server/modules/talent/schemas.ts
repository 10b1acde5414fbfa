import { z } from 'zod';
import { NipParams } from '../employees/schemas.js';
import { RowErrorSchema } from '../imports/schemas.js';

export const PREDIKAT = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export const Year = z.coerce.number().int().min(2000).max(2100);

export const PerformanceParams = NipParams.extend({ year: Year });
export const PerformanceBody = z.object({
  /** SKP score, 0–200. */
  score: z.number().min(0).max(200),
  predikat: z.enum(PREDIKAT).nullable().optional(),
});
export const PerformanceRating = z.object({
  year: z.number().int(),
  score: z.number(),
  predikat: z.enum(PREDIKAT).nullable(),
});
export const PerformanceList = z.array(PerformanceRating);

const Pair = (max: number) =>
  z
    .tuple([z.number().min(0).max(max), z.number().min(0).max(max)])
    .refine(([lo, hi]) => lo < hi, { message: 'Batas bawah harus lebih kecil dari batas atas' });
export const NineBoxCutoffsSchema = z.object({
  /** [lower bound of "sesuai", lower bound of "di atas"] on the SKP score. */
  performance: Pair(200),
  /** [lower bound of "menengah", lower bound of "tinggi"] on JPM. */
  potential: Pair(100),
});

export const BOX_SELECTIONS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'incomplete'] as const;
export const NineBoxQuery = z.object({
  unitId: z.uuid().optional(),
  year: Year.optional(),
  /** A box (1–9) or `incomplete`: its people, paged. */
  box: z.enum(BOX_SELECTIONS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const REASONS = ['noStandard', 'notAssessed', 'noPerformance'] as const;
const Person = z.object({
  nip: z.string(),
  name: z.string(),
  positionName: z.string().nullable(),
  unitName: z.string(),
  /** JPM against the own position, 0–100. */
  potential: z.number().nullable(),
  /** SKP score of the year. */
  performance: z.number().nullable(),
  box: z.number().int().min(1).max(9).nullable(),
  /** Why the person cannot be placed (only for `incomplete`). */
  reasons: z.array(z.enum(REASONS)),
});

export const NineBox = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  cutoffs: NineBoxCutoffsSchema,
  /** Active employees of the unit's subtree. */
  employees: z.number().int(),
  /** Employees with both a potential and a performance value (the sum of the boxes). */
  placed: z.number().int(),
  boxes: z.array(z.object({ box: z.number().int(), count: z.number().int(), succession: z.boolean() })),
  incomplete: z.object({
    count: z.number().int(),
    byReason: z.record(z.enum(REASONS), z.number().int()),
  }),
  /** With `box`: that box's people, paged (50 a page, lowest potential first reversed: best first). */
  selection: z
    .object({
      box: z.enum(BOX_SELECTIONS),
      page: z.number().int(),
      pageSize: z.number().int(),
      total: z.number().int(),
      people: z.array(Person),
    })
    .nullable(),
});
export type NineBoxT = z.infer<typeof NineBox>;

const bool = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
export const PerformanceImportQuery = z.object({ dryRun: bool, lang: z.enum(['id', 'en']).optional() });

export const PerformanceImportResult = z.object({
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  /** Scores new for that employee and year. */
  created: z.number().int(),
  /** Scores that replace a different stored score or predikat. */
  updated: z.number().int(),
  /** Rows equal to what is stored (not written). */
  unchanged: z.number().int(),
  errors: z.array(RowErrorSchema),
  errorCount: z.number().int(),
  preview: z.array(
    z.object({
      row: z.number().int(),
      nip: z.string().optional(),
      nama: z.string().optional(),
      tahun: z.string().optional(),
      nilai_skp: z.string().optional(),
      predikat: z.string().optional(),
    }),
  ),
});
