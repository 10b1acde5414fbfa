/**
 * A programme's JP: computed on every save from its form, scope, scheduled JP and sessions by the
 * rule set in effect on the first session's date (tenant time zone), and stored with its basis.
 */
import { sql } from 'drizzle-orm';
import { citingRegulation, computeJp, type JpOutcome } from '../../../domain/learning/jp.js';
import { programmeJpInput, type LocalSession } from '../../../domain/learning/jp-programme.js';
import type { JpScope } from '../../../domain/learning/jp-rules.js';
import type { Tx } from '../../db/client.js';
import type { Lang } from '../../http/messages.js';
import { ruleSetInEffect } from './jp-rules.js';

/** The programme's sessions as local wall-clock times in the tenant's zone. */
export async function localSessions(tx: Tx, tenantId: string, programId: string): Promise<LocalSession[]> {
  const res = await tx.execute<{ start_at: string; end_at: string }>(sql`
    select to_char(s.starts_at at time zone t.time_zone, 'YYYY-MM-DD"T"HH24:MI:SS') as start_at,
      to_char(s.ends_at at time zone t.time_zone, 'YYYY-MM-DD"T"HH24:MI:SS') as end_at
    from program_sessions s join tenants t on t.id = s.tenant_id
    where s.tenant_id = ${tenantId} and s.program_id = ${programId} order by s.starts_at`);
  return res.rows.map((r) => ({ start: r.start_at, end: r.end_at }));
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
  const date = sessions[0]?.start.slice(0, 10) ?? p.today;
  const stored = await ruleSetInEffect(tx, tenantId, date);
  let jp = 0;
  let basis = `Belum ada aturan konversi JP yang berlaku pada ${date}.`;
  let basisEn = `No JP conversion rule set is in effect on ${date}.`;
  let outcome: JpOutcome | null = null;
  if (stored) {
    outcome = computeJp(
      programmeJpInput(
        {
          form: p.form,
          scope: p.scope,
          scheduledJp: p.scheduled_jp === null ? null : Number(p.scheduled_jp),
        },
        sessions,
        stored.set,
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
