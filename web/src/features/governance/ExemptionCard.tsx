import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { useExemption, useRecordExemption, useRevokeExemption, type ExemptionInputDto } from './duties-api';
import { DateField, shanghaiToday } from './fields';
import { FormModal } from './FormModal';

/**
 * 不成立业主大会 (《规定》 Art 13 ¶2): one owner, or few owners who all agree. The street records it; while it
 * holds, the daily scan does not chase the developer for its report.
 */
export function ExemptionCard({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const q = useExemption(compoundId);
  const revoke = useRevokeExemption(compoundId);
  const [adding, setAdding] = useState(false);
  if (!q.data) return null;
  const e = q.data;
  if (!e.exemption && !e.canRecord) return null;
  const ex = e.exemption;
  return (
    <Card
      size="small"
      data-testid="exemption-card"
      title={t('gov.exemption.title')}
      extra={
        e.canRecord &&
        (ex ? (
          <Button
            danger
            data-testid="exemption-revoke"
            onClick={() =>
              modal.confirm({
                title: t('gov.exemption.revoke'),
                okButtonProps: { 'data-testid': 'confirm-ok' } as ButtonProps,
                onOk: () => revoke.mutateAsync({ version: ex.version, on: shanghaiToday() }),
              })
            }
          >
            {t('gov.exemption.revoke')}
          </Button>
        ) : (
          <Button onClick={() => setAdding(true)} data-testid="exemption-new">
            {t('gov.exemption.record')}
          </Button>
        ))
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('gov.exemption.rule')}
      </Typography.Paragraph>
      {ex ? (
        <>
          <Alert
            type={ex.holds ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="exemption-state"
            title={ex.holds ? t('gov.exemption.holds') : t('gov.exemption.lapsed')}
          />
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('gov.exemption.reason')}>
              {t(`gov.exemption.reasons.${ex.reason}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('gov.exemption.agreedOn')}>
              {formatDate(ex.agreedOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('gov.exemption.agreedOwners')}>
              {ex.ownersAtRecord}（{t('gov.exemption.owners', { n: e.owners })}）
            </Descriptions.Item>
            {ex.note && (
              <Descriptions.Item label={t('gov.exemption.note')} span={3}>
                {ex.note}
              </Descriptions.Item>
            )}
          </Descriptions>
        </>
      ) : (
        <Typography.Text type="secondary">
          {t('gov.exemption.none')} · {t('gov.exemption.owners', { n: e.owners })}
        </Typography.Text>
      )}
      {adding && (
        <ExemptionModal compoundId={compoundId} owners={e.owners} onClose={() => setAdding(false)} />
      )}
    </Card>
  );
}

function ExemptionModal({
  compoundId,
  owners,
  onClose,
}: {
  compoundId: string;
  owners: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useRecordExemption(compoundId);
  return (
    <FormModal<ExemptionInputDto>
      title={t('gov.exemption.record')}
      open
      onClose={onClose}
      testId="exemption-modal"
      initialValues={{
        reason: owners === 1 ? 'single_owner' : 'unanimous',
        agreedOn: shanghaiToday(),
        agreedOwners: owners,
      }}
      submit={(v) =>
        mutation.mutateAsync(v.reason === 'single_owner' ? { ...v, agreedOwners: undefined } : v)
      }
    >
      <Form.Item name="reason" label={t('gov.exemption.reason')} rules={[{ required: true }]}>
        <Radio.Group
          data-testid="field-reason"
          options={(['single_owner', 'unanimous'] as const).map((r) => ({
            value: r,
            label: t(`gov.exemption.reasons.${r}`),
          }))}
        />
      </Form.Item>
      <DateField name="agreedOn" label={t('gov.exemption.agreedOn')} testId="field-agreedOn" />
      <Form.Item noStyle shouldUpdate={(a, b) => a.reason !== b.reason}>
        {({ getFieldValue }) =>
          getFieldValue('reason') === 'unanimous' && (
            <Form.Item
              name="agreedOwners"
              label={t('gov.exemption.agreedOwners')}
              extra={t('gov.exemption.owners', { n: owners })}
            >
              <InputNumber min={1} precision={0} data-testid="field-agreedOwners" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="note" label={t('gov.exemption.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
