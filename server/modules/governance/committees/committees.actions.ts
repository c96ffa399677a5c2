// The committee's actions (《规定》 Arts 21, 23, 28, 29), one handler each: names posted, filing submitted and
// decided, 换届 reported, 换届改选小组 formed, records handed over and returned. Each returns the changes to the
// committee row; the caller writes them (version-checked) with the audit record.
import type { BusinessCalendar } from '../../../../domain/calendar.js';
import { filingReceiptProblem } from '../../../../domain/governance-filings.js';
import { reelectionElectionDue, reelectionGroupBasis } from '../../../../domain/governance-reelection.js';
import { checkWorkingGroup, PERIODS } from '../../../../domain/governance.js';
import type { CommitteeAction } from '../../../../contracts/governance.js';
import type { Clock } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/errors.js';
import {
  addTask,
  problemError,
  requireNotBefore,
  throwProblems,
  type CompoundRow,
} from '../governance.common.js';
import { requireFilingMaterials } from '../duties/filing-materials.service.js';
import { groupFacts, insertGroup } from '../governance.eligibility.js';
import { openCompletionTask, openReceiptTask } from '../governance.filing.js';
import * as shared from '../governance.repo.js';
import { committeeFacts, type CommitteeRow } from './committee.view.js';
import { earlyStageOf } from './early-reelection.js';

export interface CommitteeStep {
  trx: Executor;
  clock: Clock;
  cal: BusinessCalendar;
  c: CompoundRow;
  k: CommitteeRow;
  today: string;
  now: string;
}

type Handler<A extends CommitteeAction['action']> = (
  s: CommitteeStep,
  body: Extract<CommitteeAction, { action: A }>,
) => Promise<Partial<CommitteeRow>>;

const state = (status: string) => new AppError('governance.filing_state', 409, { status });

const task = (
  s: CommitteeStep,
  spec: Omit<Parameters<typeof addTask>[3], 'compound' | 'subjectType' | 'subjectId'>,
) => addTask(s.trx, s.cal, s.now, { compound: s.c, subjectType: 'committee', subjectId: s.k.id, ...spec });

const postNames: Handler<'post_names'> = async (s, body) => {
  requireNotBefore(body.on, s.k.elected_on);
  if (!(await shared.completeTask(s.trx, s.k.id, 'election_notice', body.on, s.now))) throw state('posted');
  return {};
};

const submitFiling: Handler<'submit_filing'> = async (s, body) => {
  const { k, trx, now } = s;
  if (k.filing_status !== 'none' && k.filing_status !== 'rejected') throw state(k.filing_status);
  requireNotBefore(body.on, k.elected_on);
  await requireFilingMaterials(trx, k, s.today); // Art 23 ¶1: the six materials are in the file
  await shared.completeTask(trx, k.id, 'committee_filing', body.on, now);
  // Art 34: the street's 20 days start when it accepts (受理) the filing, not now (receive_filing).
  await openReceiptTask(filingTasks(s), body.on);
  return { filing_status: 'submitted', filing_submitted_on: body.on, filing_received_on: null };
};

const filingTasks = (s: CommitteeStep) => ({
  trx: s.trx,
  cal: s.cal,
  clock: s.clock,
  now: s.now,
  compound: s.c,
  subjectType: 'committee' as const,
  subjectId: s.k.id,
  prefix: 'filing' as const,
});

/** The street accepts (受理) the submitted filing: the 20 days of Art 34 run from this day. */
const receiveFiling: Handler<'receive_filing'> = async (s, body) => {
  const { k } = s;
  if (k.filing_status !== 'submitted') throw state(k.filing_status);
  const p = filingReceiptProblem({
    submittedOn: k.filing_submitted_on,
    receivedOn: k.filing_received_on,
    on: body.on,
  });
  if (p) throw p.code === 'date_before' ? problemError(p) : problemError(p, 409);
  await openCompletionTask(filingTasks(s), body.on);
  return { filing_received_on: body.on };
};

