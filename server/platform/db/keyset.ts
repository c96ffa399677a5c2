// Keyset pagination: rows after the last (key, id) of the previous page, in (key, id) order, one
// extra row to tell whether a next page exists (see platform/http/pagination.ts pageFrom).
import type { SelectQueryBuilder } from 'kysely';

export function keysetPage<Q extends SelectQueryBuilder<any, any, any>>(
  query: Q,
  key: string,
  id: string,
  after: readonly [string | number, string] | null,
  limit: number,
  direction: 'asc' | 'desc' = 'asc',
): Q {
  let q: SelectQueryBuilder<any, any, any> = query;
  if (after) {
    const [k, i] = after;
    const cmp = direction === 'asc' ? '>' : '<';
    q = q.where((eb) =>
      eb.or([eb(eb.ref(key), cmp, k), eb.and([eb(eb.ref(key), '=', k), eb(eb.ref(id), cmp, i)])]),
    );
  }
  return q
    .orderBy(key, direction)
    .orderBy(id, direction)
    .limit(limit + 1) as Q;
}
