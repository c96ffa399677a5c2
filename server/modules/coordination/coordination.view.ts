// How joint-meeting records are shown: names instead of ids, an action item's due state on the working-day
// calendar (domain/coordination.ts actionDueState), and the actions the caller may take on it.
import { actionDueState } from '../../../domain/coordination.js';
import { shanghaiDate } from '../../../domain/calendar.js';
import type { Executor } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { workingCalendar } from '../../platform/working-calendar.js';
import { mayCompleteItem, mayManageBody } from './coordination.policy.js';
import * as repo from './coordination.repo.js';

type ItemRow = Awaited<ReturnType<typeof repo.actionItems>>[number];

export async function presentItems(deps: Deps, actor: Actor, rows: readonly ItemRow[]) {
  const db: Executor = deps.database.db;
  const [cal, coops] = await Promise.all([
    workingCalendar(db),
    repo.cooperatingOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const today = shanghaiDate(deps.clock.now());
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    title: r.title,
    bodyName: r.body_name,
    meetingTitle: r.meeting_title,
    meetingOn: r.meeting_on,
    decision: r.decision_text,
    leadOrgId: r.lead_org_id,
    leadName: r.lead_name,
    cooperatingNames: coops.filter((c) => c.action_item_id === r.id).map((c) => c.name),
    dueOn: r.due_on,
    dueState: actionDueState(cal.calendar, today, r.due_on, r.status),
    status: r.status,
    evidence: r.evidence,
    doneOn: r.done_on,
    doneByName: r.done_by_name,
    supervisionCount: r.supervision_count,
    lastSupervisedOn: r.last_supervised_on,
    mayComplete: r.status === 'open' && mayCompleteItem(actor, r),
    maySupervise:
      r.status === 'open' &&
      mayManageBody(actor, {
        level: r.level,
        division_code: r.division_code,
        district_code: r.district_code,
        street_code: r.street_code,
      }),
  }));
}
