import { z } from 'zod';
import { ENROLMENT_STATUSES } from '../../../domain/learning/enrolment.js';
import { PageQuery, pageResult } from '../../http/pagination.js';

export const EnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export const AttendanceStatus = z.enum(['hadir', 'izin', 'sakit', 'alpa']);

export const EnrolmentInput = z.object({
  programId: z.uuid(),
  /** Absent (or the caller's own NIP): a request for oneself; another NIP: a nomination. */
  nip: z.string().trim().max(40).optional(),
  reason: z.string().trim().max(1000).default(''),
});

export const EnrolmentItem = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  programCode: z.string(),
  programTitle: z.string(),
  employeeId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  unitName: z.string().nullable(),
  status: EnrolmentStatus,
  origin: z.enum(['self', 'operator', 'atasan']),
  reason: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** 1 = first in line; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  /** Cost per participant: fee + travel + lodging (rupiah). */
  cost: z.number(),
  firstSessionAt: z.string().nullable(),
  preTestScore: z.number().nullable(),
  postTestScore: z.number().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type EnrolmentItemT = z.infer<typeof EnrolmentItem>;

export const EnrolmentResult = z.object({
  enrollment: EnrolmentItem,
  /** Plain-language warnings (schedule clashes); they never block. */
  warnings: z.array(z.string()),
});

export const EnrolmentListQuery = PageQuery.extend({
  programId: z.uuid().optional(),
  status: EnrolmentStatus.optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const EnrolmentList = pageResult(EnrolmentItem);

export const Budget = z.object({
  year: z.number().int(),
  /** Cost of approved (and finished) enrolments of programmes in that year. */
  committed: z.number(),
  /** Tenant setting learningBudget[year], if set. */
  ceiling: z.number().nullable(),
});
export const Approvals = z.object({
  items: z.array(
    EnrolmentItem.extend({
      step: z.enum(['atasan', 'bkpsdm']),
      clashes: z.array(z.string()),
    }),
  ),
  budget: z.array(Budget),
});

export const DecisionInput = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(1000).default(''),
  /** The step the person saw; if the enrolment has moved on since, the decision answers 409. */
  expectedStatus: z.enum(['pending_atasan', 'pending_bkpsdm']).optional(),
});
export const CancelInput = z.object({ reason: z.string().trim().max(1000).default('') });
export const ReplaceInput = z.object({
  nip: z.string().trim().min(1).max(40),
  reason: z.string().trim().max(1000).default(''),
});

export const Participants = z.object({
  programId: z.uuid(),
  title: z.string(),
  capacity: z.number().int(),
  minAttendancePct: z.number().int(),
  postTestPassMark: z.number().nullable(),
  sessions: z.array(z.object({ id: z.uuid(), title: z.string(), startsAt: z.string(), endsAt: z.string() })),
  /** Whether the caller may revoke certificates (admin or a BKPSDM operator). */
  canRevoke: z.boolean(),
  participants: z.array(
    EnrolmentItem.extend({
      attendance: z.record(z.string(), AttendanceStatus),
      attendancePct: z.number().nullable(),
      /** The certificate issued for this enrolment, if any. */
      certificate: z
        .object({
          id: z.uuid(),
          number: z.string(),
          verificationCode: z.string(),
          revokedAt: z.string().nullable(),
          revokedReason: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
});

export const AttendanceInput = z.object({
  marks: z
    .array(z.object({ enrollmentId: z.uuid(), status: AttendanceStatus }))
    .min(1)
    .max(10_000),
});
export const Saved = z.object({ saved: z.number().int() });

export const ScoresInput = z.object({
  scores: z
    .array(
      z.object({
        enrollmentId: z.uuid(),
        preTestScore: z.number().min(0).max(100).nullable(),
        postTestScore: z.number().min(0).max(100).nullable(),
      }),
    )
    .min(1)
    .max(10_000),
});

export const CompletionResult = z.object({ completed: z.number().int(), notCompleted: z.number().int() });

export const CheckinCode = z.object({
  sessionId: z.uuid(),
  programId: z.uuid(),
  programTitle: z.string(),
  sessionTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  code: z.string(),
  /** Seconds until the code changes. */
  secondsLeft: z.number().int(),
  periodSeconds: z.number().int(),
  /** The path the QR code points at (the web app prefixes its origin). */
  path: z.string(),
  present: z.number().int(),
  participants: z.number().int(),
});
export const CheckinInput = z.object({ code: z.string().trim().min(1).max(40) });
export const CheckinResult = z.object({
  status: z.literal('hadir'),
  /** True when the person was already marked present (a repeated check-in is fine). */
  already: z.boolean(),
  programTitle: z.string(),
  sessionTitle: z.string(),
  recordedAt: z.string(),
});
