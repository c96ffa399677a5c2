// The signed-in owner's decisions: the open decisions of compounds where the account owns a unit, and the
// owner's ballot cast as the account — no invitation code, the session is the identity. Who votes for a unit
// is the roll frozen when the decision opened (区分所有权解释 Art 9, domain/governance-decisions.ts
// voteOwnerOf): the account may vote for a unit counted under one of its owner records, or a unit it co-owns
// (co-owners are one person). The ballot is recorded under the unit's vote owner, so the unique (decision,
// owner) index keeps one vote per vote owner even when two requests race (the second is 409).
import type { Choice, Matter } from '../../../../domain/vote-tally.js';
import type { Deps } from '../../../platform/deps.js';
import { requirePermission, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../../platform/http/errors.js';
import { ownerIdsOf } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { insertBallot } from './ballots.service.js';
import * as repo from './decisions.repo.js';
import { acceptingWeb } from './decisions.view.js';

/** The owner records of an account that may vote as itself (403 for accounts without them). */
function voterOwnerIds(actor: Actor): string[] {
  requirePermission(actor, 'governance.vote');
  const ids = ownerIdsOf(actor);
  if (ids.length === 0) throw new AppError('auth.forbidden', 403);
  return ids;
}

/** Open decisions of the owner's compounds, with the owner's units on each roll and the ballot already cast. */
export async function listOwnDecisions(deps: Deps, actor: Actor) {
  const ownerIds = voterOwnerIds(actor);
  const db = deps.database.db;
  const now = deps.clock.now();
  const decisions = await repo.openDecisionsOfOwners(db, ownerIds);
  const ids = decisions.map((d) => d.id);
  const rows = await repo.rollRowsOfOwners(db, ids, ownerIds);
  const keys = [...new Set(rows.map((r) => r.owner_id))];
  const [ballots, counts] = await Promise.all([
    repo.ballotsOfOwners(db, ids, keys),
    repo.ballotCounts(db, ids),
  ]);
  return {
    items: decisions.map((d) => {
      const mine = rows.filter((r) => r.decision_id === d.id);
      const ballotOf = (key: string) => ballots.find((b) => b.decision_id === d.id && b.owner_id === key);
      const cast = mine.map((r) => ballotOf(r.owner_id)).find((b) => !!b);
      return {
        id: d.id,
        title: d.title,
        description: d.description,
        compoundId: d.compound_id,
        compoundName: d.compound_name,
        matter: d.matter as Matter,
        method: d.method,
        opensAt: d.opens_at,
        closesAt: d.closes_at,
        accepting: acceptingWeb(d, now),
        unitCount: d.unit_count,
        ballotCount: Number(counts.find((c) => c.decision_id === d.id)?.n ?? 0),
        units: mine.map((r) => ({
          unitId: r.unit_id,
          label: r.label,
          // The developer votes for unsold and undelivered units (解释 Art 9), not the buyer's account.
          mayVote: r.developer !== 1,
          voted: !!ballotOf(r.owner_id),
        })),
        myBallot: cast ? { choice: cast.choice, at: cast.at, unitId: cast.unit_id } : null,
      };
    }),
  };
}

/** The owner's own ballot for one of their units, as the signed-in account. */
export async function castOwnBallot(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { unitId: string; choice: Choice },
  requestId: string,
) {
  const ownerIds = voterOwnerIds(actor);
  const db = deps.database.db;
  const d = await repo.decision(db, id);
  if (
    !d ||
    d.status === 'draft' ||
    d.status === 'cancelled' ||
    !(await shared.ownsInCompound(db, d.compound_id, ownerIds))
  ) {
    throw notFound('governance.decision_not_found');
  }
  if (d.status !== 'open') throw new AppError('governance.voting_over', 409);
  const unit = await repo.decisionUnit(db, id, body.unitId);
  if (!unit) throw badRequest('governance.unit_not_in_decision');
  const own = ownerIds.includes(unit.owner_id) || (await repo.ownsUnit(db, unit.unit_id, ownerIds));
  if (!own || unit.developer === 1) throw new AppError('governance.not_unit_owner', 403);
  const r = await insertBallot(
    deps,
    {
      decisionId: d.id,
      unitId: unit.unit_id,
      ownerId: unit.owner_id,
      choice: body.choice,
      channel: 'web',
      proxyName: null,
      proxyDocument: null,
      recordedBy: null,
      account: actor,
    },
    requestId,
  );
  return { receipt: r.id, at: r.at, choice: body.choice };
}
