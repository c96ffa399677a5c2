// Ballots of owners' decisions: invitation codes (one per unit, only their hashes stored), the owner's own
// ballot with a code (no account) or as their signed-in account (owner-ballots.service.ts), desk and proxy
// ballots recorded by the committee, and the roll with who has voted. A second ballot of the same owner is a
// 409 (unique index).
import { createHash, randomInt } from 'node:crypto';
import { formatAreaM2 } from '../../../../domain/area.js';
import type { Choice, Matter } from '../../../../domain/vote-tally.js';
import { uniqueOr } from '../../../platform/db/writes.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../../platform/http/errors.js';
import { decodeCursor, pageFrom } from '../../../platform/http/pagination.js';
import { newId } from '../../../platform/ids.js';
import { formatShanghaiMinute } from '../../../platform/time.js';
import * as repo from './decisions.repo.js';
import { acceptingDesk, acceptingWeb, managedDecision } from './decisions.view.js';

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
        await repo.setInvitation(trx, id, r.unit_id, hashCode(code), now);
      }
    } else {
      // Every unit: rewrite the roll rows with fresh hashes in one bulk pass (portable and fast).
      await repo.deleteRoll(trx, id);
      const bulk = repo.rollWriter(deps.database, trx);
      for (const r of rows) {
        const code = newCode();
        items.push({ unitId: r.unit_id, label: r.label, code });
        await bulk.add({ ...r, invite_hash: hashCode(code), invite_issued_at: now });
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
  /** The owner's own signed-in account casting the ballot (no invitation code); null for codes and desk. */
  account?: Actor | null;
}

/** Inserts one ballot; the unique (decision, owner) index makes a second ballot of the owner a 409. */
export async function insertBallot(deps: Deps, spec: BallotSpec, requestId: string | null) {
  const now = deps.clock.now();
  const id = newId();
  const actor = spec.recordedBy
    ? auditActor(spec.recordedBy)
    : spec.account
      ? auditActor(spec.account)
      : { id: null, name: 'owner (invitation code)' };
  const write = () =>
    writeTx(deps, actor, requestId, async (trx, audit) => {
      const d = await repo.decisionForBallot(trx, spec.decisionId);
      const accepting = d && (spec.channel === 'web' ? acceptingWeb(d, now) : acceptingDesk(d, now));
      if (!d || !accepting) {
        throw new AppError('governance.not_accepting', 409, {
          opensAt: d ? formatShanghaiMinute(new Date(d.opens_at)) : '',
          closesAt: d ? formatShanghaiMinute(new Date(d.closes_at)) : '',
        });
      }
      await repo.insertBallot(trx, {
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
      });
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
          ...(spec.account ? { via: 'account' } : {}),
        },
      });
    });
  await uniqueOr(write, 'governance.already_voted');
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
