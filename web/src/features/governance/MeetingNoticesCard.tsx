import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import {
  useMeetingNotices,
  useRecordMeetingNotice,
  type MeetingNoticeInputDto,
  type MeetingNoticesDto,
} from './duties-api';
import { DateField, shanghaiToday } from './fields';
import { FormModal } from './FormModal';

/** 《规定》 Art 25 ¶2: the written notices to the 房管机构 and the 居民委员会 a decision needs before it opens. */
export function MeetingNoticesCard({ decisionId }: { decisionId: string }) {
  const { t } = useTranslation();
  const q = useMeetingNotices(decisionId);
  const [adding, setAdding] = useState(false);
  if (!q.data) return null;
  const n = q.data;
  const missing = n.missing.map((r) => t(`gov.meetingNotices.recipients.${r}`)).join('、');
  return (
    <Card
      size="small"
      data-testid="meeting-notices"
      title={t('gov.meetingNotices.title')}
      extra={
        n.canRecord &&
        n.missing.length > 0 && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="meeting-notice-new">
            {t('gov.meetingNotices.record')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('gov.meetingNotices.rule')}
      </Typography.Paragraph>
      <Alert
        type={n.missing.length > 0 ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 8 }}
        data-testid="meeting-notices-state"
        title={
          n.missing.length > 0
            ? t('gov.meetingNotices.missing', { list: missing })
            : t('gov.meetingNotices.complete')
        }
      />
      <Table<MeetingNoticesDto['notices'][number]>
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        dataSource={n.notices}
        locale={{ emptyText: t('gov.meetingNotices.empty') }}
        scroll={{ x: 560 }}
        columns={[
          {
            title: t('gov.meetingNotices.recipient'),
            dataIndex: 'recipient',
            width: 120,
            render: (r: string) => t(`gov.meetingNotices.recipients.${r}`),
          },
          { title: t('gov.meetingNotices.recipientName'), dataIndex: 'recipientName' },
          {
            title: t('gov.meetingNotices.notifiedOn'),
            dataIndex: 'notifiedOn',
            width: 110,
            render: formatDate,
          },
          { title: t('gov.meetingNotices.note'), dataIndex: 'note' },
        ]}
      />
      {adding && <NoticeModal n={n} decisionId={decisionId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function NoticeModal({
  n,
  decisionId,
  onClose,
}: {
  n: MeetingNoticesDto;
  decisionId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useRecordMeetingNotice(decisionId);
  return (
    <FormModal<MeetingNoticeInputDto>
      title={t('gov.meetingNotices.record')}
      open
      onClose={onClose}
      testId="meeting-notice-modal"
      initialValues={{ recipient: n.missing[0], notifiedOn: shanghaiToday() }}
      submit={(v) => mutation.mutateAsync(v)}
    >
      <Form.Item name="recipient" label={t('gov.meetingNotices.recipient')} rules={[{ required: true }]}>
        <Radio.Group
          data-testid="field-recipient"
          options={n.missing.map((r) => ({ value: r, label: t(`gov.meetingNotices.recipients.${r}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="recipientName"
        label={t('gov.meetingNotices.recipientName')}
        rules={[{ required: true, max: 100, message: t('gov.required') }]}
      >
        <Input data-testid="field-recipientName" />
      </Form.Item>
      <DateField name="notifiedOn" label={t('gov.meetingNotices.notifiedOn')} testId="field-notifiedOn" />
      <Form.Item name="note" label={t('gov.meetingNotices.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
