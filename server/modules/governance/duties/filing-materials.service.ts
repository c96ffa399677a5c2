// The committee's filing file (《规定》 Art 23 ¶1): (一) 业主大会会议记录和会议决定, (二) 议事规则, (三) 管理规约,
// (四) 专项维修资金管理规约, (五) 委员名单、基本情况和书面承诺, (六) 委员培训记录. The committee records each
// document as it goes into the file; submit_filing (committees.actions.ts) is refused until all six are there
// and (五)/(六) cover every serving member.
import {
  FILING_MATERIALS,
  FILING_MATERIALS_REF,
  filingMaterialGaps,
  type FilingMaterial,
} from '../../../../domain/governance-duties.js';
import type { Executor } from '../../../platform/db/database.js';
import type { CommitteeTable } from '../../../platform/db/schema.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import * as committeesRepo from '../committees/committees.repo.js';
import { requireNotBefore, requireNotFuture, todayOf, visibleCommittee } from '../governance.common.js';
import { canManage, requireManager } from '../governance.policy.js';
import * as repo from './duties.repo.js';

async function fileOf(db: Executor, k: Pick<CommitteeTable, 'id'>, today: string) {
  const [rows, members] = await Promise.all([
    repo.filingMaterialsOf(db, k.id),
    committeesRepo.members(db, k.id),
  ]);
  const active = members.filter((m) => !m.ended_on || m.ended_on > today);
  const gaps = filingMaterialGaps({
    provided: new Set(rows.map((r) => r.material as FilingMaterial)),
    undertakingsSigned: active.every((m) => m.undertaking_signed === 1),
    membersTrained: active.every((m) => !!m.trained_on),
  });
  return { rows, gaps };
}

/** 409 while the filing file lacks one of the six materials (Art 23 ¶1). */
export async function requireFilingMaterials(db: Executor, k: Pick<CommitteeTable, 'id'>, today: string) {
  const { gaps } = await fileOf(db, k, today);
  if (gaps.length > 0) {
    throw new AppError(
      'governance.filing_materials_missing',
      409,
      { count: gaps.length },
      gaps.map((g) => ({ code: `governance.filing_material.${g}`, params: {} })),
    );
  }
}

export async function getFilingMaterials(deps: Deps, actor: Actor, committeeId: string) {
  const db = deps.database.db;
  const { k, c } = await visibleCommittee(db, actor, committeeId);
  const { rows, gaps } = await fileOf(db, k, todayOf(deps));
  return {
    committeeId: k.id,
    items: FILING_MATERIALS.map((m) => {
      const r = rows.find((x) => x.material === m);
      return {
        material: m,
        providedOn: r?.provided_on ?? null,
        description: r?.description ?? null,
        complete: !gaps.includes(m),
      };
    }),
    gaps,
    legalRef: FILING_MATERIALS_REF,
    canRecord:
      k.status === 'current' &&
      (k.filing_status === 'none' || k.filing_status === 'rejected') &&
      canManage(actor, c),
  };
}

export async function recordFilingMaterial(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  body: { material: FilingMaterial; providedOn: string; description: string },
  requestId: string,
) {
  const db = deps.database.db;
  const { k, c } = await visibleCommittee(db, actor, committeeId);
  requireManager(actor, c);
  if (k.status !== 'current' || (k.filing_status !== 'none' && k.filing_status !== 'rejected'))
    throw new AppError('governance.filing_state', 409, { status: k.filing_status });
  requireNotFuture(body.providedOn, todayOf(deps));
  requireNotBefore(body.providedOn, k.elected_on);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const row = {
      id: newId(),
      committee_id: k.id,
      compound_id: c.id,
      material: body.material,
      provided_on: body.providedOn,
      description: body.description,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertFilingMaterial(trx, row);
    await audit({
      action: 'governance.filing_material.record',
      targetType: 'committee',
      targetId: k.id,
      after: row,
    });
  });
  return getFilingMaterials(deps, actor, committeeId);
}
