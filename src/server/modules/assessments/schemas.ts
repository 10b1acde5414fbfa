import { z } from 'zod';
import { ASSESSMENT_SOURCES } from '../../../domain/competency/reconcile.js';
import { CAMPAIGN_SOURCES } from '../../../domain/competency/campaign.js';
import { RowErrorSchema } from '../imports/schemas.js';

const Level = z.number().int().min(1).max(5);
const note = z.string().trim().max(1000).optional();

export const AssessmentSubmit = z.object({
  source: z.enum(ASSESSMENT_SOURCES),
  /** yyyy-mm-dd; today (tenant time) when left out; never in the future. */
  assessedOn: z.iso.date().optional(),
  evidenceFileId: z.uuid().nullable().optional(),
  campaignId: z.uuid().nullable().optional(),
  items: z
    .array(z.object({ competencyId: z.uuid(), level: Level, note: note.nullable() }))
    .min(1)
    .max(50),
});
export type AssessmentSubmitT = z.infer<typeof AssessmentSubmit>;

export const AssessmentSaved = z.object({ saved: z.number().int(), assessedOn: z.string() });

export const AssessmentHistoryItem = z.object({
  id: z.uuid(),
  competencyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
  source: z.enum(ASSESSMENT_SOURCES),
  level: Level,
  assessedOn: z.string(),
  assessorName: z.string().nullable(),
  note: z.string().nullable(),
  evidenceFileId: z.uuid().nullable(),
  evidenceFileName: z.string().nullable(),
  campaignId: z.uuid().nullable(),
});
export const AssessmentHistory = z.array(AssessmentHistoryItem);
export type AssessmentHistoryItemT = z.infer<typeof AssessmentHistoryItem>;

export const FileSaved = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});

export const CampaignCreate = z.object({
  name: z.string().trim().min(3).max(200),
  unitId: z.uuid(),
  sources: z.array(z.enum(CAMPAIGN_SOURCES)).min(1).max(3),
  startsOn: z.iso.date(),
  dueOn: z.iso.date(),
  peersPerEmployee: z.number().int().min(1).max(5).optional(),
});

export type CampaignCreateT = z.infer<typeof CampaignCreate>;

const ProgressSchema = z.object({
  assigned: z.number().int(),
  done: z.number().int(),
  share: z.number().min(0).max(1),
});

export const CampaignSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  sources: z.array(z.enum(CAMPAIGN_SOURCES)),
  startsOn: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'closed']),
  overdue: z.boolean(),
  progress: ProgressSchema,
});
export type CampaignSummaryT = z.infer<typeof CampaignSummary>;
export const CampaignList = z.array(CampaignSummary);

export const CampaignDetail = CampaignSummary.extend({
  bySource: z.array(ProgressSchema.extend({ source: z.enum(CAMPAIGN_SOURCES) })),
  units: z.array(
    ProgressSchema.extend({ unitId: z.uuid(), code: z.string(), name: z.string(), overdue: z.boolean() }),
  ),
});
export type CampaignDetailT = z.infer<typeof CampaignDetail>;

export const RemindResult = z.object({ notified: z.number().int(), skipped: z.number().int() });

export const AssessmentTask = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  source: z.enum(CAMPAIGN_SOURCES),
  nip: z.string(),
  name: z.string(),
  positionName: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
});
export const AssessmentTasks = z.object({
  pending: z.array(AssessmentTask),
  done: z.array(AssessmentTask),
});
export type AssessmentTaskT = z.infer<typeof AssessmentTask>;

const bool = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
export const AcImportQuery = z.object({ dryRun: bool, lang: z.enum(['id', 'en']).optional() });

export const AcImportResult = z.object({
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(RowErrorSchema),
  errorCount: z.number().int(),
  preview: z.array(
    z.object({
      row: z.number().int(),
      nip: z.string().optional(),
      kode_kompetensi: z.string().optional(),
      level: z.string().optional(),
      tanggal: z.string().optional(),
      catatan: z.string().optional(),
    }),
  ),
});

export const FileQuery = z.object({
  purpose: z.enum(['evidence', 'external_certificate']),
  /** The assessed employee the evidence belongs to: by NIP or by id. */
  nip: z.string().min(1).max(40).optional(),
  employeeId: z.uuid().optional(),
});
export const FileParams = z.object({ id: z.uuid() });
