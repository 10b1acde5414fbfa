import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENROLMENT_ACTOR_ROLES,
  applyEnrolment,
  emptyProgramme,
  enrolmentProblemText,
  holdsSeat,
  isActive,
  programmeFromRows,
  scheduleClashes,
  seatsFree,
  seatsTaken,
  waitlist,
  type EnrolmentAction,
  type EnrolmentActor,
  type Enrolment,
  type EnrolmentActorRole,
  type EnrolmentResult,
  type ProgrammeEnrolments,
} from './enrolment.js';

const pegawai = (employeeId: string): EnrolmentActor => ({ roles: ['pegawai'], employeeId });
const atasan: EnrolmentActor = { roles: ['atasan', 'pegawai'], employeeId: 'boss' };
const bkpsdm: EnrolmentActor = { roles: ['operator_bkpsdm'], employeeId: 'op' };
const opd: EnrolmentActor = { roles: ['operator_opd'] };
const mitra: EnrolmentActor = { roles: ['mitra'] };

function run(state: ProgrammeEnrolments, ...steps: [EnrolmentAction, EnrolmentActor][]): ProgrammeEnrolments {
  let s = state;
  for (const [action, actor] of steps) {
    const r = applyEnrolment(s, action, actor);
    if (!r.ok) throw new Error(`${action.type}: ${r.problem.code}`);
    s = r.state;
  }
  return s;
}

/** Request by the employee, approved by atasan and BKPSDM. */
const through = (s: ProgrammeEnrolments, emp: string) =>
  run(
    s,
    [{ type: 'request', id: `en-${emp}`, employeeId: emp }, pegawai(emp)],
    [{ type: 'approve', enrolmentId: `en-${emp}` }, atasan],
    [{ type: 'approve', enrolmentId: `en-${emp}` }, bkpsdm],
  );

const statusOf = (s: ProgrammeEnrolments, id: string) => s.enrolments.find((e) => e.id === id)?.status;
const problemOf = (r: EnrolmentResult) => (r.ok ? null : r.problem.code);

