import { z } from 'zod';
import { IMPORT_KINDS, SPECS } from './columns.js';

const allColumns = [...new Set(Object.values(SPECS).flatMap((s) => s.columns))];

/** A parsed row as read from the file (the preview): the row number and the known columns. */
export const PreviewRow = z.object({
  row: z.number().int(),
  ...Object.fromEntries(allColumns.map((c) => [c, z.string().optional()])),
});

export const RowErrorSchema = z.object({
  row: z.number().int().optional(),
  column: z.string().optional(),
  message: z.string(),
});

export const ImportResultSchema = z.object({
  jobId: z.uuid(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(RowErrorSchema),
  errorCount: z.number().int(),
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  preview: z.array(PreviewRow),
});

export const JobStarted = z.object({ jobId: z.uuid() });

const bool = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const ImportQuery = z.object({
  dryRun: bool,
  async: bool,
  lang: z.enum(['id', 'en']).optional(),
});

export const TemplateParams = z.object({
  kind: z.enum(IMPORT_KINDS),
  format: z.enum(['csv', 'xlsx']),
});

export const JobParams = z.object({ id: z.uuid() });

/** The stored result: the import result, or the problem that stopped it. */
export const JobResult = z.object({
  code: z.string().optional(),
  title: z.string().optional(),
  created: z.number().int().optional(),
  updated: z.number().int().optional(),
  unchanged: z.number().int().optional(),
  errors: z.array(RowErrorSchema).optional(),
  errorCount: z.number().int().optional(),
  dryRun: z.boolean().optional(),
  totalRows: z.number().int().optional(),
  preview: z.array(PreviewRow).optional(),
});

export const Job = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  dryRun: z.boolean(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  phase: z.enum(['reading', 'checking', 'writing', 'done']),
  processedRows: z.number().int(),
  totalRows: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  result: JobResult.nullable(),
});
export type JobDto = z.infer<typeof Job>;
export const JobList = z.array(Job);
