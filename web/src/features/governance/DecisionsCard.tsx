import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { shanghaiWallClock } from '../../../../domain/calendar';
import { MATTERS } from '../../../../domain/vote-tally';
import { formatDateTime } from '../../shared/format';
import { PagedTable } from '../../shared/PagedTable';
import { useLang } from '../../app/i18n';
import { useBuildings, useCreateDecision, useDecisions } from './api';
import { shanghaiInstant } from './fields';
import { FormModal } from './FormModal';
import { DecisionStatusTag } from './tags';
import type { DecisionListItemDto } from './types';

/** The compound's decisions (the committee's workspace), with "new decision" for those who run them. */
export function DecisionsCard({ compoundId, canCreate }: { compoundId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const list = useDecisions({ compound: compoundId });
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<DecisionListItemDto> = [
    { title: t('gov.decisions.titleField'), dataIndex: 'title' },
    {
      title: t('gov.decisions.matter'),
      dataIndex: 'matter',
      width: 220,
      render: (m: string) => t(`gov.matters.${m}`),
    },
    {
      title: t('gov.decisions.opensAt'),
      dataIndex: 'opensAt',
      width: 160,
      render: (v: string) => formatDateTime(v, lang),
    },
    {
      title: t('gov.decisions.closesAt'),
      dataIndex: 'closesAt',
      width: 160,
      render: (v: string) => formatDateTime(v, lang),
    },
    { title: t('gov.decisions.ballots'), dataIndex: 'ballotCount', width: 80, align: 'right' },
    {
      title: t('gov.col.state'),
      dataIndex: 'status',
      width: 100,
      render: (s: string) => <DecisionStatusTag status={s} />,
    },
  ];
  return (
    <Card
      size="small"
      title={t('gov.decisions.title')}
      data-testid="decisions-card"
      extra={
        canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="decision-new"
          >
            {t('gov.decisions.new')}
          </Button>
        )
      }
    >
      <PagedTable<DecisionListItemDto>
        list={list}
        testId="decisions-table"
        rowKey="id"
        columns={columns}
        locale={{ emptyText: t('gov.decisions.empty') }}
        onRow={(row) => ({
          onClick: () => navigate(`/governance/decisions/${row.id}`),
          className: 'clickable-row',
        })}
      />
      {creating && <NewDecisionModal compoundId={compoundId} onClose={() => setCreating(false)} />}
    </Card>
  );
}

interface Values {
  matter: string;
  method: 'meeting' | 'written';
  title: string;
  description?: string;
  scope: 'compound' | 'buildings';
  buildingIds?: string[];
  opensAt: string;
  closesAt: string;
  noticeDays: number;
}

/** The Shanghai wall-clock minute `days` × 24 h from now ('YYYY-MM-DDTHH:mm', for datetime-local). */
function localIn(days: number): string {
  return shanghaiWallClock(new Date(Date.now() + days * 86_400_000)).slice(0, 16);
}

function NewDecisionModal({ compoundId, onClose }: { compoundId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDecision();
  const buildings = useBuildings(compoundId);
  return (
    <FormModal<Values>
      title={t('gov.decisions.new')}
      open
      onClose={onClose}
      width={640}
      testId="decision-modal"
      initialValues={{
        matter: 'use_fund',
        method: 'written',
        scope: 'compound',
        opensAt: localIn(16),
        closesAt: localIn(30),
        noticeDays: 15,
      }}
      submit={async (v) => {
        const d = await create.mutateAsync({
          compoundId,
          matter: v.matter as 'use_fund',
          method: v.method,
          title: v.title,
          description: v.description ?? '',
          scope: v.scope,
          buildingIds: v.scope === 'buildings' ? (v.buildingIds ?? []) : [],
          opensAt: shanghaiInstant(v.opensAt),
          closesAt: shanghaiInstant(v.closesAt),
          noticeDays: v.noticeDays,
        });
        navigate(`/governance/decisions/${d.id}`);
      }}
    >
      <Form.Item name="title" label={t('gov.decisions.titleField')} rules={[{ required: true, min: 2 }]}>
        <Input data-testid="field-title" />
      </Form.Item>
      <Form.Item name="matter" label={t('gov.decisions.matter')}>
        <Select
          data-testid="field-matter"
          options={MATTERS.map((m) => ({ value: m, label: t(`gov.matters.${m}`) }))}
        />
      </Form.Item>
      <Form.Item name="method" label={t('gov.decisions.method')}>
        <Select
          options={(['written', 'meeting'] as const).map((m) => ({
            value: m,
            label: t(`gov.decisions.methods.${m}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="scope" label={t('gov.decisions.scope')}>
        <Select
          options={(['compound', 'buildings'] as const).map((s) => ({
            value: s,
            label: t(`gov.decisions.scopes.${s}`),
          }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) =>
          getFieldValue('scope') === 'buildings' && (
            <Form.Item name="buildingIds" label={t('gov.decisions.buildings')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="description" label={t('gov.decisions.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="opensAt"
        label={t('gov.decisions.opensAt')}
        extra={t('gov.decisions.noticeRule')}
        rules={[{ required: true }]}
      >
        <Input type="datetime-local" data-testid="field-opensAt" style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="closesAt" label={t('gov.decisions.closesAt')} rules={[{ required: true }]}>
        <Input type="datetime-local" data-testid="field-closesAt" style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="noticeDays" label={t('gov.decisions.noticeDays')}>
        <InputNumber min={1} max={365} />
      </Form.Item>
    </FormModal>
  );
}
