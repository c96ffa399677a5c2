// The maintenance fund module's face (专项维修资金, 《上海市住宅物业管理规定》 Arts 64–73): a compound's account with
// its building and unit ledgers, deposits, interest and top-ups recorded by the district housing authority,
// an owner's own ledgers. Payments (disbursements on a passed use decision) are in fund.payments.ts. Every
// service starts with its access check (fund.policy.ts); every write is one audited transaction.
import { formatAreaM2 } from '../../../domain/area.js';
import { topUpDue } from '../../../domain/fund.js';
import { formatYuan, parseYuan } from '../../../domain/money.js';
import type { z } from 'zod';
import type { OpenAccountBody, RecordEntriesBody } from '../../../contracts/fund.js';
import { lockRow } from '../../platform/db/locks.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, type Actor } from '../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { mayManage, mayPay, requireFundManager, requireFundView, requireOwnFund } from './fund.policy.js';
import * as repo from './fund.repo.js';
import { areaOf, fundCompound, presentPayment, todayOf } from './fund.common.js';

export async function getFund(deps: Deps, actor: Actor, compoundId: string) {
  const c = await fundCompound(deps, compoundId);
  requireFundView(actor, c);
  const db = deps.database.db;
  const account = await repo.account(db, c.id);
  const base = {
    compoundId: c.id,
    compoundName: c.name,
    mayManage: mayManage(actor, c),
    mayPay: mayPay(actor, c),
  };
  if (!account) return { ...base, account: null, buildings: [], payments: [], belowTopUpThreshold: 0 };
  const [buildings, payments, below] = await Promise.all([
    repo.buildingLedgers(db, account.id),
    repo.payments(db, account.id, 20),
    repo.belowTopUpThreshold(db, account.id),
  ]);
  return {
    ...base,
    account: {
      bankName: account.bank_name,
      accountName: account.account_name,
      openedOn: account.opened_on,
      balance: formatYuan(account.balance_fen),
    },
    buildings: buildings.map((b) => ({
      buildingId: b.id,
      name: b.name,
      units: Number(b.unit_count ?? 0),
      initial: formatYuan(Number(b.initial_fen ?? 0)),
      balance: formatYuan(b.balance_fen),
    })),
    payments: payments.map(presentPayment),
    belowTopUpThreshold: below,
  };
}

export async function buildingUnits(deps: Deps, actor: Actor, compoundId: string, buildingId: string) {
  const c = await fundCompound(deps, compoundId);
  requireFundView(actor, c);
  const db = deps.database.db;
  const account = await repo.account(db, c.id);
  if (!account) throw notFound('fund.no_account');
  const rows = await repo.unitLedgersOfBuilding(db, account.id, buildingId);
  if (rows.length === 0) throw notFound('fund.building_not_found');
  rows.sort((a, b) => a.number.localeCompare(b.number, 'zh-CN', { numeric: true }));
  return {
    items: rows.map((u) => {
      const area = areaOf(u);
      const due =
        u.initial_fen > 0 ? topUpDue(u.initial_fen, u.balance_fen) : { belowThreshold: false, dueFen: 0 };
      return {
        unitId: u.id,
        number: u.number,
        area: area === null ? null : formatAreaM2(area),
        initial: formatYuan(u.initial_fen),
        balance: formatYuan(u.balance_fen),
        belowTopUpThreshold: due.belowThreshold,
        topUpDue: formatYuan(due.dueFen),
      };
    }),
  };
}

async function entriesOf(deps: Deps, unitId: string, cursor: string | undefined, limit: number) {
  const db = deps.database.db;
  const ledger = await repo.unitLedger(db, unitId);
  if (!ledger) return null;
  const rows = await repo.unitEntries(db, unitId, cursor ?? null, limit);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  return {
    ledger,
    view: {
      unitId,
      label: `${ledger.compound_name} ${ledger.building_name} ${ledger.number}`,
      initial: formatYuan(ledger.initial_fen),
      balance: formatYuan(ledger.balance_fen),
      items: items.map((e) => ({
        id: e.id,
        kind: e.kind,
        amount: formatYuan(e.amount_fen),
        on: e.entry_on,
        memo: e.memo,
        paymentTitle: e.payment_title ?? null,
      })),
      nextCursor: more ? items[items.length - 1].id : null,
    },
  };
}

