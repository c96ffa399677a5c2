// The counting of a decision: the roll frozen when it opens (名册: every unit in scope with its vote owner and
// areas), the ballots frozen when it closes, the result through domain/vote-tally.ts with its arithmetic, and
// the ballot file `gongzhi tally` reproduces the result from.
import { formatAreaM2 } from '../../../../domain/area.js';
import {
  thresholdChecks,
  voteOwnerOf,
  type ThresholdCheck,
} from '../../../../domain/governance-decisions.js';
import {
  tallyResultToJson,
  tallyVote,
  type Choice,
  type Matter,
  type TallyBallot,
  type TallyInput,
  type TallyUnit,
} from '../../../../domain/vote-tally.js';
import type { Executor } from '../../../platform/db/database.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../../platform/http/errors.js';
import { canView } from '../governance.policy.js';
import * as repo from './decisions.repo.js';
import { place, visibleDecision, type DecisionRow } from './decisions.view.js';

/** One unit of the counting document: [unit id, vote owner, registered, surveyed, contract area]. */
export type RollRow = [string, string, number | null, number | null, number | null];

/** One ballot of the counting document: [owner, choice, channel]. */
export type BallotRow = [string, Choice, 'web' | 'desk' | 'proxy'];

/** Freezes the roll: every unit in scope with its vote owner (解释 Art 9) and its three areas, as of today. */
export async function snapshotRoll(
  deps: Deps,
  trx: Executor,
  d: DecisionRow,
  today: string,
): Promise<RollRow[]> {
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
  const bulk = repo.rollWriter(deps.database, trx);
  const roll: RollRow[] = [];
  for (const u of units) {
    const owner = voteOwnerOf(
      { deliveredOn: u.delivered_on, owners: owners.get(u.id) ?? [] },
      today,
      developerKey,
    );
    roll.push([u.id, owner.key, u.registered_area, u.surveyed_area, u.contract_area]);
    await bulk.add({
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
export async function tallyInputOf(db: Executor, d: Pick<DecisionRow, 'id' | 'matter'>) {
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

export async function computeResult(db: Executor, d: Pick<DecisionRow, 'id' | 'matter'>) {
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
