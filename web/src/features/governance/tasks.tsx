// Statutory tasks: their labels and where each one is worked on.
import { useTranslation } from 'react-i18next';
import type { TaskDto } from './types';

/** The task kind's label; an unknown kind (a newer server) shows as its code. */
export function TaskKind({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <>{t(`gov.taskKinds.${kind}`, { defaultValue: kind })}</>;
}

/**
 * The screen a task is done on: a decision's own page; everything else (the compound's developer report,
 * the formation, the committee, its meetings and change filings) on the compound's governance page.
 */
export function taskHref(task: Pick<TaskDto, 'subjectType' | 'subjectId' | 'compoundId'>): string {
  return task.subjectType === 'decision'
    ? `/governance/decisions/${task.subjectId}`
    : `/governance/compounds/${task.compoundId}`;
}
