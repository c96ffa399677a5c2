// Owners' decisions (业主共同决定): create → open (notice + roll snapshot) → ballots (web with an invitation
// code, desk, proxy) → close (result frozen) → publish (notice period). Counting is domain/vote-tally.ts
// (tallyVote) on the snapshot taken when the decision opened — never the live registry.
import { createHash, randomInt } from 'node:crypto';
import { formatAreaM2 } from '../../../domain/area.js';
import { addDays, shanghaiDate } from '../../../domain/calendar.js';
import {
  challengeWindow,
  decisionWindowProblems,
  publicationDue,
  thresholdChecks,
  voteOwnerOf,
  type ThresholdCheck,
} from '../../../domain/governance-decisions.js';
import {
  ruleFor,
  tallyResultToJson,
  tallyVote,
  type Choice,
  type Matter,
  type TallyBallot,
  type TallyInput,
  type TallyUnit,
} from '../../../domain/vote-tally.js';
import type { DecisionAction } from '../../../contracts/governance.js';
import type { Actor } from '../../platform/http/context.js';
import { auditActor } from '../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import type { Locale } from '../../platform/http/messages.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { workingCalendar } from '../../platform/working-calendar.js';
import { bulkInserter } from '../../platform/db/bulk.js';
import { isUniqueViolation, type Executor } from '../../platform/db/database.js';
import type { DecisionTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { formatShanghaiMinute } from '../../platform/time.js';
import * as repo from './governance.repo.js';
import { canManage, canView, ownerIdsOf, requireManager, viewGrants } from './governance.policy.js';
import { addTask, throwProblems, todayOf, visibleCompound } from './governance.common.js';
import { changeFromDecision, requireNotFrozen } from './records.service.js';

type DecisionRow = NonNullable<Awaited<ReturnType<typeof repo.decision>>>;

const place = (d: DecisionRow) => ({
  id: d.compound_id,
  street_code: d.street_code,
  district_code: d.district_code,
});

/** Owners see published decisions of compounds where they hold a unit. */
async function ownerSees(db: Executor, actor: Actor | null, d: DecisionRow): Promise<boolean> {
  if (!actor || d.status !== 'published') return false;
  return repo.ownsInCompound(db, d.compound_id, ownerIdsOf(actor));
}

async function visibleDecision(db: Executor, actor: Actor | null, id: string): Promise<DecisionRow> {
  const d = await repo.decision(db, id);
  if (!d || !(canView(actor, place(d)) || (await ownerSees(db, actor, d)))) {
    throw notFound('governance.decision_not_found');
  }
  return d;
}

async function managedDecision(db: Executor, actor: Actor, id: string): Promise<DecisionRow> {
  const d = await visibleDecision(db, actor, id);
  requireManager(actor, place(d));
  return d;
}

const acceptingWeb = (d: Pick<DecisionTable, 'status' | 'opens_at' | 'closes_at'>, now: Date) =>
  d.status === 'open' && now.getTime() >= Date.parse(d.opens_at) && now.getTime() < Date.parse(d.closes_at);

/** Desk (paper) ballots received by the deadline may still be entered until the decision is closed. */
const acceptingDesk = (d: Pick<DecisionTable, 'status' | 'opens_at'>, now: Date) =>
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

async function everyoneVoted(db: Executor, decisionId: string, ballots: number): Promise<boolean> {
  if (ballots === 0) return false;
  const r = await db
    .selectFrom('decision_units')
    .select((eb) => eb.fn.count<number>('owner_id').distinct().as('n'))
    .where('decision_id', '=', decisionId)
    .executeTakeFirstOrThrow();
  return Number(r.n) === ballots;
}

async function presentDecision(deps: Deps, actor: Actor | null, d: DecisionRow) {
  const db = deps.database.db;
  const now = deps.clock.now();
  const buildingIds = JSON.parse(d.building_ids_json) as string[];
  const buildings = d.scope === 'buildings' ? await repo.buildingsOf(db, d.compound_id, buildingIds) : [];
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
    unitCount: d.unit_count,
    ballotCount: frozen ? d.ballot_count : d.status === 'open' ? await repo.ballotCount(db, d.id) : 0,
    invitationsIssued: manager && d.status === 'open' ? await repo.invitationCount(db, d.id) : 0,
    acceptingBallots: acceptingWeb(d, now),
    openedAt: d.opened_at,
    closedAt: d.closed_at,
    publishDueOn: d.publish_due_on,
    publishedAt: d.published_at,
    noticeEndsOn: d.notice_ends_on,
    challengeUntil: d.published_at
      ? challengeWindow((await workingCalendar(db)).calendar, shanghaiDate(new Date(d.published_at))).lastDay
      : null,
    allowedActions: [...(await allowedActions(db, actor, d, now))],
    canRecordBallots: manager && acceptingDesk(d, now),
    canManage: manager,
    createdAt: d.created_at,
    version: d.version,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Create, read, list

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
  await requireNotFrozen(db, c.id, input.matter, locale);
  const buildingIds = input.scope === 'buildings' ? [...new Set(input.buildingIds)] : [];
  if (input.scope === 'buildings') {
    if (buildingIds.length === 0) throw badRequest('governance.scope_buildings_required');
    const found = new Set((await repo.buildingsOf(db, c.id, buildingIds)).map((b) => b.id));
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
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await trx.insertInto('decisions').values(row).execute();
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
    // Claim the row first (optimistic version): a concurrent action on the same version gets 409.
    const claim = async (set: Partial<DecisionTable>, from: DecisionTable['status'][]) => {
      const r = await trx
        .updateTable('decisions')
        .set({ ...set, updated_at: nowIso, version: body.version + 1 })
        .where('id', '=', id)
        .where('version', '=', body.version)
        .where('status', 'in', from)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) {
        const fresh = await repo.decision(trx, id);
        if (fresh && fresh.version !== body.version)
          throw conflict('common.version_conflict', { currentVersion: fresh.version });
        throw statusError();
      }
    };

    switch (body.action) {
      case 'open': {
        if (d.status !== 'draft') throw statusError();
        throwProblems(
          decisionWindowProblems({
            noticePostedOn: body.noticePostedOn,
            opensAt: new Date(d.opens_at),
            closesAt: new Date(d.closes_at),
            today,
          }),
        );
        if (Date.parse(d.closes_at) <= now.getTime()) throw badRequest('governance.decision_window_empty');
        await requireNotFrozen(trx, d.compound_id, d.matter as Matter, locale);
        await claim({ status: 'open', notice_posted_on: body.noticePostedOn, opened_at: nowIso }, ['draft']);
        const roll = await snapshotRoll(deps, trx, d, today);
        await trx
          .updateTable('decisions')
          .set({ unit_count: roll.length, roll_json: JSON.stringify(roll) })
          .where('id', '=', id)
          .execute();
        const count = roll.length;
        await audit({
          action: 'governance.decision.open',
          targetType: 'decision',
          targetId: id,
          after: { noticePostedOn: body.noticePostedOn, units: count },
        });
        break;
      }
      case 'close': {
        if (d.status !== 'open') throw statusError();
        await claim({ status: 'closed', closed_at: nowIso }, ['open']);
        // Read after claiming: on PostgreSQL the update waited for ballots in flight (they hold FOR SHARE).
        const ballots = await repo.ballotCount(trx, id);
        if (now.getTime() < Date.parse(d.closes_at) && !(await everyoneVoted(trx, id, ballots))) {
          throw new AppError('governance.close_too_early', 409, { closesAt: d.closes_at });
        }
        // Freeze the ballots as the counting document, then count from the two documents.
        const rows = await repo.ballotsOf(trx, id);
        await trx
          .updateTable('decisions')
          .set({
            ballots_json: JSON.stringify(rows.map((b): BallotRow => [b.owner_id, b.choice, b.channel])),
          })
          .where('id', '=', id)
          .execute();
        const result = await computeResult(trx, d);
        const cal = (await workingCalendar(trx)).calendar;
        const due = publicationDue(cal, today);
        await trx
          .updateTable('decisions')
          .set({
            result_json: JSON.stringify(result),
            ballot_count: ballots,
            publish_due_on: due.lastDay,
          })
          .where('id', '=', id)
          .execute();
        await addTask(trx, cal, nowIso, {
          compound: place(d),
          subjectType: 'decision',
          subjectId: id,
          kind: 'decision_publish',
          responsible: 'committee',
          dueOn: due.lastDay,
          legalRef: '《规定》 Art 27; 民法典 Art 280',
        });
        await audit({
          action: 'governance.decision.close',
          targetType: 'decision',
          targetId: id,
          after: { ballots, tally: result.tally },
        });
        break;
      }
      case 'publish': {
        if (d.status !== 'closed') throw statusError();
        const endsOn = addDays(today, d.notice_days);
        await claim({ status: 'published', published_at: nowIso, notice_ends_on: endsOn }, ['closed']);
        await repo.completeTask(trx, id, 'decision_publish', today, nowIso);
        const tally = JSON.parse(d.result_json!) as { tally: { passed: boolean } };
        await changeFromDecision(
          trx,
          (await workingCalendar(trx)).calendar,
          nowIso,
          {
            id,
            compound_id: d.compound_id,
            matter: d.matter as Matter,
            title: d.title,
            passed: tally.tally.passed,
          },
          place(d),
          today,
        );
        await audit({
          action: 'governance.decision.publish',
          targetType: 'decision',
          targetId: id,
          after: { publishedAt: nowIso, noticeEndsOn: endsOn },
        });
        break;
      }
      case 'cancel': {
        if (d.status === 'open' && (await repo.ballotCount(trx, id)) > 0) throw statusError();
        await claim({ status: 'cancelled' }, ['draft', 'open']);
        await audit({ action: 'governance.decision.cancel', targetType: 'decision', targetId: id });
        break;
      }
    }
  });
  return getDecision(deps, actor, id);
}