describe('enrolment flow', () => {
  it('a request goes to the atasan, then BKPSDM, then takes a seat', () => {
    let s = emptyProgramme(2);
    let r = applyEnrolment(s, { type: 'request', id: 'e1', employeeId: 'p1' }, pegawai('p1'));
    expect(r.ok && r.changes).toEqual([{ id: 'e1', employeeId: 'p1', from: null, to: 'pending_atasan' }]);
    s = r.ok ? r.state : s;
    expect(s.enrolments[0]).toMatchObject({ origin: 'self', status: 'pending_atasan' });
    r = applyEnrolment(s, { type: 'approve', enrolmentId: 'e1' }, bkpsdm);
    expect(problemOf(r)).toBe('notAllowed');
    s = run(s, [{ type: 'approve', enrolmentId: 'e1' }, atasan]);
    expect(statusOf(s, 'e1')).toBe('pending_bkpsdm');
    expect(problemOf(applyEnrolment(s, { type: 'approve', enrolmentId: 'e1' }, atasan))).toBe('notAllowed');
    expect(problemOf(applyEnrolment(s, { type: 'approve', enrolmentId: 'e1' }, opd))).toBe('notAllowed');
    s = run(s, [{ type: 'approve', enrolmentId: 'e1' }, bkpsdm]);
    expect(statusOf(s, 'e1')).toBe('approved');
    expect(seatsTaken(s)).toBe(1);
    expect(seatsFree(s)).toBe(1);
  });

  it('an atasan nomination skips the atasan step; an operator nomination does not', () => {
    const s = run(
      emptyProgramme(5),
      [{ type: 'nominate', id: 'a', employeeId: 'p1' }, atasan],
      [{ type: 'nominate', id: 'b', employeeId: 'p2' }, opd],
      [{ type: 'nominate', id: 'c', employeeId: 'p3' }, bkpsdm],
    );
    expect(s.enrolments.map((e) => [e.origin, e.status])).toEqual([
      ['atasan', 'pending_bkpsdm'],
      ['operator', 'pending_atasan'],
      ['operator', 'pending_atasan'],
    ]);
    expect(problemOf(applyEnrolment(s, { type: 'nominate', id: 'd', employeeId: 'p4' }, pegawai('p4')))).toBe(
      'notAllowed',
    );
    expect(problemOf(applyEnrolment(s, { type: 'nominate', id: 'd', employeeId: 'p4' }, mitra))).toBe(
      'notAllowed',
    );
  });

  it('a pegawai requests only for themself, and nobody approves their own enrolment', () => {
    const s = emptyProgramme(3);
    expect(problemOf(applyEnrolment(s, { type: 'request', id: 'x', employeeId: 'p2' }, pegawai('p1')))).toBe(
      'notSelf',
    );
    const own = run(s, [{ type: 'request', id: 'x', employeeId: 'boss' }, atasan]);
    expect(problemOf(applyEnrolment(own, { type: 'approve', enrolmentId: 'x' }, atasan))).toBe('notAllowed');
  });

  it('refuses a second active enrolment of the same person, allows one after cancelling', () => {
    let s = through(emptyProgramme(3), 'p1');
    const again = applyEnrolment(s, { type: 'nominate', id: 'again', employeeId: 'p1' }, opd);
    expect(again).toEqual({
      ok: false,
      problem: { code: 'alreadyEnrolled', employeeId: 'p1', enrolmentId: 'en-p1' },
    });
    expect(problemOf(applyEnrolment(s, { type: 'nominate', id: 'en-p1', employeeId: 'p9' }, opd))).toBe(
      'duplicateId',
    );
    s = run(s, [{ type: 'cancel', enrolmentId: 'en-p1' }, pegawai('p1')]);
    s = run(s, [{ type: 'nominate', id: 'again', employeeId: 'p1' }, opd]);
    expect(statusOf(s, 'again')).toBe('pending_atasan');
  });

  it('rejects at either step; a rejected enrolment cannot be approved', () => {
    let s = run(
      emptyProgramme(3),
      [{ type: 'request', id: 'a', employeeId: 'p1' }, pegawai('p1')],
      [{ type: 'request', id: 'b', employeeId: 'p2' }, pegawai('p2')],
      [{ type: 'reject', enrolmentId: 'a' }, atasan],
      [{ type: 'approve', enrolmentId: 'b' }, atasan],
    );
    expect(problemOf(applyEnrolment(s, { type: 'reject', enrolmentId: 'b' }, atasan))).toBe('notAllowed');
    s = run(s, [{ type: 'reject', enrolmentId: 'b' }, bkpsdm]);
    expect(s.enrolments.map((e) => e.status)).toEqual(['rejected', 'rejected']);
    const r = applyEnrolment(s, { type: 'approve', enrolmentId: 'a' }, atasan);
    expect(r).toEqual({
      ok: false,
      problem: { code: 'invalidTransition', from: 'rejected', action: 'approve' },
    });
    expect(problemOf(applyEnrolment(s, { type: 'cancel', enrolmentId: 'zzz' }, bkpsdm))).toBe('notFound');
  });

  it('a full programme waitlists in order; a cancellation promotes the first in line', () => {
    let s = emptyProgramme(2);
    for (const p of ['p1', 'p2', 'p3', 'p4']) s = through(s, p);
    expect(s.enrolments.map((e) => e.status)).toEqual(['approved', 'approved', 'waitlisted', 'waitlisted']);
    expect(waitlist(s).map((e) => e.employeeId)).toEqual(['p3', 'p4']);
    const r = applyEnrolment(s, { type: 'cancel', enrolmentId: 'en-p1' }, opd);
    if (!r.ok) throw new Error(r.problem.code);
    expect(r.changes).toEqual([
      { id: 'en-p1', employeeId: 'p1', from: 'approved', to: 'cancelled' },
      { id: 'en-p3', employeeId: 'p3', from: 'waitlisted', to: 'approved', because: 'promoted' },
    ]);
    expect(waitlist(r.state).map((e) => e.employeeId)).toEqual(['p4']);
    // Cancelling a waitlisted person promotes nobody.
    const r2 = applyEnrolment(r.state, { type: 'cancel', enrolmentId: 'en-p4' }, pegawai('p4'));
    expect(r2.ok && r2.changes).toEqual([
      { id: 'en-p4', employeeId: 'p4', from: 'waitlisted', to: 'cancelled' },
    ]);
  });

  it('a pegawai cancels only their own enrolment', () => {
    const s = through(emptyProgramme(2), 'p1');
    expect(problemOf(applyEnrolment(s, { type: 'cancel', enrolmentId: 'en-p1' }, pegawai('p2')))).toBe(
      'notAllowed',
    );
    expect(applyEnrolment(s, { type: 'cancel', enrolmentId: 'en-p1' }, pegawai('p1')).ok).toBe(true);
  });

  it('a replacement takes the seat (or the waitlist place) of the person replaced, in one step', () => {
    let s = emptyProgramme(1);
    for (const p of ['p1', 'p2', 'p3']) s = through(s, p);
    const r = applyEnrolment(
      s,
      { type: 'replace', enrolmentId: 'en-p1', id: 'new', employeeId: 'q1' },
      bkpsdm,
    );
    if (!r.ok) throw new Error(r.problem.code);
    expect(r.changes).toEqual([
      { id: 'en-p1', employeeId: 'p1', from: 'approved', to: 'cancelled' },
      { id: 'new', employeeId: 'q1', from: null, to: 'approved' },
    ]);
    expect(r.state.enrolments.find((e) => e.id === 'new')).toMatchObject({
      replacesId: 'en-p1',
      origin: 'operator',
    });
    expect(waitlist(r.state).map((e) => e.employeeId)).toEqual(['p2', 'p3']);
    // Replacing the first waitlisted keeps their place in line.
    s = run(r.state, [{ type: 'replace', enrolmentId: 'en-p2', id: 'new2', employeeId: 'q2' }, opd]);
    expect(waitlist(s).map((e) => e.employeeId)).toEqual(['q2', 'p3']);
    expect(
      problemOf(
        applyEnrolment(s, { type: 'replace', enrolmentId: 'en-p3', id: 'n3', employeeId: 'q1' }, opd),
      ),
    ).toBe('alreadyEnrolled');
    expect(
      problemOf(
        applyEnrolment(s, { type: 'replace', enrolmentId: 'en-p3', id: 'n3', employeeId: 'q3' }, atasan),
      ),
    ).toBe('notAllowed');
    expect(
      problemOf(
        applyEnrolment(s, { type: 'replace', enrolmentId: 'en-p1', id: 'n3', employeeId: 'q3' }, bkpsdm),
      ),
    ).toBe('invalidTransition');
  });

  it('the organiser marks completion on seats only; the seat stays taken', () => {
    let s = through(through(emptyProgramme(1), 'p1'), 'p2');
    expect(problemOf(applyEnrolment(s, { type: 'complete', enrolmentId: 'en-p2' }, mitra))).toBe(
      'invalidTransition',
    );
    expect(problemOf(applyEnrolment(s, { type: 'complete', enrolmentId: 'en-p1' }, pegawai('p1')))).toBe(
      'notAllowed',
    );
    s = run(s, [{ type: 'complete', enrolmentId: 'en-p1' }, mitra]);
    expect(statusOf(s, 'en-p1')).toBe('completed');
    s = run(s, [{ type: 'notComplete', enrolmentId: 'en-p1' }, opd]);
    expect(statusOf(s, 'en-p1')).toBe('not_completed');
    expect(seatsTaken(s)).toBe(1);
    expect(statusOf(s, 'en-p2')).toBe('waitlisted');
    expect(problemOf(applyEnrolment(s, { type: 'cancel', enrolmentId: 'en-p1' }, opd))).toBe(
      'invalidTransition',
    );
  });

  it('raising the capacity promotes from the waitlist; lowering below the seats taken is refused', () => {
    let s = emptyProgramme(1);
    for (const p of ['p1', 'p2', 'p3']) s = through(s, p);
    const r = applyEnrolment(s, { type: 'setCapacity', capacity: 2 }, bkpsdm);
    expect(r.ok && r.changes).toEqual([
      { id: 'en-p2', employeeId: 'p2', from: 'waitlisted', to: 'approved', because: 'promoted' },
    ]);
    s = r.ok ? r.state : s;
    expect(applyEnrolment(s, { type: 'setCapacity', capacity: 1 }, bkpsdm)).toEqual({
      ok: false,
      problem: { code: 'capacityBelowSeats', capacity: 1, seatsTaken: 2 },
    });
    expect(problemOf(applyEnrolment(s, { type: 'setCapacity', capacity: 0 }, bkpsdm))).toBe(
      'invalidCapacity',
    );
    expect(problemOf(applyEnrolment(s, { type: 'setCapacity', capacity: 5 }, atasan))).toBe('notAllowed');
  });

  it('rebuilds the state from stored rows with the waitlist in time order', () => {
    const s = programmeFromRows(1, [
      { id: 'a', employeeId: 'p1', status: 'approved', origin: 'self' },
      {
        id: 'b',
        employeeId: 'p2',
        status: 'waitlisted',
        origin: 'self',
        waitlistedAt: '2026-03-02T10:00:00Z',
      },
      {
        id: 'c',
        employeeId: 'p3',
        status: 'waitlisted',
        origin: 'atasan',
        waitlistedAt: new Date('2026-03-01T10:00:00Z'),
      },
    ]);
    expect(waitlist(s).map((e) => e.id)).toEqual(['c', 'b']);
    const r = applyEnrolment(s, { type: 'cancel', enrolmentId: 'a' }, bkpsdm);
    expect(r.ok && r.changes[1]).toMatchObject({ id: 'c', to: 'approved' });
    expect(s.enrolments[0]!.status).toBe('approved');
  });

  it('has a message for every problem', () => {
    const s = through(emptyProgramme(1), 'p1');
    const t = enrolmentProblemText({ code: 'invalidTransition', from: 'cancelled', action: 'approve' });
    expect(t.id).toContain('dibatalkan');
    expect(
      enrolmentProblemText({ code: 'alreadyEnrolled', employeeId: 'p1', enrolmentId: 'x' }).en,
    ).toContain('already enrolled');
    expect(seatsFree(s)).toBe(0);
  });
});

