import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useDivisions } from '../divisions/api';
import { DeniedResult } from '../../shared/DeniedResult';
import { PageHeader } from '../../shared/PageHeader';
import { compareText } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import type { KpiRowDto } from '../cases/types';
import { GROUP_BYS, kpiExportUrl, useCaseKpis, useKpiTrend, type GroupBy } from './api';
import { formatRate } from './format';
import { KpiCharts } from './KpiCharts';
import { KpiRanking } from './KpiRanking';
import { KpiSummary } from './KpiSummary';
import { isMonth, lastMonth, monthRange } from './period';
import { useScope } from './scope';
import './kpis.css';

const FILTER_KEYS = ['month', 'groupBy', 'district', 'street'] as const;
const RATES = [
  'discoveryRate',
  'acceptedOnTimeRate',
  'onTimeRate',
  'resolutionRate',
  'satisfactionRate',
  'repeatRate',
  'arrivalOnTimeRate',
] as const;
type Rate = (typeof RATES)[number];

/** Nulls (no cases to measure) sort last whichever way the column is sorted. */
const compareRate = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);

export function KpisPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const scope = useScope();
  const divisions = useDivisions();
  const month = isMonth(filters.month) ? filters.month : lastMonth();
  // A street office has one street: its own compounds are what it compares.
  const groupBy: GroupBy = GROUP_BYS.includes(filters.groupBy as GroupBy)
    ? (filters.groupBy as GroupBy)
    : scope.street
      ? 'compound'
      : 'street';
  const district = scope.district ?? filters.district;
  const street = scope.street ?? filters.street;
  const params = { groupBy, district, street, ...monthRange(month) };
  const kpis = useCaseKpis(params);
  const categories = useCaseKpis({ ...params, groupBy: 'category' });
  const trend = useKpiTrend({ district, street, to: month, months: 12 });
  // Drill-down: a street's row or ranking bar opens the street's compounds; "back" returns to the streets.
  const openStreet =
    groupBy === 'street'
      ? (code: string) => setFilters({ groupBy: 'compound', district: code.slice(0, 6), street: code })
      : undefined;
  const drilled = groupBy === 'compound' && !!filters.street && !scope.street;
  const streetName = drilled ? divisions.streetsOf(district).find((d) => d.code === street)?.name : null;

  const rateColumn = (key: Rate) => ({
    title: t(`kpis.${key}`),
    dataIndex: key,
    align: 'right' as const,
    width: 110,
    sorter: (a: KpiRowDto, b: KpiRowDto) => compareRate(a[key], b[key]),
    render: (v: number | null) => <span className="num">{formatRate(v)}</span>,
  });
  const columns: TableColumnsType<KpiRowDto> = [
    {
      title: t(`kpis.groupBys.${groupBy}`),
      dataIndex: 'name',
      fixed: 'left',
      sorter: (a, b) => compareText(a.name, b.name),
      render: (name: string, row) =>
        openStreet ? (
          <Typography.Link onClick={() => openStreet(row.key)} data-testid="kpi-open-street">
            {name}
          </Typography.Link>
        ) : (
          name
        ),
    },
    {
      title: t('kpis.total'),
      dataIndex: 'total',
      align: 'right',
      width: 90,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.total - b.total,
      render: (v: number) => <span className="num">{v}</span>,
    },
    {
      title: t('kpis.proactive'),
      dataIndex: 'proactive',
      align: 'right',
      width: 90,
      sorter: (a, b) => a.proactive - b.proactive,
      render: (v: number) => <span className="num">{v}</span>,
    },
    ...RATES.map(rateColumn),
    {
      title: t('kpis.parked'),
      dataIndex: 'parked',
      align: 'right',
      width: 90,
      sorter: (a, b) => a.parked - b.parked,
      render: (v: number) => <span className="num">{v}</span>,
    },
  ];

  const error = kpis.error instanceof ApiError ? kpis.error : null;
  if (error?.status === 403) return <DeniedResult status={403} message={error.message} />;

  const rows = kpis.data ?? [];
  const totals = rows.reduce(
    (s, r) => ({
      total: s.total + r.total,
      proactive: s.proactive + r.proactive,
      parked: s.parked + r.parked,
    }),
    { total: 0, proactive: 0, parked: 0 },
  );

  return (
    <>
      <PageHeader
        title={t('kpis.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            disabled={!rows.length}
            href={kpiExportUrl(params, 'csv')}
            data-testid="export-kpis"
          >
            {t('common.exportCsv')}
          </Button>
        }
      />
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-form">
          <Form.Item label={t('kpis.period')} htmlFor="kpi-month">
            <DatePicker
              id="kpi-month"
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(d) => setFilters({ month: d ? d.format('YYYY-MM') : null })}
              data-testid="kpi-month"
            />
          </Form.Item>
          <Form.Item label={t('kpis.groupBy')} htmlFor="kpi-group-by">
            <Select
              id="kpi-group-by"
              style={{ width: 140 }}
              value={groupBy}
              options={GROUP_BYS.map((g) => ({ value: g, label: t(`kpis.groupBys.${g}`) }))}
              onChange={(v: string) => setFilters({ groupBy: v })}
              data-testid="kpi-group-by"
            />
          </Form.Item>
          <Form.Item label={t('filter.district')} htmlFor="kpi-district">
            <Select
              id="kpi-district"
              style={{ width: 150 }}
              allowClear
              disabled={!!scope.district}
              showSearch={{ optionFilterProp: 'label' }}
              loading={divisions.isLoading}
              placeholder={t('filter.anyDistrict')}
              value={district}
              options={divisions.districts.map((d) => ({ value: d.code, label: d.name }))}
              onChange={(v?: string) => setFilters({ district: v, street: null })}
            />
          </Form.Item>
          <Form.Item label={t('filter.street')} htmlFor="kpi-street">
            <Select
              id="kpi-street"
              style={{ width: 190 }}
              allowClear
              disabled={!!scope.street || !district}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('filter.anyStreet')}
              value={street}
              options={divisions.streetsOf(district).map((d) => ({ value: d.code, label: d.name }))}
              onChange={(v?: string) => setFilters({ street: v })}
            />
          </Form.Item>
        </Form>
      </Card>
      {drilled && (
        <Flex align="center" gap={8} wrap className="kpi-drill" data-testid="kpi-drill">
          <Button
            size="small"
            icon={<ArrowLeftOutlined />}
            onClick={() => setFilters({ groupBy: 'street', street: null })}
            data-testid="kpi-drill-back"
          >
            {t('kpis.backToStreets')}
          </Button>
          <Typography.Text>{t('kpis.compoundsOf', { street: streetName ?? '' })}</Typography.Text>
        </Flex>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={t('result.error')}
          description={error.message}
          action={
            <Button size="small" onClick={() => void kpis.refetch()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Flex vertical gap={12} className="kpi-charts">
        <KpiSummary current={trend.data?.at(-1)} previous={trend.data?.at(-2)} />
        {trend.data && <KpiCharts trend={trend.data} categories={categories.data ?? []} />}
        <KpiRanking rows={rows} unitLabel={t(`kpis.groupBys.${groupBy}`)} onOpen={openStreet} />
      </Flex>
      <Table<KpiRowDto>
        data-testid="kpis-table"
        size="small"
        bordered
        rowKey="key"
        columns={columns}
        dataSource={rows}
        loading={kpis.isFetching}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('kpis.empty') }}
        summary={() =>
          rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('kpis.sum')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <span className="num">{totals.total}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <span className="num">{totals.proactive}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <span className="num">
                  {formatRate(totals.total ? totals.proactive / totals.total : null)}
                </span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} colSpan={5} />
              <Table.Summary.Cell index={9} align="right">
                <span className="num">{totals.parked}</span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('kpis.definitions')}
      </Typography.Paragraph>
    </>
  );
}
