// The steps of an assembly formation (《规定》 Arts 14–16), one handler each: the developer's report, the
// preparatory group, its member list, the first meeting's notice (15 days ahead), objections, the meeting
// itself, or cancelling. Each returns the changes to the formation row and what the audit adds; the caller
// writes them (version-checked).
import type { BusinessCalendar } from '../../../../domain/calendar.js';
import { addDays } from '../../../../domain/calendar.js';
import {
  checkWorkingGroup,
  formationStepDue,
  latestNoticeDay,
  PERIODS,
} from '../../../../domain/governance.js';
import type { FormationAction } from '../../../../contracts/governance.js';
import type { Clock } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import type { GovFormationTable } from '../../../platform/db/schema.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import {
  addTask,
  requireNotBefore,
  requireNotFuture,
  rescheduleTaskReminders,
  throwProblems,
  type CompoundRow,
} from '../governance.common.js';
import { groupFacts, insertGroup } from '../governance.eligibility.js';
import * as shared from '../governance.repo.js';
import * as repo from './formation.repo.js';

export interface FormationStep {
  trx: Executor;
  clock: Clock;
  cal: BusinessCalendar;
  c: CompoundRow;
  f: GovFormationTable;
  today: string;
  now: string;
}

interface Outcome {
  changes: Partial<GovFormationTable>;
  after?: Record<string, unknown>;
}

type Handler<A extends FormationAction['action']> = (
  s: FormationStep,
  body: Extract<FormationAction, { action: A }>,
) => Promise<Outcome>;

const stepFirst = (name: string) => new AppError('governance.step_order', 409, { step: name });
const already = (status: string, action: string) =>
  new AppError('governance.decision_invalid_status', 409, { status, action });

/** A deadline row of the formation running from `from`. */
const task = (
  s: FormationStep,
  kind: string,
  from: string,
  period: { amount: number; ref: string },
  responsible: 'street' | 'group',
) =>
  addTask(s.trx, s.cal, s.now, {
    compound: s.c,
    subjectType: 'formation',
    subjectId: s.f.id,
    kind,
    responsible,
    from,
    amount: period.amount,
    legalRef: period.ref,
  });

const recordReport: Handler<'record_report'> = async (s, body) => {
  if (s.f.report_on) throw already('reported', body.action);
  requireNotFuture(body.on, s.today);
  requireNotBefore(body.on, s.f.trigger_on);
  await shared.completeTask(s.trx, s.f.id, 'developer_report', body.on, s.now);
  await task(s, 'preparatory_group', body.on, PERIODS.preparatoryGroup, 'street');
  return { changes: { report_on: body.on, report_kind: body.reportKind } };
};

const formGroup: Handler<'form_group'> = async (s, body) => {
  const { f, trx } = s;
  if (!f.report_on) throw stepFirst('record_report');
  if (f.group_formed_on) throw already('group_formed', body.action);
  requireNotFuture(body.on, s.today);
  requireNotBefore(body.on, f.report_on);
  throwProblems(checkWorkingGroup('preparatory', await groupFacts(trx, s.c.id, body.members)));
  await insertGroup(trx, s.c, 'preparatory', f.id, body.on, body.members, s.now);
  await shared.completeTask(trx, f.id, 'preparatory_group', body.on, s.now);
  await task(s, 'member_list_notice', body.on, PERIODS.memberListNotice, 'group');
  const meetingDue = formationStepDue(s.cal, 'first_meeting', body.on);
  await task(s, 'first_meeting', body.on, PERIODS.firstMeeting, 'group');
  await addTask(trx, s.cal, s.now, {
    compound: s.c,
    subjectType: 'formation',
    subjectId: f.id,
    kind: 'pre_meeting_notice',
    responsible: 'group',
    dueOn: latestNoticeDay(meetingDue.lastDay, PERIODS.preMeetingNotice.amount),
    legalRef: PERIODS.preMeetingNotice.ref,
  });
  return { changes: { group_formed_on: body.on }, after: { members: body.members.length } };
};

