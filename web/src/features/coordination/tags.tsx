// Tags of joint meetings: one colour per meaning (green done, blue running, gold due soon / planned, red overdue).
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionItemDto, HotCaseDto } from './api';

const DUE_COLOURS: Record<ActionItemDto['dueState'], string> = {
  done: 'success',
  ok: 'processing',
  warning: 'gold',
  overdue: 'red',
};

export function DueTag({ state }: { state: ActionItemDto['dueState'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={DUE_COLOURS[state]} data-testid="item-due" data-state={state}>
      {t(`coord.due.${state}`)}
    </Tag>
  );
}

const REASON_COLOURS: Record<HotCaseDto['reasons'][number], string> = {
  overdue: 'red',
  returned: 'volcano',
  disputed: 'purple',
  parked: 'default',
};

export function ReasonTags({ reasons }: { reasons: HotCaseDto['reasons'] }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {reasons.map((r) => (
        <Tag key={r} color={REASON_COLOURS[r]}>
          {t(`coord.reason.${r}`)}
        </Tag>
      ))}
    </Space>
  );
}

export function MeetingStatusTag({ status, testId }: { status: 'planned' | 'held'; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'held' ? 'success' : 'gold'} data-testid={testId} data-status={status}>
      {t(`coord.status.${status}`)}
    </Tag>
  );
}
