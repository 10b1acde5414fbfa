/**
 * A short-lived shared result for the heavy whole-unit report queries (gap heatmap, JP compliance):
 * callers asking for the same figures at the same moment share one query, and for `ttlSeconds` after it
 * they get its answer again instead of re-reading every employee.
 *
 * Scope: the key is built by the caller from the tenant, the unit (already checked against the
 * caller's scope) and every parameter of the figures, so one tenant's or OPD's figures can only be
 * served to a caller who may see that very unit. One cache per app (per database), in memory only.
 *
 * Freshness: every write request this process handles starts a new generation, so its own callers never
 * see figures older than their write. A write through another process shows at most `ttlSeconds` later
 * (0: nothing is kept; identical reads running at the same moment still share one query).
 */
export interface ReportCache {
  /** The value for `key`: a shared one still fresh or under way, else `load()` (shared from now on). */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets everything (a write happened). */
  invalidate(): void;
}

const MAX_ENTRIES = 500;

export function reportCache(ttlSeconds: number): ReportCache {
  const ttlMs = ttlSeconds * 1000;
  let generation = 0;
  const entries = new Map<string, { at: number; gen: number; done: boolean; value: Promise<unknown> }>();

  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const now = Date.now();
      const e = entries.get(key);
      if (e && e.gen === generation && (!e.done || now - e.at < ttlMs)) return e.value as Promise<T>;
      const gen = generation;
      const value = load();
      const entry = { at: now, gen, done: false, value: value as Promise<unknown> };
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      value.then(
        () => {
          entry.done = true;
          entry.at = Date.now();
          if (ttlMs <= 0 && entries.get(key) === entry) entries.delete(key);
        },
        () => {
          // A failed load is never shared afterwards.
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return value;
    },
    invalidate() {
      generation++;
      entries.clear();
    },
  };
}
