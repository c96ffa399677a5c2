// The committee's meetings (《规定》 Art 26) and membership (by-election Art 32, end of membership Art 31). Each
// use case starts with its access check; every write is one audited transaction.
import { meetingQuorate } from '../../../../domain/governance.js';
import type { Executor } from '../../../platform/db/database.js';
import { updateVersioned } from '../../../platform/db/writes.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/http/messages.js';
import { newId } from '../../../platform/ids.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import {
  requireNotBefore,
  requireNotFuture,
  throwProblems,
  todayOf,
  visibleCommittee,
} from '../governance.common.js';
import { requireManager, requireStreet } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { addHandoverTask } from '../duties/handover.service.js';
import { addResolutionNotice, changeFromMember } from '../records/records.writes.js';
import { committeeFacts, getCommittee } from './committee.view.js';
import * as repo from './committees.repo.js';
import { admitMember, insertMember, type MemberInput } from './election.service.js';

/** The committee inside the transaction: it must be the one in term, and `on` not before its election. */
async function currentCommitteeOn(trx: Executor, id: string, on: string) {
  const k = (await shared.committee(trx, id))!;
  if (k.status !== 'current') throw new AppError('governance.filing_state', 409, { status: k.status });
  requireNotBefore(on, k.elected_on);
  return k;
}

export interface MeetingInput {
  heldOn: string;
  kind: 'regular' | 'extraordinary';
  minutes: string;
  attendance: { memberId: string; present: boolean }[];
  resolutions: { title: string; signedBy: string[] }[];
}

/** Every member serving on that day, exactly once (no proxies: Art 26 ¶2); signers among them. */
async function servingAttendance(trx: Executor, id: string, body: MeetingInput) {
  const serving = (await repo.members(trx, id)).filter(
    (m) => m.joined_on <= body.heldOn && (!m.ended_on || m.ended_on > body.heldOn),
  );
  const listed = body.attendance.map((a) => a.memberId);
  const servingIds = new Set(serving.map((m) => m.id));
  if (
    new Set(listed).size !== listed.length ||
    listed.length !== serving.length ||
    listed.some((x) => !servingIds.has(x))
  ) {
    throw badRequest('governance.attendance_mismatch');
  }
  for (const r of body.resolutions) {
    if (r.signedBy.some((x) => !servingIds.has(x)) || new Set(r.signedBy).size !== r.signedBy.length) {
      throw badRequest('governance.signer_not_member');
    }
  }
  return serving.length;
}

export async function recordMeeting(
  deps: Deps,
  actor: Actor,
  id: string,
  body: MeetingInput,
  requestId: string,
) {
  const db = deps.database.db;
  const { c } = await visibleCommittee(db, actor, id);
  requireManager(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  requireNotFuture(body.heldOn, today);
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await currentCommitteeOn(trx, id, body.heldOn);
    const expected = await servingAttendance(trx, id, body);
    const present = body.attendance.filter((a) => a.present).length;
    const mid = newId();
    await repo.insertMeeting(
      trx,
      {
        id: mid,
        committee_id: id,
        held_on: body.heldOn,
        kind: body.kind,
        minutes: body.minutes,
        expected_count: expected,
        present_count: present,
        quorate: meetingQuorate(present, expected) ? 1 : 0,
        resolutions_json: JSON.stringify(body.resolutions),
        created_by: actor.userId,
        created_at: now,
        published_on: null,
        rc_informed_on: null,
      },
      body.attendance.map((a) => ({ meeting_id: mid, member_id: a.memberId, present: a.present ? 1 : 0 })),
    );
    await addResolutionNotice(trx, (await workingCalendar(trx)).calendar, now, c, {
      id: mid,
      heldOn: body.heldOn,
      expected,
      resolutions: body.resolutions,
    });
    await audit({
      action: 'governance.committee.meeting',
      targetType: 'committee',
      targetId: id,
      after: { meeting: mid, heldOn: body.heldOn, present, expected, resolutions: body.resolutions.length },
    });
  });
  return getCommittee(deps, actor, id);
}

export async function byElect(
  deps: Deps,
  actor: Actor,
  id: string,
  body: MemberInput & { on: string },
  locale: Locale,
  requestId: string,
) {
  const db = deps.database.db;
  const { c } = await visibleCommittee(db, actor, id);
  requireStreet(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  requireNotFuture(body.on, today);
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const k = await currentCommitteeOn(trx, id, body.on);
    const facts = await committeeFacts(trx, k, body.on);
    // Art 32 ¶1: fewer than the seats but more than half.
    if (!facts.health.byElectionAllowed) {
      throw new AppError('governance.by_election_not_allowed', 409, {
        members: facts.active.length,
        seats: k.seats,
      });
    }
    if (facts.active.some((m) => m.owner_id === body.ownerId))
      throw badRequest('governance.committee_member_duplicate');
    if (body.position === 'chair' && facts.active.some((m) => m.position === 'chair')) {
      throwProblems([{ code: 'committee_chair_count', params: { count: 2 } }]);
    }
    const name = await admitMember(trx, c, body, locale);
    const mid = await insertMember(trx, id, body, name, body.on, true, now);
    await repo.touchCommittee(trx, k, now);
    await changeFromMember(trx, now, k, c, { id: mid, name }, body.on, '补选为委员', actor.userId);
    await audit({
      action: 'governance.committee.by_election',
      targetType: 'committee',
      targetId: id,
      after: { member: mid, ...body, name },
    });
  });
  return getCommittee(deps, actor, id);
}

/** Art 31 grounds, as the change filing names them. */
const END_REASON_ZH: Record<string, string> = {
  not_owner: '不再是业主',
  resigned: '书面辞职',
  unable: '因健康等原因不能履职',
  refused_to_convene: '拒不履行召集会议职责',
  absence: '一年内累计缺席业主委员会会议总次数一半以上',
  breach: '违反承诺',
  term_end: '任期届满',
};

export async function endMembership(
  deps: Deps,
  actor: Actor,
  id: string,
  memberId: string,
  body: { version: number; on: string; reason: string },
  requestId: string,
) {
  const db = deps.database.db;
  const { c } = await visibleCommittee(db, actor, id);
  requireManager(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  requireNotFuture(body.on, today);
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const m = await repo.member(trx, id, memberId);
    if (!m) throw notFound('governance.member_not_found');
    if (m.ended_on) throw new AppError('governance.member_ended', 409);
    if (m.version !== body.version) throw conflict('common.version_conflict', { currentVersion: m.version });
    requireNotBefore(body.on, m.joined_on);
    await updateVersioned(trx, 'committee_members', memberId, m.version, {
      ended_on: body.on,
      end_reason: body.reason,
      updated_at: now,
    });
    const k = (await shared.committee(trx, id))!;
    if (k.status === 'current') {
      const why = `委员资格终止（${END_REASON_ZH[body.reason] ?? body.reason}）`;
      await changeFromMember(trx, now, k, c, m, body.on, why, actor.userId);
    }
    // 《规定》 Art 30: whoever leaves hands over the records and property they keep within 10 days.
    await addHandoverTask(trx, now, c, m.id, body.on);
    await audit({
      action: 'governance.committee.member_end',
      targetType: 'committee',
      targetId: id,
      before: m,
      after: { member: memberId, endedOn: body.on, reason: body.reason },
    });
  });
  return getCommittee(deps, actor, id);
}
