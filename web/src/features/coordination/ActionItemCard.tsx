// One action item (交办事项) as a card: what, lead and cooperating units, deadline and due state, where it came
// from, evidence once done, 督办 so far; "办结" for the lead unit, "督办" for the meeting's office.
import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../governance/FormModal';
import { formatDate } from '../../shared/format';
import { useItemStep, type ActionItemDto } from './api';
import { DueTag } from './tags';

export function ActionItemCard({ item, showSource }: { item: ActionItemDto; showSource?: boolean }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'done' | 'supervise' | null>(null);
  const actions = (
    <Space wrap>
      {item.mayComplete && (
        <Button type="primary" size="small" onClick={() => setStep('done')} data-testid="item-complete">
          {t('coord.complete')}
        </Button>
      )}
      {item.maySupervise && (
        <Button size="small" danger onClick={() => setStep('supervise')} data-testid="item-supervise">
          {t('coord.supervise')}
        </Button>
      )}
    </Space>
  );
  return (
    <Card
      size="small"
      className="coord-item"
      data-testid="action-item"
      data-title={item.title}
      title={
        <Space size={8} wrap style={{ whiteSpace: 'normal' }}>
          <DueTag state={item.dueState} />
          <span>{item.title}</span>
        </Space>
      }
      extra={actions}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'lead', label: t('coord.lead'), children: item.leadName },
          {
            key: 'co',
            label: t('coord.cooperating'),
            children: item.cooperatingNames.length ? item.cooperatingNames.join('、') : '—',
          },
          {
            key: 'due',
            label: t('coord.deadline'),
            children: <span className="num">{formatDate(item.dueOn)}</span>,
          },
          ...(showSource
            ? [
                {
                  key: 'from',
                  label: t('coord.fromMeeting'),
                  children: `${item.bodyName} · ${item.meetingTitle}（${formatDate(item.meetingOn)}）`,
                },
                { key: 'decision', label: t('coord.decisionText'), children: item.decision },
              ]
            : []),
          ...(item.supervisionCount > 0
            ? [
                {
                  key: 'sup',
                  label: t('coord.supervise'),
                  children: t('coord.supervised', {
                    count: item.supervisionCount,
                    date: formatDate(item.lastSupervisedOn),
                  }),
                },
              ]
            : []),
        ]}
      />
      {item.status === 'done' && (
        <div className="coord-evidence" data-testid="item-evidence">
          <Typography.Text type="secondary">
            {t('coord.doneOn', { date: formatDate(item.doneOn), name: item.doneByName ?? '' })}
          </Typography.Text>
          <blockquote className="event-note">{item.evidence}</blockquote>
        </div>
      )}
      {step && <StepModal item={item} kind={step} onClose={() => setStep(null)} />}
    </Card>
  );
}

function StepModal({
  item,
  kind,
  onClose,
}: {
  item: ActionItemDto;
  kind: 'done' | 'supervise';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const step = useItemStep();
  const done = kind === 'done';
  return (
    <FormModal<{ text: string }>
      title={t(done ? 'coord.completeTitle' : 'coord.superviseTitle', { title: item.title })}
      open
      onClose={onClose}
      testId="item-step"
      okText={done ? t('coord.complete') : t('coord.supervise')}
      submit={(v) => step.mutateAsync({ id: item.id, kind, version: item.version, text: v.text.trim() })}
    >
      <Form.Item
        name="text"
        label={done ? t('coord.evidence') : t('coord.superviseNote')}
        extra={done ? t('coord.evidenceHint') : undefined}
        rules={[
          { required: true, whitespace: true, message: t('coord.required') },
          ...(done ? [{ min: 10, message: t('coord.evidenceHint') }] : []),
        ]}
      >
        <Input.TextArea rows={4} maxLength={done ? 4000 : 1000} data-testid="item-step-text" />
      </Form.Item>
    </FormModal>
  );
}

/** A list of action items, or a quiet line when there are none. */
export function ActionItemList({
  items,
  empty,
  showSource,
  testId,
}: {
  items: ActionItemDto[];
  empty: string;
  showSource?: boolean;
  testId?: string;
}) {
  if (!items.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={testId} />;
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {items.map((i) => (
        <ActionItemCard key={i.id} item={i} showSource={showSource} />
      ))}
    </Flex>
  );
}
