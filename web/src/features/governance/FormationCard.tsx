import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Citation } from '../../shared/Citation';
import { formatDate } from '../../shared/format';
import { useCompoundOwners, useFormationAction } from './api';
import {
  DateField,
  GroupMembersField,
  groupMembersBody,
  shanghaiToday,
  type GroupMemberValue,
} from './fields';
import { FormModal } from './FormModal';
import { TaskStateTag } from './tags';
import { TaskKind } from './tasks';
import type { FormationDto, TaskDto } from './types';

type Action = FormationDto['allowedActions'][number];

const STEP_ORDER = [
  'developer_report',
  'preparatory_group',
  'member_list_notice',
  'pre_meeting_notice',
  'first_meeting',
];

/** The formation of the owners' assembly: steps with their deadlines, the 筹备组, objections, actions. */
export function FormationCard({ formation, compoundId }: { formation: FormationDto; compoundId: string }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const steps = [...formation.steps].sort((a, b) => STEP_ORDER.indexOf(a.kind) - STEP_ORDER.indexOf(b.kind));
  return (
    <Card
      title={t('gov.formation.title')}
      size="small"
      data-testid="formation-card"
      extra={<Tag>{t(`gov.formation.status.${formation.status}`)}</Tag>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {formation.allowedActions.map((a) => (
          <Button
            key={a}
            danger={a === 'cancel'}
            type={a === formation.allowedActions[0] ? 'primary' : 'default'}
            onClick={() => setAction(a)}
            data-testid={`formation-${a}`}
          >
            {t(`gov.formation.actions.${a}`)}
          </Button>
        ))}
      </Space>
      <Table<TaskDto>
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        dataSource={steps}
        data-testid="formation-steps"
        columns={[
          { title: t('gov.col.task'), dataIndex: 'kind', render: (k: string) => <TaskKind kind={k} /> },
          {
            title: t('gov.col.responsible'),
            dataIndex: 'responsible',
            width: 130,
            render: (r: string) => t(`gov.responsible.${r}`),
          },
          { title: t('gov.col.dueOn'), dataIndex: 'dueOn', width: 110, render: formatDate },
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
      <Descriptions size="small" column={3} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('gov.compound.triggerOn')}>
          {formatDate(formation.triggerOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.formation.meetingOn')}>
          {formatDate(formation.meetingPlannedOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.formation.actions.hold_first_meeting')}>
          {formatDate(formation.firstMeetingOn)}
        </Descriptions.Item>
      </Descriptions>
      {formation.group && (
        <>
          <Typography.Title level={5}>
            {t('gov.formation.group')}（{formatDate(formation.group.formedOn)}）
          </Typography.Title>
          <Space wrap data-testid="formation-group">
            {formation.group.members.map((m, i) => (
              <Tag key={i} color={m.leader ? 'blue' : m.role === 'owner' ? 'green' : 'default'}>
                {m.name} · {t(`gov.formation.roles.${m.role}`)}
                {m.leader ? ` · ${t('gov.formation.leader')}` : ''}
              </Tag>
            ))}
          </Space>
        </>
      )}
      {formation.group && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('gov.formation.objections')}
          </Typography.Title>
          {formation.objections.length === 0 ? (
            <Typography.Text type="secondary">{t('gov.formation.noObjections')}</Typography.Text>
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={formation.objections}
              columns={[
                { title: t('gov.formation.receivedOn'), dataIndex: 'receivedOn', width: 110 },
                { title: t('gov.formation.fromName'), dataIndex: 'fromName', width: 110 },
                { title: t('gov.formation.content'), dataIndex: 'content' },
                {
                  title: t('gov.formation.answer'),
                  dataIndex: 'answer',
                  render: (a: string | null, row) =>
                    a ? (
                      `${a}（${row.answeredOn}）`
                    ) : (
                      <Tag color="warning">{t('gov.formation.unanswered')}</Tag>
                    ),
                },
              ]}
            />
          )}
        </>
      )}
      {action && (
        <FormationActionModal
          action={action}
          formation={formation}
          compoundId={compoundId}
          onClose={() => setAction(null)}
        />
      )}
    </Card>
  );
}

interface Values {
  on?: string;
  reportKind?: 'developer' | 'owners_request';
  meetingOn?: string;
  receivedOn?: string;
  fromName?: string;
  content?: string;
  objectionId?: string;
  answer?: string;
  note?: string;
  members?: GroupMemberValue[];
}

function FormationActionModal({
  action,
  formation,
  compoundId,
  onClose,
}: {
  action: Action;
  formation: FormationDto;
  compoundId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useFormationAction(formation.id);
  const owners = useCompoundOwners(compoundId);
  const ownerName = (id: string) => owners.data?.find((o) => o.id === id)?.name ?? id;
  const today = shanghaiToday();
  const submit = (v: Values) => {
    const version = formation.version;
    switch (action) {
      case 'record_report':
        return mutation.mutateAsync({ action, version, on: v.on!, reportKind: v.reportKind ?? 'developer' });
      case 'form_group':
        return mutation.mutateAsync({
          action,
          version,
          on: v.on!,
          members: groupMembersBody(v.members, ownerName),
        });
      case 'schedule_meeting':
        return mutation.mutateAsync({ action, version, meetingOn: v.meetingOn! });
      case 'record_objection':
        return mutation.mutateAsync({
          action,
          version,
          receivedOn: v.receivedOn!,
          fromName: v.fromName!,
          content: v.content!,
        });
      case 'answer_objection':
        return mutation.mutateAsync({
          action,
          version,
          objectionId: v.objectionId!,
          on: v.on!,
          answer: v.answer!,
        });
      case 'cancel':
        return mutation.mutateAsync({ action, version, note: v.note! });
      default:
        return mutation.mutateAsync({ action, version, on: v.on! });
    }
  };
  const initial: Values = {
    on: today,
    receivedOn: today,
    reportKind: 'developer',
    members: [
      { role: 'street', leader: true },
      { role: 'residents_committee' },
      { role: 'developer' },
      { role: 'owner' },
      { role: 'owner' },
      { role: 'owner' },
      { role: 'owner' },
    ],
  };
  return (
    <FormModal<Values>
      title={t(`gov.formation.actions.${action}`)}
      open
      onClose={onClose}
      submit={submit}
      initialValues={initial}
      width={action === 'form_group' ? 760 : 520}
      testId="formation-modal"
    >
      {action === 'record_report' && (
        <Form.Item name="reportKind" label={t('gov.formation.role')}>
          <Select
            options={(['developer', 'owners_request'] as const).map((k) => ({
              value: k,
              label: t(`gov.formation.reportKind.${k}`),
            }))}
          />
        </Form.Item>
      )}
      {action === 'schedule_meeting' && (
        <DateField name="meetingOn" label={t('gov.formation.meetingOn')} testId="field-meetingOn" />
      )}
      {action === 'record_objection' && (
        <>
          <DateField name="receivedOn" label={t('gov.formation.receivedOn')} />
          <Form.Item name="fromName" label={t('gov.formation.fromName')} rules={[{ required: true }]}>
            <Input data-testid="field-fromName" />
          </Form.Item>
          <Form.Item name="content" label={t('gov.formation.content')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="field-content" />
          </Form.Item>
        </>
      )}
      {action === 'answer_objection' && (
        <>
          <Form.Item name="objectionId" label={t('gov.formation.objections')} rules={[{ required: true }]}>
            <Select
              data-testid="field-objection"
              options={formation.objections
                .filter((o) => !o.answeredOn)
                .map((o) => ({ value: o.id, label: `${o.fromName}：${o.content}` }))}
            />
          </Form.Item>
          <Form.Item name="answer" label={t('gov.formation.answer')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="field-answer" />
          </Form.Item>
        </>
      )}
      {action === 'cancel' && (
        <Form.Item name="note" label={t('gov.formation.note')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      {!['schedule_meeting', 'record_objection', 'cancel'].includes(action) && (
        <DateField name="on" label={t('gov.formation.on')} testId="field-on" />
      )}
      {action === 'form_group' && (
        <Form.Item label={t('gov.formation.group')} extra={t('gov.formation.groupRule')}>
          <GroupMembersField compoundId={compoundId} />
        </Form.Item>
      )}
    </FormModal>
  );
}
