import { Card, Form, Input, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PagedTable } from '../../shared/PagedTable';
import { PageHeader } from '../../shared/PageHeader';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useCompanies, type CompanySummaryDto } from './api';
import { StandingTag } from './tags';

const FILTER_KEYS = ['q'] as const;

/** The property-service companies (head companies) the account may see, with standing in words. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const list = useCompanies(filters.q || undefined);
  const columns: TableColumnsType<CompanySummaryDto> = [
    {
      title: t('industry.company'),
      dataIndex: 'name',
      width: 240,
      render: (name: string, row) => (
        <Link to={`/industry/companies/${row.id}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: t('industry.standing'),
      dataIndex: 'standing',
      width: 220,
      render: (s: CompanySummaryDto['standing']) => <StandingTag standing={s} />,
    },
    {
      title: t('industry.creditCode'),
      dataIndex: 'creditCode',
      width: 200,
      render: (v: string | null) =>
        v ? (
          <span className="num">{v}</span>
        ) : (
          <Typography.Text type="secondary">{t('industry.noCode')}</Typography.Text>
        ),
    },
    {
      title: t('industry.branches'),
      dataIndex: 'branches',
      width: 100,
      render: (n: number) => <span className="num">{n}</span>,
    },
    {
      title: t('industry.recordsInForce'),
      dataIndex: 'standing',
      key: 'records',
      width: 160,
      render: (s: CompanySummaryDto['standing']) =>
        t('industry.recordsInForceValue', { bad: s.bad, good: s.good }),
    },
  ];
  return (
    <>
      <PageHeader title={t('industry.title')} />
      <Typography.Paragraph type="secondary">{t('industry.intro')}</Typography.Paragraph>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-form">
          <Form.Item label={t('industry.search')} htmlFor="industry-q" style={{ maxWidth: '100%' }}>
            <Input.Search
              id="industry-q"
              allowClear
              defaultValue={filters.q}
              style={{ width: 260, maxWidth: '100%' }}
              onSearch={(v) => setFilters({ q: v || null })}
              data-testid="industry-search"
            />
          </Form.Item>
        </Form>
      </Card>
      <PagedTable<CompanySummaryDto>
        list={list}
        testId="companies-table"
        rowKey="id"
        columns={columns}
        scroll={{ x: 920 }}
        locale={{ emptyText: t('industry.empty') }}
        onRow={(row) => ({
          onClick: () => void navigate(`/industry/companies/${row.id}`),
          className: 'clickable-row',
        })}
      />
    </>
  );
}
