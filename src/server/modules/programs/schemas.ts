import { z } from 'zod';
import { FORM_CODES, LEARNING_PATHS } from '../../../domain/learning/forms.js';
import { POSITION_TYPES } from '../../../domain/org.js';
import { PageQuery } from '../../http/pagination.js';

export const PROGRAM_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const;
export const PROGRAM_SCOPES = ['nasional', 'internasional'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** A date-time as a form sends it: local time of the tenant ("2026-03-02T09:00") or with an offset. */
export const LocalDateTime = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(v), {
    params: {
      id: 'Tulis tanggal dan jam, mis. 2026-03-02T09:00.',
      en: 'Write a date and time, e.g. 2026-03-02T09:00.',
    },
  });

export const ProgramListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  form: z.enum(FORM_CODES).optional(),
  path: z.enum(LEARNING_PATHS).optional(),
  scope: z.enum(PROGRAM_SCOPES).optional(),
  partnerId: z.uuid().optional(),
  organiserUnitId: z.uuid().optional(),
  status: z.enum(PROGRAM_STATUSES).optional(),
  competencyId: z.uuid().optional(),
  /** Programmes with a session in this month (yyyy-mm, tenant time zone). */
  month: month.optional(),
  /** Programmes with a session on or after / on or before these dates (yyyy-mm-dd). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: z.enum(['start', 'title', 'code']).default('start'),
});
export type ProgramListQueryT = z.infer<typeof ProgramListQuery>;

export const ProgramItem = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  form: z.enum(FORM_CODES),
  path: z.enum(LEARNING_PATHS),
  scope: z.enum(PROGRAM_SCOPES),
  partnerId: z.uuid().nullable(),
  partnerName: z.string().nullable(),
  /** The partner's name, or the provider written as text. */
  providerName: z.string(),
  organiserUnitId: z.uuid().nullable(),
  organiserUnitName: z.string().nullable(),
  city: z.string(),
  jp: z.number(),
  status: z.enum(PROGRAM_STATUSES),
  capacity: z.number().int(),
  costTotal: z.number(),
  sessionCount: z.number().int(),
  firstSessionAt: z.string().nullable(),
  lastSessionAt: z.string().nullable(),
});
export type ProgramItemT = z.infer<typeof ProgramItem>;
export const ProgramList = z.object({ items: z.array(ProgramItem), total: z.number().int() });

export const Session = z.object({
  id: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The same times in the tenant's time zone, as a form shows them ("2026-03-02T09:00"). */
  startsLocal: z.string(),
  endsLocal: z.string(),
  venue: z.string().nullable(),
  onlineUrl: z.string().nullable(),
});
export type SessionT = z.infer<typeof Session>;

export const ProgramCompetency = z.object({
  competencyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  expectedGain: z.number().int(),
});

export const ProgramDetail = ProgramItem.extend({
  description: z.string(),
  scheduledJp: z.number().nullable(),
  jpBasis: z.string(),
  jpRuleSet: z.object({ id: z.uuid(), code: z.string(), regulation: z.string() }).nullable(),
  cost: z.object({ fee: z.number(), travel: z.number(), lodging: z.number(), total: z.number() }),
  /** Outside the instansi's own city: travel and lodging are expected. */
  travelExpected: z.boolean(),
  eligiblePositionTypes: z.array(z.string()),
  eligibleGolongan: z.array(z.string()),
  minAttendancePct: z.number().int(),
  postTestPassMark: z.number().nullable(),
  competencies: z.array(ProgramCompetency),
  sessions: z.array(Session),
  canEdit: z.boolean(),
});
export type ProgramDetailT = z.infer<typeof ProgramDetail>;

export const SessionInput = z
  .object({
    title: z.string().trim().max(200).default(''),
    startsAt: LocalDateTime,
    endsAt: LocalDateTime,
    venue: optionalText(300),
    onlineUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable()
      .optional()
      .or(z.literal('').transform(() => null)),
  })
  .refine((s) => !!(s.venue || s.onlineUrl), {
    params: { id: 'Isi tempat atau tautan daring.', en: 'Give a venue or an online link.' },
    path: ['venue'],
  });
export type SessionInputT = z.infer<typeof SessionInput>;

const Competencies = z
  .array(z.object({ competencyId: z.uuid(), expectedGain: z.number().int().min(1).max(4).default(1) }))
  .max(20);

