import { Skeleton, Table, type TableProps } from 'antd';
import { LoadMore } from './LoadMore';
import { QueryError } from './QueryError';
import type { usePagedList } from './usePagedList';

type PagedList<T> = ReturnType<typeof usePagedList<T>>;

interface Props<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'footer'> {
  list: PagedList<T>;
  testId?: string;
}

/**
 * A dense table over a keyset-paginated list. Until the first page has arrived a skeleton stands in
 * (so the table never shows an empty "no data" row while loading); later pages append via "加载更多".
 */
export function PagedTable<T extends object>({ list, testId, ...tableProps }: Props<T>) {
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Skeleton active paragraph={{ rows: 8 }} className="table-skeleton" />;
  return (
    <Table<T>
      data-testid={testId}
      size="small"
      bordered
      {...tableProps}
      dataSource={list.rows}
      loading={list.isFetching && !list.isFetchingNextPage}
      pagination={false}
      footer={() => (
        <LoadMore
          count={list.rows.length}
          total={list.total}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoadMore={list.loadMore}
        />
      )}
    />
  );
}