/** One unit of the counting document: [unit id, vote owner, registered, surveyed, contract area]. */
type RollRow = [string, string, number | null, number | null, number | null];
/** One ballot of the counting document: [owner, choice, channel]. */
type BallotRow = [string, Choice, 'web' | 'desk' | 'proxy'];

/** Freezes the roll: every unit in scope with its vote owner (解释 Art 9) and its three areas, as of today. */
async function snapshotRoll(deps: Deps, trx: Executor, d: DecisionRow, today: string): Promise<RollRow[]> {
  const buildingIds = d.scope === 'buildings' ? (JSON.parse(d.building_ids_json) as string[]) : null;
  const units = await repo.unitsFor(trx, d.compound_id, buildingIds);
  if (units.length === 0) throw badRequest('governance.no_units');
  const missing = units.filter(
    (u) => u.registered_area === null && u.surveyed_area === null && u.contract_area === null,
  );
  if (missing.length > 0) {
    throw badRequest('governance.units_without_area', {
      count: missing.length,
      labels: missing
        .slice(0, 5)
        .map((u) => `${u.building_name} ${u.number}`)
        .join('、'),
    });
  }
  const owners = new Map<string, { id: string; kind: 'person' | 'organisation' | 'developer' }[]>();
  let developer: string | null = null;
  for (const o of await repo.unitOwnersOf(trx, d.compound_id)) {
    let list = owners.get(o.unit_id);
    if (!list) owners.set(o.unit_id, (list = []));
    list.push({ id: o.id, kind: o.kind });
    if (o.kind === 'developer' && (developer === null || o.id < developer)) developer = o.id;
  }
  const developerKey = developer ?? `developer:${d.compound_id}`;
  const bulk = bulkInserter(deps.database, trx);
  const roll: RollRow[] = [];
  for (const u of units) {
    const owner = voteOwnerOf(
      { deliveredOn: u.delivered_on, owners: owners.get(u.id) ?? [] },
      today,
      developerKey,
    );
    roll.push([u.id, owner.key, u.registered_area, u.surveyed_area, u.contract_area]);
    await bulk.add('decision_units', {
      decision_id: d.id,
      unit_id: u.id,
      building_id: u.building_id,
      label: `${u.building_name} ${u.number}`,
      owner_id: owner.key,
      developer: owner.developer ? 1 : 0,
      registered_area: u.registered_area,
      surveyed_area: u.surveyed_area,
      contract_area: u.contract_area,
      invite_hash: null,
      invite_issued_at: null,
    });
  }
  await bulk.flush();
  return roll;
}

