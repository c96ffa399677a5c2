// Fee arrears (欠交物业服务费或者专项维修资金, 《规定》 Art 20 ¶2 — the eligibility check reads them): recorded and
// settled by the serving property company or the street office. Every write is one audited transaction.
import { formatYuan, parseYuan } from '../../../../domain/money.js';
import type { Executor } from '../../../platform/db/database.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../../platform/http/errors.js';
import { decodeCursor, pageFrom } from '../../../platform/http/pagination.js';
import { newId } from '../../../platform/ids.js';
import { requireNotFuture, todayOf } from '../governance.common.js';
import { canView } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { canRecordArrears } from './records.present.js';
import * as repo from './records.repo.js';

/** Who sees a compound's arrears: those who see its governance, and whoever may record them. */
async function arrearsCompound(db: Executor, actor: Actor, compoundId: string, today: string) {
  const c = await shared.compound(db, compoundId);
  if (!c) throw notFound('governance.compound_not_found');
  const mayRecord = await canRecordArrears(db, actor, c, today);
  if (!canView(actor, c) && !mayRecord) throw notFound('governance.compound_not_found');
  return { c, mayRecord };
}

type ArrearRow = NonNullable<Awaited<ReturnType<typeof repo.arrear>>>;

const presentArrear = (a: ArrearRow) => ({
  id: a.id,
  unitId: a.unit_id,
  unitLabel: `${a.building_name} ${a.unit_number}`,
  kind: a.kind,
  amount: formatYuan(a.amount),
  periodFrom: a.period_from,
  periodTo: a.period_to,
  recordedOn: a.recorded_on,
  settledOn: a.settled_on,
  note: a.note,
  version: a.version,
});

export async function listArrears(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  f: { unit?: string; open?: 'true' | 'false'; cursor?: string; limit: number },
) {
  const db = deps.database.db;
  await arrearsCompound(db, actor, compoundId, todayOf(deps));
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const open = f.open === undefined ? undefined : f.open === 'true';
  const rows = await repo.listArrears(db, compoundId, { unit: f.unit, open, after, limit: f.limit });
  const page = pageFrom(rows, f.limit, (r) => [r.created_at, r.id]);
  return { items: page.items.map(presentArrear), nextCursor: page.nextCursor };
}

export async function recordArrear(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: {
    unitId: string;
    kind: 'service_fee' | 'maintenance_fund';
    amount: string;
    periodFrom: string;
    periodTo: string;
    note?: string;
  },
  requestId: string,
) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const { c, mayRecord } = await arrearsCompound(db, actor, compoundId, today);
  if (!mayRecord) throw new AppError('governance.arrears_forbidden', 403);
  const amount = parseYuan(body.amount);
  if (amount === null || amount <= 0) throw badRequest('governance.amount_invalid', { amount: body.amount });
  if (body.periodTo < body.periodFrom) throw badRequest('governance.period_invalid');
  requireNotFuture(body.periodFrom, today);
  if (!(await repo.unitInCompound(db, c.id, body.unitId))) {
    throw badRequest('governance.unit_not_in_compound', { id: body.unitId });
  }
  const now = deps.clock.now().toISOString();
  const id = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const row = {
      id,
      compound_id: c.id,
      unit_id: body.unitId,
      kind: body.kind,
      amount,
      period_from: body.periodFrom,
      period_to: body.periodTo,
      recorded_on: today,
      settled_on: null,
      note: body.note ?? null,
      recorded_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertArrear(trx, row);
    await audit({ action: 'governance.arrear.record', targetType: 'fee_arrear', targetId: id, after: row });
  });
  return presentArrear((await repo.arrear(db, id))!);
}

export async function settleArrear(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { version: number; on: string },
  requestId: string,
) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const a = await repo.arrear(db, id);
  if (!a) throw notFound('governance.arrear_not_found');
  const { mayRecord } = await arrearsCompound(db, actor, a.compound_id, today).catch(() => {
    throw notFound('governance.arrear_not_found');
  });
  if (!mayRecord) throw new AppError('governance.arrears_forbidden', 403);
  requireNotFuture(body.on, today);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    if (!(await repo.settleArrear(trx, id, body.version, body.on, now))) {
      const fresh = (await repo.arrear(trx, id))!;
      if (fresh.version !== body.version)
        throw conflict('common.version_conflict', { currentVersion: fresh.version });
      throw new AppError('governance.arrear_settled', 409);
    }
    await audit({
      action: 'governance.arrear.settle',
      targetType: 'fee_arrear',
      targetId: id,
      before: a,
      after: { settledOn: body.on },
    });
  });
  return presentArrear((await repo.arrear(db, id))!);
}
