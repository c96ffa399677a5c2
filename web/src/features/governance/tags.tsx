import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATE_COLOURS: Record<string, string> = {
  no_assembly: 'default',
  forming: 'processing',
  in_term: 'success',
  term_expiring: 'warning',
  expired: 'error',
  dysfunctional: 'magenta',
};

export function GovStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state] ?? 'default'} data-state={state}>
      {t(`gov.states.${state}`, { defaultValue: state })}
    </Tag>
  );
}

const TASK_COLOURS: Record<string, string> = {
  done: 'success',
  open: 'default',
  due_soon: 'warning',
  overdue: 'error',
};

export function TaskStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={TASK_COLOURS[state] ?? 'default'}>
      {t(`gov.taskStates.${state}`, { defaultValue: state })}
    </Tag>
  );
}

const DECISION_COLOURS: Record<string, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'warning',
  published: 'success',
  cancelled: 'default',
};

export function DecisionStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={DECISION_COLOURS[status] ?? 'default'} data-testid="decision-status" data-status={status}>
      {t(`gov.decisions.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
