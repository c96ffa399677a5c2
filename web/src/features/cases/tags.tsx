// Case tags with one colour per meaning, used by the queue, the case page and the resident pages.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { slaCountdown } from '../../../../domain/sla-countdown';
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

/**
 * The SLA countdown beside a deadline (domain/sla-countdown.ts): "剩 3 小时" / "超时 2 天", red when overdue,
 * amber within the warning period; without a deadline only the state (red or amber), nothing while on time.
 */
export function DueStateTag({ state, at }: { state: string; at?: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const colour = (s: string) => (s === 'overdue' ? 'error' : s === 'warning' ? 'warning' : 'default');
  if (at) {
    const countdown = slaCountdown(new Date(), at, state);
    if (countdown.label)
      return (
        <Tag color={colour(countdown.state)} data-testid="due-countdown" data-due-state={countdown.state}>
          {lang === 'en' ? countdown.label.en : countdown.label.zh}
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
