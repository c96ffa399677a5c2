import { useState } from 'react';
import { Button, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { useRecordTraining } from './api';
import { DateField, shanghaiToday } from './fields';
import { FormModal } from './FormModal';
import type { CommitteeDto, TrainingDto, TrainingInputDto } from './types';

/** 培训记录 (《规定》 Art 23): the street records each training and who of the committee attended. */
export function Trainings({ committee, isStreet }: { committee: CommitteeDto; isStreet: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <section>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('gov.trainings.title')}
        </Typography.Title>
        {isStreet && committee.status === 'current' && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="training-new">
            {t('gov.trainings.new')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {t('gov.trainings.rule')}
      </Typography.Paragraph>
      <Table<TrainingDto>
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        data-testid="committee-trainings"
        dataSource={committee.trainings}
        locale={{ emptyText: t('gov.trainings.empty') }}
        scroll={{ x: 720 }}
        columns={[
          { title: t('gov.trainings.heldOn'), dataIndex: 'heldOn', width: 110, render: formatDate },
          { title: t('gov.trainings.topic'), dataIndex: 'topic' },
          { title: t('gov.trainings.trainer'), dataIndex: 'trainer', width: 140 },
          { title: t('gov.trainings.hours'), dataIndex: 'hours', width: 70, align: 'right' },
          {
            title: t('gov.trainings.attendees'),
            dataIndex: 'attendees',
            render: (as: TrainingDto['attendees']) => (
              <Space size={4} wrap>
                {as.map((a) => (
                  <Tag key={a.memberId}>{a.name}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {adding && <TrainingModal committee={committee} onClose={() => setAdding(false)} />}
    </section>
  );
}

function TrainingModal({ committee, onClose }: { committee: CommitteeDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useRecordTraining(committee.id);
  const active = committee.members.filter((m) => !m.endedOn);
  return (
    <FormModal<TrainingInputDto>
      title={t('gov.trainings.new')}
      open
      onClose={onClose}
      width={620}
      testId="training-modal"
      initialValues={{
        heldOn: shanghaiToday(),
        hours: 2,
        memberIds: active.filter((m) => !m.trainedOn).map((m) => m.id),
      }}
      submit={(v) => mutation.mutateAsync(v)}
    >
      <Space wrap>
        <DateField name="heldOn" label={t('gov.trainings.heldOn')} testId="field-heldOn" />
        <Form.Item name="hours" label={t('gov.trainings.hours')} rules={[{ required: true }]}>
          <InputNumber min={0.5} max={40} step={0.5} data-testid="field-hours" />
        </Form.Item>
      </Space>
      <Form.Item
        name="topic"
        label={t('gov.trainings.topic')}
        rules={[{ required: true, min: 2, max: 200, message: t('gov.required') }]}
      >
        <Input data-testid="field-topic" />
      </Form.Item>
      <Form.Item
        name="trainer"
        label={t('gov.trainings.trainer')}
        rules={[{ required: true, max: 100, message: t('gov.required') }]}
      >
        <Input data-testid="field-trainer" />
      </Form.Item>
      <Form.Item
        name="memberIds"
        label={t('gov.trainings.attendees')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <Select
          mode="multiple"
          data-testid="field-memberIds"
          optionFilterProp="label"
          options={active.map((m) => ({
            value: m.id,
            label: m.trainedOn ? `${m.name}（${m.trainedOn}）` : m.name,
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