describe('scheduleClashes', () => {
  const at = (d: string, from: string, to: string, id = '') => ({
    id,
    startsAt: `${d}T${from}:00+09:00`,
    endsAt: `${d}T${to}:00+09:00`,
  });
  it('finds overlapping sessions, not touching ones', () => {
    const a = [at('2026-04-06', '08:00', '12:00', 'a1'), at('2026-04-07', '08:00', '12:00', 'a2')];
    const b = [
      at('2026-04-06', '12:00', '15:00', 'b1'),
      at('2026-04-07', '11:00', '13:00', 'b2'),
      at('2026-04-08', '08:00', '12:00', 'b3'),
    ];
    expect(scheduleClashes(a, b).map(({ a, b }) => `${a.id}-${b.id}`)).toEqual(['a2-b2']);
    expect(scheduleClashes(a, [])).toEqual([]);
    // A long session containing another clashes; Date values work too.
    const long = [{ startsAt: new Date('2026-04-05T00:00:00Z'), endsAt: new Date('2026-04-10T00:00:00Z') }];
    expect(scheduleClashes(long, b)).toHaveLength(3);
  });

  it('is symmetric', () => {
    const span = fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 200 }))
      .map(([s, len]) => ({ startsAt: new Date(s * 60_000), endsAt: new Date((s + len) * 60_000) }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 6 }), fc.array(span, { maxLength: 6 }), (a, b) => {
        expect(scheduleClashes(a, b).length).toBe(scheduleClashes(b, a).length);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Property: no sequence of actions over-fills a programme or enrols anyone twice.

const EMPLOYEES = Array.from({ length: 10 }, (_, i) => `p${i + 1}`);

/** Mostly the people who act in real life, sometimes any mix of roles. */
const actorArb: fc.Arbitrary<EnrolmentActor> = fc.oneof(
  {
    arbitrary: fc.constantFrom(atasan, bkpsdm, opd, mitra, { roles: ['admin'] }, { roles: ['pimpinan'] }),
    weight: 6,
  },
  { arbitrary: fc.constantFrom(...EMPLOYEES).map(pegawai), weight: 2 },
  {
    arbitrary: fc.record({
      roles: fc.subarray([...ENROLMENT_ACTOR_ROLES] as EnrolmentActorRole[], { minLength: 1 }),
      employeeId: fc.constantFrom<string | null>(null, ...EMPLOYEES),
    }),
    weight: 1,
  },
);

/**
 * Actions refer to enrolments by index, resolved when applied: usually among the enrolments the
 * action makes sense for, sometimes (`any`) among all of them, to try invalid transitions too.
 */
type Step =
  | { t: 'request' | 'nominate'; emp: string }
  | { t: 'approve' | 'reject' | 'cancel' | 'complete' | 'notComplete'; idx: number; any: boolean }
  | { t: 'replace'; idx: number; any: boolean; emp: string }
  | { t: 'setCapacity'; capacity: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      t: fc.constantFrom('request' as const, 'nominate' as const),
      emp: fc.constantFrom(...EMPLOYEES),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      t: fc.constantFrom(
        'approve' as const,
        'approve' as const,
        'approve' as const,
        'reject' as const,
        'cancel' as const,
        'complete' as const,
        'notComplete' as const,
      ),
      idx: fc.nat(20),
      any: fc.boolean(),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('replace' as const),
      idx: fc.nat(20),
      any: fc.boolean(),
      emp: fc.constantFrom(...EMPLOYEES),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('setCapacity' as const),
      capacity: fc.integer({ min: 0, max: 4 }),
    }),
    weight: 1,
  },
);