const ProgramFields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .refine((v) => /^[A-Za-z0-9._/-]+$/.test(v), {
      params: {
        id: 'Kode hanya boleh huruf, angka, titik, garis miring dan tanda hubung.',
        en: 'The code may hold letters, digits, dot, slash and dash only.',
      },
    }),
  title: text(300),
  description: z.string().trim().max(8000).default(''),
  form: z.enum(FORM_CODES),
  scope: z.enum(PROGRAM_SCOPES).default('nasional'),
  partnerId: z.uuid().nullable().optional(),
  providerName: z.string().trim().max(200).default(''),
  organiserUnitId: z.uuid().nullable().optional(),
  /** JP planned by the organiser, for the forms counted "as scheduled". */
  scheduledJp: z.number().min(0).max(2000).nullable().optional(),
  costFee: z.number().int().min(0).max(10_000_000_000).default(0),
  costTravel: z.number().int().min(0).max(10_000_000_000).default(0),
  costLodging: z.number().int().min(0).max(10_000_000_000).default(0),
  capacity: z.number().int().min(1).max(10000),
  eligiblePositionTypes: z.array(z.enum(POSITION_TYPES)).max(20).default([]),
  eligibleGolongan: z.array(z.string().trim().min(1).max(10)).max(40).default([]),
  /** Where it is held (default: the instansi's own city, see the setting homeCity). */
  city: z.string().trim().min(1).max(100).optional(),
  minAttendancePct: z.number().int().min(0).max(100).default(80),
  postTestPassMark: z.number().min(0).max(100).nullable().optional(),
  competencies: Competencies.default([]),
};

export const ProgramInput = z.object({
  ...ProgramFields,
  sessions: z.array(SessionInput).max(100).default([]),
});
export type ProgramInputT = z.infer<typeof ProgramInput>;

export const ProgramPatch = z.object({
  code: ProgramFields.code.optional(),
  title: text(300).optional(),
  description: z.string().trim().max(8000).optional(),
  form: z.enum(FORM_CODES).optional(),
  scope: z.enum(PROGRAM_SCOPES).optional(),
  partnerId: z.uuid().nullable().optional(),
  providerName: z.string().trim().max(200).optional(),
  organiserUnitId: z.uuid().nullable().optional(),
  scheduledJp: z.number().min(0).max(2000).nullable().optional(),
  costFee: z.number().int().min(0).max(10_000_000_000).optional(),
  costTravel: z.number().int().min(0).max(10_000_000_000).optional(),
  costLodging: z.number().int().min(0).max(10_000_000_000).optional(),
  capacity: z.number().int().min(1).max(10000).optional(),
  eligiblePositionTypes: z.array(z.enum(POSITION_TYPES)).max(20).optional(),
  eligibleGolongan: z.array(z.string().trim().min(1).max(10)).max(40).optional(),
  city: z.string().trim().min(1).max(100).optional(),
  minAttendancePct: z.number().int().min(0).max(100).optional(),
  postTestPassMark: z.number().min(0).max(100).nullable().optional(),
  competencies: Competencies.optional(),
});
export type ProgramPatchT = z.infer<typeof ProgramPatch>;

export const StatusInput = z.object({ status: z.enum(PROGRAM_STATUSES) });
export const SessionParams = z.object({ id: z.uuid(), sessionId: z.uuid() });

export const CalendarQuery = z.object({
  month,
  form: z.enum(FORM_CODES).optional(),
  path: z.enum(LEARNING_PATHS).optional(),
  scope: z.enum(PROGRAM_SCOPES).optional(),
  partnerId: z.uuid().optional(),
  status: z.enum(PROGRAM_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
});
export const CalendarEntry = z.object({
  sessionId: z.uuid(),
  programId: z.uuid(),
  code: z.string(),
  title: z.string(),
  form: z.enum(FORM_CODES),
  status: z.enum(PROGRAM_STATUSES),
  sessionTitle: z.string(),
  /** Local date and times in the tenant's time zone. */
  date: z.string(),
  startsLocal: z.string(),
  endsLocal: z.string(),
  venue: z.string().nullable(),
  online: z.boolean(),
});
export const Calendar = z.object({ month, items: z.array(CalendarEntry) });

export const JpRuleSetDto = z.object({
  id: z.uuid(),
  code: z.string(),
  regulation: z.string(),
  effectiveFrom: z.string(),
  annualTargetJp: z.number().int(),
  minutesPerJp: z.number().int(),
  rules: z.record(z.string(), z.unknown()),
  /** How semesters are counted from a study period, with its basis. */
  semester: z.object({ months: z.number().int(), basis: z.object({ id: z.string(), en: z.string() }) }),
});
export const JpRuleSets = z.object({ items: z.array(JpRuleSetDto) });

export const EligibilityResult = z.object({
  eligible: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
});
