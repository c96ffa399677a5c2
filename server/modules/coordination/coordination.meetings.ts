// A joint meeting (联席会议): planned with a date and title, then held — attendance per member unit (came,
// sent a named deputy, absent), minutes and decisions, each decision creating its action items (lead unit,
// cooperating units, deadline on the working-day calendar). A decision on a case's agenda item is recorded on
// the case; the lead and cooperating units are notified. The meeting page lists the earlier meetings' action
// items reported back (still open, or done since the previous meeting).
import type { z } from 'zod';
import { actionDeadline, type HotReason } from '../../../domain/coordination.js';
import { shanghaiDate } from '../../../domain/calendar.js';
import type { CreateMeetingBody, HoldMeetingBody } from '../../../contracts/coordination.js';
import type { CoordBodyTable, CoordMeetingTable } from '../../platform/db/schema-coordination.js';
import type { Tx } from '../../platform/db/database.js';
import { updateVersioned } from '../../platform/db/writes.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, type Actor } from '../../platform/http/context.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { workingCalendar } from '../../platform/working-calendar.js';
import * as cases from '../cases/cases.service.js';
import { notify } from '../notifications/notifications.service.js';
import { mayManageBody, requireBodyManage, requireBodyView } from './coordination.policy.js';
import * as repo from './coordination.repo.js';
import { loadBody } from './coordination.service.js';
import { presentItems } from './coordination.view.js';

type Hold = z.infer<typeof HoldMeetingBody>;

export async function loadMeeting(deps: Deps, id: string) {
  const m = await repo.meeting(deps.database.db, id);
  if (!m) throw notFound('coordination.meeting_not_found');
  return { m, b: await loadBody(deps, m.body_id) };
}

export async function createMeeting(
  deps: Deps,
  actor: Actor,
  bodyId: string,
  input: z.infer<typeof CreateMeetingBody>,
  requestId: string,
) {
  const b = await loadBody(deps, bodyId);
  requireBodyManage(actor, b);
  const now = deps.clock.now().toISOString();
  const id = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await repo.insertMeeting(trx, {
      id,
      body_id: b.id,
      meeting_on: input.meetingOn,
      title: input.title,
      status: 'planned',
      minutes: null,
      agenda_count: 0,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await audit({
      action: 'coordination.meeting.create',
      targetType: 'coord_meeting',
      targetId: id,
      after: { bodyId: b.id, meetingOn: input.meetingOn },
    });
  });
  return { id };
}

export async function getMeeting(deps: Deps, actor: Actor, id: string) {
  const { m, b } = await loadMeeting(deps, id);
  requireBodyView(actor, b);
  const db = deps.database.db;
  const [agenda, attendance, decisions, members, items, earlier, meetings] = await Promise.all([
    repo.agendaOf(db, m.id),
    repo.attendanceOf(db, m.id),
    repo.decisionsOf(db, m.id),
    repo.members(db, [b.id]),
    repo.actionItems(db, { meetingId: m.id }),
    repo.actionItems(db, { bodyBefore: { bodyId: b.id, before: m.meeting_on } }),
    repo.meetingsOf(db, b.id),
  ]);
  // Reported back: the earlier meetings' items still open, or done since the meeting before this one.
  const previous = meetings.find((x) => x.meeting_on < m.meeting_on);
  const reported = earlier.filter(
    (i) => i.status === 'open' || (!!previous && !!i.done_on && i.done_on >= previous.meeting_on),
  );
  const [shown, back] = await Promise.all([
    presentItems(deps, actor, items),
    presentItems(deps, actor, reported),
  ]);
  const requests = await repo.requestsOf(db, b.id);
  const fromNames = await repo.divisionNames(
    db,
    requests.map((r) => r.from_division_code),
  );
  const caseNos = new Map<string, string | null>();
  for (const a of agenda) if (a.case_id) caseNos.set(a.case_id, await cases.caseNumber(deps, a.case_id));
  const orgNames = new Map(members.map((x) => [x.id, x.name]));
  const extra = await repo.orgs(
    db,
    attendance.map((a) => a.org_id).filter((o) => !orgNames.has(o)),
  );
  for (const o of extra) orgNames.set(o.id, o.name);
  const orgIds = [...new Set([...members.map((x) => x.id), ...attendance.map((a) => a.org_id)])];
  return {
    id: m.id,
    version: m.version,
    bodyId: b.id,
    bodyName: b.name,
    level: b.level,
    meetingOn: m.meeting_on,
    title: m.title,
    status: m.status,
    agendaItems: m.agenda_count,
    minutes: m.minutes,
    agenda: agenda.map((a) => {
      const r = a.request_id ? requests.find((x) => x.id === a.request_id) : undefined;
      return {
        id: a.id,
        seq: a.seq,
        source: a.source,
        title: a.title,
        caseId: a.case_id,
        caseNo: a.case_id ? (caseNos.get(a.case_id) ?? null) : null,
        reasons: JSON.parse(a.reasons_json) as HotReason[],
        fromDivisionName: r ? (fromNames.get(r.from_division_code) ?? null) : null,
      };
    }),
    attendance: orgIds.map((orgId) => {
      const a = attendance.find((x) => x.org_id === orgId);
      return {
        orgId,
        orgName: orgNames.get(orgId) ?? '',
        attendance: a?.attendance ?? null,
        deputyName: a?.deputy_name ?? null,
      };
    }),
    decisions: decisions.map((d) => ({
      id: d.id,
      seq: d.seq,
      text: d.text,
      agendaItemId: d.agenda_item_id,
      actionItems: shown.filter((i) => items.find((r) => r.id === i.id)?.decision_id === d.id),
    })),
    reportBack: back,
    mayManage: mayManageBody(actor, b),
  };
}

