import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Citation } from '../../shared/Citation';
import { formatDate } from '../../shared/format';
import { ChangeFilings } from './ChangeFilings';
import { FilingMaterialsCard } from './FilingMaterialsCard';
import { Handovers } from './Handovers';
import { PetitionsCard } from './PetitionsCard';
import { MeetingsTable } from './MeetingsTable';
import { GovStateTag, TaskStateTag } from './tags';
import { TaskKind } from './tasks';
import { Trainings } from './Trainings';
import {
  ByElectionModal,
  CommitteeActionModal,
  MeetingModal,
  MemberEndModal,
  type Action,
} from './CommitteeModals';
import type { CommitteeDto, CommitteeMemberDto, TaskDto } from './types';

/** An owners' committee: term, filing, health flags, members with absences, meetings, deadlines, actions. */
export function CommitteeCard({ committee, isStreet }: { committee: CommitteeDto; isStreet: boolean }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const [meeting, setMeeting] = useState(false);
  const [ending, setEnding] = useState<CommitteeMemberDto | null>(null);
  const [byElection, setByElection] = useState(false);
  const h = committee.health;
  const active = committee.members.filter((m) => !m.endedOn);
  return (
    <Card
      size="small"
      data-testid="committee-card"
      title={
        <Space>
          {t('gov.committee.title')}
          <span>{t('gov.committee.termNo', { n: committee.termNo })}</span>
          <GovStateTag state={committee.state} />
        </Space>
      }
    >
      <CommitteeNotices committee={committee} />
      <Space wrap style={{ marginBottom: 12 }}>
        {committee.allowedActions.map((a) => (
          <Button key={a} onClick={() => setAction(a)} data-testid={`committee-${a}`}>
            {t(`gov.committee.actions.${a}`)}
          </Button>
        ))}
        {committee.canManage && (
          <Button onClick={() => setMeeting(true)} data-testid="committee-record-meeting">
            {t('gov.committee.recordMeeting')}
          </Button>
        )}
        {isStreet && h.byElectionAllowed && committee.status === 'current' && (
          <Button onClick={() => setByElection(true)} data-testid="committee-by-election">
            {t('gov.committee.byElect')}
          </Button>
        )}
      </Space>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={t('gov.committee.electedOn')}>
          {formatDate(committee.electedOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.committee.termYears')}>{committee.termYears}</Descriptions.Item>
        <Descriptions.Item label={t('gov.committee.termEndsOn')}>
          {formatDate(committee.termEndsOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.committee.seats')}>
          {active.length}/{committee.seats}
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.committee.filing')}>
          <span data-testid="committee-filing">
            {t(`gov.committee.filingStatus.${committee.filingStatus}`)}
          </span>
          {committee.filingDecidedOn ? `（${committee.filingDecidedOn}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.committee.nextMeetingDue')}>
          {formatDate(h.nextMeetingDue)}
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.committee.reelectionReportDue')}>
          {formatDate(h.reelectionReportDue)}
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.committee.vacancies')}>{h.vacancies}</Descriptions.Item>
      </Descriptions>
      <Flex vertical gap={6} style={{ marginTop: 12 }}>
        {h.expired && <Alert type="error" showIcon title={t('gov.committee.expired')} />}
        {h.earlyReelection.map((r) => (
          <Alert
            key={r}
            type="error"
            showIcon
            title={t(`gov.committee.early.${r}`)}
            data-testid={`health-${r}`}
          />
        ))}
        {committee.earlyReelection.stage !== 'none' && (
          <Alert
            type={committee.earlyReelection.stage === 'rejected' ? 'info' : 'warning'}
            showIcon
            data-testid="early-reelection-stage"
            data-stage={committee.earlyReelection.stage}
            title={t(`gov.committee.earlyStage.${committee.earlyReelection.stage}`)}
            description={
              committee.earlyReelection.decisionId && (
                <Link to={`/governance/decisions/${committee.earlyReelection.decisionId}`}>
                  {t('gov.committee.earlyDecision', { title: committee.earlyReelection.decisionTitle })}
                </Link>
              )
            }
          />
        )}
        {h.meetingOverdue && <Alert type="warning" showIcon title={t('gov.committee.meetingOverdue')} />}
        {h.reelectionReminder && !committee.reelectionReportedOn && (
          <Alert type="warning" showIcon title={t('gov.committee.reelectionReminder')} />
        )}
        {h.byElectionAllowed && <Alert type="info" showIcon title={t('gov.committee.byElectionAllowed')} />}
      </Flex>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('gov.committee.members')}
      </Typography.Title>
      <Table<CommitteeMemberDto>
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        data-testid="committee-members"
        dataSource={committee.members}
        rowClassName={(m) => (m.endedOn ? 'row-ended' : '')}
        columns={[
          {
            title: t('gov.formation.name'),
            dataIndex: 'name',
            render: (name: string, m) => (
              <Space size={4} wrap>
                {name}
                {!m.endedOn &&
                  m.flags.map((f) => (
                    <Tag
                      key={f}
                      color="warning"
                      title={t('gov.committee.flagsHint')}
                      data-testid="member-flag"
                    >
                      {t(`gov.committee.flags.${f}`)}
                    </Tag>
                  ))}
              </Space>
            ),
          },
          {
            title: t('gov.committee.position'),
            dataIndex: 'position',
            width: 90,
            render: (p: string) => t(`gov.committee.positions.${p}`),
          },
          {
            title: t('gov.committee.undertaking'),
            dataIndex: 'undertakingSigned',
            width: 90,
            render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
          },
          { title: t('gov.committee.joinedOn'), dataIndex: 'joinedOn', width: 110 },
          { title: t('gov.committee.trained'), dataIndex: 'trainedOn', width: 110, render: formatDate },
          {
            title: t('gov.committee.absence'),
            dataIndex: 'absence',
            width: 150,
            render: (a: CommitteeMemberDto['absence']) => (
              <Space size={4}>
                {a.absences}/{a.meetings}
                {a.flagged && (
                  <Tag color="error" title={t('gov.committee.absenceFlag')} data-testid="absence-flag">
                    ≥ 1/2
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('gov.committee.ended'),
            dataIndex: 'endedOn',
            width: 200,
            render: (v: string | null, m) =>
              v
                ? `${v} ${m.endReason ? t(`gov.committee.endReasons.${m.endReason}`) : ''}`
                : m.byElection
                  ? t('gov.committee.byElection')
                  : '',
          },
          ...(committee.canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, m: CommitteeMemberDto) =>
                    !m.endedOn && (
                      <Button size="small" onClick={() => setEnding(m)} data-testid={`member-end-${m.id}`}>
                        {t('gov.committee.end')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('gov.committee.meetings')}
      </Typography.Title>
      <MeetingsTable committee={committee} />
      <Handovers committee={committee} />
      <PetitionsCard committee={committee} />
      <ChangeFilings committee={committee} isStreet={isStreet} />
      <Trainings committee={committee} isStreet={isStreet} />
      <FilingMaterialsCard committee={committee} />

      {committee.reelectionGroup && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('gov.committee.reelectionGroup')}（{committee.reelectionGroup.formedOn}）
          </Typography.Title>
          <Space wrap>
            {committee.reelectionGroup.members.map((m, i) => (
              <Tag key={i} color={m.leader ? 'blue' : 'default'}>
                {m.name} · {t(`gov.formation.roles.${m.role}`)}
              </Tag>
            ))}
          </Space>
        </>
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('gov.tabs.tasks')}
      </Typography.Title>
      <TaskTable tasks={committee.tasks} testId="committee-tasks" />

      {action && (
        <CommitteeActionModal committee={committee} action={action} onClose={() => setAction(null)} />
      )}
      {meeting && <MeetingModal committee={committee} onClose={() => setMeeting(false)} />}
      {ending && <MemberEndModal committee={committee} member={ending} onClose={() => setEnding(null)} />}
      {byElection && <ByElectionModal committee={committee} onClose={() => setByElection(false)} />}
    </Card>
  );
}

/**
 * Above the 备案 actions: the 换届 freeze (Art 28 ¶4) with the frozen matters, and what the filing still
 * lacks (Arts 21, 23).
 */
function CommitteeNotices({ committee }: { committee: CommitteeDto }) {
  const { t } = useTranslation();
  if (committee.frozenMatters.length === 0 && committee.filingGaps.length === 0) return null;
  return (
    <Flex vertical gap={6} style={{ marginBottom: 12 }}>
      {committee.frozenMatters.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="committee-freeze"
          title={t('gov.committee.freeze')}
          description={
            <ul className="notice-list">
              {committee.frozenMatters.map((m) => (
                <li key={m}>{t(`gov.matters.${m}`)}</li>
              ))}
            </ul>
          }
        />
      )}
      {committee.filingGaps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="committee-filing-gaps"
          title={t('gov.committee.gapsTitle')}
          description={
            <ul className="notice-list">
              {committee.filingGaps.map((g) => (
                <li key={g} data-testid={`filing-gap-${g}`}>
                  {t(`gov.committee.gaps.${g}`)}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Flex>
  );
}

export function TaskTable({ tasks, testId }: { tasks: TaskDto[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Table<TaskDto>
      size="small"
      bordered
      pagination={false}
      rowKey="id"
      data-testid={testId}
      dataSource={tasks}
      columns={[
        {
          title: t('gov.col.task'),
          dataIndex: 'kind',
          render: (k: string) => <TaskKind kind={k} />,
        },
        {
          title: t('gov.col.responsible'),
          dataIndex: 'responsible',
          width: 130,
          render: (r: string) => t(`gov.responsible.${r}`),
        },
        { title: t('gov.col.dueOn'), dataIndex: 'dueOn', width: 110 },
        { title: t('gov.col.doneOn'), dataIndex: 'doneOn', width: 110, render: formatDate },
        {
          title: t('gov.col.taskState'),
          dataIndex: 'state',
          width: 100,
          render: (s: string) => <TaskStateTag state={s} />,
        },
        {
          title: t('gov.col.legalRef'),
          dataIndex: 'legalRef',
          width: 300,
          ellipsis: true,
          render: (v: string) => <Citation text={v} />,
        },
      ]}
    />
  );
}
