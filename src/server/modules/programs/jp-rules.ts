/**
 * JP conversion rule sets as reference data: every tenant gets the rule sets Asah ships with
 * (src/domain/learning/jp-rules.ts), inserted by code and never rewritten, so a tenant's own edits
 * and the JP of old records stay. The whole rule set is stored in `rules` (parseJpRuleSet reads it).
 */
import { sql } from 'drizzle-orm';
import {
  BUILT_IN_JP_RULE_SETS,
  parseJpRuleSet,
  ruleSetOn,
  type JpRuleSet,
} from '../../../domain/learning/jp-rules.js';
import type { Tx } from '../../db/client.js';

/** Inserts the built-in rule sets missing for one tenant (or every tenant). Idempotent. */
export async function ensureJpRuleSets(db: Tx, tenantId?: string): Promise<number> {
  let inserted = 0;
  for (const set of BUILT_IN_JP_RULE_SETS) {
    const res = await db.execute(sql`
      insert into jp_rule_sets (tenant_id, code, regulation, effective_from, annual_target_jp, minutes_per_jp, rules)
      select t.id, ${set.code}, ${set.regulation}, ${set.effectiveFrom}::date, ${set.annualTargetJp},
        ${set.minutesPerJp}, ${JSON.stringify(set)}::jsonb
      from tenants t where ${tenantId ? sql`t.id = ${tenantId}` : sql`true`}
      on conflict do nothing`);
    inserted += res.rowCount ?? 0;
  }
  return inserted;
}

export interface StoredRuleSet {
  id: string;
  set: JpRuleSet;
}

/** The tenant's rule sets that parse (a broken stored row is skipped, never guessed at). */
export async function tenantRuleSets(db: Tx, tenantId: string): Promise<StoredRuleSet[]> {
  const res = await db.execute<{
    id: string;
    code: string;
    regulation: string;
    effective_from: string;
    annual_target_jp: number;
    minutes_per_jp: number;
    rules: Record<string, unknown>;
  }>(sql`select id, code, regulation, effective_from, annual_target_jp, minutes_per_jp, rules
    from jp_rule_sets where tenant_id = ${tenantId} order by effective_from`);
  const out: StoredRuleSet[] = [];
  for (const r of res.rows) {
    // The columns win over the copy inside the JSON.
    const parsed = parseJpRuleSet({
      ...r.rules,
      code: r.code,
      regulation: r.regulation,
      effectiveFrom: r.effective_from,
      annualTargetJp: r.annual_target_jp,
      minutesPerJp: r.minutes_per_jp,
    });
    if (parsed.ok) out.push({ id: r.id, set: parsed.value });
  }
  return out;
}

/** The stored rule set in effect on a date (YYYY-MM-DD), if any. */
export async function ruleSetInEffect(db: Tx, tenantId: string, date: string) {
  const sets = await tenantRuleSets(db, tenantId);
  return ruleSetOn(
    sets.map((s) => ({ ...s, effectiveFrom: s.set.effectiveFrom })),
    date,
  );
}