const postMemberList: Handler<'post_member_list'> = async (s, body) => {
  if (!s.f.group_formed_on) throw stepFirst('form_group');
  requireNotFuture(body.on, s.today);
  requireNotBefore(body.on, s.f.group_formed_on);
  await shared.completeTask(s.trx, s.f.id, 'member_list_notice', body.on, s.now);
  return { changes: { member_list_posted_on: body.on } };
};

const scheduleMeeting: Handler<'schedule_meeting'> = async (s, body) => {
  const { f, trx } = s;
  if (!f.group_formed_on) throw stepFirst('form_group');
  if (f.meeting_notice_posted_on) throw already('noticed', body.action);
  requireNotBefore(body.meetingOn, f.group_formed_on);
  const latest = latestNoticeDay(body.meetingOn, PERIODS.preMeetingNotice.amount);
  const due = { due_on: latest, nominal_due_on: latest };
  await shared.updateTaskDue(trx, f.id, 'pre_meeting_notice', due, s.now);
  await rescheduleTaskReminders(trx, s.clock, f.id, 'pre_meeting_notice');
  return { changes: { meeting_planned_on: body.meetingOn } };
};

const postMeetingNotice: Handler<'post_meeting_notice'> = async (s, body) => {
  const { f } = s;
  if (!f.meeting_planned_on) throw stepFirst('schedule_meeting');
  requireNotFuture(body.on, s.today);
  requireNotBefore(body.on, f.group_formed_on);
  const latest = latestNoticeDay(f.meeting_planned_on, PERIODS.preMeetingNotice.amount);
  if (body.on > latest) throw new AppError('governance.meeting_notice_late', 400, { latest });
  await shared.completeTask(s.trx, f.id, 'pre_meeting_notice', body.on, s.now);
  return { changes: { meeting_notice_posted_on: body.on } };
};

const recordObjection: Handler<'record_objection'> = async (s, body) => {
  if (!s.f.group_formed_on) throw stepFirst('form_group');
  requireNotFuture(body.receivedOn, s.today);
  const oid = newId();
  await repo.insertObjection(s.trx, {
    id: oid,
    formation_id: s.f.id,
    received_on: body.receivedOn,
    from_name: body.fromName,
    content: body.content,
    answer: null,
    answered_on: null,
    created_at: s.now,
    updated_at: s.now,
    version: 1,
  });
  return { changes: {}, after: { objection: oid } };
};

const answerObjection: Handler<'answer_objection'> = async (s, body) => {
  requireNotFuture(body.on, s.today);
  const answer = { answer: body.answer, answered_on: body.on };
  if (!(await repo.answerObjection(s.trx, s.f.id, body.objectionId, answer, s.now)))
    throw notFound('governance.objection_not_found');
  return { changes: {}, after: { objection: body.objectionId } };
};

const holdFirstMeeting: Handler<'hold_first_meeting'> = async (s, body) => {
  const { f, trx } = s;
  if (!f.meeting_notice_posted_on) throw stepFirst('post_meeting_notice');
  requireNotFuture(body.on, s.today);
  requireNotBefore(body.on, addDays(f.meeting_notice_posted_on, PERIODS.preMeetingNotice.amount));
  const open = (await repo.objections(trx, f.id)).filter((o) => !o.answered_on).length;
  if (open > 0) throw new AppError('governance.objections_unanswered', 409, { count: open });
  await shared.completeTask(trx, f.id, 'first_meeting', body.on, s.now);
  return { changes: { first_meeting_on: body.on } };
};

const cancel: Handler<'cancel'> = async (s, body) => {
  await shared.closeTasksOf(s.trx, s.f.id, s.today, s.now);
  return { changes: { status: 'cancelled', note: body.note } };
};

export const FORMATION_HANDLERS: { [A in FormationAction['action']]: Handler<A> } = {
  record_report: recordReport,
  form_group: formGroup,
  post_member_list: postMemberList,
  schedule_meeting: scheduleMeeting,
  post_meeting_notice: postMeetingNotice,
  record_objection: recordObjection,
  answer_objection: answerObjection,
  hold_first_meeting: holdFirstMeeting,
  cancel,
};
