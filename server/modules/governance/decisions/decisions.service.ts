// Owners' decisions (业主共同决定): create → open (notice + roll snapshot) → ballots (ballots.service.ts) → close
// (result frozen) → publish (notice period). Counting is domain/vote-tally.ts (tallyVote) on the snapshot
// taken when the decision opened — never the live registry (decisions.tally.ts).
import { addDays } from '../../../../domain/calendar.js';
import { decisionWindowProblems, publicationDue } from '../../../../domain/governance-decisions.js';
import { decisionChangeDay } from '../../../../domain/governance-filings.js';
import { PERIODS } from '../../../../domain/governance.js';
import type { Matter } from '../../../../domain/vote-tally.js';
import type { DecisionAction } from '../../../../contracts/governance.js';
import type { Executor } from '../../../platform/db/database.js';
import type { DecisionTable } from '../../../platform/db/schema.js';
import { writeTx, type Audit, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest, conflict } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/http/messages.js';
import { decodeCursor, pageFrom } from '../../../platform/http/pagination.js';
import { newId } from '../../../platform/ids.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import { addTask, throwProblems, todayOf, visibleCompound } from '../governance.common.js';
import { ownerIdsOf, requireManager, viewGrants } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { requireMeetingNotices } from '../duties/meeting-notices.service.js';
import { afterEarlyReelectionDecision } from '../committees/early-reelection.js';
import { changeFromDecision, requireNotFrozen } from '../records/records.writes.js';
import * as repo from './decisions.repo.js';
import { computeResult, snapshotRoll, type BallotRow } from './decisions.tally.js';
import {
  everyoneVoted,
  managedDecision,
  place,
  presentDecision,
  visibleDecision,
  type DecisionRow,
} from './decisions.view.js';

export interface DecisionInput {
  compoundId: string;
  scope: 'compound' | 'buildings';
  buildingIds: string[];
  matter: Matter;
  method: 'meeting' | 'written';
  title: string;
  description: string;
  opensAt: string;
  closesAt: string;
  noticeDays: number;
  /** The 管理规约 clause providing for the repair (《规定》 Art 28 ¶4 (三)). */
  statuteClause?: string;
}

export async function createDecision(
  deps: Deps,
  actor: Actor,
  input: DecisionInput,
  locale: Locale,
  requestId: string,
) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, input.compoundId);
  requireManager(actor, c);
  await requireNotFrozen(db, c.id, input.matter, locale, input.statuteClause ?? null);
  const buildingIds = input.scope === 'buildings' ? [...new Set(input.buildingIds)] : [];
  if (input.scope === 'buildings') {
    if (buildingIds.length === 0) throw badRequest('governance.scope_buildings_required');
    const found = new Set((await shared.buildingsOf(db, c.id, buildingIds)).map((b) => b.id));
    const unknown = buildingIds.find((b) => !found.has(b));
    if (unknown) throw badRequest('governance.building_unknown', { id: unknown });
  }
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (closesAt.getTime() <= opensAt.getTime()) throw badRequest('governance.decision_window_empty');
  const id = newId();
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const row: DecisionTable = {
      id,
      compound_id: c.id,
      scope: input.scope,
      building_ids_json: JSON.stringify(buildingIds),
      matter: input.matter,
      method: input.method,
      title: input.title,
      description: input.description,
      opens_at: opensAt.toISOString(),
      closes_at: closesAt.toISOString(),
      status: 'draft',
      notice_posted_on: null,
      notice_days: input.noticeDays,
      unit_count: 0,
      ballot_count: 0,
      result_json: null,
      roll_json: null,
      ballots_json: null,
      opened_at: null,
      closed_at: null,
      publish_due_on: null,
      published_at: null,
      notice_ends_on: null,
      statute_clause: input.statuteClause ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertDecision(trx, row);
    await audit({ action: 'governance.decision.create', targetType: 'decision', targetId: id, after: row });
  });
  return getDecision(deps, actor, id);
}

