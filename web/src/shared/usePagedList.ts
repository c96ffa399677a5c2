import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { api, type QueryParams } from '../api/client';
import type { Page } from '../api/types';

export const PAGE_SIZE = 50;

/**
 * A keyset-paginated list (`{ items, nextCursor, total? }`): pages are appended by `loadMore`,
 * so the table grows in place ("加载更多") while the filters stay in the query key.
 */
export function usePagedList<T>(key: QueryKey, path: string, params: QueryParams = {}, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: [...key, params],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { ...params, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    placeholderData: keepPreviousData, // a filter change keeps the old rows (dimmed) until the new ones arrive
  });
  const pages = query.data?.pages ?? [];
  return {
    ...query,
    rows: pages.flatMap((p) => p.items),
    total: pages[0]?.total,
    loadMore: () => void query.fetchNextPage(),
  };
}
