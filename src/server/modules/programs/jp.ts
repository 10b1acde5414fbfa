/**
 * A programme's JP: computed on every save from its form, scope, scheduled JP and sessions by the
 * rule set in effect on the first session's date (tenant time zone), and stored with its basis.
 */
import { sql } from 'drizzle-orm';
import { citingRegulation, computeJp, type JpInput, type JpOutcome } from '../../../domain/learning/jp.js';
import type { JpScope } from '../../../domain/learning/jp-rules.js';
import type { Tx } from '../../db/client.js';
import type { Lang } from '../../http/messages.js';
import { ruleSetInEffect } from './jp-rules.js';

export interface LocalSession {
  /** Local dates and duration in the tenant's time zone. */
  startDate: string;
  endDate: string;
  minutes: number;
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** What the JP calculator needs, from a programme's sessions (pure). */
export function jpInputOf(
  p: { form: string; scope: JpScope; scheduledJp: number | null },
  sessions: readonly LocalSession[],
): JpInput {
  const days = new Set<string>();
  const hoursByDay = new Map<string, number>();
  for (const s of sessions) {
    for (let d = s.startDate, n = 0; d <= s.endDate && n < 400; d = nextDay(d), n++) days.add(d);
    hoursByDay.set(s.startDate, (hoursByDay.get(s.startDate) ?? 0) + s.minutes / 60);
  }
  const input: JpInput = {
    form: p.form,
    scope: p.scope,
    days: days.size,
    sessions: sessions.map((s) => s.startDate),
  };
  if (p.scheduledJp !== null && p.scheduledJp > 0) input.scheduledJp = p.scheduledJp;
  else if (sessions.length) input.scheduledMinutes = sessions.reduce((a, s) => a + s.minutes, 0);
  if (sessions.length) {
    const dates = [...days].sort();
    const spanDays = (Date.parse(dates[dates.length - 1]!) - Date.parse(dates[0]!)) / 86_400_000 + 1;
    input.semesters = Math.max(1, Math.round(spanDays / 182));
    // A daily-cap form with a planned total is capped by days; otherwise the sessions' hours count.
    if (input.scheduledJp === undefined)
      input.dailyHours = [...hoursByDay.values()].map((h) => Math.min(24, h));
  }
  return input;
}

export async function localSessions(tx: Tx, tenantId: string, programId: string): Promise<LocalSession[]> {
  const res = await tx.execute<{ start_date: string; end_date: string; minutes: number }>(sql`
    select to_char(s.starts_at at time zone t.time_zone, 'YYYY-MM-DD') as start_date,
      to_char(s.ends_at at time zone t.time_zone, 'YYYY-MM-DD') as end_date,
      (extract(epoch from s.ends_at - s.starts_at) / 60)::float8 as minutes
    from program_sessions s join tenants t on t.id = s.tenant_id
    where s.tenant_id = ${tenantId} and s.program_id = ${programId} order by s.starts_at`);
  return res.rows.map((r) => ({ startDate: r.start_date, endDate: r.end_date, minutes: Number(r.minutes) }));
}

export interface ProgramJp {
  outcome: JpOutcome | null;
  ruleSetId: string | null;
  ruleSetDate: string;
}

/**
 * Computes a programme's JP now and stores jp, its basis in both languages and jp_rule_set_id. Call it after every
 * change of form, scope, scheduled JP or sessions. A programme the rules cannot count yet (no
 * sessions, no rule set) keeps 0 JP with the reason as its basis.
 */
export async function recomputeProgramJp(tx: Tx, tenantId: string, programId: string): Promise<ProgramJp> {
  const p = (
    await tx.execute<{ form: string; scope: JpScope; scheduled_jp: string | null; today: string }>(sql`
      select p.form, p.scope, p.scheduled_jp, to_char(now() at time zone t.time_zone, 'YYYY-MM-DD') as today
      from programs p join tenants t on t.id = p.tenant_id where p.tenant_id = ${tenantId} and p.id = ${programId}`)
  ).rows[0];
  if (!p) return { outcome: null, ruleSetId: null, ruleSetDate: '' };
  const sessions = await localSessions(tx, tenantId, programId);
  const date = sessions[0]?.startDate ?? p.today;
  const stored = await ruleSetInEffect(tx, tenantId, date);
  let jp = 0;
  let basis = `Belum ada aturan konversi JP yang berlaku pada ${date}.`;
  let basisEn = `No JP conversion rule set is in effect on ${date}.`;
  let outcome: JpOutcome | null = null;
  if (stored) {
    outcome = computeJp(
      jpInputOf(
        {
          form: p.form,
          scope: p.scope,
          scheduledJp: p.scheduled_jp === null ? null : Number(p.scheduled_jp),
        },
        sessions,
      ),
      stored.set,
    );
    if (outcome.ok) {
      jp = outcome.jp;
      ({ id: basis, en: basisEn } = citingRegulation(outcome.basis, stored.set.regulation));
    } else [basis, basisEn] = [outcome.message.id, outcome.message.en];
  }
  await tx.execute(sql`update programs set jp = ${jp}, jp_basis = ${basis}, jp_basis_en = ${basisEn},
    jp_rule_set_id = ${stored?.id ?? null}
    where tenant_id = ${tenantId} and id = ${programId}`);
  return { outcome, ruleSetId: stored?.id ?? null, ruleSetDate: date };
}

/** A stored JP basis in the reader's language (rows stored before English was kept fall back to Indonesian). */
export const basisIn = (lang: Lang, row: { jp_basis: string; jp_basis_en: string }): string =>
  lang === 'en' && row.jp_basis_en ? row.jp_basis_en : row.jp_basis;
