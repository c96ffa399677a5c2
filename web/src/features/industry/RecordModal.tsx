import { useState } from 'react';
import {
  Button,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Radio,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../governance/FormModal';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import { useRecord, useRecordStep, type RecordDto } from './api';
import { Points, RecordStatus } from './tags';

type Action = RecordDto['actions'][number];
type Values = { text?: string; reasons?: string; granted?: 'yes' | 'no' };

/**
 * One credit record (信用记录): facts, evidence, source, who entered it, the objection (异议) and corrections
 * (修正) with their decisions, and the steps the signed-in account may take now (the server says which).
 */
export function RecordModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useRecord(id);
  const [acting, setActing] = useState<Action | null>(null);
  const r = query.data;
  return (
    <Modal
      open
      width={680}
      title={r ? r.rule : t('industry.record')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('industry.close')}</Button>}
      modalRender={(node) => <div data-testid="record-modal">{node}</div>}
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !r ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          <RecordFacts r={r} />
          {r.actions.length > 0 ? (
            <Space wrap>
              {r.actions.map((a) => (
                <Button
                  key={a}
                  type={a === 'object' || a === 'applyCorrection' ? 'default' : 'primary'}
                  onClick={() => setActing(a)}
                  data-testid={`record-action-${a}`}
                >
                  {t(`industry.actions.${a}`)}
                </Button>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary" data-testid="record-no-actions">
              {t('industry.noActions')}
            </Typography.Text>
          )}
        </Flex>
      )}
      {r && acting && <StepForm r={r} action={acting} onClose={() => setActing(null)} />}
    </Modal>
  );
}

function RecordFacts({ r }: { r: RecordDto }) {
  const { t } = useTranslation();
  const pending = r.corrections.find((c) => c.status === 'pending');
  const wide = !!Grid.useBreakpoint().sm;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      layout={wide ? 'horizontal' : 'vertical'}
      styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}
    >
      <Descriptions.Item label={t('industry.recordStatus')}>
        <RecordStatus r={r} />
      </Descriptions.Item>
      <Descriptions.Item label={t('industry.subjectWhich')}>
        {[
          r.companyName,
          r.managerName && t('industry.subjectManager', { name: r.managerName }),
          r.compoundName,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Descriptions.Item>
      <Descriptions.Item label={t('industry.points')}>
        {t(`industry.recordKind.${r.kind}`)} · <Points points={r.points} verified={r.ruleVerified} />
      </Descriptions.Item>
      <Descriptions.Item label={t('industry.occurredOn')}>{formatDate(r.occurredOn)}</Descriptions.Item>
      <Descriptions.Item label={t('industry.facts')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{r.facts}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('industry.evidence')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{r.evidence}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('industry.source')}>{r.source}</Descriptions.Item>
      <Descriptions.Item label={t('industry.enteredBy')}>
        {t('industry.enteredValue', { by: r.enteredByName, date: formatDate(r.enteredOn) })}
      </Descriptions.Item>
      {r.publishedOn && (
        <Descriptions.Item label={t('industry.publishedOn')}>
          {formatDate(r.publishedOn)}
          {r.expiresOn && ` · ${t('industry.expiresOn', { date: formatDate(r.expiresOn) })}`}
        </Descriptions.Item>
      )}
      {r.objectionDetail && (
        <Descriptions.Item label={t('industry.objection')}>
          <div data-testid="record-objection">
            {t('industry.objectionValue', {
              date: formatDate(r.objectionDetail.filedOn),
              reason: r.objectionDetail.reason,
            })}
            <br />
            {t(`industry.objectionStates.${r.objectionDetail.status}`)}
            {r.objectionDetail.decidedOn &&
              ` · ${t('industry.decisionValue', {
                date: formatDate(r.objectionDetail.decidedOn),
                reasons: r.objectionDetail.decisionReasons ?? '',
              })}`}
          </div>
        </Descriptions.Item>
      )}
      {(r.corrections.length > 0 || r.correctionEarliestOn) && (
        <Descriptions.Item label={t('industry.corrections')}>
          {r.corrections.map((c) => (
            <div key={c.appliedOn + c.version}>
              {t('industry.correctionValue', {
                date: formatDate(c.appliedOn),
                due: formatDate(c.dueOn),
                text: c.rectification,
              })}{' '}
              · {t(`industry.correctionStates.${c.status}`)}
              {c.decidedOn &&
                ` · ${t('industry.decisionValue', { date: formatDate(c.decidedOn), reasons: c.decisionReasons ?? '' })}`}
            </div>
          ))}
          {!pending && r.correctionEarliestOn && (
            <Typography.Text type="secondary">
              {t('industry.correctionEarliest', { date: formatDate(r.correctionEarliestOn) })}
            </Typography.Text>
          )}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** One step on the record; a decision carries its objection's or correction's version (409 when it changed). */
function StepForm({ r, action, onClose }: { r: RecordDto; action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const step = useRecordStep(r.id);
  const required = [{ required: true, whitespace: true, message: t('gov.required') }];
  const deciding = action === 'decideObjection' || action === 'decideCorrection';
  const submit = (v: Values) => {
    const text = (v.text ?? '').trim();
    const reasons = (v.reasons ?? '').trim();
    switch (action) {
      case 'confirm':
        return step.mutateAsync({ step: 'confirm', version: r.version });
      case 'object':
        return step.mutateAsync({ step: 'object', reason: text });
      case 'applyCorrection':
        return step.mutateAsync({ step: 'applyCorrection', rectification: text });
      case 'decideObjection':
        return step.mutateAsync({
          step: action,
          version: r.objectionDetail?.version ?? 0,
          granted: v.granted === 'yes',
          reasons,
        });
      case 'decideCorrection':
        return step.mutateAsync({
          step: action,
          version: r.corrections.find((c) => c.status === 'pending')?.version ?? 0,
          granted: v.granted === 'yes',
          reasons,
        });
    }
  };
  return (
    <FormModal<Values>
      title={`${t(`industry.actions.${action}`)} · ${r.rule}`}
      open
      onClose={onClose}
      submit={submit}
      okText={t('industry.submit')}
      testId="record-step"
      initialValues={{ granted: 'no' }}
    >
      {action === 'confirm' && <Typography.Paragraph>{r.facts}</Typography.Paragraph>}
      {(action === 'object' || action === 'applyCorrection') && (
        <Form.Item
          name="text"
          label={t(action === 'object' ? 'industry.reason' : 'industry.rectification')}
          extra={t(action === 'object' ? 'industry.objectHint' : 'industry.correctionHint')}
          rules={required}
        >
          <Input.TextArea rows={4} maxLength={2000} data-testid="step-text" />
        </Form.Item>
      )}
      {deciding && (
        <>
          {action === 'decideObjection' && r.objectionDetail && (
            <Typography.Paragraph type="secondary">{r.objectionDetail.reason}</Typography.Paragraph>
          )}
          <Form.Item name="granted" label={t('industry.granted')} rules={required}>
            <Radio.Group data-testid="step-granted">
              <Radio value="yes" data-testid="step-granted-yes">
                {t(action === 'decideObjection' ? 'industry.upheld' : 'industry.approve')}
              </Radio>
              <Radio value="no" data-testid="step-granted-no">
                {t(action === 'decideObjection' ? 'industry.dismissed' : 'industry.refuse')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="reasons" label={t('industry.reasons')} rules={required}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="step-reasons" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
