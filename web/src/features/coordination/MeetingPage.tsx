import { useState } from 'react';
import { Breadcrumb, Button, Card, Empty, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import { useBody, useMeeting, type MeetingDto } from './api';
import { ActionItemList } from './ActionItemCard';
import { AgendaModal } from './AgendaModal';
import { HoldMeetingModal } from './HoldMeetingModal';
import { MeetingStatusTag, ReasonTags } from './tags';
import './coordination.css';

/**
 * A meeting of a joint meeting: its agenda (hot cases with their reasons, requests from below, other topics),
 * attendance (出席 / 委派 with the deputy's name / 缺席), minutes, decisions with their action items, and the
 * action items of earlier meetings reported back. While planned, the office adds agenda items and records the
 * meeting held.
 */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useMeeting(id);
  const body = useBody(query.data?.bodyId);
  const [adding, setAdding] = useState(false);
  const [holding, setHolding] = useState(false);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const m = query.data;
  const planned = m.status === 'planned';
  return (
    <>
      <Breadcrumb
        className="page-breadcrumb"
        items={[
          { title: <Link to="/coordination">{t('coord.nav')}</Link> },
          { title: <Link to={`/coordination/bodies/${m.bodyId}`}>{m.bodyName}</Link> },
          { title: m.title },
        ]}
      />
      <PageHeader
        testId="meeting-title"
        title={
          <Space size={12} wrap>
            <span>{m.title}</span>
            <MeetingStatusTag status={m.status} testId="meeting-status" />
          </Space>
        }
        extra={
          planned &&
          m.mayManage &&
          body.data && (
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="agenda-add-open">
                {t('coord.addAgenda')}
              </Button>
              <Button
                type="primary"
                onClick={() => setHolding(true)}
                disabled={m.agenda.length === 0}
                data-testid="meeting-hold-open"
              >
                {t('coord.hold')}
              </Button>
            </Space>
          )
        }
      >
        <Typography.Text type="secondary">
          {m.bodyName} · <span className="num">{formatDate(m.meetingOn)}</span>
        </Typography.Text>
      </PageHeader>
      <Flex vertical gap={16}>
        <Agenda m={m} />
        {!planned && <Attendance m={m} />}
        {m.minutes && (
          <Card size="small" title={t('coord.minutes')}>
            <Typography.Paragraph className="coord-minutes" data-testid="meeting-minutes">
              {m.minutes}
            </Typography.Paragraph>
          </Card>
        )}
        <Decisions m={m} />
        <Card size="small" title={t('coord.reportBack')}>
          <Typography.Paragraph type="secondary">{t('coord.reportBackHint')}</Typography.Paragraph>
          <ActionItemList
            items={m.reportBack}
            empty={t('coord.reportBackEmpty')}
            showSource
            testId="meeting-report-back"
          />
        </Card>
      </Flex>
      {adding && body.data && <AgendaModal body={body.data} meeting={m} onClose={() => setAdding(false)} />}
      {holding && body.data && (
        <HoldMeetingModal meeting={m} body={body.data} onClose={() => setHolding(false)} />
      )}
    </>
  );
}

/** A case's agenda title starts with its number, which the line below shows as a link: say it once. */
const agendaTitle = (a: MeetingDto['agenda'][number]) =>
  a.caseNo && a.title.startsWith(a.caseNo) ? a.title.slice(a.caseNo.length).trim() || a.title : a.title;

function AgendaSource({ a }: { a: MeetingDto['agenda'][number] }) {
  const { t } = useTranslation();
  if (a.source === 'case' && a.caseId)
    return (
      <Link to={`/cases/${a.caseId}`} className="num">
        {t('coord.fromCase', { caseNo: a.caseNo ?? '' })}
      </Link>
    );
  if (a.source === 'request') return <>{t('coord.fromDivision', { name: a.fromDivisionName ?? '' })}</>;
  return <>{t('coord.source.other')}</>;
}

function Agenda({ m }: { m: MeetingDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('coord.agenda')}>
      {m.agenda.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coord.agendaEmpty')} />
      ) : (
        <List
          data-testid="meeting-agenda"
          dataSource={m.agenda}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <Flex vertical gap={4}>
                <Typography.Text strong>
                  {a.seq}. {agendaTitle(a)}
                </Typography.Text>
                <Flex gap={8} wrap align="center">
                  <Typography.Text type="secondary">
                    <AgendaSource a={a} />
                  </Typography.Text>
                  {a.reasons.length > 0 && <ReasonTags reasons={a.reasons} />}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

const ATTENDANCE_COLOURS = { present: 'success', deputy: 'processing', absent: 'red' } as const;

function Attendance({ m }: { m: MeetingDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('coord.attendance')}>
      <Flex vertical gap={6} data-testid="meeting-attendance">
        {m.attendance.map((a) => (
          <Flex key={a.orgId} gap={8} wrap align="center" data-testid="attendance-row">
            <span style={{ minWidth: 180 }}>{a.orgName}</span>
            {a.attendance ? (
              <Tag color={ATTENDANCE_COLOURS[a.attendance]}>{t(`coord.attendanceLabel.${a.attendance}`)}</Tag>
            ) : (
              <Typography.Text type="secondary">{t('coord.notRecorded')}</Typography.Text>
            )}
            {a.attendance === 'deputy' && a.deputyName && (
              <Typography.Text>{t('coord.deputyOf', { name: a.deputyName })}</Typography.Text>
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

function Decisions({ m }: { m: MeetingDto }) {
  const { t } = useTranslation();
  const agendaOf = (id: string | null) => m.agenda.find((a) => a.id === id);
  return (
    <Card size="small" title={t('coord.decisions')}>
      {m.decisions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coord.decisionsEmpty')} />
      ) : (
        <Flex vertical gap={16} data-testid="meeting-decisions">
          {m.decisions.map((d) => {
            const a = agendaOf(d.agendaItemId);
            return (
              <div key={d.id} data-testid="decision">
                <Typography.Text strong>{t('coord.decisionN', { n: d.seq })}</Typography.Text>
                <Typography.Paragraph style={{ margin: '4px 0' }}>{d.text}</Typography.Paragraph>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {t('coord.forAgendaOf', { title: a ? `${a.seq}. ${agendaTitle(a)}` : t('coord.general') })}
                </Typography.Paragraph>
                <ActionItemList items={d.actionItems} empty={t('coord.noActions')} />
              </div>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
