/**
 * Assessment campaigns: who assesses whom, and how far a campaign has come.
 */

export const CAMPAIGN_SOURCES = ['self', 'atasan', 'peer'] as const;
export type CampaignSource = (typeof CAMPAIGN_SOURCES)[number];

export interface CampaignMember {
  id: string;
  /** Sort key that makes the choice repeatable (the NIP). */
  key: string;
  unitId: string;
  supervisorId: string | null;
}

export interface PlannedTask {
  employeeId: string;
  assessorId: string;
  source: CampaignSource;
}

/**
 * Peers of each member: the next `n` colleagues of the same unit in NIP order, wrapping around.
 * Never the person themself, never the same colleague twice, at most (unit size − 1).
 */
export function pickPeers(members: readonly CampaignMember[], n: number): Map<string, string[]> {
  const byUnit = new Map<string, CampaignMember[]>();
  for (const m of members) {
    const list = byUnit.get(m.unitId) ?? [];
    list.push(m);
    byUnit.set(m.unitId, list);
  }
  const out = new Map<string, string[]>();
  for (const list of byUnit.values()) {
    const sorted = [...new Map(list.map((m) => [m.id, m])).values()].sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1,
    );
    const take = Math.max(0, Math.min(Math.floor(n), sorted.length - 1));
    sorted.forEach((m, i) => {
      const peers: string[] = [];
      for (let k = 1; k <= take; k++) peers.push(sorted[(i + k) % sorted.length]!.id);
      out.set(m.id, peers);
    });
  }
  return out;
}

/**
 * The tasks of a campaign: self (the person), atasan (their supervisor, when there is one) and
 * `peersPerEmployee` peers from the same unit.
 */
export function planTasks(
  members: readonly CampaignMember[],
  sources: readonly CampaignSource[],
  peersPerEmployee: number,
): PlannedTask[] {
  const tasks: PlannedTask[] = [];
  const peers = sources.includes('peer') ? pickPeers(members, peersPerEmployee) : new Map<string, string[]>();
  for (const m of members) {
    if (sources.includes('self')) tasks.push({ employeeId: m.id, assessorId: m.id, source: 'self' });
    if (sources.includes('atasan') && m.supervisorId && m.supervisorId !== m.id)
      tasks.push({ employeeId: m.id, assessorId: m.supervisorId, source: 'atasan' });
    for (const p of peers.get(m.id) ?? []) tasks.push({ employeeId: m.id, assessorId: p, source: 'peer' });
  }
  return tasks;
}

export interface Progress {
  assigned: number;
  done: number;
  /** done / assigned, 0–1 (0 when nothing is assigned). */
  share: number;
}

export function progressOf(assigned: number, done: number): Progress {
  const a = Math.max(0, assigned);
  const d = Math.min(Math.max(0, done), a);
  return { assigned: a, done: d, share: a === 0 ? 0 : Math.round((10_000 * d) / a) / 10_000 };
}

/** Overdue: still open after its due date with tasks left. Dates are yyyy-mm-dd. */
export const isOverdue = (dueOn: string, today: string, open: boolean, p: Progress) =>
  open && today > dueOn && p.done < p.assigned;