// ---------------------------------------------------------------------------------------------------------
// The result, with its arithmetic

/**
 * The counting input: the roll document frozen at opening, and the ballots — the document frozen at closing,
 * or the live rows while the decision is open.
 */
async function tallyInputOf(db: Executor, d: Pick<DecisionRow, 'id' | 'matter'>) {
  const docs = await repo.countingDocuments(db, d.id);
  const roll = JSON.parse(docs.roll_json ?? '[]') as RollRow[];
  const ballots: BallotRow[] = docs.ballots_json
    ? (JSON.parse(docs.ballots_json) as BallotRow[])
    : (await repo.ballotsOf(db, d.id)).map((b): BallotRow => [b.owner_id, b.choice, b.channel]);
  const input: TallyInput = {
    matter: d.matter as Matter,
    units: roll.map((u): TallyUnit => ({
      id: u[0],
      owner: u[1],
      registeredArea: u[2],
      surveyedArea: u[3],
      contractArea: u[4],
    })),
    ballots: ballots.map((b): TallyBallot => ({ owner: b[0], choice: b[1] })),
  };
  return { input, ballots, units: roll.length };
}

const presentCheck = (c: ThresholdCheck) => {
  const area = c.key.endsWith('_area');
  const show = (v: bigint) => (area ? formatAreaM2(v) : v.toString());
  return {
    key: c.key,
    measure: area ? ('area' as const) : ('persons' as const),
    fraction: `${c.num}/${c.den}`,
    comparison: c.strict ? ('>' as const) : ('≥' as const),
    actual: show(c.actual),
    base: show(c.base),
    required: show(c.required),
    met: c.met,
  };
};

