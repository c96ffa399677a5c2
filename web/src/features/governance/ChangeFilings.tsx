import { useState } from 'react';
import { Button, Flex, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { useAddChange, useChangeAction } from './api';
import { DateField, shanghaiToday } from './fields';
import { FormModal } from './FormModal';
import type { CommitteeChangeDto, CommitteeChangeInputDto, CommitteeDto } from './types';

const STATUS_COLOURS: Record<CommitteeChangeDto['status'], string> = {
  pending: 'default',
  submitted: 'processing',
  accepted: 'success',
  rejected: 'error',
};

/** Kinds a person records by hand; member changes and decided changes are recorded by the server. */
const MANUAL_KINDS = ['name', 'area', 'rules_of_procedure', 'management_statute', 'deregistration'] as const;

/**
 * 变更备案 (《规定》 Art 33): the committee (or the street) submits each change within 30 days; the street
 * accepts or refuses it.
 */
export function ChangeFilings({ committee, isStreet }: { committee: CommitteeDto; isStreet: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [acting, setActing] = useState<{
    change: CommitteeChangeDto;
    action: 'submit' | 'receive' | 'decide';
  } | null>(null);
  const today = shanghaiToday();
  const mayAct = committee.canManage || isStreet;
  return (
    <section>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('gov.changes.title')}
        </Typography.Title>
        {committee.canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="change-new">
            {t('gov.changes.new')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {t('gov.changes.rule')}
      </Typography.Paragraph>
      <Table<CommitteeChangeDto>
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        data-testid="committee-changes"
        dataSource={committee.changes}
        locale={{ emptyText: t('gov.changes.empty') }}
        scroll={{ x: 820 }}
        columns={[
          {
            title: t('gov.changes.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (k: string) => t(`gov.changes.kinds.${k}`),
          },
          { title: t('gov.changes.summary'), dataIndex: 'summary' },
          { title: t('gov.changes.changedOn'), dataIndex: 'changedOn', width: 110, render: formatDate },
          {
            title: t('gov.changes.fileBy'),
            dataIndex: 'fileBy',
            width: 150,
            render: (d: string, c) => (
              <Space size={4}>
                {formatDate(d)}
                {(c.status === 'pending' || c.status === 'rejected') && d < today && (
                  <Tag color="error">{t('gov.taskStates.overdue')}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('gov.changes.status'),
            dataIndex: 'status',
            width: 170,
            render: (s: CommitteeChangeDto['status'], c) => (
              <Flex vertical gap={2}>
                <span>
                  <Tag color={STATUS_COLOURS[s]} data-testid={`change-status-${c.id}`} data-status={s}>
                    {t(`gov.changes.statuses.${s}`)}
                  </Tag>
                  {c.decidedOn ?? c.submittedOn}
                </span>
                {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
              </Flex>
            ),
          },
          ...(mayAct
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, c: CommitteeChangeDto) => (
                    <Space size={4}>
                      {(c.status === 'pending' || c.status === 'rejected') && (
                        <Button
                          size="small"
                          onClick={() => setActing({ change: c, action: 'submit' })}
                          data-testid={`change-submit-${c.id}`}
                        >
                          {t('gov.changes.submit')}
                        </Button>
                      )}
                      {isStreet && c.status === 'submitted' && !c.receivedOn && (
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => setActing({ change: c, action: 'receive' })}
                          data-testid={`change-receive-${c.id}`}
                        >
                          {t('gov.committee.actions.receive_filing')}
                        </Button>
                      )}
                      {isStreet && c.status === 'submitted' && c.receivedOn && (
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => setActing({ change: c, action: 'decide' })}
                          data-testid={`change-decide-${c.id}`}
                        >
                          {t('gov.committee.actions.decide_filing')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <NewChangeModal committee={committee} onClose={() => setAdding(false)} />}
      {acting && (
        <ChangeActionModal
          committee={committee}
          change={acting.change}
          action={acting.action}
          onClose={() => setActing(null)}
        />
      )}
    </section>
  );
}

function NewChangeModal({ committee, onClose }: { committee: CommitteeDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useAddChange(committee.id);
  return (
    <FormModal<CommitteeChangeInputDto>
      title={t('gov.changes.new')}
      open
      onClose={onClose}
      testId="change-modal"
      initialValues={{ kind: 'rules_of_procedure', changedOn: shanghaiToday() }}
      submit={(v) => mutation.mutateAsync(v)}
    >
      <Form.Item name="kind" label={t('gov.changes.kind')}>
        <Select
          data-testid="field-kind"
          options={MANUAL_KINDS.map((k) => ({ value: k, label: t(`gov.changes.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('gov.changes.summary')}
        rules={[{ required: true, min: 2, max: 500, message: t('gov.required') }]}
      >
        <Input.TextArea rows={3} data-testid="field-summary" />
      </Form.Item>
      <DateField name="changedOn" label={t('gov.changes.changedOn')} testId="field-changedOn" />
      <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'deregistration' && (
            <Typography.Paragraph type="secondary" data-testid="deregistration-hint">
              {t('gov.changes.deregistrationHint')}
            </Typography.Paragraph>
          )
        }
      </Form.Item>
    </FormModal>
  );
}

function ChangeActionModal({
  committee,
  change,
  action,
  onClose,
}: {
  committee: CommitteeDto;
  change: CommitteeChangeDto;
  action: 'submit' | 'receive' | 'decide';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useChangeAction(committee.id);
  type V = { on: string; accepted?: boolean; note?: string };
  const title =
    action === 'submit'
      ? t('gov.changes.submit')
      : action === 'receive'
        ? t('gov.committee.actions.receive_filing')
        : t('gov.changes.decide');
  return (
    <FormModal<V>
      title={`${title} · ${t(`gov.changes.kinds.${change.kind}`)}`}
      open
      onClose={onClose}
      testId="change-action-modal"
      initialValues={{ on: shanghaiToday(), accepted: true }}
      submit={(v) =>
        mutation.mutateAsync({
          changeId: change.id,
          body:
            action === 'submit' || action === 'receive'
              ? { action, version: change.version, on: v.on }
              : {
                  action,
                  version: change.version,
                  on: v.on,
                  accepted: v.accepted !== false,
                  note: v.note?.trim() || undefined,
                },
        })
      }
    >
      <Typography.Paragraph>{change.summary}</Typography.Paragraph>
      <DateField name="on" label={t('gov.formation.on')} testId="field-on" />
      {action === 'decide' && (
        <>
          <Form.Item name="accepted">
            <Radio.Group data-testid="field-accepted">
              <Radio value>{t('gov.committee.accept')}</Radio>
              <Radio value={false}>{t('gov.committee.reject')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t('gov.formation.note')}>
            <Input.TextArea rows={2} data-testid="field-note" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
