import { z } from 'zod';
import { PageQuery } from '../../http/pagination.js';

export const PROJECT_STATUSES = ['open', 'running', 'done', 'cancelled'] as const;
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const ProjectBody = z
  .object({
    unitId: z.uuid(),
    title: text(200),
    problem: text(4000),
    skillsWanted: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
    startsOn: isoDate,
    endsOn: isoDate,
    /** NIP of the supervising employee (an ASN of the unit's OPD). */
    supervisorNip: z
      .string()
      .trim()
      .regex(/^\d{18}$/)
      .nullable()
      .optional(),
    /** A partner university the project is reserved for; none: open to every partner. */
    partnerId: z.uuid().nullable().optional(),
    seats: z.number().int().min(1).max(100).default(2),
  })
  .refine((b) => b.endsOn >= b.startsOn, {
    path: ['endsOn'],
    params: {
      id: 'Tanggal selesai tidak boleh sebelum tanggal mulai.',
      en: 'The end date cannot be before the start date.',
    },
  });
export type ProjectBodyT = z.infer<typeof ProjectBody>;

export const StatusBody = z.object({
  status: z.enum(PROJECT_STATUSES),
  /** Required when the project is marked done: what the students delivered. */
  finalOutput: z.string().trim().max(4000).optional(),
});

export const MemberBody = z.object({
  studentName: text(120),
  studentNumber: z.string().trim().min(3).max(30),
  studyProgram: z.string().trim().max(120).default(''),
  email: z.email().nullable().optional(),
  /** Admin and operators choose the partner; a mitra always assigns for their own. */
  partnerId: z.uuid().optional(),
});

export const UpdateBody = z.object({
  note: text(2000),
  progressPct: z.number().int().min(0).max(100),
});

export const ProjectListQuery = PageQuery.extend({
  status: z.enum(PROJECT_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
});

export const ProjectItem = z.object({
  id: z.uuid(),
  title: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  skillsWanted: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(PROJECT_STATUSES),
  seats: z.number().int(),
  members: z.number().int(),
  partnerName: z.string().nullable(),
  progressPct: z.number().int(),
});
export const ProjectList = z.object({ items: z.array(ProjectItem), total: z.number().int() });

export const ProjectDetail = ProjectItem.extend({
  problem: z.string(),
  partnerId: z.uuid().nullable(),
  supervisor: z.object({ nip: z.string(), name: z.string() }).nullable(),
  finalOutput: z.string().nullable(),
  membersList: z.array(
    z.object({
      id: z.uuid(),
      studentName: z.string(),
      studentNumber: z.string(),
      studyProgram: z.string(),
      partnerName: z.string(),
    }),
  ),
  updates: z.array(
    z.object({
      id: z.uuid(),
      note: z.string(),
      progressPct: z.number().int(),
      by: z.string().nullable(),
      at: z.string(),
    }),
  ),
  can: z.object({ manage: z.boolean(), assign: z.boolean(), report: z.boolean() }),
});
export type ProjectDetailT = z.infer<typeof ProjectDetail>;
