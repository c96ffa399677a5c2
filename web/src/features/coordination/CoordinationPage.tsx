import { Card, Flex, List, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { JOINT_MEETING_PRINCIPLE } from '../../../../domain/coordination';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { formatDate } from '../../shared/format';
import { useBodies, useMyActionItems, useSentRequests, type BodySummaryDto } from './api';
import { ActionItemList } from './ActionItemCard';
import './coordination.css';

const FILTER_KEYS = ['tab'] as const;

/**
 * The joint meetings (联席会议) of the signed-in office's level and below, and the action items (交办事项) the
 * meetings gave the user's own units. A member unit (a department, a company) sees only its items.
 */
export function CoordinationPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const bodies = useBodies();
  const hasBodies = (bodies.data?.items.length ?? 0) > 0;
  const tab = filters.tab === 'items' || (bodies.data && !hasBodies) ? 'items' : 'bodies';
  return (
    <>
      <PageHeader title={t('coord.title')} />
      <Typography.Paragraph type="secondary">{JOINT_MEETING_PRINCIPLE}</Typography.Paragraph>
      {bodies.isError && <QueryError error={bodies.error} onRetry={() => void bodies.refetch()} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setFilters({ tab: key === 'items' ? 'items' : null })}
        items={[
          ...(hasBodies
            ? [
                {
                  key: 'bodies',
                  label: <span data-testid="coord-tab-bodies">{t('coord.tabs.bodies')}</span>,
                  children: (
                    <Flex vertical gap={16}>
                      <Bodies items={bodies.data!.items} />
                      <SentRequests />
                    </Flex>
                  ),
                },
              ]
            : []),
          {
            key: 'items',
            label: <span data-testid="coord-tab-items">{t('coord.tabs.items')}</span>,
            children: <MyItems />,
          },
        ]}
      />
    </>
  );
}

function Bodies({ items }: { items: BodySummaryDto[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: TableColumnsType<BodySummaryDto> = [
    {
      title: t('coord.name'),
      dataIndex: 'name',
      width: 260,
      render: (name: string, row) => (
        <Link to={`/coordination/bodies/${row.id}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: t('coord.division'),
      dataIndex: 'divisionName',
      width: 130,
      render: (v: string | null, row) => (
        <>
          <Tag>{t(`coord.level.${row.level}`)}</Tag>
          {v}
        </>
      ),
    },
    { title: t('coord.convenor'), dataIndex: 'convenor', width: 170 },
    { title: t('coord.office'), dataIndex: 'officeName', width: 190, render: (v: string | null) => v ?? '—' },
    {
      title: t('coord.members'),
      dataIndex: 'members',
      width: 100,
      render: (n: number) => t('coord.membersCount', { count: n }),
    },
    {
      title: t('coord.openItems'),
      dataIndex: 'openActionItems',
      width: 130,
      render: (n: number) => <span className="num">{n}</span>,
    },
  ];
  return (
    <Table<BodySummaryDto>
      data-testid="coord-bodies"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 980 }}
      onRow={(row) => ({
        onClick: () => void navigate(`/coordination/bodies/${row.id}`),
        className: 'clickable-row',
      })}
    />
  );
}

function MyItems() {
  const { t } = useTranslation();
  const items = useMyActionItems();
  if (items.isError) return <QueryError error={items.error} onRetry={() => void items.refetch()} />;
  // Open first (overdue at the top), then the done ones.
  const order = { overdue: 0, warning: 1, ok: 2, done: 3 } as const;
  const sorted = [...(items.data?.items ?? [])].sort(
    (a, b) => order[a.dueState] - order[b.dueState] || a.dueOn.localeCompare(b.dueOn),
  );
  return (
    <>
      <Typography.Paragraph type="secondary">{t('coord.myItemsHint')}</Typography.Paragraph>
      {items.data && (
        <ActionItemList items={sorted} empty={t('coord.myItemsEmpty')} showSource testId="my-items" />
      )}
    </>
  );
}

/** What this office asked the level above to coordinate (下级提请), and which meeting took it up. */
function SentRequests() {
  const { t } = useTranslation();
  const sent = useSentRequests();
  const items = sent.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card size="small" title={t('coord.sentRequests')}>
      <List
        data-testid="coord-sent-requests"
        dataSource={items}
        renderItem={(r) => (
          <List.Item key={r.id}>
            <List.Item.Meta
              title={
                <Flex gap={8} wrap>
                  <span>{r.subject}</span>
                  <Tag color={r.status === 'scheduled' ? 'success' : 'gold'}>
                    {r.meetingHeld ? t('coord.requestDiscussed') : t(`coord.requestStatus.${r.status}`)}
                  </Tag>
                </Flex>
              }
              description={
                <Typography.Text type="secondary">
                  {r.meetingTitle
                    ? t(r.meetingHeld ? 'coord.sentHeld' : 'coord.sentPlanned', {
                        body: r.bodyName,
                        meeting: r.meetingTitle,
                        date: formatDate(r.meetingOn),
                      })
                    : t('coord.sentTo', { body: r.bodyName })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