const decideFiling: Handler<'decide_filing'> = async (s, body) => {
  const { k } = s;
  if (k.filing_status !== 'submitted') throw state(k.filing_status);
  if (!k.filing_received_on) throw new AppError('governance.filing_not_received', 409);
  requireNotBefore(body.on, k.filing_received_on);
  await shared.completeTask(s.trx, k.id, 'filing_decision', body.on, s.now);
  // Art 29 ¶2: after a 换届 filing the 房管机构 returns the kept records to the new committee in 10 days.
  if (body.accepted && k.term_no > 1) {
    await task(s, {
      kind: 'records_return',
      responsible: 'street',
      from: body.on,
      amount: PERIODS.recordsReturn.amount,
      legalRef: PERIODS.recordsReturn.ref,
    });
  }
  return {
    filing_status: body.accepted ? 'accepted' : 'rejected',
    filing_decided_on: body.on,
    filing_note: body.note ?? null,
  };
};

const reportReelection: Handler<'report_reelection'> = async (s, body) => {
  if (s.k.reelection_reported_on) throw state('reported');
  await shared.completeTask(s.trx, s.k.id, 'reelection_report', body.on, s.now);
  await task(s, {
    kind: 'reelection_group',
    responsible: 'street',
    from: body.on,
    amount: PERIODS.reelectionGroup.amount,
    legalRef: PERIODS.reelectionGroup.ref,
  });
  return { reelection_reported_on: body.on };
};

const formReelectionGroup: Handler<'form_reelection_group'> = async (s, body) => {
  const { trx, k, c } = s;
  if (await shared.groupOf(trx, k.id, 'reelection')) throw state('group_formed');
  const facts = await committeeFacts(trx, k, s.today);
  // Art 28 ¶1–2, or Art 32 ¶3: an early re-election's group only after the assembly decided so.
  const basis = reelectionGroupBasis({
    reported: !!k.reelection_reported_on,
    reelectionReminder: facts.health.reelectionReminder,
    earlyStage: (await earlyStageOf(trx, k, facts.health, false)).stage,
  });
  if (!basis) {
    throw new AppError(
      facts.health.earlyReelection.length > 0
        ? 'governance.early_reelection_needs_decision'
        : 'governance.reelection_state',
      409,
    );
  }
  throwProblems(checkWorkingGroup('reelection', await groupFacts(trx, c.id, body.members)));
  await insertGroup(trx, c, 'reelection', k.id, body.on, body.members, s.now);
  await shared.completeTask(trx, k.id, 'reelection_group', body.on, s.now);
  await shared.completeTask(trx, k.id, 'early_reelection_group', body.on, s.now);
  // Art 28 ¶1: elect the new committee before the term ends; after it ended the day is a product default.
  const electBy = reelectionElectionDue(s.cal, { termEndsOn: k.term_ends_on, groupOn: body.on });
  await task(s, {
    kind: 'reelection_election',
    responsible: 'group',
    dueOn: electBy.dueOn,
    legalRef: electBy.legalRef,
  });
  // Art 29 ¶1: the old committee hands its records, seals and property to the 房管机构 within 10 days.
  await task(s, {
    kind: 'records_handover',
    responsible: 'committee',
    from: body.on,
    amount: PERIODS.recordsHandover.amount,
    legalRef: PERIODS.recordsHandover.ref,
  });
  return {};
};

const handOverRecords: Handler<'hand_over_records'> = async (s, body) => {
  if (!(await shared.completeTask(s.trx, s.k.id, 'records_handover', body.on, s.now)))
    throw state('handed_over');
  return {};
};

const returnRecords: Handler<'return_records'> = async (s, body) => {
  if (!(await shared.completeTask(s.trx, s.k.id, 'records_return', body.on, s.now))) throw state('returned');
  return {};
};

export const COMMITTEE_HANDLERS: { [A in CommitteeAction['action']]: Handler<A> } = {
  post_names: postNames,
  submit_filing: submitFiling,
  receive_filing: receiveFiling,
  decide_filing: decideFiling,
  report_reelection: reportReelection,
  form_reelection_group: formReelectionGroup,
  hand_over_records: handOverRecords,
  return_records: returnRecords,
};

/** Actions the street office takes; the rest are the committee's (or the street's on its behalf). */
export const STREET_ACTIONS: ReadonlySet<CommitteeAction['action']> = new Set([
  'decide_filing',
  'receive_filing',
  'form_reelection_group',
  'return_records',
]);