async function computeResult(db: Executor, d: Pick<DecisionRow, 'id' | 'matter'>) {
  const { input, ballots, units } = await tallyInputOf(db, d);
  const result = tallyVote(input);
  // The abstentions through the same counting code: the abstainers' own units, their ballots counted as
  // "yes" (their area and persons do not depend on anybody else's units); no = the rest.
  const abstainers = new Set(input.ballots.filter((b) => b.choice === 'abstain').map((b) => b.owner));
  const abstain =
    abstainers.size === 0
      ? { yesPersons: 0, yesArea: 0n }
      : tallyVote({
          matter: input.matter,
          units: input.units.filter((u) => abstainers.has(u.owner)),
          ballots: [...abstainers].map((owner) => ({ owner, choice: 'yes' as const })),
        });
  const no = {
    yesPersons: result.participatingPersons - result.yesPersons - abstain.yesPersons,
    yesArea: result.participatingArea - result.yesArea - abstain.yesArea,
  };
  const channels = { web: 0, desk: 0, proxy: 0 };
  for (const b of ballots) channels[b[2]]++;
  return {
    tally: tallyResultToJson(result),
    checks: thresholdChecks(result).map(presentCheck),
    choices: {
      yes: { persons: result.yesPersons, area: formatAreaM2(result.yesArea) },
      no: { persons: no.yesPersons, area: formatAreaM2(no.yesArea) },
      abstain: { persons: abstain.yesPersons, area: formatAreaM2(abstain.yesArea) },
    },
    channels,
    units,
  };
}

export async function getResult(deps: Deps, actor: Actor | null, id: string) {
  const db = deps.database.db;
  const d = await visibleDecision(db, actor, id);
  if (d.status === 'draft' || d.status === 'cancelled') {
    throw new AppError('governance.decision_invalid_status', 409, { status: d.status, action: 'result' });
  }
  const r = await computeResult(db, d);
  return {
    decisionId: d.id,
    title: d.title,
    compoundName: d.compound_name,
    status: d.status,
    provisional: d.status === 'open',
    ...r,
    publishedAt: d.published_at,
    noticeEndsOn: d.notice_ends_on,
  };
}

/**
 * The ballot file in exactly the `gongzhi tally` input format, areas as JSON numbers with two decimals, so
 * that `bin/gongzhi tally` reproduces the result from it.
 */
export async function exportBallotFile(deps: Deps, actor: Actor, id: string, requestId: string) {
  const db = deps.database.db;
  const d = await visibleDecision(db, actor, id);
  if (!canView(actor, place(d))) throw notFound('governance.decision_not_found');
  if (d.status === 'draft' || d.status === 'cancelled') {
    throw new AppError('governance.decision_invalid_status', 409, { status: d.status, action: 'export' });
  }
  const { input } = await tallyInputOf(db, d);
  const area = (v: number | null | undefined) => (v === null || v === undefined ? 'null' : formatAreaM2(v));
  const units = input.units.map(
    (u) =>
      `    {"id":${JSON.stringify(u.id)},"owner":${JSON.stringify(u.owner)},"registeredArea":${area(u.registeredArea)},"surveyedArea":${area(u.surveyedArea)},"contractArea":${area(u.contractArea)}}`,
  );
  const ballots = input.ballots.map(
    (b) => `    {"owner":${JSON.stringify(b.owner)},"choice":${JSON.stringify(b.choice)}}`,
  );
  const text = `{\n  "matter": ${JSON.stringify(input.matter)},\n  "units": [\n${units.join(',\n')}\n  ],\n  "ballots": [\n${ballots.join(',\n')}\n  ]\n}\n`;
  await writeTx(deps, auditActor(actor), requestId, async (_trx, audit) => {
    await audit({
      action: 'governance.decision.export',
      targetType: 'decision',
      targetId: id,
      after: { units: input.units.length, ballots: input.ballots.length },
    });
  });
  return { fileName: `ballots-${d.id}.json`, body: text };
}

