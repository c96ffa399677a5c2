// The register of Art 20 ¶2 grounds (违规情形登记): 损坏房屋承重结构, 违法搭建, 破坏房屋外貌, 擅自改变物业使用性质 and
// 违法出租房屋 found on a unit, and the day each was corrected — what the committee eligibility check reads beside
// cases and arrears (domain/governance-eligibility.ts). Kept by the street office of the compound (it leads the
// 筹备组 and the 换届改选小组 that vet candidates, 《规定》 Arts 15, 21, 28); seen by whoever sees its governance.
// Each use case starts with its access check; every write is one audited transaction.
import type { ViolationGround } from '../../../../domain/governance-eligibility.js';
import type { Executor } from '../../../platform/db/database.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../../platform/http/errors.js';
import { message, type Locale } from '../../../platform/http/messages.js';
import { decodeCursor, pageFrom } from '../../../platform/http/pagination.js';
import { newId } from '../../../platform/ids.js';
import { requireNotBefore, requireNotFuture, todayOf, visibleCompound } from '../governance.common.js';
import { canActAsStreet, canView, requireStreet } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import * as recordsRepo from './records.repo.js';
import * as repo from './violations.repo.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.violation>>>;

const present = (v: Row, locale: Locale) => ({
  id: v.id,
  unitId: v.unit_id,
  unitLabel: `${v.building_name} ${v.unit_number}`,
  ground: v.ground,
  groundLabel: message(`governance.eligibility.ground.${v.ground}`, locale),
  foundOn: v.found_on,
  correctedOn: v.corrected_on,
  note: v.note,
  version: v.version,
});

export async function listViolations(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  f: { unit?: string; open?: 'true' | 'false'; cursor?: string; limit: number },
  locale: Locale,
) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const open = f.open === undefined ? undefined : f.open === 'true';
  const rows = await repo.listViolations(db, c.id, { unit: f.unit, open, after, limit: f.limit });
  const page = pageFrom(rows, f.limit, (r) => [r.created_at, r.id]);
  return {
    items: page.items.map((v) => present(v, locale)),
    nextCursor: page.nextCursor,
    canRecord: canActAsStreet(actor, c),
  };
}

export async function recordViolation(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: { unitId: string; ground: ViolationGround; foundOn: string; note?: string },
  locale: Locale,
  requestId: string,
) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  requireStreet(actor, c);
  requireNotFuture(body.foundOn, todayOf(deps));
  if (!(await recordsRepo.unitInCompound(db, c.id, body.unitId))) {
    throw badRequest('governance.unit_not_in_compound', { id: body.unitId });
  }
  const now = deps.clock.now().toISOString();
  const id = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const row = {
      id,
      compound_id: c.id,
      unit_id: body.unitId,
      ground: body.ground,
      found_on: body.foundOn,
      corrected_on: null,
      note: body.note ?? null,
      recorded_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertViolation(trx, row);
    await audit({
      action: 'governance.violation.record',
      targetType: 'unit_violation',
      targetId: id,
      after: row,
    });
  });
  return present((await repo.violation(db, id))!, locale);
}

async function visibleViolation(db: Executor, actor: Actor, id: string) {
  const v = await repo.violation(db, id);
  const c = v && (await shared.compound(db, v.compound_id));
  if (!v || !c || !canView(actor, c)) throw notFound('governance.violation_not_found');
  return { v, c };
}

export async function correctViolation(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { version: number; on: string },
  locale: Locale,
  requestId: string,
) {
  const db = deps.database.db;
  const { v, c } = await visibleViolation(db, actor, id);
  requireStreet(actor, c);
  requireNotFuture(body.on, todayOf(deps));
  requireNotBefore(body.on, v.found_on);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    if (!(await repo.correctViolation(trx, id, body.version, body.on, now))) {
      const fresh = (await repo.violation(trx, id))!;
      if (fresh.version !== body.version)
        throw conflict('common.version_conflict', { currentVersion: fresh.version });
      throw new AppError('governance.violation_corrected', 409);
    }
    await audit({
      action: 'governance.violation.correct',
      targetType: 'unit_violation',
      targetId: id,
      before: v,
      after: { correctedOn: body.on },
    });
  });
  return present((await repo.violation(db, id))!, locale);
}
