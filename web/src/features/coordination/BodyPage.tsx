import { useState } from 'react';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  List,
  Skeleton,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { HOT_REASONS } from '../../../../domain/coordination';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { formatDate, formatDateTime } from '../../shared/format';
import { useBody, useHotCases, type BodyDto, type HotCaseDto } from './api';
import { AgendaModal, PlanMeetingModal } from './AgendaModal';
import { MeetingStatusTag, ReasonTags } from './tags';
import './coordination.css';

type Meeting = BodyDto['meetings'][number];

/**
 * A joint meeting (联席会议): convenor, office and member units; its meetings (planned and held); the hot and
 * difficult cases of its area with their reasons, each of which the office may put on a planned meeting's
 * agenda; the requests for coordination from the level below.
 */
export function BodyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useBody(id);
  const [planning, setPlanning] = useState(false);
  const [toAgenda, setToAgenda] = useState<HotCaseDto | null>(null);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const b = query.data;
  return (
    <>
      <Breadcrumb
        className="page-breadcrumb"
        items={[{ title: <Link to="/coordination">{t('coord.nav')}</Link> }, { title: b.name }]}
      />
      <PageHeader
        testId="body-title"
        title={b.name}
        extra={
          b.mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setPlanning(true)}
              data-testid="meeting-plan-open"
            >
              {t('coord.planMeeting')}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'level',
                label: t('coord.division'),
                children: `${b.divisionName ?? ''} · ${t(`coord.level.${b.level}`)}`,
              },
              { key: 'convenor', label: t('coord.convenor'), children: b.convenor },
              { key: 'office', label: t('coord.office'), children: b.officeName ?? '—' },
              {
                key: 'members',
                label: t('coord.members'),
                span: 'filled',
                children: (
                  <Flex gap={4} wrap data-testid="body-members">
                    {b.memberOrgs.map((m) => (
                      <Tag key={m.id}>{m.name}</Tag>
                    ))}
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
        <Meetings b={b} />
        <HotCases b={b} onPick={setToAgenda} />
        <Requests b={b} />
      </Flex>
      {planning && <PlanMeetingModal body={b} onClose={() => setPlanning(false)} />}
      {toAgenda && (
        <AgendaModal
          body={b}
          caseId={toAgenda.id}
          caseNo={toAgenda.caseNo}
          onClose={() => setToAgenda(null)}
        />
      )}
    </>
  );
}

function Meetings({ b }: { b: BodyDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: TableColumnsType<Meeting> = [
    {
      title: t('coord.meetingOn'),
      dataIndex: 'meetingOn',
      width: 110,
      render: (v: string) => <span className="num">{formatDate(v)}</span>,
    },
    {
      title: t('coord.statusLabel'),
      dataIndex: 'status',
      width: 100,
      render: (s: Meeting['status']) => <MeetingStatusTag status={s} />,
    },
    {
      title: t('coord.meetingTitle'),
      dataIndex: 'title',
      width: 260,
      render: (title: string, row) => (
        <Link to={`/coordination/meetings/${row.id}`} onClick={(e) => e.stopPropagation()}>
          {title}
        </Link>
      ),
    },
    { title: t('coord.agendaCount'), dataIndex: 'agendaItems', width: 90 },
  ];
  return (
    <Card size="small" title={t('coord.meetings')}>
      <Table<Meeting>
        data-testid="body-meetings"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={b.meetings}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: t('coord.meetingsEmpty') }}
        onRow={(row) => ({
          onClick: () => void navigate(`/coordination/meetings/${row.id}`),
          className: 'clickable-row',
        })}
      />
    </Card>
  );
}

function HotCases({ b, onPick }: { b: BodyDto; onPick: (c: HotCaseDto) => void }) {
  const { t } = useTranslation();
  const hot = useHotCases(b.id);
  const columns: TableColumnsType<HotCaseDto> = [
    {
      title: t('coord.caseNo'),
      dataIndex: 'caseNo',
      width: 150,
      render: (no: string, row) => (
        <Link to={`/cases/${row.id}`} className="num">
          {no}
        </Link>
      ),
    },
    { title: t('coord.caseTitle'), dataIndex: 'title', width: 240, ellipsis: true },
    {
      title: t('coord.reasons'),
      dataIndex: 'reasons',
      width: 190,
      render: (r: HotCaseDto['reasons']) => <ReasonTags reasons={r} />,
      filters: HOT_REASONS.map((r) => ({ value: r, text: t(`coord.reason.${r}`) })),
      onFilter: (value, row) => row.reasons.includes(value as HotCaseDto['reasons'][number]),
    },
    { title: t('coord.street'), dataIndex: 'streetName', width: 110 },
    { title: t('coord.caseLead'), dataIndex: 'leadName', width: 180, ellipsis: true },
    ...(b.mayManage
      ? [
          {
            title: '',
            key: 'act',
            width: 110,
            // On a phone the table scrolls sideways; the button stays in sight.
            fixed: 'right' as const,
            render: (_: unknown, row: HotCaseDto) => (
              <Button size="small" onClick={() => onPick(row)} data-testid="hot-to-agenda">
                {t('coord.toAgenda')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card size="small" title={t('coord.hotCases')}>
      <Typography.Paragraph type="secondary">{t('coord.hotHint')}</Typography.Paragraph>
      {hot.isError && <QueryError error={hot.error} onRetry={() => void hot.refetch()} />}
      <Table<HotCaseDto>
        data-testid="hot-cases"
        rowKey="id"
        size="small"
        loading={hot.isLoading}
        columns={columns}
        dataSource={hot.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 980 }}
        locale={{ emptyText: t('coord.hotEmpty') }}
      />
    </Card>
  );
}

function Requests({ b }: { b: BodyDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('coord.requests')}>
      {b.requests.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coord.requestsEmpty')} />
      ) : (
        <List
          data-testid="body-requests"
          dataSource={b.requests}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <List.Item.Meta
                title={
                  <Flex gap={8} wrap>
                    <span>{r.subject}</span>
                    <Tag color={r.status === 'scheduled' ? 'success' : 'gold'}>
                      {t(`coord.requestStatus.${r.status}`)}
                    </Tag>
                  </Flex>
                }
                description={
                  <>
                    <div>{r.details}</div>
                    <Typography.Text type="secondary">
                      {t('coord.fromDivision', { name: r.fromDivisionName ?? '' })} · {r.createdByName} ·{' '}
                      <span className="num">{formatDateTime(r.createdAt)}</span>
                      {r.caseNo && <> · {t('coord.fromCase', { caseNo: r.caseNo })}</>}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
