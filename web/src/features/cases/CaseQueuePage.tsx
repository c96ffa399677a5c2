import { Button, Card, Form, Input, Select, Space, Tabs, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CASE_STATUSES } from '../../../../domain/case-lifecycle';
import { useAuth } from '../../app/auth';
import { useLang } from '../../app/i18n';
import { DivisionFilter } from '../divisions/DivisionFilter';
import { PagedTable } from '../../shared/PagedTable';
import { PageHeader } from '../../shared/PageHeader';
import { compareText, formatDeadline } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { QUEUES, useCaseQueue, useCategories, type Queue } from './api';
import { defaultQueue, intakeChannels } from './roles';
import { ExportButtons } from '../../shared/ExportButtons';
import { CaseStatusTag, DueStateTag, statusLabel, SupervisionTag, UrgencyTag } from './tags';
import { categoryName } from '../../shared/categories';
import type { CaseListItemDto } from './types';

const FILTER_KEYS = ['queue', 'district', 'street', 'category', 'status', 'q'] as const;

export function CaseQueuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const queue: Queue = QUEUES.includes(filters.queue as Queue) ? (filters.queue as Queue) : defaultQueue(me);
  const categories = useCategories();
  const query = {
    queue,
    street: filters.street,
    category: filters.category,
    status: queue === 'all' ? filters.status : undefined,
    q: filters.q,
  };
  const list = useCaseQueue(query);
  const canIntake = intakeChannels(me).length > 0;

  const columns: TableColumnsType<CaseListItemDto> = [
    {
      title: t('cases.caseNo'),
      dataIndex: 'caseNo',
      width: 185,
      sorter: (a, b) => compareText(a.caseNo, b.caseNo),
      render: (caseNo: string, row) => (
        <Link to={`/cases/${row.id}`} onClick={(e) => e.stopPropagation()} className="num">
          {caseNo}
        </Link>
      ),
    },
    {
      title: t('cases.titleColumn'),
      dataIndex: 'title',
      ellipsis: true,
      sorter: (a, b) => compareText(a.title, b.title),
      render: (title: string, row) => (
        <>
          <UrgencyTag urgency={row.urgency} />
          {title}
        </>
      ),
    },
    {
      title: t('cases.category'),
      dataIndex: 'categoryName',
      width: 130,
      ellipsis: true,
      sorter: (a, b) => compareText(a.categoryName, b.categoryName),
      render: (name: string, row) => {
        const c = categories.data?.find((x) => x.code === row.categoryCode);
        return c ? categoryName(c, lang) : name;
      },
    },
    {
      title: t('cases.compound'),
      dataIndex: 'compoundName',
      width: 110,
      ellipsis: true,
      sorter: (a, b) => compareText(a.compoundName, b.compoundName),
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('cases.street'),
      dataIndex: 'streetName',
      width: 100,
      ellipsis: true,
      sorter: (a, b) => compareText(a.streetName, b.streetName),
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('cases.leadOrg'),
      dataIndex: 'leadOrgName',
      width: 150,
      ellipsis: true,
      sorter: (a, b) => compareText(a.leadOrgName, b.leadOrgName),
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('cases.notDispatched')}</Typography.Text>,
    },
    {
      title: t('cases.status'),
      dataIndex: 'status',
      width: 90,
      sorter: (a, b) => compareText(a.status, b.status),
      render: (status: string) => <CaseStatusTag status={status} />,
    },
    {
      title: t('cases.dueAt'),
      dataIndex: 'nextDueAt',
      width: 210,
      sorter: (a, b) => compareText(a.nextDueAt ?? '9999', b.nextDueAt ?? '9999'),
      render: (v: string | null, row) => (
        <Space size={4}>
          <span>{formatDeadline(v, lang)}</span>
          <DueStateTag state={row.dueState} at={v} />
        </Space>
      ),
    },
    {
      title: t('cases.supervision'),
      dataIndex: 'supervisionLevel',
      width: 80,
      sorter: (a, b) => a.supervisionLevel - b.supervisionLevel,
      render: (level: number) => <SupervisionTag level={level} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('cases.queueTitle')}
        extra={
          <Space wrap>
            <ExportButtons list="cases" params={query} />
            {canIntake && (
              <Link to="/cases/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="cases-new">
                  {t('cases.intake.title')}
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      <Tabs
        activeKey={queue}
        onChange={(key) => setFilters({ queue: key, status: null })}
        items={QUEUES.map((q) => ({
          key: q,
          label: <span data-testid={`queue-${q}`}>{t(`cases.queues.${q}`)}</span>,
        }))}
      />
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-form">
          <DivisionFilter
            district={filters.district}
            street={filters.street}
            onChange={(v) => setFilters({ district: v.district, street: v.street })}
          />
          <Form.Item label={t('cases.category')} htmlFor="filter-category">
            <Select
              id="filter-category"
              style={{ width: 200 }}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('cases.anyCategory')}
              value={filters.category}
              loading={categories.isLoading}
              options={(categories.data ?? []).map((c) => ({ value: c.code, label: categoryName(c, lang) }))}
              onChange={(value?: string) => setFilters({ category: value })}
            />
          </Form.Item>
          {queue === 'all' && (
            <Form.Item label={t('cases.status')} htmlFor="filter-status">
              <Select
                id="filter-status"
                style={{ width: 130 }}
                allowClear
                placeholder={t('cases.anyStatus')}
                value={filters.status}
                options={CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
                onChange={(value?: string) => setFilters({ status: value })}
              />
            </Form.Item>
          )}
          <Form.Item label={t('cases.search')} htmlFor="filter-q">
            <Input.Search
              id="filter-q"
              key={filters.q ?? ''}
              defaultValue={filters.q}
              placeholder={t('cases.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
              style={{ width: 300 }}
              onSearch={(q) => setFilters({ q: q.trim() })}
            />
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() =>
                setFilters({ district: null, street: null, category: null, status: null, q: null })
              }
            >
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <PagedTable<CaseListItemDto>
        list={list}
        testId="cases-table"
        rowKey="id"
        columns={columns}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('cases.empty') }}
        onRow={(row) => ({ onClick: () => navigate(`/cases/${row.id}`), className: 'clickable-row' })}
      />
    </>
  );
}
