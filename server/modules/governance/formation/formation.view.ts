// An assembly formation (业主大会筹备, 《规定》 Arts 13–16) as the compound page shows it: its steps, group,
// objections, deadlines and the actions the caller may take.
import type { Executor } from '../../../platform/db/database.js';
import type { GovFormationTable } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/http/context.js';
import { presentTask, type CompoundRow } from '../governance.common.js';
import { presentGroup } from '../governance.eligibility.js';
import { canActAsStreet, type CompoundPlace } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import * as repo from './formation.repo.js';

type FormationActionName =
  | 'record_report'
  | 'form_group'
  | 'post_member_list'
  | 'schedule_meeting'
  | 'post_meeting_notice'
  | 'record_objection'
  | 'answer_objection'
  | 'hold_first_meeting'
  | 'cancel';

function formationActions(
  f: GovFormationTable,
  actor: Actor | null,
  c: CompoundPlace,
  unanswered: number,
): FormationActionName[] {
  if (f.status !== 'in_progress' || !canActAsStreet(actor, c)) return [];
  const out: FormationActionName[] = [];
  if (!f.report_on) out.push('record_report');
  else if (!f.group_formed_on) out.push('form_group');
  else {
    if (!f.member_list_posted_on) out.push('post_member_list');
    if (!f.first_meeting_on) {
      if (!f.meeting_notice_posted_on) out.push('schedule_meeting');
      if (f.meeting_planned_on && !f.meeting_notice_posted_on) out.push('post_meeting_notice');
      out.push('record_objection');
      if (unanswered > 0) out.push('answer_objection');
      if (f.meeting_notice_posted_on && unanswered === 0) out.push('hold_first_meeting');
    }
  }
  out.push('cancel');
  return out;
}

export async function presentFormation(
  db: Executor,
  actor: Actor | null,
  c: CompoundRow,
  f: GovFormationTable,
  today: string,
) {
  const [group, objections, tasks] = await Promise.all([
    shared.groupOf(db, f.id, 'preparatory'),
    repo.objections(db, f.id),
    shared.tasksOfSubjects(db, [f.id]),
  ]);
  const unanswered = objections.filter((o) => !o.answered_on).length;
  return {
    id: f.id,
    compoundId: f.compound_id,
    status: f.status,
    triggerKind: f.trigger_kind,
    triggerOn: f.trigger_on,
    reportKind: f.report_kind,
    reportOn: f.report_on,
    groupFormedOn: f.group_formed_on,
    memberListPostedOn: f.member_list_posted_on,
    meetingPlannedOn: f.meeting_planned_on,
    meetingNoticePostedOn: f.meeting_notice_posted_on,
    firstMeetingOn: f.first_meeting_on,
    note: f.note,
    group: presentGroup(group),
    objections: objections.map((o) => ({
      id: o.id,
      receivedOn: o.received_on,
      fromName: o.from_name,
      content: o.content,
      answer: o.answer,
      answeredOn: o.answered_on,
      version: o.version,
    })),
    steps: tasks.map((t) => presentTask(t, today)),
    allowedActions: formationActions(f, actor, c, unanswered),
    version: f.version,
  };
}
