// One owners' decision as its page shows it, and who may see or run it: the committee and offices of the
// compound (policy), the owners of its units once it is published.
import { shanghaiDate } from '../../../../domain/calendar.js';
import { challengeWindows } from '../../../../domain/governance-challenge.js';
import { ruleFor, type Matter } from '../../../../domain/vote-tally.js';
import type { Executor } from '../../../platform/db/database.js';
import type { DecisionTable } from '../../../platform/db/schema.js';
import type { Deps } from '../../../platform/deps.js';
import type { Actor } from '../../../platform/http/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import { canManage, canView, ownerIdsOf, requireManager } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import * as repo from './decisions.repo.js';

export type DecisionRow = NonNullable<Awaited<ReturnType<typeof repo.decision>>>;

export const place = (d: DecisionRow) => ({
  id: d.compound_id,
  street_code: d.street_code,
  district_code: d.district_code,
});

/** Owners see published decisions of compounds where they hold a unit. */
async function ownerSees(db: Executor, actor: Actor | null, d: DecisionRow): Promise<boolean> {
  if (!actor || d.status !== 'published') return false;
  return shared.ownsInCompound(db, d.compound_id, ownerIdsOf(actor));
}

export async function visibleDecision(db: Executor, actor: Actor | null, id: string): Promise<DecisionRow> {
  const d = await repo.decision(db, id);
  if (!d || !(canView(actor, place(d)) || (await ownerSees(db, actor, d)))) {
    throw notFound('governance.decision_not_found');
  }
  return d;
}

export async function managedDecision(db: Executor, actor: Actor, id: string): Promise<DecisionRow> {
  const d = await visibleDecision(db, actor, id);
  requireManager(actor, place(d));
  return d;
}

export const acceptingWeb = (d: Pick<DecisionTable, 'status' | 'opens_at' | 'closes_at'>, now: Date) =>
  d.status === 'open' && now.getTime() >= Date.parse(d.opens_at) && now.getTime() < Date.parse(d.closes_at);

/** Desk (paper) ballots received by the deadline may still be entered until the decision is closed. */
export const acceptingDesk = (d: Pick<DecisionTable, 'status' | 'opens_at'>, now: Date) =>
  d.status === 'open' && now.getTime() >= Date.parse(d.opens_at);

async function allowedActions(db: Executor, actor: Actor | null, d: DecisionRow, now: Date) {
  if (!canManage(actor, place(d))) return [];
  switch (d.status) {
    case 'draft':
      return ['open', 'cancel'] as const;
    case 'open': {
      const ballots = await repo.ballotCount(db, d.id);
      const out: ('close' | 'cancel')[] = [];
      if (now.getTime() >= Date.parse(d.closes_at) || (await everyoneVoted(db, d.id, ballots)))
        out.push('close');
      if (ballots === 0) out.push('cancel');
      return out;
    }
    case 'closed':
      return ['publish'] as const;
    default:
      return [];
  }
}

export async function everyoneVoted(db: Executor, decisionId: string, ballots: number): Promise<boolean> {
  if (ballots === 0) return false;
  return (await repo.rollOwnerCount(db, decisionId)) === ballots;
}

export async function presentDecision(deps: Deps, actor: Actor | null, d: DecisionRow) {
  const db = deps.database.db;
  const now = deps.clock.now();
  const buildingIds = JSON.parse(d.building_ids_json) as string[];
  const buildings = d.scope === 'buildings' ? await shared.buildingsOf(db, d.compound_id, buildingIds) : [];
  const frozen = d.status === 'closed' || d.status === 'published';
  const manager = canManage(actor, place(d));
  return {
    id: d.id,
    compoundId: d.compound_id,
    compoundName: d.compound_name,
    streetCode: d.street_code,
    scope: d.scope,
    buildings: buildings.map((b) => ({ id: b.id, name: b.name })),
    matter: d.matter as Matter,
    rule: ruleFor(d.matter as Matter),
    method: d.method,
    title: d.title,
    description: d.description,
    opensAt: d.opens_at,
    closesAt: d.closes_at,
    status: d.status,
    noticePostedOn: d.notice_posted_on,
    noticeDays: d.notice_days,
    statuteClause: d.statute_clause,
    unitCount: d.unit_count,
    ballotCount: frozen ? d.ballot_count : d.status === 'open' ? await repo.ballotCount(db, d.id) : 0,
    invitationsIssued: manager && d.status === 'open' ? await repo.invitationCount(db, d.id) : 0,
    acceptingBallots: acceptingWeb(d, now),
    openedAt: d.opened_at,
    closedAt: d.closed_at,
    publishDueOn: d.publish_due_on,
    publishedAt: d.published_at,
    noticeEndsOn: d.notice_ends_on,
    ...(await challengeOf(db, d)),
    allowedActions: [...(await allowedActions(db, actor, d, now))],
    canRecordBallots: manager && acceptingDesk(d, now),
    canManage: manager,
    createdAt: d.created_at,
    version: d.version,
  };
}

/** 区分所有权解释 Art 12: one year from the close for those who voted; at least a year from the posting for the rest. */
async function challengeOf(db: Executor, d: Pick<DecisionRow, 'closed_at' | 'published_at'>) {
  if (!d.closed_at) return { challengeUntil: null, challengeVotersUntil: null };
  const w = challengeWindows((await workingCalendar(db)).calendar, {
    closedOn: shanghaiDate(new Date(d.closed_at)),
    publishedOn: d.published_at ? shanghaiDate(new Date(d.published_at)) : null,
  });
  return {
    challengeUntil: w.othersAtLeast?.lastDay ?? null,
    challengeVotersUntil: w.voters?.lastDay ?? null,
  };
}
