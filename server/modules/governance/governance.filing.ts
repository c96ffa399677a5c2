// The street's two steps on a filing (备案) with the committee or a change filing (变更备案): accepting it (受理)
// and completing it within 20 days of that acceptance (《规定》 Art 34, domain/governance-filings.ts). Shared by
// committees/committees.actions.ts (the committee's filing, Arts 23/29) and records/changes.service.ts (Art 33).
import { statutoryDeadline, type BusinessCalendar } from '../../../domain/calendar.js';
import { FILING_RECEIPT, filingCompletionDue } from '../../../domain/governance-filings.js';
import { PERIODS } from '../../../domain/governance.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { GovTaskTable } from '../../platform/db/schema.js';
import { addTask, rescheduleTaskReminders } from './governance.common.js';
import type { CompoundPlace } from './governance.policy.js';
import * as shared from './governance.repo.js';

interface FilingTaskSpec {
  trx: Executor;
  cal: BusinessCalendar;
  clock: Clock;
  now: string;
  compound: CompoundPlace;
  subjectType: GovTaskTable['subject_type'];
  subjectId: string;
  /** 'filing' for the committee's filing, 'change_filing' for a change filing. */
  prefix: 'filing' | 'change_filing';
}

/** A deadline row opened anew, or reopened with its new day when the filing comes round again. */
async function openOrReopen(
  s: FilingTaskSpec,
  kind: string,
  due: { lastDay: string; nominalLastDay: string },
  legalRef: string,
) {
  if (await shared.taskOf(s.trx, s.subjectId, kind)) {
    await shared.reopenTask(
      s.trx,
      s.subjectId,
      kind,
      { due_on: due.lastDay, nominal_due_on: due.nominalLastDay },
      s.now,
    );
    await rescheduleTaskReminders(s.trx, s.clock, s.subjectId, kind);
    return;
  }
  await addTask(s.trx, s.cal, s.now, {
    compound: s.compound,
    subjectType: s.subjectType,
    subjectId: s.subjectId,
    kind,
    responsible: 'street',
    dueOn: due.lastDay,
    legalRef,
  });
}

/** Submitted (again): the street's reminder to accept it (受理; its days are a product default). */
export async function openReceiptTask(s: FilingTaskSpec, submittedOn: string) {
  const due = statutoryDeadline(s.cal, submittedOn, FILING_RECEIPT.amount);
  await openOrReopen(s, `${s.prefix}_receipt`, due, FILING_RECEIPT.ref);
}

/** Accepted (受理) on `receivedOn`: the receipt reminder is done and the 20 days of Art 34 start. */
export async function openCompletionTask(s: FilingTaskSpec, receivedOn: string) {
  await shared.completeTask(s.trx, s.subjectId, `${s.prefix}_receipt`, receivedOn, s.now);
  const ref = s.prefix === 'filing' ? PERIODS.filingDecision.ref : PERIODS.changeFilingDecision.ref;
  await openOrReopen(s, `${s.prefix}_decision`, filingCompletionDue(s.cal, receivedOn), ref);
}
