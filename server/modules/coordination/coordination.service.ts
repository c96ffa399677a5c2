// Joint meetings' face (住宅小区综合管理联席会议, 市、区、街镇三级): the bodies of divisions with their convenor,
// office and member units; hot and difficult cases (热点、难点) an agenda may take; requests for coordination
// from a lower level (a street asks its district); agenda items. Meetings (attendance, minutes, decisions) are
// coordination.meetings.ts, action items coordination.items.ts. Every service starts with its access check
// (coordination.policy.ts); every write is one audited transaction.
import type { z } from 'zod';
import { hotReasons, levelOfDivision } from '../../../domain/coordination.js';
import type {
  AgendaBody,
  CreateBodyBody,
  CreateRequestBody,
  UpdateBodyBody,
} from '../../../contracts/coordination.js';
import type { CoordBodyTable } from '../../platform/db/schema-coordination.js';
import { updateVersioned, uniqueOr } from '../../platform/db/writes.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, requirePermission, type Actor } from '../../platform/http/context.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import * as cases from '../cases/cases.service.js';
import {
  mayManageBody,
  officeGrants,
  requestingDivision,
  requireBodyManage,
  requireBodyView,
  requireCreateBody,
} from './coordination.policy.js';
import * as repo from './coordination.repo.js';

type Body = CoordBodyTable;

export async function loadBody(deps: Deps, id: string) {
  const b = await repo.body(deps.database.db, id);
  if (!b) throw notFound('coordination.body_not_found');
  return b;
}

/** A body's area for case queries: the city (everything), a district, or a street. */
export const areaOf = (b: Body): cases.CaseArea =>
  b.level === 'city'
    ? {}
    : b.level === 'district'
      ? { districtCode: b.division_code }
      : { streetCode: b.division_code };

function placeOfCode(code: string) {
  const level = levelOfDivision(code);
  if (!level) throw badRequest('coordination.division_invalid', { code });
  return {
    level,
    division_code: code,
    district_code: level === 'city' ? null : code.slice(0, 6),
    street_code: level === 'street' ? code : null,
  };
}

async function checkOrgs(deps: Deps, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const found = await repo.orgs(deps.database.db, unique);
  if (found.length !== unique.length) throw badRequest('coordination.org_invalid');
  return unique;
}

/** What a list shows of each body: its division's name, office, member and open-item counts. */
async function summaries(deps: Deps, rows: readonly Body[]) {
  const db = deps.database.db;
  const ids = rows.map((b) => b.id);
  const [members, open, divisions, offices] = await Promise.all([
    repo.members(db, ids),
    repo.openItemCounts(db, ids),
    repo.divisionNames(
      db,
      rows.map((b) => b.division_code),
    ),
    repo.orgs(
      db,
      rows.map((b) => b.office_org_id).filter((o): o is string => !!o),
    ),
  ]);
  const openBy = new Map(open.map((o) => [o.body_id, Number(o.n)]));
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  return rows.map((b) => ({
    id: b.id,
    divisionCode: b.division_code,
    divisionName: divisions.get(b.division_code) ?? null,
    level: b.level,
    name: b.name,
    convenor: b.convenor,
    officeName: b.office_org_id ? (officeName.get(b.office_org_id) ?? null) : null,
    members: members.filter((m) => m.body_id === b.id).length,
    openActionItems: openBy.get(b.id) ?? 0,
  }));
}

export async function listBodies(deps: Deps, actor: Actor) {
  requirePermission(actor, 'coordination.view');
  const grants = officeGrants(actor);
  if (grants.length === 0) return { items: [] };
  return { items: await summaries(deps, await repo.bodiesInScope(deps.database.db, grants)) };
}

export async function getBody(deps: Deps, actor: Actor, id: string) {
  const b = await loadBody(deps, id);
  requireBodyView(actor, b);
  const db = deps.database.db;
  const [summary] = await summaries(deps, [b]);
  const [members, meetings, requests] = await Promise.all([
    repo.members(db, [b.id]),
    repo.meetingsOf(db, b.id),
    repo.requestsOf(db, b.id),
  ]);
  const divisions = await repo.divisionNames(
    db,
    requests.map((r) => r.from_division_code),
  );
  const caseNos = await Promise.all(
    requests.map((r) => (r.case_id ? cases.caseNumber(deps, r.case_id) : Promise.resolve(null))),
  );
  return {
    ...summary,
    version: b.version,
    memberOrgs: members.map((m) => ({ id: m.id, name: m.name })),
    meetings: meetings.map((m) => ({
      id: m.id,
      meetingOn: m.meeting_on,
      title: m.title,
      status: m.status,
      agendaItems: m.agenda_count,
    })),
    requests: requests.map((r, i) => ({
      id: r.id,
      fromDivisionCode: r.from_division_code,
      fromDivisionName: divisions.get(r.from_division_code) ?? null,
      subject: r.subject,
      details: r.details,
      caseNo: caseNos[i],
      status: r.status,
      createdByName: r.created_by_name,
      createdAt: r.created_at,
    })),
    mayManage: mayManageBody(actor, b),
  };
}