// ---------------------------------------------------------------------------------------------------------
// Invitation codes

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: easy to read out and type
const CODE_LENGTH = 12; // 32^12 = 2^60

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export const hashCode = (code: string) =>
  createHash('sha256')
    .update(`gongzhi-invite:${normaliseCode(code)}`)
    .digest('hex');

function newCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/**
 * (Re)issues invitation codes — one per unit — and returns them once, as the committee's printable list.
 * Only their hashes are stored; issuing again replaces the earlier codes of those units.
 */
export async function issueInvitations(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { unitIds?: string[] },
  requestId: string,
) {
  const db = deps.database.db;
  const d = await managedDecision(db, actor, id);
  if (d.status !== 'open') throw new AppError('governance.invitations_not_open', 409);
  const now = deps.clock.now().toISOString();
  const items: { unitId: string; label: string; code: string }[] = [];
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const rows = await repo.decisionUnitRows(trx, id);
    const wanted = body.unitIds ? new Set(body.unitIds) : null;
    if (wanted) {
      const known = new Set(rows.map((r) => r.unit_id));
      for (const u of wanted) if (!known.has(u)) throw badRequest('governance.unit_not_in_decision');
      for (const r of rows) {
        if (!wanted.has(r.unit_id)) continue;
        const code = newCode();
        items.push({ unitId: r.unit_id, label: r.label, code });
        await trx
          .updateTable('decision_units')
          .set({ invite_hash: hashCode(code), invite_issued_at: now })
          .where('decision_id', '=', id)
          .where('unit_id', '=', r.unit_id)
          .execute();
      }
    } else {
      // Every unit: rewrite the roll rows with fresh hashes in one bulk pass (portable and fast).
      await trx.deleteFrom('decision_units').where('decision_id', '=', id).execute();
      const bulk = bulkInserter(deps.database, trx);
      for (const r of rows) {
        const code = newCode();
        items.push({ unitId: r.unit_id, label: r.label, code });
        await bulk.add('decision_units', { ...r, invite_hash: hashCode(code), invite_issued_at: now });
      }
      await bulk.flush();
    }
    await audit({
      action: 'governance.invitations.issue',
      targetType: 'decision',
      targetId: id,
      after: { units: items.length, all: !wanted },
    });
  });
  items.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.unitId < b.unitId ? -1 : 1));
  return { decisionId: id, title: d.title, compoundName: d.compound_name, issuedAt: now, items };
}

// ---------------------------------------------------------------------------------------------------------
// Ballots

interface BallotSpec {
  decisionId: string;
  unitId: string;
  ownerId: string;
  choice: Choice;
  channel: 'web' | 'desk' | 'proxy';
  proxyName: string | null;
  proxyDocument: string | null;
  recordedBy: Actor | null;
}

