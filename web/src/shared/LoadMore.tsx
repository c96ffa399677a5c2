import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  count: number;
  total?: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** Footer of a keyset-paginated table: how many rows are shown and a "加载更多" button. */
export function LoadMore({ count, total, hasMore, loading, onLoadMore }: Props) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={12}>
      <Typography.Text type="secondary" aria-live="polite">
        {total === undefined ? t('common.loaded', { count }) : t('common.loadedOfTotal', { count, total })}
      </Typography.Text>
      {hasMore ? (
        <Button onClick={onLoadMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      ) : (
        count > 0 && <Typography.Text type="secondary">{t('common.allLoaded')}</Typography.Text>
      )}
    </Flex>
  );
}
