import { z } from 'zod';

const year = z.coerce.number().int().min(2000).max(2100);

export const YearQuery = z.object({ year: year.optional() });

export const LearningRecordDto = z.object({
  id: z.uuid(),
  title: z.string(),
  form: z.string(),
  scope: z.enum(['nasional', 'internasional']),
  source: z.enum(['program', 'external', 'import']),
  startsOn: z.string(),
  endsOn: z.string(),
  jp: z.number(),
  jpBasis: z.string(),
});

export const LearningRecords = z.object({
  nip: z.string(),
  name: z.string(),
  year: z.number().int(),
  targetJp: z.number(),
  totalJp: z.number(),
  remainingJp: z.number(),
  compliant: z.boolean(),
  records: z.array(LearningRecordDto),
});
export type LearningRecordsT = z.infer<typeof LearningRecords>;

export const ComplianceQuery = z.object({ year: year.optional(), unitId: z.uuid().optional() });

const ComplianceFigures = z.object({
  employees: z.number().int(),
  compliant: z.number().int(),
  /** compliant / employees, 0–1 (0 when the unit has no employees). */
  share: z.number(),
  averageJp: z.number(),
});

export const ComplianceUnit = ComplianceFigures.extend({
  unitId: z.uuid(),
  code: z.string(),
  name: z.string(),
  hasChildren: z.boolean(),
});

export const ComplianceReport = z.object({
  year: z.number().int(),
  targetJp: z.number(),
  unit: z.object({
    id: z.uuid(),
    name: z.string(),
    /** The unit above, when the caller may open it. */
    parent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  }),
  total: ComplianceFigures,
  units: z.array(ComplianceUnit),
});
export type ComplianceReportT = z.infer<typeof ComplianceReport>;

export const CompliancePeopleQuery = z.object({
  year: year.optional(),
  unitId: z.uuid().optional(),
  /** `behind`: only those under the target (default); `all`: everyone. */
  show: z.enum(['behind', 'all']).default('behind'),
  page: z.coerce.number().int().min(1).default(1),
});
export const CompliancePeopleExportQuery = CompliancePeopleQuery.omit({ page: true });

export const CompliancePerson = z.object({
  nip: z.string(),
  name: z.string(),
  unitName: z.string(),
  positionName: z.string().nullable(),
  totalJp: z.number(),
  remainingJp: z.number(),
  records: z.number().int(),
});

export const CompliancePeople = z.object({
  year: z.number().int(),
  targetJp: z.number(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(CompliancePerson),
});
export type CompliancePeopleT = z.infer<typeof CompliancePeople>;

export const UpcomingSession = z.object({
  sessionId: z.uuid(),
  programId: z.uuid(),
  programTitle: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string().nullable(),
  onlineUrl: z.string().nullable(),
});

export const MyCertificate = z.object({
  id: z.uuid(),
  kind: z.enum(['asah', 'external']),
  title: z.string(),
  number: z.string().nullable(),
  verificationCode: z.string().nullable(),
  issuedOn: z.string(),
  jp: z.number().nullable(),
  status: z.enum(['valid', 'revoked', 'submitted', 'verified', 'rejected']),
});

export const MyLearning = z.object({
  summary: LearningRecords,
  /** JP per year for the last years, oldest first, for the trend chart. */
  history: z.array(z.object({ year: z.number().int(), totalJp: z.number() })),
  upcoming: z.array(UpcomingSession),
  certificates: z.array(MyCertificate),
});
export type MyLearningT = z.infer<typeof MyLearning>;