export async function unitEntries(
  deps: Deps,
  actor: Actor,
  unitId: string,
  q: { cursor?: string; limit: number },
) {
  const found = await entriesOf(deps, unitId, q.cursor, q.limit);
  if (!found) throw notFound('fund.unit_not_found');
  const { ledger } = found;
  requireFundView(actor, {
    id: ledger.compound_id,
    street_code: ledger.street_code,
    district_code: ledger.district_code,
  });
  return found.view;
}

/** The signed-in owner's unit ledgers with their latest entries (shares of each payment included). */
export async function myFund(deps: Deps, actor: Actor) {
  const ownerIds = requireOwnFund(actor);
  const unitIds = await repo.unitsOfOwners(deps.database.db, ownerIds);
  const items = [];
  for (const id of unitIds) {
    const found = await entriesOf(deps, id, undefined, 20);
    if (found) items.push(found.view);
  }
  return { items };
}

export async function openAccount(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: z.infer<typeof OpenAccountBody>,
  requestId: string,
) {
  const c = await fundCompound(deps, compoundId);
  requireFundManager(actor, c);
  if (body.openedOn > todayOf(deps)) throw badRequest('fund.date_in_future', { date: body.openedOn });
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await lockRow(trx, 'compounds', c.id);
    if (await repo.account(trx, c.id)) throw new AppError('fund.account_exists', 409);
    const row = {
      id: newId(),
      compound_id: c.id,
      bank_name: body.bankName,
      account_name: body.accountName,
      opened_on: body.openedOn,
      balance_fen: 0,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertAccount(trx, row);
    await repo.openLedgers(trx, row.id, c.id, now);
    await audit({ action: 'fund.account.open', targetType: 'fund_account', targetId: row.id, after: row });
  });
  return getFund(deps, actor, c.id);
}

/** Deposits, the developer's advance, interest or top-ups for many units at once: all or nothing. */
export async function recordEntries(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: z.infer<typeof RecordEntriesBody>,
  requestId: string,
) {
  const c = await fundCompound(deps, compoundId);
  requireFundManager(actor, c);
  if (body.on > todayOf(deps)) throw badRequest('fund.date_in_future', { date: body.on });
  const amounts = new Map<string, number>();
  for (const item of body.items) {
    const fen = parseYuan(item.amount);
    if (fen === null || fen <= 0) throw badRequest('fund.amount_invalid', { amount: item.amount });
    if (amounts.has(item.unitId)) throw badRequest('fund.duplicate_unit', { unit: item.unitId });
    amounts.set(item.unitId, fen);
  }
  const now = deps.clock.now().toISOString();
  return writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const account = await repo.account(trx, c.id);
    if (!account) throw notFound('fund.no_account');
    await lockRow(trx, 'fund_accounts', account.id);
    const units = await repo.sharingUnits(trx, c.id, null);
    const buildingOf = new Map(
      units.map((u) => [u.id, { building: u.building_id, label: `${u.building_name} ${u.number}` }]),
    );
    const withLedger = await repo.unitsWithLedger(trx, account.id, [...amounts.keys()]);
    const entries: repo.NewEntry[] = [];
    let total = 0;
    for (const [unitId, fen] of amounts) {
      const u = buildingOf.get(unitId);
      if (!u || !withLedger.has(unitId))
        throw badRequest('fund.unit_without_ledger', { unit: u?.label ?? unitId });
      entries.push({
        id: newId(),
        account_id: account.id,
        building_id: u.building,
        unit_id: unitId,
        kind: body.kind,
        amount_fen: fen,
        entry_on: body.on,
        payment_id: null,
        memo: body.memo,
        created_by: actor.userId,
      });
      total += fen;
    }
    await repo.applyEntries(trx, account.id, entries, now);
    await audit({
      action: `fund.entries.${body.kind}`,
      targetType: 'fund_account',
      targetId: account.id,
      after: { kind: body.kind, on: body.on, memo: body.memo, entries: entries.length, totalFen: total },
    });
    return { entries: entries.length, total: formatYuan(total) };
  });
}

export { payOnDecision } from './fund.payments.js';
export { actOnEmergency, listEmergencies, reportEmergency } from './fund.emergency.js';
export { actOnApplication, listApplications, proposeApplication } from './fund.applications.js';
export { verifyLedgers } from './fund.verify.js';
