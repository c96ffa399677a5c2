import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../shared/QueryError';
import { useMyFund } from './api';
import { EntriesTable } from './EntriesTable';

/** The owner's own maintenance fund ledgers on the phone: balance, initial deposit, latest entries (shares). */
export function OwnFund() {
  const { t } = useTranslation();
  const fund = useMyFund();
  return (
    <Card title={t('fund.mine.title')} className="owner-card" data-testid="owner-fund">
      {fund.isPending ? (
        <Skeleton active />
      ) : fund.isError ? (
        <QueryError error={fund.error} onRetry={() => void fund.refetch()} />
      ) : fund.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fund.mine.none')} />
      ) : (
        <Flex vertical gap={16}>
          {fund.data.map((u) => (
            <section key={u.unitId} data-testid="owner-fund-unit">
              <Typography.Text strong>{u.label}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('fund.mine.balance', { balance: u.balance, initial: u.initial })}
              </Typography.Paragraph>
              <EntriesTable items={u.items.slice(0, 5)} compact />
            </section>
          ))}
        </Flex>
      )}
    </Card>
  );
}
