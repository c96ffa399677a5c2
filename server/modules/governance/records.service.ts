// The committee's records beside its elections and meetings: publication of resolutions (决定公告, 《规定》
// Art 26 ¶3), change filings (变更备案, Art 33/34), training records (培训, Arts 15, 23), owner groups (业主小组,
// Art 35), fee arrears (欠交物业服务费或者专项维修资金, Art 20 ¶2 — the eligibility check reads them) and the
// 换届 freeze (Art 28 ¶4). Each use case starts with its access check; every write is one audited transaction.
import { statutoryDeadline, type BusinessCalendar } from '../../../domain/calendar.js';
import {
  PERIODS,
  changeOfDecision,
  filingGaps,
  ownerGroupProblems,
  reelectionFreezeProblem,
  resolutionAdopted,
  type ChangeKind,
} from '../../../domain/governance.js';
import { formatYuan, parseYuan } from '../../../domain/money.js';
import type { Matter } from '../../../domain/vote-tally.js';
import type { Actor } from '../../platform/http/context.js';
import { auditActor } from '../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { message, type Locale } from '../../platform/http/messages.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { workingCalendar } from '../../platform/working-calendar.js';
import { isUniqueViolation, type Executor } from '../../platform/db/database.js';
import type { CommitteeChangeTable, CommitteeMemberTable, CommitteeTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import * as repo from './governance.repo.js';
import {
  arrearsCompanyIdsOf,
  canActAsStreet,
  canView,
  requireManager,
  requireStreet,
  type CompoundPlace,
} from './governance.policy.js';
import {
  addTask,
  requireNotBefore,
  rescheduleTaskReminders,
  requireNotFuture,
  throwProblems,
  todayOf,
  visibleCommittee,
  visibleCompound,
  type CompoundRow,
} from './governance.common.js';
import { getCommittee, getCompoundGovernance } from './governance.service.js';

// ---------------------------------------------------------------------------------------------------------
// The 换届 freeze (Art 28 ¶4)

async function reelectionGroupWorks(db: Executor, compoundId: string): Promise<boolean> {
  const k = await repo.currentCommittee(db, compoundId);
  return !!k && !!(await repo.groupOf(db, k.id, 'reelection'));
}

/** 409 when a decision on `matter` would be convened during the freeze. */
export async function requireNotFrozen(db: Executor, compoundId: string, matter: Matter, locale: Locale) {
  const p = reelectionFreezeProblem(matter, await reelectionGroupWorks(db, compoundId));
  if (p) {
    throw new AppError('governance.reelection_freeze', 409, {
      matter: message(`governance.matter.${matter}`, locale),
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Change filings (变更备案, Art 33)

export interface ChangeSpec {
  committee: Pick<CommitteeTable, 'id' | 'compound_id'>;
  compound: CompoundPlace;
  kind: ChangeKind;
  summary: string;
  changedOn: string;
  source: { type: 'member' | 'decision'; id: string } | null;
  createdBy: string | null;
}

/** Records a change to be filed within 30 days, with its deadline in the street's queue. */
export async function recordChange(db: Executor, cal: BusinessCalendar, now: string, spec: ChangeSpec) {
  const id = newId();
  const row: CommitteeChangeTable = {
    id,
    committee_id: spec.committee.id,
    compound_id: spec.committee.compound_id,
    kind: spec.kind,
    summary: spec.summary,
    changed_on: spec.changedOn,
    source_type: spec.source?.type ?? null,
    source_id: spec.source?.id ?? null,
    status: 'pending',
    submitted_on: null,
    decided_on: null,
    note: null,
    created_by: spec.createdBy,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await db.insertInto('committee_changes').values(row).execute();
  await addTask(db, cal, now, {
    compound: spec.compound,
    subjectType: 'change',
    subjectId: id,
    kind: 'change_filing',
    responsible: 'committee',
    from: spec.changedOn,
    amount: PERIODS.changeFiling.amount,
    legalRef: PERIODS.changeFiling.ref,
  });
  return row;
}

/** A published decision that changes the committee's filed documents or area opens a change filing. */
export async function changeFromDecision(
  db: Executor,
  cal: BusinessCalendar,
  now: string,
  d: { id: string; compound_id: string; matter: Matter; title: string; passed: boolean },
  compound: CompoundPlace,
  publishedOn: string,
) {
  const kind = changeOfDecision(d.matter, d.passed);
  if (!kind) return;
  const k = await repo.currentCommittee(db, d.compound_id);
  if (!k) return;
  await recordChange(db, cal, now, {
    committee: k,
    compound,
    kind,
    summary: d.title,
    changedOn: publishedOn,
    source: { type: 'decision', id: d.id },
    createdBy: null,
  });
}

/** A membership change (by-election, end of membership) opens a 'members' change filing. */
export async function changeFromMember(
  db: Executor,
  now: string,
  k: Pick<CommitteeTable, 'id' | 'compound_id'>,
  compound: CompoundPlace,
  m: Pick<CommitteeMemberTable, 'id' | 'name'>,
  on: string,
  summary: string,
  createdBy: string | null,
) {
  await recordChange(db, (await workingCalendar(db)).calendar, now, {
    committee: k,
    compound,
    kind: 'members',
    summary: `${m.name}：${summary}`,
    changedOn: on,
    source: { type: 'member', id: m.id },
    createdBy,
  });
}

const requireCurrent = (k: CommitteeTable) => {
  if (k.status !== 'current') throw new AppError('governance.filing_state', 409, { status: k.status });
};

export async function addChange(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  body: { kind: ChangeKind; summary: string; changedOn: string },
  requestId: string,
) {
  const { k, c } = await visibleCommittee(deps.database.db, actor, committeeId);
  requireManager(actor, c);
  requireCurrent(k);
  requireNotFuture(body.changedOn, todayOf(deps));
  requireNotBefore(body.changedOn, k.elected_on);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const row = await recordChange(trx, (await workingCalendar(trx)).calendar, now, {
      committee: k,
      compound: c,
      kind: body.kind,
      summary: body.summary,
      changedOn: body.changedOn,
      source: null,
      createdBy: actor.userId,
    });
    await audit({ action: 'governance.change.record', targetType: 'committee', targetId: k.id, after: row });
  });
  return getCommittee(deps, actor, committeeId);
}

export async function actOnChange(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  changeId: string,
  body:
    | { action: 'submit'; version: number; on: string }
    | { action: 'decide'; version: number; on: string; accepted: boolean; note?: string },
  requestId: string,
) {
  const { k, c } = await visibleCommittee(deps.database.db, actor, committeeId);
  if (body.action === 'decide') requireStreet(actor, c);
  else requireManager(actor, c);
  requireNotFuture(body.on, todayOf(deps));
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const ch = await repo.change(trx, changeId);
    if (!ch || ch.committee_id !== k.id) throw notFound('governance.change_not_found');
    if (ch.version !== body.version)
      throw conflict('common.version_conflict', { currentVersion: ch.version });
    const cal = (await workingCalendar(trx)).calendar;
    let changes: Partial<CommitteeChangeTable>;
    if (body.action === 'submit') {
      if (ch.status !== 'pending' && ch.status !== 'rejected') {
        throw new AppError('governance.filing_state', 409, { status: ch.status });
      }
      requireNotBefore(body.on, ch.changed_on);
      changes = { status: 'submitted', submitted_on: body.on };
      await repo.completeTask(trx, ch.id, 'change_filing', body.on, now);
      const due = statutoryDeadline(cal, body.on, PERIODS.changeFilingDecision.amount);
      if (ch.status === 'rejected') {
        const r = { due_on: due.lastDay, nominal_due_on: due.nominalLastDay };
        await repo.reopenTask(trx, ch.id, 'change_filing_decision', r, now);
        await rescheduleTaskReminders(trx, deps.clock, ch.id, 'change_filing_decision');
      } else {
        await addTask(trx, cal, now, {
          compound: c,
          subjectType: 'change',
          subjectId: ch.id,
          kind: 'change_filing_decision',
          responsible: 'street',
          from: body.on,
          amount: PERIODS.changeFilingDecision.amount,
          legalRef: PERIODS.changeFilingDecision.ref,
        });
      }
    } else {
      if (ch.status !== 'submitted')
        throw new AppError('governance.filing_state', 409, { status: ch.status });
      requireNotBefore(body.on, ch.submitted_on);
      changes = {
        status: body.accepted ? 'accepted' : 'rejected',
        decided_on: body.on,
        note: body.note ?? null,
      };
      await repo.completeTask(trx, ch.id, 'change_filing_decision', body.on, now);
    }
    const r = await trx
      .updateTable('committee_changes')
      .set({ ...changes, updated_at: now, version: ch.version + 1 })
      .where('id', '=', ch.id)
      .where('version', '=', ch.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      throw conflict('common.version_conflict', { currentVersion: ch.version });
    await audit({
      action: `governance.change.${body.action}`,
      targetType: 'committee',
      targetId: k.id,
      before: ch,
      after: { change: ch.id, ...changes },
    });
  });
  return getCommittee(deps, actor, committeeId);
}

export const presentChange = (ch: CommitteeChangeTable, fileBy: string | undefined) => ({
  id: ch.id,
  kind: ch.kind,
  summary: ch.summary,
  changedOn: ch.changed_on,
  sourceType: ch.source_type,
  sourceId: ch.source_id,
  status: ch.status,
  fileBy: fileBy ?? ch.changed_on,
  submittedOn: ch.submitted_on,
  decidedOn: ch.decided_on,
  note: ch.note,
  version: ch.version,
});

// ---------------------------------------------------------------------------------------------------------
// Publication of committee resolutions (Art 26 ¶3)

/** The deadline row for posting a meeting's resolutions — only when one of them was adopted. */
export async function addResolutionNotice(
  db: Executor,
  cal: BusinessCalendar,
  now: string,
  compound: CompoundPlace,
  meeting: { id: string; heldOn: string; expected: number; resolutions: { signedBy: string[] }[] },
) {
  if (!meeting.resolutions.some((r) => resolutionAdopted(r.signedBy.length, meeting.expected))) return;
  await addTask(db, cal, now, {
    compound,
    subjectType: 'meeting',
    subjectId: meeting.id,
    kind: 'resolution_notice',
    responsible: 'committee',
    from: meeting.heldOn,
    amount: PERIODS.resolutionNotice.amount,
    legalRef: PERIODS.resolutionNotice.ref,
  });
}

export async function publishResolutions(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  meetingId: string,
  body: { on: string; rcInformedOn: string },
  requestId: string,
) {
  const { k, c } = await visibleCommittee(deps.database.db, actor, committeeId);
  requireManager(actor, c);
  const today = todayOf(deps);
  requireNotFuture(body.on, today);
  requireNotFuture(body.rcInformedOn, today);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const m = await trx
      .selectFrom('committee_meetings')
      .selectAll()
      .where('id', '=', meetingId)
      .where('committee_id', '=', k.id)
      .executeTakeFirst();
    if (!m) throw notFound('governance.meeting_not_found');
    requireNotBefore(body.on, m.held_on);
    requireNotBefore(body.rcInformedOn, m.held_on);
    if (m.published_on) throw new AppError('governance.filing_state', 409, { status: 'published' });
    // Only adopted resolutions are posted; the deadline row exists exactly when there is one.
    if (!(await repo.completeTask(trx, m.id, 'resolution_notice', body.on, now))) {
      throw new AppError('governance.nothing_to_publish', 409);
    }
    await trx
      .updateTable('committee_meetings')
      .set({ published_on: body.on, rc_informed_on: body.rcInformedOn })
      .where('id', '=', m.id)
      .where('published_on', 'is', null)
      .execute();
    await audit({
      action: 'governance.committee.publish_resolutions',
      targetType: 'committee',
      targetId: k.id,
      after: { meeting: m.id, publishedOn: body.on, rcInformedOn: body.rcInformedOn },
    });
  });
  return getCommittee(deps, actor, committeeId);
}

// ---------------------------------------------------------------------------------------------------------
// Training records (Arts 15, 23)

export async function recordTraining(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  body: { heldOn: string; topic: string; trainer: string; hours: number; memberIds: string[] },
  requestId: string,
) {
  const { k, c } = await visibleCommittee(deps.database.db, actor, committeeId);
  requireStreet(actor, c);
  requireCurrent(k);
  requireNotFuture(body.heldOn, todayOf(deps));
  const now = deps.clock.now().toISOString();
  const attendees = [...new Set(body.memberIds)];
  const id = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const members = new Map((await repo.members(trx, k.id)).map((m) => [m.id, m]));
    for (const mid of attendees) {
      const m = members.get(mid);
      if (!m || (m.ended_on && m.ended_on <= body.heldOn)) throw badRequest('governance.signer_not_member');
    }
    const row = {
      id,
      compound_id: c.id,
      committee_id: k.id,
      held_on: body.heldOn,
      topic: body.topic,
      trainer: body.trainer,
      hours: Math.round(body.hours * 10),
      attendee_ids_json: JSON.stringify(attendees),
      created_by: actor.userId,
      created_at: now,
    };
    await trx.insertInto('gov_trainings').values(row).execute();
    // The member's training day is the first training they attended.
    await trx
      .updateTable('committee_members')
      .set((eb) => ({ trained_on: body.heldOn, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', 'in', attendees)
      .where((eb) => eb.or([eb('trained_on', 'is', null), eb('trained_on', '>', body.heldOn)]))
      .execute();
    await audit({
      action: 'governance.committee.training',
      targetType: 'committee',
      targetId: k.id,
      after: row,
    });
  });
  return getCommittee(deps, actor, committeeId);
}

export async function presentTrainings(
  db: Executor,
  committeeId: string,
  names: ReadonlyMap<string, string>,
) {
  return (await repo.trainingsOf(db, committeeId)).map((t) => ({
    id: t.id,
    heldOn: t.held_on,
    topic: t.topic,
    trainer: t.trainer,
    hours: (t.hours / 10).toFixed(1),
    attendees: (JSON.parse(t.attendee_ids_json) as string[]).map((memberId) => ({
      memberId,
      name: names.get(memberId) ?? memberId,
    })),
  }));
}

/** What the 备案 file lacks, from the committee's members and whether its names were posted. */
export function filingGapsOf(
  active: readonly Pick<CommitteeMemberTable, 'undertaking_signed' | 'trained_on'>[],
  namesPosted: boolean,
) {
  return filingGaps({
    namesPosted,
    undertakingsSigned: active.every((m) => m.undertaking_signed === 1),
    membersTrained: active.every((m) => !!m.trained_on),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Owner groups (业主小组, Art 35)

export async function presentOwnerGroups(db: Executor, compoundId: string) {
  const [groups, scopes] = await Promise.all([
    repo.ownerGroupsOf(db, compoundId),
    repo.buildingDecisionScopes(db, compoundId),
  ]);
  const decisionsOf = new Map<string, number>();
  for (const s of scopes) {
    for (const b of JSON.parse(s.building_ids_json) as string[])
      decisionsOf.set(b, (decisionsOf.get(b) ?? 0) + 1);
  }
  return groups.map((g) => ({
    id: g.id,
    buildingId: g.building_id,
    buildingName: g.building_name,
    formedOn: g.formed_on,
    status: g.status,
    dissolvedOn: g.dissolved_on,
    representatives: JSON.parse(g.representatives_json) as { ownerId: string; name: string }[],
    decisions: decisionsOf.get(g.building_id) ?? 0,
    version: g.version,
  }));
}

export async function createOwnerGroup(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: { buildingId: string; formedOn: string; representativeOwnerIds: string[] },
  requestId: string,
) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  requireManager(actor, c);
  requireNotFuture(body.formedOn, todayOf(deps));
  const now = deps.clock.now().toISOString();
  const id = newId();
  try {
    await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
      const [building] = await repo.buildingsOf(trx, c.id, [body.buildingId]);
      if (!building) throw badRequest('governance.building_unknown', { id: body.buildingId });
      const wanted = [...new Set(body.representativeOwnerIds)];
      const inBuilding = new Map(
        (await repo.ownersInBuilding(trx, building.id, wanted)).map((o) => [o.id, o]),
      );
      const named = new Map((await repo.ownerNames(trx, wanted)).map((o) => [o.id, o.name]));
      const existing = (await repo.ownerGroupsOf(trx, c.id)).some(
        (g) => g.building_id === building.id && g.status === 'active',
      );
      throwProblems(
        ownerGroupProblems({
          buildingsInCompound: await repo.buildingCount(trx, c.id),
          activeGroupOnBuilding: existing,
          representatives: wanted.map((o) => ({
            name: named.get(o) ?? o,
            ownsInBuilding: inBuilding.has(o),
          })),
        }),
      );
      const row = {
        id,
        compound_id: c.id,
        building_id: building.id,
        formed_on: body.formedOn,
        status: 'active' as const,
        dissolved_on: null,
        representatives_json: JSON.stringify(
          wanted.map((o) => ({ ownerId: o, name: inBuilding.get(o)!.name })),
        ),
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      await trx.insertInto('owner_groups').values(row).execute();
      await audit({
        action: 'governance.owner_group.create',
        targetType: 'owner_group',
        targetId: id,
        after: row,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw badRequest('governance.owner_group_exists');
    throw err;
  }
  return getCompoundGovernance(deps, actor, compoundId);
}

export async function dissolveOwnerGroup(
  deps: Deps,
  actor: Actor,
  groupId: string,
  body: { version: number; on: string },
  requestId: string,
) {
  const db = deps.database.db;
  const g0 = await repo.ownerGroup(db, groupId);
  if (!g0) throw notFound('governance.owner_group_not_found');
  const c = await repo.compound(db, g0.compound_id);
  if (!c || !canView(actor, c)) throw notFound('governance.owner_group_not_found');
  requireManager(actor, c);
  requireNotFuture(body.on, todayOf(deps));
  requireNotBefore(body.on, g0.formed_on);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const r = await trx
      .updateTable('owner_groups')
      .set({ status: 'dissolved', dissolved_on: body.on, updated_at: now, version: body.version + 1 })
      .where('id', '=', groupId)
      .where('version', '=', body.version)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) {
      const fresh = (await repo.ownerGroup(trx, groupId))!;
      if (fresh.version !== body.version)
        throw conflict('common.version_conflict', { currentVersion: fresh.version });
      throw new AppError('governance.filing_state', 409, { status: fresh.status });
    }
    await audit({
      action: 'governance.owner_group.dissolve',
      targetType: 'owner_group',
      targetId: groupId,
      before: g0,
      after: { dissolvedOn: body.on },
    });
  });
  return getCompoundGovernance(deps, actor, c.id);
}

// ---------------------------------------------------------------------------------------------------------
// Fee arrears (Art 20 ¶2)

const companyOrgsOf = arrearsCompanyIdsOf;

/** The serving property company (current contract) records arrears; so does the street office. */
export async function canRecordArrears(db: Executor, actor: Actor | null, c: CompoundRow, today: string) {
  return canActAsStreet(actor, c) || (await repo.companyServes(db, companyOrgsOf(actor), c.id, today));
}

/** Who sees a compound's arrears: those who see its governance, and whoever may record them. */
async function arrearsCompound(db: Executor, actor: Actor, compoundId: string, today: string) {
  const c = await repo.compound(db, compoundId);
  if (!c) throw notFound('governance.compound_not_found');
  const mayRecord = await canRecordArrears(db, actor, c, today);
  if (!canView(actor, c) && !mayRecord) throw notFound('governance.compound_not_found');
  return { c, mayRecord };
}

type ArrearRow = NonNullable<Awaited<ReturnType<typeof repo.arrear>>>;

const presentArrear = (a: ArrearRow) => ({
  id: a.id,
  unitId: a.unit_id,
  unitLabel: `${a.building_name} ${a.unit_number}`,
  kind: a.kind,
  amount: formatYuan(a.amount),
  periodFrom: a.period_from,
  periodTo: a.period_to,
  recordedOn: a.recorded_on,
  settledOn: a.settled_on,
  note: a.note,
  version: a.version,
});

export async function listArrears(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  f: { unit?: string; open?: 'true' | 'false'; cursor?: string; limit: number },
) {
  const db = deps.database.db;
  await arrearsCompound(db, actor, compoundId, todayOf(deps));
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const open = f.open === undefined ? undefined : f.open === 'true';
  const rows = await repo.listArrears(db, compoundId, { unit: f.unit, open, after, limit: f.limit });
  const page = pageFrom(rows, f.limit, (r) => [r.created_at, r.id]);
  return { items: page.items.map(presentArrear), nextCursor: page.nextCursor };
}

export async function recordArrear(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: {
    unitId: string;
    kind: 'service_fee' | 'maintenance_fund';
    amount: string;
    periodFrom: string;
    periodTo: string;
    note?: string;
  },
  requestId: string,
) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const { c, mayRecord } = await arrearsCompound(db, actor, compoundId, today);
  if (!mayRecord) throw new AppError('governance.arrears_forbidden', 403);
  const amount = parseYuan(body.amount);
  if (amount === null || amount <= 0) throw badRequest('governance.amount_invalid', { amount: body.amount });
  if (body.periodTo < body.periodFrom) throw badRequest('governance.period_invalid');
  requireNotFuture(body.periodFrom, today);
  if (!(await repo.unitInCompound(db, c.id, body.unitId))) {
    throw badRequest('governance.unit_not_in_compound', { id: body.unitId });
  }
  const now = deps.clock.now().toISOString();
  const id = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const row = {
      id,
      compound_id: c.id,
      unit_id: body.unitId,
      kind: body.kind,
      amount,
      period_from: body.periodFrom,
      period_to: body.periodTo,
      recorded_on: today,
      settled_on: null,
      note: body.note ?? null,
      recorded_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await trx.insertInto('fee_arrears').values(row).execute();
    await audit({ action: 'governance.arrear.record', targetType: 'fee_arrear', targetId: id, after: row });
  });
  return presentArrear((await repo.arrear(db, id))!);
}

export async function settleArrear(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { version: number; on: string },
  requestId: string,
) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const a = await repo.arrear(db, id);
  if (!a) throw notFound('governance.arrear_not_found');
  const { mayRecord } = await arrearsCompound(db, actor, a.compound_id, today).catch(() => {
    throw notFound('governance.arrear_not_found');
  });
  if (!mayRecord) throw new AppError('governance.arrears_forbidden', 403);
  requireNotFuture(body.on, today);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const r = await trx
      .updateTable('fee_arrears')
      .set({ settled_on: body.on, updated_at: now, version: body.version + 1 })
      .where('id', '=', id)
      .where('version', '=', body.version)
      .where('settled_on', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) {
      const fresh = (await repo.arrear(trx, id))!;
      if (fresh.version !== body.version)
        throw conflict('common.version_conflict', { currentVersion: fresh.version });
      throw new AppError('governance.arrear_settled', 409);
    }
    await audit({
      action: 'governance.arrear.settle',
      targetType: 'fee_arrear',
      targetId: id,
      before: a,
      after: { settledOn: body.on },
    });
  });
  return presentArrear((await repo.arrear(db, id))!);
}
