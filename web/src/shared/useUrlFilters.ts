import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters kept in the URL query string, so a filtered list can be bookmarked, shared and reloaded.
 * Empty values are removed from the URL.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const keyList = keys.join(',');
  const filters = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of keyList.split(',') as K[]) out[k] = searchParams.get(k) || undefined;
    return out;
  }, [searchParams, keyList]);

  const setFilters = useCallback(
    (patch: Partial<Record<K, string | null | undefined>>) => {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [string, string | null | undefined][]) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  return [filters, setFilters] as const;
}