/** Checks the record of a held meeting against the body and agenda; returns each action item's due date. */
async function checkHold(deps: Deps, b: CoordBodyTable, m: CoordMeetingTable, input: Hold) {
  if (m.meeting_on > shanghaiDate(deps.clock.now()))
    throw badRequest('coordination.meeting_not_yet', { date: m.meeting_on });
  const db = deps.database.db;
  const members = new Set((await repo.members(db, [b.id])).map((x) => x.id));
  const seen = new Set<string>();
  for (const a of input.attendance) {
    if (!members.has(a.orgId) || seen.has(a.orgId)) throw badRequest('coordination.attendee_invalid');
    seen.add(a.orgId);
    if (a.attendance === 'deputy' && !a.deputyName) throw badRequest('coordination.deputy_name_missing');
  }
  const agenda = new Set((await repo.agendaOf(db, m.id)).map((a) => a.id));
  const cal = (await workingCalendar(db)).calendar;
  return input.decisions.map((d) => {
    if (d.agendaItemId && !agenda.has(d.agendaItemId)) throw badRequest('coordination.agenda_item_invalid');
    return d.actions.map((a) => {
      if (!members.has(a.leadOrgId) || a.cooperatingOrgIds.some((o) => !members.has(o) || o === a.leadOrgId))
        throw badRequest('coordination.unit_not_member');
      const due = actionDeadline(cal, m.meeting_on, a.deadline);
      if (!due) throw badRequest('coordination.deadline_invalid');
      return due;
    });
  });
}

type Decision = Hold['decisions'][number];
interface HoldContext {
  b: CoordBodyTable;
  m: CoordMeetingTable;
  agenda: Awaited<ReturnType<typeof repo.agendaOf>>;
  now: string;
}

/** One decision with its action items (the units notified); a decision on a case's agenda item is noted on the case. */
async function recordDecision(
  trx: Tx,
  actor: Actor,
  { b, m, agenda, now }: HoldContext,
  d: Decision,
  seq: number,
  dues: string[],
): Promise<number> {
  const decisionId = newId();
  await repo.insertDecision(trx, {
    id: decisionId,
    meeting_id: m.id,
    agenda_item_id: d.agendaItemId ?? null,
    seq,
    text: d.text,
    created_at: now,
  });
  for (const [j, a] of d.actions.entries()) {
    await repo.insertActionItem(
      trx,
      {
        id: newId(),
        decision_id: decisionId,
        meeting_id: m.id,
        body_id: b.id,
        district_code: b.district_code,
        street_code: b.street_code,
        title: a.title,
        lead_org_id: a.leadOrgId,
        due_on: dues[j],
        status: 'open',
        evidence: null,
        done_on: null,
        done_by_name: null,
        supervision_count: 0,
        last_supervised_on: null,
        warned_state: null,
        created_at: now,
        updated_at: now,
        version: 1,
      },
      [...new Set(a.cooperatingOrgIds)],
    );
    await notify(
      trx,
      { orgIds: [a.leadOrgId, ...a.cooperatingOrgIds] },
      {
        kind: 'coordination.action_item',
        zh: `${b.name}（${m.meeting_on}）交办事项：${a.title}，期限 ${dues[j]}`,
        en: `Joint meeting action item: ${a.title}, due ${dues[j]}`,
      },
      now,
    );
  }
  const caseId = agenda.find((x) => x.id === d.agendaItemId)?.case_id;
  if (caseId)
    await cases.noteOnCase(
      trx,
      actor,
      caseId,
      `${b.name}（${m.meeting_on}）决定：${d.text}`,
      { coordinationMeetingId: m.id, coordinationDecisionId: decisionId },
      now,
    );
  return d.actions.length;
}

export async function holdMeeting(deps: Deps, actor: Actor, id: string, input: Hold, requestId: string) {
  const { m, b } = await loadMeeting(deps, id);
  requireBodyManage(actor, b);
  if (m.status !== 'planned') throw conflict('coordination.meeting_held');
  const dues = await checkHold(deps, b, m, input);
  const agenda = await repo.agendaOf(deps.database.db, m.id);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'coord_meetings', m.id, input.version, {
      status: 'held',
      minutes: input.minutes,
      updated_at: now,
    });
    await repo.insertAttendance(
      trx,
      input.attendance.map((a) => ({
        meeting_id: m.id,
        org_id: a.orgId,
        attendance: a.attendance,
        deputy_name: a.attendance === 'deputy' ? (a.deputyName ?? null) : null,
      })),
    );
    let items = 0;
    for (const [i, d] of input.decisions.entries())
      items += await recordDecision(trx, actor, { b, m, agenda, now }, d, i + 1, dues[i]);
    await audit({
      action: 'coordination.meeting.hold',
      targetType: 'coord_meeting',
      targetId: m.id,
      before: { status: m.status, version: input.version },
      after: { attendance: input.attendance.length, decisions: input.decisions.length, actionItems: items },
    });
  });
  return getMeeting(deps, actor, m.id);
}
