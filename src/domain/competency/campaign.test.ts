import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOverdue, pickPeers, planTasks, progressOf, type CampaignMember } from './campaign.js';

const member = (id: string, unitId: string, supervisorId: string | null = null): CampaignMember => ({
  id,
  key: id,
  unitId,
  supervisorId,
});

const membersArb = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom('u1', 'u2', 'u3')), {
    selector: ([n]) => n,
    maxLength: 40,
  })
  .map((rows) => rows.map(([n, u]) => member(`e${String(n).padStart(3, '0')}`, u)));

describe('pickPeers', () => {
  it('picks the next colleagues of the same unit, wrapping around', () => {
    const peers = pickPeers([member('a', 'u'), member('b', 'u'), member('c', 'u'), member('x', 'v')], 2);
    expect(peers.get('a')).toEqual(['b', 'c']);
    expect(peers.get('c')).toEqual(['a', 'b']);
    expect(peers.get('x')).toEqual([]);
  });

  it('never picks the person themself, never twice, only from their unit, at most n', () => {
    fc.assert(
      fc.property(membersArb, fc.integer({ min: 0, max: 6 }), (members, n) => {
        const unitOf = new Map(members.map((m) => [m.id, m.unitId]));
        const peers = pickPeers(members, n);
        for (const m of members) {
          const list = peers.get(m.id)!;
          const size = members.filter((o) => o.unitId === m.unitId).length;
          expect(list).not.toContain(m.id);
          expect(new Set(list).size).toBe(list.length);
          expect(list.length).toBe(Math.min(n, size - 1));
          for (const p of list) expect(unitOf.get(p)).toBe(m.unitId);
        }
      }),
    );
  });

  it('is deterministic whatever the input order', () => {
    fc.assert(
      fc.property(membersArb, (members) => {
        const a = pickPeers(members, 2);
        const b = pickPeers([...members].reverse(), 2);
        for (const m of members) expect(b.get(m.id)).toEqual(a.get(m.id));
      }),
    );
  });
});

describe('planTasks', () => {
  it('self for everyone, atasan where there is a supervisor, peers per person', () => {
    const members = [member('a', 'u'), member('b', 'u', 'a'), member('c', 'u', 'a')];
    const tasks = planTasks(members, ['self', 'atasan', 'peer'], 1);
    expect(tasks.filter((t) => t.source === 'self')).toHaveLength(3);
    expect(tasks.filter((t) => t.source === 'atasan')).toEqual([
      { employeeId: 'b', assessorId: 'a', source: 'atasan' },
      { employeeId: 'c', assessorId: 'a', source: 'atasan' },
    ]);
    expect(tasks.filter((t) => t.source === 'peer')).toHaveLength(3);
    expect(planTasks(members, ['atasan'], 3).every((t) => t.source === 'atasan')).toBe(true);
  });
});

describe('planTasks invariants', () => {
  it('one task per (person, assessor, source); nobody is their own atasan or peer', () => {
    fc.assert(
      fc.property(
        membersArb,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1000 }),
        (members, n, seed) => {
          const withSup = members.map((m, i) => ({
            ...m,
            supervisorId: i % 3 === 0 ? null : members[(i * 7 + seed) % members.length]!.id,
          }));
          const tasks = planTasks(withSup, ['self', 'atasan', 'peer'], n);
          const keys = tasks.map((t) => `${t.employeeId}|${t.assessorId}|${t.source}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const t of tasks) {
            if (t.source === 'self') expect(t.assessorId).toBe(t.employeeId);
            else expect(t.assessorId).not.toBe(t.employeeId);
          }
          expect(tasks.filter((t) => t.source === 'self')).toHaveLength(members.length);
        },
      ),
    );
  });
});

describe('progress', () => {
  it('share stays within 0–1 and done never exceeds assigned', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 500 }), fc.integer({ min: -5, max: 600 }), (a, d) => {
        const p = progressOf(a, d);
        expect(p.share).toBeGreaterThanOrEqual(0);
        expect(p.share).toBeLessThanOrEqual(1);
        expect(p.done).toBeLessThanOrEqual(p.assigned);
      }),
    );
    expect(progressOf(4, 1).share).toBe(0.25);
    expect(progressOf(0, 0).share).toBe(0);
  });

  it('overdue only when open, past due and unfinished', () => {
    expect(isOverdue('2026-01-31', '2026-02-01', true, progressOf(3, 2))).toBe(true);
    expect(isOverdue('2026-01-31', '2026-01-31', true, progressOf(3, 2))).toBe(false);
    expect(isOverdue('2026-01-31', '2026-02-01', false, progressOf(3, 2))).toBe(false);
    expect(isOverdue('2026-01-31', '2026-02-01', true, progressOf(3, 3))).toBe(false);
  });
});
