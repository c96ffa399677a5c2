import { useState } from 'react';
import { Button, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatCitation } from '../../../../domain/citations';
import { useLang } from '../../app/i18n';
import { formatDate } from '../../shared/format';
import { useDecisions } from './api';
import { useConvenePetition, usePetitions, useRecordPetition, type PetitionDto } from './duties-api';
import { DateField, shanghaiToday } from './fields';
import { FormModal } from './FormModal';
import type { CommitteeDto } from './types';

const STATUS_COLOR = { awaiting: 'warning', convened: 'success', insufficient: 'default' } as const;

/**
 * 临时会议提议: owners' proposals (20 % or more, 《规定》 Art 25 ¶1) and members' proposals (one third or more,
 * Art 26 ¶1), with their share against the threshold and the meeting that answered them.
 */
export function PetitionsCard({ committee }: { committee: CommitteeDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = usePetitions(committee.id);
  const [adding, setAdding] = useState<'assembly' | 'committee' | null>(null);
  const [convening, setConvening] = useState<PetitionDto | null>(null);
  if (!q.data) return null;
  const canRecord = q.data.canRecord;
  return (
    <section data-testid="committee-petitions">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('gov.petitions.title')}
        </Typography.Title>
        {canRecord && (
          <Space wrap>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setAdding('assembly')}
              data-testid="petition-assembly"
            >
              {t('gov.petitions.assembly')}
            </Button>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setAdding('committee')}
              data-testid="petition-committee"
            >
              {t('gov.petitions.committee')}
            </Button>
          </Space>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {t('gov.petitions.rule')}
      </Typography.Paragraph>
      <Table<PetitionDto>
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        dataSource={q.data.items}
        locale={{ emptyText: t('gov.petitions.empty') }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('gov.petitions.receivedOn'), dataIndex: 'receivedOn', width: 110, render: formatDate },
          {
            title: t('gov.petitions.kind'),
            dataIndex: 'kind',
            width: 200,
            render: (k: string, p) => (
              <Space direction="vertical" size={0}>
                {t(`gov.petitions.kinds.${k}`)}
                {p.proposerNames.length > 0 && (
                  <Typography.Text type="secondary">{p.proposerNames.join('、')}</Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('gov.petitions.subject'), dataIndex: 'subject' },
          {
            title: t('gov.petitions.share'),
            key: 'share',
            width: 170,
            render: (_: unknown, p) => (
              <span data-testid={`petition-share-${p.id}`}>
                {p.proposers}/{p.base} = {p.share}（≥ {p.threshold}）
              </span>
            ),
          },
          {
            title: t('gov.petitions.dueOn'),
            dataIndex: 'dueOn',
            width: 130,
            render: (v: string | null, p) =>
              v && (
                <Space size={4} wrap>
                  {formatDate(v)}
                  <Tag
                    title={`${t('gov.petitions.defaultPeriod')}：${formatCitation(`${p.legalRef} (product default)`, lang)}`}
                    data-testid={`petition-default-${p.id}`}
                  >
                    {t('gov.petitions.defaultTag')}
                  </Tag>
                </Space>
              ),
          },
          {
            title: t('gov.col.taskState'),
            dataIndex: 'status',
            width: 130,
            render: (s: PetitionDto['status'], p) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLOR[s]}>{t(`gov.petitions.statuses.${s}`)}</Tag>
                {p.convenedOn && formatDate(p.convenedOn)}
                {canRecord && s === 'awaiting' && (
                  <Button
                    size="small"
                    onClick={() => setConvening(p)}
                    data-testid={`petition-convene-${p.id}`}
                  >
                    {t('gov.petitions.convene')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {adding && <PetitionModal committee={committee} kind={adding} onClose={() => setAdding(null)} />}
      {convening && <ConveneModal committee={committee} p={convening} onClose={() => setConvening(null)} />}
    </section>
  );
}

function PetitionModal({
  committee,
  kind,
  onClose,
}: {
  committee: CommitteeDto;
  kind: 'assembly' | 'committee';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useRecordPetition(committee.id);
  const active = committee.members.filter((m) => !m.endedOn);
  return (
    <FormModal<{ receivedOn: string; subject: string; proposers?: number; memberIds?: string[] }>
      title={t(`gov.petitions.${kind}`)}
      open
      onClose={onClose}
      testId="petition-modal"
      initialValues={{ receivedOn: shanghaiToday() }}
      submit={(v) =>
        mutation.mutateAsync(
          kind === 'assembly'
            ? { kind, receivedOn: v.receivedOn, subject: v.subject, proposers: v.proposers ?? 0 }
            : { kind, receivedOn: v.receivedOn, subject: v.subject, memberIds: v.memberIds ?? [] },
        )
      }
    >
      <DateField name="receivedOn" label={t('gov.petitions.receivedOn')} testId="field-receivedOn" />
      <Form.Item
        name="subject"
        label={t('gov.petitions.subject')}
        rules={[{ required: true, max: 300, message: t('gov.required') }]}
      >
        <Input.TextArea rows={2} data-testid="field-subject" />
      </Form.Item>
      {kind === 'assembly' ? (
        <Form.Item
          name="proposers"
          label={t('gov.petitions.proposers')}
          rules={[{ required: true, message: t('gov.required') }]}
        >
          <InputNumber min={1} precision={0} data-testid="field-proposers" />
        </Form.Item>
      ) : (
        <Form.Item
          name="memberIds"
          label={t('gov.petitions.members')}
          rules={[{ required: true, message: t('gov.required') }]}
        >
          <Select
            mode="multiple"
            data-testid="field-memberIds"
            optionFilterProp="label"
            options={active.map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}

function ConveneModal({
  committee,
  p,
  onClose,
}: {
  committee: CommitteeDto;
  p: PetitionDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useConvenePetition(committee.id);
  const decisions = useDecisions({ compound: committee.compoundId });
  const options =
    p.kind === 'assembly'
      ? decisions.rows
          .filter((d) => d.status !== 'draft' && d.status !== 'cancelled')
          .map((d) => ({ value: d.id, label: `${d.title}（${formatDate(d.opensAt.slice(0, 10))}）` }))
      : committee.meetings
          .filter((m) => m.kind === 'extraordinary' && m.heldOn >= p.receivedOn)
          .map((m) => ({
            value: m.id,
            label: `${t('gov.petitions.answerMeeting')} ${formatDate(m.heldOn)}`,
          }));
  return (
    <FormModal<{ refId: string }>
      title={t('gov.petitions.convene')}
      open
      onClose={onClose}
      testId="petition-convene-modal"
      submit={(v) => mutation.mutateAsync({ petitionId: p.id, version: p.version, refId: v.refId })}
    >
      <Typography.Paragraph>{p.subject}</Typography.Paragraph>
      <Form.Item
        name="refId"
        label={p.kind === 'assembly' ? t('gov.petitions.answerDecision') : t('gov.petitions.answerMeeting')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <Select data-testid="field-refId" options={options} />
      </Form.Item>
    </FormModal>
  );
}
