/**
 * A programme's JP input from its sessions, bound by the sessions' own times:
 * - a session's minutes belong to each LOCAL day it covers (split at local midnight), so a
 *   daily-cap form counts every day of a multi-day session, not all of it on its start day;
 * - days are the local days with session time;
 * - a scheduled JP counts at most the sessions' time (total minutes ÷ minutesPerJp): a programme
 *   with one 2-hour session cannot give 30 JP; without sessions the scheduled JP stands;
 * - semesters follow the rule set's semester rule for the first to the last day (jp-bounds.ts).
 * Times are local wall-clock times in the tenant's zone, 'YYYY-MM-DDTHH:MM[:SS]'.
 */
import { semestersIn } from './jp-bounds.js';
import type { JpInput } from './jp.js';
import { semesterRuleOf, type JpRuleSet, type JpScope } from './jp-rules.js';

export interface LocalSession {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
const wall = (t: string) => Date.parse(`${t.length === 16 ? `${t}:00` : t.slice(0, 19)}Z`);

/** Minutes of session time on each local day (YYYY-MM-DD, at most 24 h), in date order. */
export function minutesByLocalDay(sessions: readonly LocalSession[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sessions) {
    const a = wall(s.start);
    const b = wall(s.end);
    if (!(b > a)) {
      const day = s.start.slice(0, 10);
      out.set(day, out.get(day) ?? 0);
      continue;
    }
    for (let from = a; from < b;) {
      const midnight = (Math.floor(from / DAY_MS) + 1) * DAY_MS;
      const to = Math.min(b, midnight);
      const day = new Date(from).toISOString().slice(0, 10);
      out.set(day, (out.get(day) ?? 0) + (to - from) / 60_000);
      from = to;
    }
  }
  // Overlapping sessions cannot give a day more than 24 hours.
  return new Map(
    [...out.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([d, m]) => [d, Math.min(m, 1440)]),
  );
}

/** What the JP calculator needs, from a programme and its sessions, by the rule set that counts it. */
export function programmeJpInput(
  p: { form: string; scope: JpScope; scheduledJp: number | null },
  sessions: readonly LocalSession[],
  ruleSet: Pick<JpRuleSet, 'minutesPerJp' | 'semester'>,
): JpInput {
  const byDay = minutesByLocalDay(sessions);
  const days = [...byDay.keys()];
  const totalMinutes = [...byDay.values()].reduce((a, m) => a + m, 0);
  const input: JpInput = {
    form: p.form,
    scope: p.scope,
    days: days.length,
    sessions: sessions.map((s) => s.start.slice(0, 10)),
  };
  const scheduled = p.scheduledJp !== null && p.scheduledJp > 0 ? p.scheduledJp : null;
  const fits = scheduled !== null && (!sessions.length || scheduled * ruleSet.minutesPerJp <= totalMinutes);
  if (scheduled !== null && fits) input.scheduledJp = scheduled;
  else if (sessions.length) input.scheduledMinutes = totalMinutes;
  if (days.length) {
    input.semesters = semestersIn(
      { startsOn: days[0]!, endsOn: days[days.length - 1]! },
      semesterRuleOf(ruleSet),
    );
    // A daily-cap form with a planned total is capped by days; otherwise the sessions' hours count.
    if (input.scheduledJp === undefined) input.dailyHours = [...byDay.values()].map((m) => m / 60);
  }
  return input;
}
