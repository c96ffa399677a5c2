// Owner groups (业主小组, 《规定》 Art 35): per building (幢) or entrance (单元) of a compound with two or more
// buildings, with representatives who own there. Each use case starts with its access check; every write is one audited transaction.
import { ownerGroupProblems } from '../../../../domain/governance.js';
import { uniqueOr } from '../../../platform/db/writes.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import {
  requireNotBefore,
  requireNotFuture,
  throwProblems,
  todayOf,
  visibleCompound,
} from '../governance.common.js';
import { canView, requireManager } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { getCompoundGovernance } from '../overview/compound.view.js';
import * as repo from './records.repo.js';

export async function createOwnerGroup(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: { buildingId: string; entrance?: string; formedOn: string; representativeOwnerIds: string[] },
  requestId: string,
) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  requireManager(actor, c);
  requireNotFuture(body.formedOn, todayOf(deps));
  const now = deps.clock.now().toISOString();
  const id = newId();
  const write = () =>
    writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
      const [building] = await shared.buildingsOf(trx, c.id, [body.buildingId]);
      if (!building) throw badRequest('governance.building_unknown', { id: body.buildingId });
      const wanted = [...new Set(body.representativeOwnerIds)];
      const entrance = body.entrance ?? null;
      const inPlace = new Map(
        (await repo.ownersInBuilding(trx, building.id, wanted, entrance)).map((o) => [o.id, o]),
      );
      const named = new Map((await repo.ownerNames(trx, wanted)).map((o) => [o.id, o.name]));
      const active = (await repo.ownerGroupsOf(trx, c.id))
        .filter((g) => g.building_id === building.id && g.status === 'active')
        .map((g) => g.entrance);
      throwProblems(
        ownerGroupProblems({
          buildingsInCompound: await repo.buildingCount(trx, c.id),
          entrance,
          entrancesInBuilding: await repo.entrancesOf(trx, building.id),
          activeGroupsOnBuilding: active,
          representatives: wanted.map((o) => ({ name: named.get(o) ?? o, ownsInPlace: inPlace.has(o) })),
        }),
      );
      const row = {
        id,
        compound_id: c.id,
        building_id: building.id,
        entrance,
        formed_on: body.formedOn,
        status: 'active' as const,
        dissolved_on: null,
        representatives_json: JSON.stringify(wanted.map((o) => ({ ownerId: o, name: inPlace.get(o)!.name }))),
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      await repo.insertOwnerGroup(trx, row);
      await audit({
        action: 'governance.owner_group.create',
        targetType: 'owner_group',
        targetId: id,
        after: row,
      });
    });
  await uniqueOr(write, 'governance.owner_group_exists', undefined, 400);
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
  const c = await shared.compound(db, g0.compound_id);
  if (!c || !canView(actor, c)) throw notFound('governance.owner_group_not_found');
  requireManager(actor, c);
  requireNotFuture(body.on, todayOf(deps));
  requireNotBefore(body.on, g0.formed_on);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    if (!(await repo.dissolveOwnerGroup(trx, groupId, body.version, body.on, now))) {
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