const FITTING: Record<string, readonly string[]> = {
  approve: ['pending_atasan', 'pending_bkpsdm'],
  reject: ['pending_atasan', 'pending_bkpsdm'],
  cancel: ['pending_atasan', 'pending_bkpsdm', 'approved', 'waitlisted'],
  replace: ['pending_atasan', 'pending_bkpsdm', 'approved', 'waitlisted'],
  complete: ['approved', 'completed', 'not_completed'],
  notComplete: ['approved', 'completed', 'not_completed'],
};

describe('enrolment properties', () => {
  it('never over-fills, never enrols anyone twice, waitlist is FIFO, seats = min(capacity, demand)', () => {
    const seen = { waitlisted: 0, promoted: 0, replaced: 0, refusedTwice: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.tuple(stepArb, actorArb, fc.boolean()), { minLength: 10, maxLength: 80, size: 'large' }),
        (capacity, steps) => {
          let s = emptyProgramme(capacity);
          let n = 0;
          for (const [step, rawActor, proper] of steps) {
            let target: Enrolment | undefined;
            if ('idx' in step) {
              const pool = step.any
                ? s.enrolments
                : s.enrolments.filter((e) => FITTING[step.t]!.includes(e.status));
              target = pool[step.idx % Math.max(1, pool.length)];
            }
            // Mostly the actor the step calls for; otherwise the random one (to try forbidden steps).
            let actor = rawActor;
            if (proper) {
              if (step.t === 'request') actor = pegawai(step.emp);
              else if (step.t === 'approve' || step.t === 'reject')
                actor = target?.status === 'pending_bkpsdm' ? bkpsdm : atasan;
            }
            let action: EnrolmentAction;
            switch (step.t) {
              case 'request':
              case 'nominate':
                action = { type: step.t, id: `e${n++}`, employeeId: step.emp };
                break;
              case 'replace':
                action = {
                  type: 'replace',
                  enrolmentId: target?.id ?? 'none',
                  id: `e${n++}`,
                  employeeId: step.emp,
                };
                break;
              case 'setCapacity':
                action = { type: 'setCapacity', capacity: step.capacity };
                break;
              default:
                action = { type: step.t, enrolmentId: target?.id ?? 'none' };
            }
            const before = JSON.stringify(s);
            const headBefore = waitlist(s)[0];
            const maxSeqBefore = Math.max(0, ...s.enrolments.map((e) => e.waitlistSeq ?? 0));
            const r = applyEnrolment(s, action, actor);
            expect(JSON.stringify(s)).toBe(before); // apply never mutates its input
            if (!r.ok) {
              if (r.problem.code === 'alreadyEnrolled') seen.refusedTwice++;
              continue;
            }
            const next = r.state;
            for (const c of r.changes) {
              if (c.to === 'waitlisted') seen.waitlisted++;
              if (c.because === 'promoted') seen.promoted++;
            }
            if (action.type === 'replace') seen.replaced++;

            // Capacity is never exceeded.
            expect(seatsTaken(next)).toBeLessThanOrEqual(next.capacity);
            // Nobody holds two active enrolments.
            const active = next.enrolments.filter((e) => isActive(e.status)).map((e) => e.employeeId);
            expect(new Set(active).size).toBe(active.length);
            // Seats taken = min(capacity, demand): no free seat while someone waits.
            const demand = next.enrolments.filter(
              (e) => holdsSeat(e.status) || e.status === 'waitlisted',
            ).length;
            expect(seatsTaken(next)).toBe(Math.min(next.capacity, demand));
            // Waitlist: distinct places, newcomers join at the back, promotions take the head.
            const seqs = waitlist(next).map((e) => e.waitlistSeq!);
            expect(new Set(seqs).size).toBe(seqs.length);
            for (const c of r.changes) {
              if (c.to === 'waitlisted' && c.from === 'pending_bkpsdm') {
                const e = next.enrolments.find((x) => x.id === c.id)!;
                expect(e.waitlistSeq!).toBeGreaterThan(maxSeqBefore);
              }
            }
            const promoted = r.changes.filter((c) => c.because === 'promoted').map((c) => c.id);
            if (promoted.length > 0) expect(promoted[0]).toBe(headBefore?.id);
            const order = waitlist(s).map((e) => e.id);
            expect(promoted).toEqual(order.slice(0, promoted.length));
            // The changes describe the whole difference (the server stores only those rows).
            const replayed = new Map(s.enrolments.map((e) => [e.id, e.status]));
            for (const c of r.changes) {
              expect(c.from).toBe(replayed.get(c.id) ?? null);
              replayed.set(c.id, c.to);
            }
            expect(new Map(next.enrolments.map((e) => [e.id, e.status]))).toEqual(replayed);
            // Rebuilding from stored rows (waitlist ordered by time) gives the same waitlist.
            const rows = next.enrolments.map((e) => ({
              ...e,
              waitlistedAt:
                e.waitlistSeq === null ? null : new Date(Date.UTC(2026, 0, 1) + e.waitlistSeq * 1000),
            }));
            const rebuilt = programmeFromRows(next.capacity, rows);
            expect(waitlist(rebuilt).map((e) => e.id)).toEqual(waitlist(next).map((e) => e.id));
            s = next;
          }
        },
      ),
      { numRuns: 400 },
    );
    // The random runs really reached the interesting states.
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(0);
  });
});