/** Inserts one ballot; the unique (decision, owner) index makes a second ballot of the owner a 409. */
async function insertBallot(deps: Deps, spec: BallotSpec, requestId: string | null) {
  const now = deps.clock.now();
  const id = newId();
  const actor = spec.recordedBy ? auditActor(spec.recordedBy) : { id: null, name: 'owner (invitation code)' };
  try {
    await writeTx(deps, actor, requestId, async (trx, audit) => {
      const d = await repo.decisionForBallot(trx, deps.database.dialect, spec.decisionId);
      const accepting = d && (spec.channel === 'web' ? acceptingWeb(d, now) : acceptingDesk(d, now));
      if (!d || !accepting) {
        throw new AppError('governance.not_accepting', 409, {
          opensAt: d ? formatShanghaiMinute(new Date(d.opens_at)) : '',
          closesAt: d ? formatShanghaiMinute(new Date(d.closes_at)) : '',
        });
      }
      await trx
        .insertInto('ballots')
        .values({
          id,
          decision_id: spec.decisionId,
          owner_id: spec.ownerId,
          unit_id: spec.unitId,
          choice: spec.choice,
          channel: spec.channel,
          proxy_name: spec.proxyName,
          proxy_document: spec.proxyDocument,
          recorded_by: spec.recordedBy?.userId ?? null,
          recorded_by_name: spec.recordedBy?.displayName ?? null,
          at: now.toISOString(),
        })
        .execute();
      await audit({
        action: 'governance.ballot.record',
        targetType: 'decision',
        targetId: spec.decisionId,
        after: {
          ballot: id,
          unit: spec.unitId,
          owner: spec.ownerId,
          choice: spec.choice,
          channel: spec.channel,
        },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('governance.already_voted', 409);
    throw err;
  }
  return { id, at: now.toISOString() };
}

export async function recordDeskBallot(
  deps: Deps,
  actor: Actor,
  id: string,
  body: {
    unitId: string;
    choice: Choice;
    channel: 'desk' | 'proxy';
    proxyName?: string;
    proxyDocument?: string;
  },
  requestId: string,
) {
  const db = deps.database.db;
  const d = await managedDecision(db, actor, id);
  const unit = await repo.decisionUnit(db, id, body.unitId);
  if (!unit) throw badRequest('governance.unit_not_in_decision');
  const r = await insertBallot(
    deps,
    {
      decisionId: d.id,
      unitId: unit.unit_id,
      ownerId: unit.owner_id,
      choice: body.choice,
      channel: body.channel,
      proxyName: body.channel === 'proxy' ? (body.proxyName ?? null) : null,
      proxyDocument: body.channel === 'proxy' ? (body.proxyDocument ?? null) : null,
      recordedBy: actor,
    },
    requestId,
  );
  return {
    id: r.id,
    decisionId: d.id,
    unitId: unit.unit_id,
    unitLabel: unit.label,
    choice: body.choice,
    channel: body.channel,
    proxyName: body.channel === 'proxy' ? (body.proxyName ?? null) : null,
    recordedByName: actor.displayName,
    at: r.at,
  };
}

async function unitByCode(deps: Deps, code: string) {
  const unit = await repo.unitByInviteHash(deps.database.db, hashCode(code));
  if (!unit) throw notFound('governance.code_invalid');
  const d = await repo.decision(deps.database.db, unit.decision_id);
  if (!d || d.status === 'draft' || d.status === 'cancelled') throw notFound('governance.code_invalid');
  return { unit, d };
}

/** What an owner sees after entering a code (no account): the decision and their unit. */
export async function lookupBallot(deps: Deps, code: string) {
  const { unit, d } = await unitByCode(deps, code);
  const voted = await repo.ballotOfOwner(deps.database.db, d.id, unit.owner_id);
  return {
    decisionTitle: d.title,
    description: d.description,
    compoundName: d.compound_name,
    matter: d.matter as Matter,
    method: d.method,
    opensAt: d.opens_at,
    closesAt: d.closes_at,
    unitLabel: unit.label,
    accepting: acceptingWeb(d, deps.clock.now()),
    alreadyVoted: !!voted,
  };
}

/** An owner's own ballot with the invitation code of one of their units. */
export async function castBallot(deps: Deps, code: string, choice: Choice, requestId: string) {
  const { unit, d } = await unitByCode(deps, code);
  const r = await insertBallot(
    deps,
    {
      decisionId: d.id,
      unitId: unit.unit_id,
      ownerId: unit.owner_id,
      choice,
      channel: 'web',
      proxyName: null,
      proxyDocument: null,
      recordedBy: null,
    },
    requestId,
  );
  return { receipt: r.id, at: r.at, choice };
}

// ---------------------------------------------------------------------------------------------------------
// The roll (名册) with who has voted — for desk recording

export async function getRoll(
  deps: Deps,
  actor: Actor,
  id: string,
  f: { q?: string; voted?: 'yes' | 'no'; cursor?: string; limit: number },
) {
  const db = deps.database.db;
  await managedDecision(db, actor, id);
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await repo.roll(db, id, { ...f, after });
  const page = pageFrom(rows, f.limit, (r) => [r.label, r.unit_id]);
  return {
    items: page.items.map((r) => {
      const a = r.registered_area ?? r.surveyed_area ?? r.contract_area ?? 0;
      return {
        unitId: r.unit_id,
        label: r.label,
        ownerId: r.owner_id,
        ownerName: r.owner_name ?? null,
        developer: r.developer === 1,
        area: formatAreaM2(a),
        voted: r.channel !== null,
        channel: r.channel ?? null,
      };
    }),
    nextCursor: page.nextCursor,
  };
}
