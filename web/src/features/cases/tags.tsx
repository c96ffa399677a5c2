// Case tags with one colour per meaning, used by the queue, the case page and the resident pages.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { timeLeft } from '../../shared/format';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../../domain/case-lifecycle';
import { useLang } from '../../app/i18n';
import { pick } from './taxonomy';

/** Blue family while work is under way, purple while waiting for a check, green when done. */
export const STATUS_COLOURS: Record<CaseStatus, string> = {
  received: 'cyan',
  accepted: 'blue',
  dispatched: 'geekblue',
  signed: 'processing',
  reported: 'purple',
  verified: 'lime',
  closed: 'success',
  revisited: 'green',
  declined: 'default',
  suspended: 'warning',
  parked: 'magenta',
  merged: 'default',
};

export function statusLabel(status: string, lang: 'zh-CN' | 'en'): string {
  const label = CASE_STATUS_LABELS[status as CaseStatus];
  return label ? pick(label, lang) : status;
}

export function CaseStatusTag({ status, testId }: { status: string; testId?: string }) {
  const lang = useLang();
  return (
    <Tag color={STATUS_COLOURS[status as CaseStatus] ?? 'default'} data-testid={testId} data-status={status}>
      {statusLabel(status, lang)}
    </Tag>
  );
}

/** Red when overdue, amber when the warning time has come; nothing while on time. */
/**
 * The SLA countdown beside a deadline: time left (orange when within the warning period), or time past it;
 * without a deadline only the state.
 */
export function DueStateTag({ state, at }: { state: string; at?: string | null }) {
  const { t } = useTranslation();
  const color = state === 'overdue' ? 'error' : state === 'warning' ? 'warning' : 'default';
  if (at) {
    const left = timeLeft(at);
    const words = t(`cases.${left.past ? 'over' : 'left'}.${left.unit}`, { count: left.count });
    return (
      <Tag color={left.past ? 'error' : color} data-testid="due-countdown">
        {words}
      </Tag>
    );
  }
  if (state === 'overdue') return <Tag color="error">{t('cases.due.overdue')}</Tag>;
  if (state === 'warning') return <Tag color="warning">{t('cases.due.warning')}</Tag>;
  return null;
}

export function UrgencyTag({ urgency }: { urgency: string }) {
  const { t } = useTranslation();
  if (urgency === 'normal') return null;
  return <Tag color={urgency === 'critical' ? 'red' : 'volcano'}>{t(`cases.urgency.${urgency}`)}</Tag>;
}

export function SupervisionTag({ level }: { level: number }) {
  const { t } = useTranslation();
  if (!level) return null;
  return <Tag color="volcano">{t('cases.supervisionLevel', { level })}</Tag>;
}