export async function createBody(
  deps: Deps,
  actor: Actor,
  input: z.infer<typeof CreateBodyBody>,
  requestId: string,
) {
  const place = placeOfCode(input.divisionCode);
  requireCreateBody(actor, place);
  const names = await repo.divisionNames(deps.database.db, [input.divisionCode]);
  if (place.level !== 'city' && !names.has(input.divisionCode))
    throw badRequest('coordination.division_invalid', { code: input.divisionCode });
  const memberIds = await checkOrgs(deps, input.memberOrgIds);
  if (input.officeOrgId) await checkOrgs(deps, [input.officeOrgId]);
  const now = deps.clock.now().toISOString();
  const id = newId();
  return writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await uniqueOr(
      () =>
        repo.insertBody(trx, {
          id,
          ...place,
          name: input.name,
          convenor: input.convenor,
          office_org_id: input.officeOrgId ?? null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
          version: 1,
        }),
      'coordination.body_exists',
    );
    await repo.replaceMembers(trx, id, memberIds);
    await audit({
      action: 'coordination.body.create',
      targetType: 'coord_body',
      targetId: id,
      after: { divisionCode: input.divisionCode, members: memberIds.length },
    });
    return { id };
  });
}

export async function updateBody(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.infer<typeof UpdateBodyBody>,
  requestId: string,
) {
  const b = await loadBody(deps, id);
  requireBodyManage(actor, b);
  const memberIds = input.memberOrgIds ? await checkOrgs(deps, input.memberOrgIds) : null;
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'coord_bodies', b.id, input.version, {
      ...(input.convenor ? { convenor: input.convenor } : {}),
      updated_at: now,
    });
    if (memberIds) await repo.replaceMembers(trx, b.id, memberIds);
    await audit({
      action: 'coordination.body.update',
      targetType: 'coord_body',
      targetId: b.id,
      before: { version: input.version },
      after: { convenor: input.convenor ?? null, members: memberIds?.length ?? null },
    });
  });
  return getBody(deps, actor, b.id);
}

// ---------------------------------------------------------------------------------------------------------
// Hot cases and requests

export async function hotCases(deps: Deps, actor: Actor, bodyId: string) {
  const b = await loadBody(deps, bodyId);
  requireBodyView(actor, b);
  const now = deps.clock.now();
  const facts = await cases.hotCaseFacts(deps.database.db, areaOf(b), now.toISOString());
  return {
    items: facts
      .map((f) => ({ f, reasons: hotReasons(f, now) }))
      .filter((x) => x.reasons.length > 0)
      .map(({ f, reasons }) => ({
        id: f.id,
        caseNo: f.caseNo,
        title: f.title,
        status: f.status,
        streetName: f.streetName,
        leadName: f.leadName,
        dueAt: f.dueAt,
        returns: f.returns.length,
        reasons,
      })),
  };
}

/** Whether a case lies in an area (a body's, or a requesting division's). */
export function inArea(c: { districtCode: string; streetCode: string }, code: string): boolean {
  const level = levelOfDivision(code);
  if (level === 'city') return true;
  return level === 'district' ? c.districtCode === code : c.streetCode === code;
}

export async function createRequest(
  deps: Deps,
  actor: Actor,
  bodyId: string,
  input: z.infer<typeof CreateRequestBody>,
  requestId: string,
) {
  const b = await loadBody(deps, bodyId);
  const from = requestingDivision(actor, b);
  const db = deps.database.db;
  const c = input.caseId ? await cases.caseHotFact(db, input.caseId) : null;
  if (input.caseId && (!c || !inArea(c, from))) throw notFound('coordination.case_not_found');
  const now = deps.clock.now().toISOString();
  const id = newId();
  return writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await repo.insertRequest(trx, {
      id,
      body_id: b.id,
      from_division_code: from,
      subject: input.subject,
      details: input.details,
      case_id: c?.id ?? null,
      status: 'pending',
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    if (c)
      await cases.noteOnCase(
        trx,
        actor,
        c.id,
        `已提请${b.name}协调：${input.subject}`,
        { coordinationRequestId: id },
        now,
      );
    await audit({
      action: 'coordination.request.create',
      targetType: 'coord_request',
      targetId: id,
      after: { bodyId: b.id, from, caseId: c?.id ?? null },
    });
    return { id };
  });
}

