/**
 * Enrolment in one programme as a pure state machine (issue: Programmes and partners, item 3).
 *
 * Ways in: the pegawai REQUESTS a place for themself (origin self → pending_atasan); an operator
 * NOMINATES someone (origin operator → pending_atasan: the atasan still releases them); the atasan
 * NOMINATES a subordinate (origin atasan → pending_bkpsdm: nominating is the atasan's approval).
 * Then: the atasan approves (→ pending_bkpsdm), BKPSDM approves (→ approved when a seat is free,
 * otherwise waitlisted, first come first served). Either step may reject. After the programme the
 * organiser marks completed / not_completed (both keep the seat they used).
 *
 * Cancelling frees the seat and promotes the first waitlisted person to approved. A replacement
 * cancels A and puts B in A's place (A's seat, or A's waitlist position, or A's approval step) in
 * one step, so nobody jumps the queue. Raising the capacity promotes from the waitlist; lowering it
 * below the seats taken is refused.
 *
 * Statuses are the ones stored in `enrollments.status`. Who may do what is data
 * (ENROLMENT_PERMISSIONS); whether an atasan/operator/mitra is the RIGHT one for this employee or
 * programme (supervisor chain, OPD, partner) is the server's data-scope check, not this module's.
 */

export const ENROLMENT_STATUSES = [
  'pending_atasan',
  'pending_bkpsdm',
  'approved',
  'waitlisted',
  'rejected',
  'cancelled',
  'completed',
  'not_completed',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** Statuses that block a second enrolment of the same person (all but rejected and cancelled). */
export const ACTIVE_STATUSES: readonly EnrolmentStatus[] = [
  'pending_atasan',
  'pending_bkpsdm',
  'approved',
  'waitlisted',
  'completed',
  'not_completed',
];
/** Statuses that hold one of the programme's seats. */
export const SEAT_STATUSES: readonly EnrolmentStatus[] = ['approved', 'completed', 'not_completed'];
/** Statuses that can still be cancelled or replaced. */
export const OPEN_STATUSES: readonly EnrolmentStatus[] = [
  'pending_atasan',
  'pending_bkpsdm',
  'approved',
  'waitlisted',
];

export const isActive = (s: EnrolmentStatus) => ACTIVE_STATUSES.includes(s);
export const holdsSeat = (s: EnrolmentStatus) => SEAT_STATUSES.includes(s);

export type EnrolmentOrigin = 'self' | 'operator' | 'atasan';

/**
 * Who acts. Asah's roles (src/server/http/auth.ts) with the operator split by where they sit:
 * an operator of the BKPSDM unit decides for BKPSDM; an operator of another OPD does not.
 */
export const ENROLMENT_ACTOR_ROLES = [
  'admin',
  'operator_bkpsdm',
  'operator_opd',
  'atasan',
  'pegawai',
  'mitra',
  'pimpinan',
] as const;
export type EnrolmentActorRole = (typeof ENROLMENT_ACTOR_ROLES)[number];

export interface EnrolmentActor {
  /** Every role the user holds (a user can be atasan and pegawai at once). */
  roles: readonly EnrolmentActorRole[];
  /** The actor's own employee id, when they are an employee. */
  employeeId?: string | null;
}

export interface Enrolment {
  id: string;
  employeeId: string;
  status: EnrolmentStatus;
  origin: EnrolmentOrigin;
  /** Place on the waitlist (lower first); null unless waitlisted. */
  waitlistSeq: number | null;
  /** The enrolment this one replaced, if any. */
  replacesId: string | null;
}

export interface ProgrammeEnrolments {
  capacity: number;
  /** In the order they were created. */
  enrolments: readonly Enrolment[];
  /** Next waitlist number to hand out. */
  nextWaitlistSeq: number;
}

export type EnrolmentAction =
  | { type: 'request'; id: string; employeeId: string }
  | { type: 'nominate'; id: string; employeeId: string }
  | { type: 'approve'; enrolmentId: string }
  | { type: 'reject'; enrolmentId: string }
  | { type: 'cancel'; enrolmentId: string }
  | { type: 'replace'; enrolmentId: string; id: string; employeeId: string }
  | { type: 'complete'; enrolmentId: string }
  | { type: 'notComplete'; enrolmentId: string }
  | { type: 'setCapacity'; capacity: number };
export type EnrolmentActionType = EnrolmentAction['type'];

/** The step an action is checked against: approvals and rejections depend on the current status. */
export type EnrolmentStep =
  | 'request'
  | 'nominate'
  | 'decideAtasan'
  | 'decideBkpsdm'
  | 'cancel'
  | 'cancelOwn'
  | 'replace'
  | 'finish'
  | 'setCapacity';

/** Who may take each step (data; the server adds the data-scope check). */
export const ENROLMENT_PERMISSIONS: Record<EnrolmentStep, readonly EnrolmentActorRole[]> = {
  request: ['pegawai'],
  nominate: ['admin', 'operator_bkpsdm', 'operator_opd', 'atasan'],
  decideAtasan: ['atasan', 'admin'],
  decideBkpsdm: ['operator_bkpsdm', 'admin'],
  cancel: ['admin', 'operator_bkpsdm', 'operator_opd', 'atasan'],
  /** The pegawai withdraws their own enrolment. */
  cancelOwn: ['pegawai'],
  replace: ['admin', 'operator_bkpsdm', 'operator_opd'],
  /** Completion is marked by the organiser: BKPSDM, an OPD operator, or the partner (mitra). */
  finish: ['admin', 'operator_bkpsdm', 'operator_opd', 'mitra'],
  setCapacity: ['admin', 'operator_bkpsdm', 'operator_opd', 'mitra'],
};

export const mayTake = (actor: EnrolmentActor, step: EnrolmentStep) =>
  actor.roles.some((r) => ENROLMENT_PERMISSIONS[step].includes(r));

export interface EnrolmentChange {
  id: string;
  employeeId: string;
  from: EnrolmentStatus | null;
  to: EnrolmentStatus;
  /** Why it changed when not by the action itself (a promotion from the waitlist). */
  because?: 'promoted';
}

export type EnrolmentProblem =
  | { code: 'notFound'; enrolmentId: string }
  | { code: 'duplicateId'; id: string }
  | { code: 'alreadyEnrolled'; employeeId: string; enrolmentId: string }
  | { code: 'invalidTransition'; from: EnrolmentStatus; action: EnrolmentActionType }
  | { code: 'notAllowed'; step: EnrolmentStep }
  | { code: 'notSelf' }
  | { code: 'invalidCapacity'; capacity: number }
  | { code: 'capacityBelowSeats'; capacity: number; seatsTaken: number };

export type EnrolmentResult =
  | { ok: true; state: ProgrammeEnrolments; changes: EnrolmentChange[] }
  | { ok: false; problem: EnrolmentProblem };

const fail = (problem: EnrolmentProblem): EnrolmentResult => ({ ok: false, problem });

export function emptyProgramme(capacity: number): ProgrammeEnrolments {
  return { capacity, enrolments: [], nextWaitlistSeq: 1 };
}

/** Rows as stored (waitlistedAt orders the waitlist; ties by id) → state. */
export function programmeFromRows(
  capacity: number,
  rows: readonly {
    id: string;
    employeeId: string;
    status: EnrolmentStatus;
    origin: EnrolmentOrigin;
    waitlistedAt?: string | Date | null;
    replacesId?: string | null;
  }[],
): ProgrammeEnrolments {
  const stamp = (v: string | Date | null | undefined) =>
    v == null ? Number.POSITIVE_INFINITY : v instanceof Date ? v.getTime() : Date.parse(v);
  const waiting = rows
    .filter((r) => r.status === 'waitlisted')
    .sort(
      (a, b) => stamp(a.waitlistedAt) - stamp(b.waitlistedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const seq = new Map(waiting.map((r, i) => [r.id, i + 1]));
  return {
    capacity,
    enrolments: rows.map((r) => ({
      id: r.id,
      employeeId: r.employeeId,
      status: r.status,
      origin: r.origin,
      waitlistSeq: seq.get(r.id) ?? null,
      replacesId: r.replacesId ?? null,
    })),
    nextWaitlistSeq: waiting.length + 1,
  };
}

export const seatsTaken = (s: ProgrammeEnrolments) => s.enrolments.filter((e) => holdsSeat(e.status)).length;
export const seatsFree = (s: ProgrammeEnrolments) => Math.max(0, s.capacity - seatsTaken(s));

/** The waitlist, first in line first. */
export const waitlist = (s: ProgrammeEnrolments): Enrolment[] =>
  s.enrolments
    .filter((e) => e.status === 'waitlisted')
    .sort((a, b) => (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0));

export const activeEnrolmentOf = (s: ProgrammeEnrolments, employeeId: string) =>
  s.enrolments.find((e) => e.employeeId === employeeId && isActive(e.status));

/** The step an action needs permission for, given the enrolment it targets (if any). */
export function stepOf(action: EnrolmentAction, target?: Enrolment, actor?: EnrolmentActor): EnrolmentStep {
  switch (action.type) {
    case 'request':
      return 'request';
    case 'nominate':
      return 'nominate';
    case 'approve':
    case 'reject':
      return target?.status === 'pending_bkpsdm' ? 'decideBkpsdm' : 'decideAtasan';
    case 'cancel':
      // Staff cancel anyone's; a pegawai only their own.
      if (actor && !mayTake(actor, 'cancel') && target && actor.employeeId === target.employeeId)
        return 'cancelOwn';
      return 'cancel';
    case 'replace':
      return 'replace';
    case 'complete':
    case 'notComplete':
      return 'finish';
    case 'setCapacity':
      return 'setCapacity';
  }
}

/**
 * Applies one action by one actor. Returns the new state and every status change (including
 * promotions from the waitlist, for notifications), or a problem; the state given is never changed.
 */
export function applyEnrolment(
  state: ProgrammeEnrolments,
  action: EnrolmentAction,
  actor: EnrolmentActor,
): EnrolmentResult {
  const target =
    'enrolmentId' in action ? state.enrolments.find((e) => e.id === action.enrolmentId) : undefined;
  if ('enrolmentId' in action && !target) return fail({ code: 'notFound', enrolmentId: action.enrolmentId });
  const step = stepOf(action, target, actor);
  if (!mayTake(actor, step)) return fail({ code: 'notAllowed', step });
  // Nobody decides on their own enrolment.
  if (
    (step === 'decideAtasan' || step === 'decideBkpsdm') &&
    actor.employeeId &&
    actor.employeeId === target?.employeeId
  )
    return fail({ code: 'notAllowed', step });

  const w = new Working(state);
  switch (action.type) {
    case 'request':
    case 'nominate': {
      if (action.type === 'request' && actor.employeeId !== action.employeeId)
        return fail({ code: 'notSelf' });
      const p = w.checkNew(action.id, action.employeeId);
      if (p) return fail(p);
      const origin: EnrolmentOrigin =
        action.type === 'request'
          ? 'self'
          : actor.roles.some((r) => r === 'admin' || r === 'operator_bkpsdm' || r === 'operator_opd')
            ? 'operator'
            : 'atasan';
      w.add({
        id: action.id,
        employeeId: action.employeeId,
        status: origin === 'atasan' ? 'pending_bkpsdm' : 'pending_atasan',
        origin,
        waitlistSeq: null,
        replacesId: null,
      });
      break;
    }
    case 'approve': {
      const e = target!;
      if (e.status === 'pending_atasan') w.set(e.id, 'pending_bkpsdm');
      else if (e.status === 'pending_bkpsdm') w.seatOrWait(e.id);
      else return fail({ code: 'invalidTransition', from: e.status, action: action.type });
      break;
    }
    case 'reject': {
      const e = target!;
      if (e.status !== 'pending_atasan' && e.status !== 'pending_bkpsdm')
        return fail({ code: 'invalidTransition', from: e.status, action: action.type });
      w.set(e.id, 'rejected');
      break;
    }
    case 'cancel': {
      const e = target!;
      if (!OPEN_STATUSES.includes(e.status))
        return fail({ code: 'invalidTransition', from: e.status, action: action.type });
      w.set(e.id, 'cancelled');
      w.promote();
      break;
    }
    case 'replace': {
      const a = target!;
      if (!OPEN_STATUSES.includes(a.status))
        return fail({ code: 'invalidTransition', from: a.status, action: action.type });
      const p = w.checkNew(action.id, action.employeeId);
      if (p) return fail(p);
      w.set(a.id, 'cancelled');
      w.add({
        id: action.id,
        employeeId: action.employeeId,
        status: a.status,
        origin: 'operator',
        waitlistSeq: a.waitlistSeq,
        replacesId: a.id,
      });
      break;
    }
    case 'complete':
    case 'notComplete': {
      const e = target!;
      if (!holdsSeat(e.status))
        return fail({ code: 'invalidTransition', from: e.status, action: action.type });
      const to = action.type === 'complete' ? 'completed' : 'not_completed';
      if (e.status !== to) w.set(e.id, to);
      break;
    }
    case 'setCapacity': {
      if (!Number.isInteger(action.capacity) || action.capacity < 1 || action.capacity > 10_000)
        return fail({ code: 'invalidCapacity', capacity: action.capacity });
      const taken = seatsTaken(state);
      if (action.capacity < taken)
        return fail({ code: 'capacityBelowSeats', capacity: action.capacity, seatsTaken: taken });
      w.capacity = action.capacity;
      w.promote();
      break;
    }
  }
  return { ok: true, state: w.done(), changes: w.changes };
}

/** Mutable copy used inside one apply; the input state stays untouched. */
class Working {
  capacity: number;
  enrolments: Enrolment[];
  nextWaitlistSeq: number;
  changes: EnrolmentChange[] = [];

  constructor(s: ProgrammeEnrolments) {
    this.capacity = s.capacity;
    this.enrolments = s.enrolments.map((e) => ({ ...e }));
    this.nextWaitlistSeq = s.nextWaitlistSeq;
  }

  checkNew(id: string, employeeId: string): EnrolmentProblem | null {
    if (this.enrolments.some((e) => e.id === id)) return { code: 'duplicateId', id };
    const active = this.enrolments.find((e) => e.employeeId === employeeId && isActive(e.status));
    if (active) return { code: 'alreadyEnrolled', employeeId, enrolmentId: active.id };
    return null;
  }

  add(e: Enrolment) {
    this.enrolments.push(e);
    this.changes.push({ id: e.id, employeeId: e.employeeId, from: null, to: e.status });
  }

  set(id: string, to: EnrolmentStatus, because?: 'promoted') {
    const e = this.enrolments.find((x) => x.id === id)!;
    const change: EnrolmentChange = { id, employeeId: e.employeeId, from: e.status, to };
    if (because) change.because = because;
    this.changes.push(change);
    e.status = to;
    if (to !== 'waitlisted') e.waitlistSeq = null;
  }

  taken() {
    return this.enrolments.filter((e) => holdsSeat(e.status)).length;
  }

  seatOrWait(id: string) {
    if (this.taken() < this.capacity) this.set(id, 'approved');
    else {
      this.set(id, 'waitlisted');
      this.enrolments.find((x) => x.id === id)!.waitlistSeq = this.nextWaitlistSeq++;
    }
  }

  /** Fills free seats from the head of the waitlist. */
  promote() {
    for (;;) {
      if (this.taken() >= this.capacity) return;
      const next = this.enrolments
        .filter((e) => e.status === 'waitlisted')
        .sort((a, b) => (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0))[0];
      if (!next) return;
      this.set(next.id, 'approved', 'promoted');
    }
  }

  done(): ProgrammeEnrolments {
    return { capacity: this.capacity, enrolments: this.enrolments, nextWaitlistSeq: this.nextWaitlistSeq };
  }
}

/** Plain-language text of a problem (Bahasa Indonesia first). */
export function enrolmentProblemText(p: EnrolmentProblem): { id: string; en: string } {
  switch (p.code) {
    case 'notFound':
      return { id: 'Pendaftaran tidak ditemukan.', en: 'Enrolment not found.' };
    case 'duplicateId':
      return { id: 'Pendaftaran ini sudah tercatat.', en: 'This enrolment is already recorded.' };
    case 'alreadyEnrolled':
      return {
        id: 'Pegawai ini sudah terdaftar di program ini.',
        en: 'This employee is already enrolled in this programme.',
      };
    case 'invalidTransition':
      return {
        id: `Langkah ini tidak bisa dilakukan pada pendaftaran berstatus ${STATUS_LABELS[p.from].id}.`,
        en: `This step is not possible for an enrolment that is ${STATUS_LABELS[p.from].en}.`,
      };
    case 'notAllowed':
      return { id: 'Anda tidak berwenang melakukan langkah ini.', en: 'You may not take this step.' };
    case 'notSelf':
      return {
        id: 'Pegawai hanya dapat mengajukan pendaftaran untuk dirinya sendiri.',
        en: 'An employee can only request a place for themself.',
      };
    case 'invalidCapacity':
      return { id: 'Kapasitas harus 1–10.000 orang.', en: 'Capacity must be 1–10,000 people.' };
    case 'capacityBelowSeats':
      return {
        id: `Kapasitas ${p.capacity} lebih kecil dari kursi yang sudah terisi (${p.seatsTaken}).`,
        en: `Capacity ${p.capacity} is below the seats already taken (${p.seatsTaken}).`,
      };
  }
}

export const STATUS_LABELS: Record<EnrolmentStatus, { id: string; en: string }> = {
  pending_atasan: { id: 'menunggu persetujuan atasan', en: 'awaiting the supervisor' },
  pending_bkpsdm: { id: 'menunggu persetujuan BKPSDM', en: 'awaiting BKPSDM' },
  approved: { id: 'disetujui', en: 'approved' },
  waitlisted: { id: 'daftar tunggu', en: 'waitlisted' },
  rejected: { id: 'ditolak', en: 'rejected' },
  cancelled: { id: 'dibatalkan', en: 'cancelled' },
  completed: { id: 'selesai', en: 'completed' },
  not_completed: { id: 'tidak selesai', en: 'not completed' },
};

// ---------------------------------------------------------------------------------------------
// Schedule clashes

export interface TimeSpan {
  startsAt: string | Date;
  endsAt: string | Date;
}

const ms = (v: string | Date) => (v instanceof Date ? v.getTime() : Date.parse(v));

/**
 * Pairs of sessions that overlap in time (a warning when enrolling someone who is already in
 * another programme at that time). Touching ends (one ends 10:00, the next starts 10:00) do not clash.
 */
export function scheduleClashes<A extends TimeSpan, B extends TimeSpan>(
  sessionsA: readonly A[],
  sessionsB: readonly B[],
): { a: A; b: B }[] {
  const out: { a: A; b: B }[] = [];
  for (const a of sessionsA) {
    const a0 = ms(a.startsAt);
    const a1 = ms(a.endsAt);
    for (const b of sessionsB) if (a0 < ms(b.endsAt) && ms(b.startsAt) < a1) out.push({ a, b });
  }
  return out;
}
