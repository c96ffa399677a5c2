import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import type { FundEntriesDto } from './api';

/** A unit ledger's entries: date, kind in words, memo (the payment it shares), signed amount. */
export function EntriesTable({
  items,
  compact = false,
}: {
  items: FundEntriesDto['items'];
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={compact ? false : { pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      dataSource={items}
      data-testid="fund-entries"
      columns={[
        { title: t('fund.entryOn'), dataIndex: 'on', render: (v: string) => formatDate(v) },
        { title: t('fund.kind'), dataIndex: 'kind', render: (k: string) => t(`fund.kinds.${k}`) },
        ...(compact ? [] : [{ title: t('fund.memo'), dataIndex: 'memo' }]),
        {
          title: t('fund.amount'),
          dataIndex: 'amount',
          align: 'right' as const,
          render: (v: string) => (
            <Typography.Text type={v.startsWith('-') ? 'danger' : undefined}>{v}</Typography.Text>
          ),
        },
      ]}
    />
  );
}
