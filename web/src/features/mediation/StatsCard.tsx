import { Card, Empty, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISPUTE_TYPES } from '../../../../domain/mediation';
import { useLang } from '../../app/i18n';
import { QueryError } from '../../shared/QueryError';
import { useMediationStats, type MediationStatsDto } from './api';
import { typeLabel } from './tags';

type Row = MediationStatsDto['streets'][number];

/** Statistics per street (the caller's streets): disputes by type, agreements reached, days to outcome. */
export function StatsCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const stats = useMediationStats();
  const num = (v: number) => <span className="num">{v}</span>;
  const columns: TableColumnsType<Row> = [
    {
      title: t('mediation.stats.street'),
      dataIndex: 'streetName',
      width: 110,
      fixed: 'left',
      render: (v: string | null, r) => v ?? r.streetCode,
    },
    { title: t('mediation.stats.total'), dataIndex: 'total', width: 70, render: num },
    { title: t('mediation.stats.open'), dataIndex: 'open', width: 80, render: num },
    { title: t('mediation.stats.agreements'), dataIndex: 'agreements', width: 90, render: num },
    { title: t('mediation.stats.referred'), dataIndex: 'referred', width: 120, render: num },
    { title: t('mediation.stats.withdrawn'), dataIndex: 'withdrawn', width: 70, render: num },
    { title: t('mediation.stats.returned'), dataIndex: 'returned', width: 90, render: num },
    {
      title: t('mediation.stats.median'),
      dataIndex: 'medianDaysToOutcome',
      width: 170,
      render: (v: number | null) => (v === null ? t('common.none') : t('mediation.stats.days', { days: v })),
    },
    {
      title: t('mediation.stats.byType'),
      key: 'byType',
      width: 300,
      render: (_: unknown, r) =>
        DISPUTE_TYPES.filter((k) => r.byType[k] > 0)
          .map((k) => `${typeLabel(k, lang)} ${r.byType[k]}`)
          .join('；'),
    },
  ];
  return (
    <Card size="small" title={t('mediation.stats.title')} data-testid="mediation-stats">
      {stats.isError ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : stats.data && stats.data.streets.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mediation.stats.none')} />
      ) : (
        <Table<Row>
          size="small"
          bordered
          rowKey="streetCode"
          loading={stats.isPending}
          pagination={false}
          scroll={{ x: 1100 }}
          columns={columns}
          dataSource={stats.data?.streets ?? []}
        />
      )}
    </Card>
  );
}
