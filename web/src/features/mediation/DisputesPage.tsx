import { useState } from 'react';
import { Button, Card, Flex, Form, Select, Tabs, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DISPUTE_STATUSES, type DisputeStatus } from '../../../../domain/mediation';
import { useAuth } from '../../app/auth';
import { useLang } from '../../app/i18n';
import { PagedTable } from '../../shared/PagedTable';
import { PageHeader } from '../../shared/PageHeader';
import { compareText, formatDate } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useDisputes, type DisputeSummaryDto } from './api';
import { RegisterDisputeModal } from './RegisterDisputeModal';
import { StatsCard } from './StatsCard';
import { DisputeStatusTag, statusLabel, typeLabel } from './tags';

const FILTER_KEYS = ['tab', 'status'] as const;

/**
 * The dispute queue (矛盾纠纷) of the signed-in mediator's or street office's street: open ones first by
 * default, every one on "全部" with a status filter; the street statistics above; registering a dispute.
 */
export function DisputesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const [registering, setRegistering] = useState(false);
  const tab = filters.tab === 'all' ? 'all' : 'open';
  const list = useDisputes(
    tab === 'open' ? { open: 'true' } : { status: filters.status as DisputeStatus | undefined },
  );

  const columns: TableColumnsType<DisputeSummaryDto> = [
    {
      title: t('mediation.subject'),
      dataIndex: 'subject',
      width: 240,
      ellipsis: true,
      render: (subject: string, row) => (
        <Link to={`/mediation/disputes/${row.id}`} onClick={(e) => e.stopPropagation()}>
          {subject}
        </Link>
      ),
    },
    {
      title: t('mediation.type'),
      dataIndex: 'type',
      width: 150,
      render: (v: DisputeSummaryDto['type']) => typeLabel(v, lang),
    },
    {
      title: t('mediation.parties'),
      dataIndex: 'parties',
      width: 200,
      ellipsis: true,
    },
    {
      title: t('mediation.compound'),
      dataIndex: 'compoundName',
      width: 140,
      ellipsis: true,
      sorter: (a, b) => compareText(a.compoundName, b.compoundName),
    },
    {
      title: t('mediation.mediator'),
      dataIndex: 'mediatorName',
      width: 190,
      ellipsis: true,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('mediation.noMediator')}</Typography.Text>,
    },
    {
      title: t('mediation.receivedOn'),
      dataIndex: 'receivedOn',
      width: 110,
      sorter: (a, b) => compareText(a.receivedOn, b.receivedOn),
      render: (v: string) => <span className="num">{formatDate(v)}</span>,
    },
    {
      title: t('mediation.status'),
      dataIndex: 'status',
      width: 210,
      render: (s: DisputeStatus) => <DisputeStatusTag status={s} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('mediation.title')}
        extra={
          can('mediation.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="dispute-register-open"
            >
              {t('mediation.register')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('mediation.intro')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <StatsCard />
        <div>
          <Tabs
            activeKey={tab}
            onChange={(key) => setFilters({ tab: key === 'all' ? 'all' : null, status: null })}
            items={(['open', 'all'] as const).map((k) => ({
              key: k,
              label: <span data-testid={`disputes-tab-${k}`}>{t(`mediation.tabs.${k}`)}</span>,
            }))}
          />
          {tab === 'all' && (
            <Card size="small" className="filter-card">
              <Form layout="inline" className="filter-form">
                <Form.Item label={t('mediation.status')} htmlFor="dispute-status">
                  <Select
                    id="dispute-status"
                    data-testid="dispute-status-filter"
                    style={{ width: 220 }}
                    allowClear
                    placeholder={t('mediation.anyStatus')}
                    value={filters.status}
                    options={DISPUTE_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
                    onChange={(value?: string) => setFilters({ status: value })}
                  />
                </Form.Item>
              </Form>
            </Card>
          )}
          <PagedTable<DisputeSummaryDto>
            list={list}
            testId="disputes-table"
            rowKey="id"
            columns={columns}
            scroll={{ x: 1240 }}
            locale={{ emptyText: t('mediation.empty') }}
            onRow={(row) => ({
              onClick: () => void navigate(`/mediation/disputes/${row.id}`),
              className: 'clickable-row',
            })}
          />
        </div>
      </Flex>
      {registering && (
        <RegisterDisputeModal
          onClose={() => setRegistering(false)}
          onCreated={(id) => void navigate(`/mediation/disputes/${id}`)}
        />
      )}
    </>
  );
}
