// Exemption from forming an assembly (《规定》 Art 13 ¶2): "只有一个业主的，或者业主人数较少且经全体业主一致同意，
// 决定不成立业主大会的，由业主共同履行业主大会、业主委员会职责". The street records it with its reason; while it
// holds with today's owners the daily trigger scan (governance.jobs.ts) does not chase the developer.
import {
  EXEMPTION_REF,
  exemptionHolds,
  exemptionProblems,
  type ExemptionReason,
} from '../../../../domain/governance-duties.js';
import type { Executor } from '../../../platform/db/database.js';
import type { AssemblyExemptionTable } from '../../../platform/db/schema.js';
import { updateVersioned } from '../../../platform/db/writes.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, conflict, notFound } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import * as formationRepo from '../formation/formation.repo.js';
import {
  requireNotBefore,
  requireNotFuture,
  throwProblems,
  todayOf,
  visibleCompound,
} from '../governance.common.js';
import { canActAsStreet, requireStreet } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import * as repo from './duties.repo.js';

const holds = async (db: Executor, ex: AssemblyExemptionTable, today: string) =>
  exemptionHolds(
    { reason: ex.reason, ownersAtRecord: ex.owners_at_record },
    await repo.ownerPersons(db, ex.compound_id, today),
  );

/** The compounds among `ids` whose recorded exemption still holds today (the trigger scan skips them). */
export async function exemptCompounds(
  db: Executor,
  ids: readonly string[],
  today: string,
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const ex of await repo.activeExemptionsOf(db, ids))
    if (await holds(db, ex, today)) out.add(ex.compound_id);
  return out;
}

export async function getExemption(deps: Deps, actor: Actor, compoundId: string) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  const today = todayOf(deps);
  const ex = await repo.activeExemption(db, c.id);
  return {
    compoundId: c.id,
    owners: await repo.ownerPersons(db, c.id, today),
    exemption: ex
      ? {
          id: ex.id,
          reason: ex.reason,
          agreedOn: ex.agreed_on,
          ownersAtRecord: ex.owners_at_record,
          note: ex.note,
          holds: await holds(db, ex, today),
          version: ex.version,
        }
      : null,
    legalRef: EXEMPTION_REF,
    canRecord: canActAsStreet(actor, c),
  };
}

export async function recordExemption(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: { reason: ExemptionReason; agreedOn: string; agreedOwners?: number; note?: string },
  requestId: string,
) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  requireStreet(actor, c);
  const today = todayOf(deps);
  requireNotFuture(body.agreedOn, today);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await shared.lockCompound(trx, c.id);
    // An assembly formed (a committee) or being formed is not "决定不成立业主大会".
    const formations = await formationRepo.formationsOf(trx, [c.id]);
    if ((await shared.currentCommittee(trx, c.id)) || formations.length > 0)
      throw new AppError('governance.exemption_has_assembly', 409);
    const owners = await repo.ownerPersons(trx, c.id, today);
    throwProblems(exemptionProblems({ reason: body.reason, owners, agreed: body.agreedOwners ?? null }));
    const row: AssemblyExemptionTable = {
      id: newId(),
      compound_id: c.id,
      reason: body.reason,
      agreed_on: body.agreedOn,
      owners_at_record: owners,
      note: body.note ?? null,
      status: 'active',
      revoked_on: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertExemption(trx, row);
    // The developer's report is no longer owed: its open task (if the scan opened one) ends today.
    const ended = await shared.completeTask(trx, c.id, 'developer_report', today, now);
    await audit({
      action: 'governance.exemption.record',
      targetType: 'compound',
      targetId: c.id,
      after: { ...row, developerReportClosed: ended },
    });
  });
  return getExemption(deps, actor, compoundId);
}

export async function revokeExemption(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: { version: number; on: string },
  requestId: string,
) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  requireStreet(actor, c);
  requireNotFuture(body.on, todayOf(deps));
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const ex = await repo.activeExemption(trx, c.id);
    if (!ex) throw notFound('governance.exemption_not_found');
    if (ex.version !== body.version)
      throw conflict('common.version_conflict', { currentVersion: ex.version });
    requireNotBefore(body.on, ex.agreed_on);
    const changes = { status: 'revoked' as const, revoked_on: body.on, updated_at: now };
    await updateVersioned(trx, 'assembly_exemptions', ex.id, ex.version, changes);
    await audit({
      action: 'governance.exemption.revoke',
      targetType: 'compound',
      targetId: c.id,
      before: ex,
      after: changes,
    });
  });
  return getExemption(deps, actor, compoundId);
}
