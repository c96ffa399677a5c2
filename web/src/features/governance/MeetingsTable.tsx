import { useState } from 'react';
import { Button, Flex, Form, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { usePublishMeeting } from './api';
import { DateField, shanghaiToday } from './fields';
import { FormModal } from './FormModal';
import type { CommitteeDto, MeetingDto } from './types';

/** The committee's meetings: attendance, resolutions and their posting (《规定》 Art 26 ¶3: within 3 days). */
export function MeetingsTable({ committee }: { committee: CommitteeDto }) {
  const { t } = useTranslation();
  const [publishing, setPublishing] = useState<MeetingDto | null>(null);
  const today = shanghaiToday();
  return (
    <>
      <Table<MeetingDto>
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        data-testid="committee-meetings"
        dataSource={committee.meetings}
        locale={{ emptyText: t('common.none') }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('gov.committee.heldOn'), dataIndex: 'heldOn', width: 110 },
          {
            title: t('gov.committee.kind'),
            dataIndex: 'kind',
            width: 90,
            render: (k: string) => t(`gov.committee.kinds.${k}`),
          },
          {
            title: t('gov.committee.present'),
            key: 'present',
            width: 170,
            render: (_: unknown, m) => (
              <Space size={4}>
                {m.presentCount}/{m.expectedCount}
                <Tag color={m.quorate ? 'success' : 'error'}>
                  {m.quorate ? t('gov.committee.quorate') : t('gov.committee.notQuorate')}
                </Tag>
              </Space>
            ),
          },
          {
            title: t('gov.committee.resolutions'),
            dataIndex: 'resolutions',
            render: (rs: MeetingDto['resolutions']) => (
              <Flex vertical gap={2}>
                {rs.map((r, i) => (
                  <span key={i}>
                    {r.title}（{t('gov.committee.signatures')} {r.signatures}）
                    <Tag color={r.adopted ? 'success' : 'default'}>
                      {r.adopted ? t('gov.committee.adopted') : t('gov.committee.notAdopted')}
                    </Tag>
                  </span>
                ))}
              </Flex>
            ),
          },
          { title: t('gov.committee.minutes'), dataIndex: 'minutes', ellipsis: true, width: 160 },
          {
            title: t('gov.committee.publication'),
            key: 'publication',
            width: 230,
            render: (_: unknown, m) => <Publication m={m} today={today} />,
          },
          ...(committee.canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, m: MeetingDto) =>
                    m.publishDueOn &&
                    !m.publishedOn && (
                      <Button
                        size="small"
                        onClick={() => setPublishing(m)}
                        data-testid={`meeting-publish-${m.id}`}
                      >
                        {t('gov.committee.publish')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {publishing && (
        <PublishModal committee={committee} meeting={publishing} onClose={() => setPublishing(null)} />
      )}
    </>
  );
}

/** Due day, posted day and the residents' committee's day; an unposted notice past its due day is overdue. */
function Publication({ m, today }: { m: MeetingDto; today: string }) {
  const { t } = useTranslation();
  if (!m.publishDueOn) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  if (m.publishedOn)
    return (
      <Flex vertical gap={2} data-testid={`meeting-published-${m.id}`}>
        <span>
          {t('gov.committee.publishedOn')} {formatDate(m.publishedOn)}
        </span>
        <Typography.Text type="secondary">
          {t('gov.committee.rcInformedOn')} {formatDate(m.rcInformedOn)}
        </Typography.Text>
      </Flex>
    );
  const overdue = m.publishDueOn < today;
  return (
    <Space size={4} wrap data-testid={`meeting-unpublished-${m.id}`}>
      <span>
        {t('gov.committee.publishDueOn')} {formatDate(m.publishDueOn)}
      </span>
      <Tag color={overdue ? 'error' : 'warning'}>
        {overdue ? t('gov.taskStates.overdue') : t('gov.committee.notPublished')}
      </Tag>
    </Space>
  );
}

function PublishModal({
  committee,
  meeting,
  onClose,
}: {
  committee: CommitteeDto;
  meeting: MeetingDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = usePublishMeeting(committee.id);
  return (
    <FormModal<{ on: string; rcInformedOn: string }>
      title={`${t('gov.committee.publish')} · ${meeting.heldOn}`}
      open
      onClose={onClose}
      testId="meeting-publish-modal"
      initialValues={{ on: shanghaiToday(), rcInformedOn: shanghaiToday() }}
      submit={(v) => mutation.mutateAsync({ meetingId: meeting.id, ...v })}
    >
      <Space wrap>
        <DateField name="on" label={t('gov.committee.publishedOn')} testId="field-on" />
        <DateField name="rcInformedOn" label={t('gov.committee.rcInformedOn')} testId="field-rcInformedOn" />
      </Space>
      <Form.Item>
        <Typography.Text type="secondary">{t('gov.committee.publishRule')}</Typography.Text>
      </Form.Item>
    </FormModal>
  );
}
