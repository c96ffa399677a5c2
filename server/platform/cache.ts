// A small in-process cache with a time to live, for read-mostly lookups on hot paths (routing an
// intake). Entries may be stale for up to `ttlMs`; callers say why that is acceptable.
/**
 * How long an instance may go on using reference data (taxonomy, responsibility lists, SLA policies, the
 * working calendar, registry lookups of intake, API-key limits) after it changed in the database — on
 * another instance, or bypassing this one. An edit through an instance clears its own cache at once.
 * docs/deploy.md "Several instances".
 */
export const REFERENCE_FRESHNESS_MS = 5_000;

export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  clear(): void;
}

export function ttlCache<V>(ttlMs: number, maxEntries = 10_000, now: () => number = Date.now): TtlCache<V> {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return {
    get(key, load) {
      const hit = entries.get(key);
      const t = now();
      if (hit && t - hit.at < ttlMs) return hit.value;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      const value = load();
      entries.set(key, { at: t, value });
      value.catch(() => entries.delete(key));
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
