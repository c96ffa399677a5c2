import { useState } from 'react';
import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { useRecordHandover } from './duties-api';
import { DateField, shanghaiToday } from './fields';
import { FormModal } from './FormModal';
import { TaskStateTag } from './tags';
import type { CommitteeDto, TaskDto } from './types';

/** 离任委员移交 (《规定》 Art 30): a member who left hands over within 10 days; the committee records it. */
export function Handovers({ committee }: { committee: CommitteeDto }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<TaskDto | null>(null);
  const tasks = committee.tasks.filter((x) => x.kind === 'member_handover');
  if (tasks.length === 0) return null;
  const nameOf = new Map(committee.members.map((m) => [m.id, m.name]));
  return (
    <section data-testid="committee-handovers">
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('gov.handovers.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {t('gov.handovers.rule')}
      </Typography.Paragraph>
      <Table<TaskDto>
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        dataSource={tasks}
        scroll={{ x: 560 }}
        columns={[
          {
            title: t('gov.handovers.member'),
            dataIndex: 'subjectId',
            render: (id: string) => nameOf.get(id) ?? '',
          },
          { title: t('gov.col.dueOn'), dataIndex: 'dueOn', width: 110, render: formatDate },
          { title: t('gov.col.doneOn'), dataIndex: 'doneOn', width: 110, render: formatDate },
          {
            title: t('gov.col.taskState'),
            dataIndex: 'state',
            width: 200,
            render: (s: string, task) => (
              <>
                <TaskStateTag state={s} />
                {committee.canManage && !task.doneOn && (
                  <Button
                    size="small"
                    onClick={() => setRecording(task)}
                    data-testid={`handover-${task.subjectId}`}
                  >
                    {t('gov.handovers.record')}
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
      {recording && (
        <HandoverModal
          committeeId={committee.id}
          memberId={recording.subjectId}
          onClose={() => setRecording(null)}
        />
      )}
    </section>
  );
}

function HandoverModal({
  committeeId,
  memberId,
  onClose,
}: {
  committeeId: string;
  memberId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useRecordHandover(committeeId);
  return (
    <FormModal<{ on: string }>
      title={t('gov.handovers.record')}
      open
      onClose={onClose}
      testId="handover-modal"
      initialValues={{ on: shanghaiToday() }}
      submit={(v) => mutation.mutateAsync({ memberId, on: v.on })}
    >
      <DateField name="on" label={t('gov.handovers.on')} testId="field-on" />
    </FormModal>
  );
}