export async function getDecision(deps: Deps, actor: Actor | null, id: string) {
  return presentDecision(deps, actor, await visibleDecision(deps.database.db, actor, id));
}

export async function listDecisions(
  deps: Deps,
  actor: Actor,
  f: { compound?: string; street?: string; status?: string; cursor?: string; limit: number },
) {
  const owners = ownerIdsOf(actor);
  let grants: ReturnType<typeof viewGrants> | null = null;
  try {
    grants = viewGrants(actor);
  } catch (err) {
    if (owners.length === 0) throw err;
  }
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await repo.listDecisions(deps.database.db, grants, owners, { ...f, after });
  const page = pageFrom(rows, f.limit, (r) => [r.created_at, r.id]);
  return {
    items: page.items.map((d) => ({
      id: d.id,
      compoundId: d.compound_id,
      compoundName: d.compound_name,
      scope: d.scope,
      matter: d.matter as Matter,
      method: d.method,
      title: d.title,
      opensAt: d.opens_at,
      closesAt: d.closes_at,
      status: d.status,
      unitCount: d.unit_count,
      ballotCount: d.ballot_count,
      publishedAt: d.published_at,
    })),
    nextCursor: page.nextCursor,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Actions: open (snapshot), close (freeze the result), publish, cancel

interface DecisionStep {
  deps: Deps;
  trx: Executor;
  audit: Audit;
  d: DecisionRow;
  now: Date;
  nowIso: string;
  today: string;
  locale: Locale;
  /** Claims the row (optimistic version): a concurrent action on the same version gets 409. */
  claim: (set: Partial<DecisionTable>, from: DecisionTable['status'][]) => Promise<void>;
  statusError: () => AppError;
}

type Handler<A extends DecisionAction['action']> = (
  s: DecisionStep,
  body: Extract<DecisionAction, { action: A }>,
) => Promise<void>;

const openDecision: Handler<'open'> = async (s, body) => {
  const { d, trx } = s;
  if (d.status !== 'draft') throw s.statusError();
  throwProblems(
    decisionWindowProblems({
      noticePostedOn: body.noticePostedOn,
      opensAt: new Date(d.opens_at),
      closesAt: new Date(d.closes_at),
      today: s.today,
    }),
  );
  if (Date.parse(d.closes_at) <= s.now.getTime()) throw badRequest('governance.decision_window_empty');
  await requireNotFrozen(trx, d.compound_id, d.matter as Matter, s.locale, d.statute_clause);
  // 《规定》 Art 25 ¶2: the 房管机构 and the 居民委员会 were told in writing beforehand.
  await requireMeetingNotices(trx, d, s.locale);
  await s.claim({ status: 'open', notice_posted_on: body.noticePostedOn, opened_at: s.nowIso }, ['draft']);
  const roll = await snapshotRoll(s.deps, trx, d, s.today);
  await repo.setDecisionDocuments(trx, d.id, { unit_count: roll.length, roll_json: JSON.stringify(roll) });
  await s.audit({
    action: 'governance.decision.open',
    targetType: 'decision',
    targetId: d.id,
    after: { noticePostedOn: body.noticePostedOn, units: roll.length },
  });
};

const closeDecision: Handler<'close'> = async (s) => {
  const { d, trx } = s;
  if (d.status !== 'open') throw s.statusError();
  await s.claim({ status: 'closed', closed_at: s.nowIso }, ['open']);
  // Read after claiming: on PostgreSQL the update waited for ballots in flight (they hold FOR SHARE).
  const ballots = await repo.ballotCount(trx, d.id);
  if (s.now.getTime() < Date.parse(d.closes_at) && !(await everyoneVoted(trx, d.id, ballots))) {
    throw new AppError('governance.close_too_early', 409, { closesAt: d.closes_at });
  }
  // Freeze the ballots as the counting document, then count from the two documents.
  const rows = await repo.ballotsOf(trx, d.id);
  await repo.setDecisionDocuments(trx, d.id, {
    ballots_json: JSON.stringify(rows.map((b): BallotRow => [b.owner_id, b.choice, b.channel])),
  });
  const result = await computeResult(trx, d);
  const cal = (await workingCalendar(trx)).calendar;
  const due = publicationDue(cal, s.today);
  await repo.setDecisionDocuments(trx, d.id, {
    result_json: JSON.stringify(result),
    ballot_count: ballots,
    publish_due_on: due.lastDay,
  });
  // Art 33 ¶1: a decision that changes what the committee filed opens its change filing now — the 30 days
  // run from the day the decision was made (voting closed), not from the posting of its result.
  await changeFromDecision(
    trx,
    cal,
    s.nowIso,
    {
      id: d.id,
      compound_id: d.compound_id,
      matter: d.matter as Matter,
      title: d.title,
      passed: result.tally.passed,
    },
    place(d),
    decisionChangeDay(s.now),
  );
  // Art 32 ¶2–3: the street convened it; passed, the street now forms the 换届改选小组.
  if (d.matter === 'early_reelection') {
    await afterEarlyReelectionDecision(trx, cal, s.nowIso, place(d), result.tally.passed, s.today);
  }
  await addTask(trx, cal, s.nowIso, {
    compound: place(d),
    subjectType: 'decision',
    subjectId: d.id,
    kind: 'decision_publish',
    responsible: 'committee',
    dueOn: due.lastDay,
    legalRef: `${PERIODS.decisionResultNotice.ref}; 民法典 Art 280`,
  });
  await s.audit({
    action: 'governance.decision.close',
    targetType: 'decision',
    targetId: d.id,
    after: { ballots, tally: result.tally },
  });
};

const publishDecision: Handler<'publish'> = async (s) => {
  const { d, trx, nowIso, today } = s;
  if (d.status !== 'closed') throw s.statusError();
  const endsOn = addDays(today, d.notice_days);
  await s.claim({ status: 'published', published_at: nowIso, notice_ends_on: endsOn }, ['closed']);
  await shared.completeTask(trx, d.id, 'decision_publish', today, nowIso);
  await s.audit({
    action: 'governance.decision.publish',
    targetType: 'decision',
    targetId: d.id,
    after: { publishedAt: nowIso, noticeEndsOn: endsOn },
  });
};

const cancelDecision: Handler<'cancel'> = async (s) => {
  if (s.d.status === 'open' && (await repo.ballotCount(s.trx, s.d.id)) > 0) throw s.statusError();
  await s.claim({ status: 'cancelled' }, ['draft', 'open']);
  await s.audit({ action: 'governance.decision.cancel', targetType: 'decision', targetId: s.d.id });
};

const DECISION_HANDLERS: { [A in DecisionAction['action']]: Handler<A> } = {
  open: openDecision,
  close: closeDecision,
  publish: publishDecision,
  cancel: cancelDecision,
};

export async function actOnDecision(
  deps: Deps,
  actor: Actor,
  id: string,
  body: DecisionAction,
  locale: Locale,
  requestId: string,
) {
  const db = deps.database.db;
  const d = await managedDecision(db, actor, id);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const today = todayOf(deps);
  const statusError = () =>
    new AppError('governance.decision_invalid_status', 409, { status: d.status, action: body.action });

  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const claim = async (set: Partial<DecisionTable>, from: DecisionTable['status'][]) => {
      if (await repo.claimDecision(trx, id, body.version, from, { ...set, updated_at: nowIso })) return;
      const fresh = await repo.decision(trx, id);
      if (fresh && fresh.version !== body.version)
        throw conflict('common.version_conflict', { currentVersion: fresh.version });
      throw statusError();
    };
    const step: DecisionStep = { deps, trx, audit, d, now, nowIso, today, locale, claim, statusError };
    const handler = DECISION_HANDLERS[body.action] as (s: DecisionStep, b: DecisionAction) => Promise<void>;
    await handler(step, body);
  });
  return getDecision(deps, actor, id);
}