/** The requests for coordination the caller's offices sent up, with the meeting that took each up. */
export async function sentRequests(deps: Deps, actor: Actor) {
  requirePermission(actor, 'coordination.view');
  const grants = officeGrants(actor);
  if (grants.length === 0) return { items: [] };
  const db = deps.database.db;
  const codes = grants.some((g) => g.scopeType === 'city') ? null : grants.map((g) => g.scopeId);
  const rows = await repo.requestsFrom(db, codes);
  const divisions = await repo.divisionNames(
    db,
    rows.map((r) => r.from_division_code),
  );
  const caseNos = await Promise.all(
    rows.map((r) => (r.case_id ? cases.caseNumber(deps, r.case_id) : Promise.resolve(null))),
  );
  return {
    items: rows.map((r, i) => ({
      id: r.id,
      fromDivisionCode: r.from_division_code,
      fromDivisionName: divisions.get(r.from_division_code) ?? null,
      subject: r.subject,
      details: r.details,
      caseNo: caseNos[i],
      status: r.status,
      createdByName: r.created_by_name,
      createdAt: r.created_at,
      bodyName: r.body_name,
      meetingTitle: r.meeting_title ?? null,
      meetingOn: r.meeting_on ?? null,
      meetingHeld: r.meeting_status === 'held',
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Agenda items

async function agendaSource(deps: Deps, b: Body, input: z.infer<typeof AgendaBody>) {
  const db = deps.database.db;
  if (input.source === 'other') return { title: input.title, caseId: null, requestId: null, reasons: [] };
  if (input.source === 'case') {
    const c = await cases.caseHotFact(db, input.caseId);
    if (!c || !inArea(c, b.division_code)) throw notFound('coordination.case_not_found');
    const reasons = hotReasons(c, deps.clock.now());
    if (reasons.length === 0) throw badRequest('coordination.case_not_hot', { caseNo: c.caseNo });
    return { title: `${c.caseNo} ${c.title}`, caseId: c.id, requestId: null, reasons };
  }
  const r = await repo.request(db, input.requestId);
  if (!r || r.body_id !== b.id) throw notFound('coordination.request_not_found');
  if (r.status !== 'pending') throw conflict('coordination.request_scheduled');
  return { title: r.subject, caseId: r.case_id, requestId: r.id, reasons: [], request: r };
}

export async function addAgendaItem(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  input: z.infer<typeof AgendaBody>,
  requestId: string,
) {
  const m = await repo.meeting(deps.database.db, meetingId);
  if (!m) throw notFound('coordination.meeting_not_found');
  const b = await loadBody(deps, m.body_id);
  requireBodyManage(actor, b);
  if (m.status !== 'planned') throw conflict('coordination.meeting_held');
  const src = await agendaSource(deps, b, input);
  if (src.caseId && (await repo.agendaOf(deps.database.db, m.id)).some((a) => a.case_id === src.caseId))
    throw conflict('coordination.case_on_agenda');
  const now = deps.clock.now().toISOString();
  const id = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'coord_meetings', m.id, input.version, {
      agenda_count: m.agenda_count + 1,
      updated_at: now,
    });
    await repo.insertAgendaItem(trx, {
      id,
      meeting_id: m.id,
      seq: m.agenda_count + 1,
      source: input.source,
      title: src.title,
      case_id: src.caseId,
      request_id: src.requestId,
      reasons_json: JSON.stringify(src.reasons),
      created_at: now,
    });
    if ('request' in src && src.request)
      await updateVersioned(trx, 'coord_requests', src.request.id, src.request.version, {
        status: 'scheduled',
        updated_at: now,
      });
    if (src.caseId)
      await cases.noteOnCase(
        trx,
        actor,
        src.caseId,
        `已列入${b.name}议题：${m.title}（${m.meeting_on}）`,
        { coordinationMeetingId: m.id },
        now,
      );
    await audit({
      action: 'coordination.agenda.add',
      targetType: 'coord_meeting',
      targetId: m.id,
      after: { agendaItemId: id, source: input.source, caseId: src.caseId, requestId: src.requestId },
    });
  });
  return { id };
}

// ---------------------------------------------------------------------------------------------------------
// For the assessment (考核): 督办事项完成率

/**
 * The action items within the caller's offices' reach whose due day falls in [from, to] (Shanghai dates) and
 * whose body lies in `divisionPrefix` (a district code, or '31' for the city): lead unit, due day, done day.
 */
export async function actionItemsDue(
  deps: Deps,
  actor: Actor,
  q: { divisionPrefix: string; from: string; to: string },
): Promise<{ leadOrgId: string; dueOn: string; doneOn: string | null }[]> {
  requirePermission(actor, 'coordination.view');
  const grants = officeGrants(actor);
  if (grants.length === 0) return [];
  const rows = await repo.actionItems(deps.database.db, { grants });
  return rows
    .filter((r) => r.division_code.startsWith(q.divisionPrefix) && r.due_on >= q.from && r.due_on <= q.to)
    .map((r) => ({
      leadOrgId: r.lead_org_id,
      dueOn: r.due_on,
      doneOn: r.status === 'done' ? r.done_on : null,
    }));
}
