import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Citation } from '../../shared/Citation';
import { formatDate } from '../../shared/format';
import {
  useByElection,
  useCommitteeAction,
  useCompoundOwners,
  useEndMembership,
  useRecordMeeting,
} from './api';
import {
  DateField,
  EligibilityHint,
  GroupMembersField,
  groupMembersBody,
  OwnerSelect,
  shanghaiToday,
  type GroupMemberValue,
} from './fields';
import { ChangeFilings } from './ChangeFilings';
import { FormModal } from './FormModal';
import { MeetingsTable } from './MeetingsTable';
import { GovStateTag, TaskStateTag } from './tags';
import { TaskKind } from './tasks';
import { Trainings } from './Trainings';
import type { CommitteeDto, CommitteeMemberDto, TaskDto } from './types';

type Action = CommitteeDto['allowedActions'][number];

/** 《规定》 Art 31 (term_end is set by a successor's election). */
const END_REASONS = ['not_owner', 'resigned', 'unable', 'refused_to_convene', 'absence', 'breach'] as const;

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
      <ChangeFilings committee={committee} isStreet={isStreet} />
      <Trainings committee={committee} isStreet={isStreet} />

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

function CommitteeActionModal({
  committee,
  action,
  onClose,
}: {
  committee: CommitteeDto;
  action: Action;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useCommitteeAction(committee.id);
  const owners = useCompoundOwners(committee.compoundId);
  const ownerName = (id: string) => owners.data?.find((o) => o.id === id)?.name ?? id;
  type V = { on: string; accepted?: boolean; note?: string; members?: GroupMemberValue[] };
  const submit = (v: V) => {
    const version = committee.version;
    switch (action) {
      case 'decide_filing':
        return mutation.mutateAsync({
          action,
          version,
          on: v.on,
          accepted: v.accepted !== false,
          note: v.note,
        });
      case 'form_reelection_group':
        return mutation.mutateAsync({
          action,
          version,
          on: v.on,
          members: groupMembersBody(v.members, ownerName),
        });
      default:
        return mutation.mutateAsync({ action, version, on: v.on });
    }
  };
  return (
    <FormModal<V>
      title={t(`gov.committee.actions.${action}`)}
      open
      onClose={onClose}
      submit={submit}
      testId="committee-modal"
      width={action === 'form_reelection_group' ? 760 : 520}
      initialValues={{
        on: shanghaiToday(),
        accepted: true,
        members: [
          { role: 'street', leader: true },
          { role: 'residents_committee' },
          { role: 'owner' },
          { role: 'owner' },
          { role: 'owner' },
        ],
      }}
    >
      <DateField name="on" label={t('gov.formation.on')} testId="field-on" />
      {action === 'decide_filing' && (
        <>
          <Form.Item name="accepted">
            <Radio.Group>
              <Radio value>{t('gov.committee.accept')}</Radio>
              <Radio value={false}>{t('gov.committee.reject')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t('gov.formation.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
      {action === 'form_reelection_group' && (
        <Form.Item label={t('gov.committee.reelectionGroup')} extra={t('gov.formation.groupRule')}>
          <GroupMembersField
            compoundId={committee.compoundId}
            roles={['owner', 'street', 'residents_committee']}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}

function MeetingModal({ committee, onClose }: { committee: CommitteeDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useRecordMeeting(committee.id);
  const active = committee.members.filter((m) => !m.endedOn);
  type V = {
    heldOn: string;
    kind: 'regular' | 'extraordinary';
    minutes: string;
    present: string[];
    resolutions?: { title: string; signedBy?: string[] }[];
  };
  return (
    <FormModal<V>
      title={t('gov.committee.recordMeeting')}
      open
      onClose={onClose}
      testId="meeting-modal"
      width={680}
      initialValues={{
        heldOn: shanghaiToday(),
        kind: 'regular',
        present: active.map((m) => m.id),
        resolutions: [],
      }}
      submit={(v) =>
        mutation.mutateAsync({
          heldOn: v.heldOn,
          kind: v.kind,
          minutes: v.minutes,
          attendance: active.map((m) => ({ memberId: m.id, present: v.present.includes(m.id) })),
          resolutions: (v.resolutions ?? []).map((r) => ({ title: r.title, signedBy: r.signedBy ?? [] })),
        })
      }
    >
      <Space>
        <DateField name="heldOn" label={t('gov.committee.heldOn')} />
        <Form.Item name="kind" label={t('gov.committee.kind')}>
          <Select
            style={{ width: 140 }}
            options={(['regular', 'extraordinary'] as const).map((k) => ({
              value: k,
              label: t(`gov.committee.kinds.${k}`),
            }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="present" label={t('gov.committee.attendance')}>
        <Checkbox.Group options={active.map((m) => ({ value: m.id, label: m.name }))} />
      </Form.Item>
      <Form.Item
        name="minutes"
        label={t('gov.committee.minutes')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <Input.TextArea rows={3} data-testid="field-minutes" />
      </Form.Item>
      <Form.List name="resolutions">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true }]} noStyle>
                  <Input
                    placeholder={t('gov.committee.resolutionTitle')}
                    style={{ width: 220 }}
                    data-testid={`resolution-title-${f.name}`}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'signedBy']} noStyle>
                  <Select
                    mode="multiple"
                    placeholder={t('gov.committee.signedBy')}
                    style={{ minWidth: 260 }}
                    data-testid={`resolution-signedBy-${f.name}`}
                    options={active.map((m) => ({ value: m.id, label: m.name }))}
                  />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ title: '', signedBy: [] })}
              data-testid="meeting-add-resolution"
            >
              {t('gov.committee.addResolution')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}

function MemberEndModal({
  committee,
  member,
  onClose,
}: {
  committee: CommitteeDto;
  member: CommitteeMemberDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useEndMembership(committee.id);
  return (
    <FormModal<{ on: string; reason: string }>
      title={`${t('gov.committee.end')} · ${member.name}`}
      open
      onClose={onClose}
      testId="member-end-modal"
      initialValues={{ on: shanghaiToday(), reason: 'resigned' }}
      submit={(v) =>
        mutation.mutateAsync({ memberId: member.id, version: member.version, on: v.on, reason: v.reason })
      }
    >
      <DateField name="on" label={t('gov.formation.on')} />
      <Form.Item name="reason" label={t('gov.committee.endReason')}>
        <Select options={END_REASONS.map((r) => ({ value: r, label: t(`gov.committee.endReasons.${r}`) }))} />
      </Form.Item>
    </FormModal>
  );
}

function ByElectionModal({ committee, onClose }: { committee: CommitteeDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useByElection(committee.id);
  type V = {
    on: string;
    ownerId: string;
    position: 'member' | 'vice_chair' | 'chair';
    undertakingSigned: boolean;
    employedByManager: boolean;
  };
  return (
    <FormModal<V>
      title={t('gov.committee.byElect')}
      open
      onClose={onClose}
      testId="by-election-modal"
      initialValues={{
        on: shanghaiToday(),
        position: 'member',
        undertakingSigned: true,
        employedByManager: false,
      }}
      submit={(v) => mutation.mutateAsync(v)}
    >
      <DateField name="on" label={t('gov.formation.on')} />
      <Form.Item name="ownerId" label={t('gov.formation.owner')} rules={[{ required: true }]}>
        <OwnerSelect compoundId={committee.compoundId} testId="field-ownerId" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => (
          <EligibilityHint
            compoundId={committee.compoundId}
            ownerId={getFieldValue('ownerId')}
            employed={getFieldValue('employedByManager')}
          />
        )}
      </Form.Item>
      <Form.Item name="position" label={t('gov.committee.position')}>
        <Select
          options={(['member', 'vice_chair', 'chair'] as const).map((p) => ({
            value: p,
            label: t(`gov.committee.positions.${p}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="undertakingSigned" valuePropName="checked">
        <Checkbox>{t('gov.committee.undertaking')}</Checkbox>
      </Form.Item>
      <Form.Item name="employedByManager" valuePropName="checked">
        <Checkbox>{t('gov.committee.employed')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
