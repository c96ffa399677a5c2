// A disbursement from the maintenance fund (列支), on a passed, posted use_fund decision of the owners of the part
// (《上海市住宅物业管理规定》 Art 69; domain/fund.ts paymentBasisProblem) or on an approved emergency report (第七十三条;
// fund.emergency.ts) or on a consulted application before the assembly (第七十一条第二款; fund.applications.ts): the reviewed cost shared over the part's units by building area to the fen (Art 68;
// apportionCost), each unit ledger debited. In one transaction holding the account's lock: two payments never
// overdraw a ledger, and a payment retried with its voucher number is refused, never booked twice.
import type { z } from 'zod';
import { formatAreaM2 } from '../../../domain/area.js';
import { apportionCost, overdrawnShares, paymentBasisProblem } from '../../../domain/fund.js';
import { formatYuan, parseYuan } from '../../../domain/money.js';
import type { PaymentBody } from '../../../contracts/fund.js';
import { lockRow } from '../../platform/db/locks.js';
import { uniqueOr } from '../../platform/db/writes.js';
import type { Executor } from '../../platform/db/database.js';
import { writeTx, type Audit, type Deps } from '../../platform/deps.js';
import { auditActor, type Actor } from '../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { useDecisionFacts } from '../governance/governance.service.js';
import { requireFundPayer } from './fund.policy.js';
import * as repo from './fund.repo.js';
import { areaOf, fundCompound, presentPayment, todayOf } from './fund.common.js';

export async function payOnDecision(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: z.infer<typeof PaymentBody>,
  requestId: string,
) {
  const c = await fundCompound(deps, compoundId);
  requireFundPayer(actor, c);
  const costFen = parseYuan(body.cost);
  if (costFen === null || costFen <= 0) throw badRequest('fund.amount_invalid', { amount: body.cost });
  if (body.paidOn > todayOf(deps)) throw badRequest('fund.date_in_future', { date: body.paidOn });
  return writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const account = await lockedAccount(trx, c.id, body.reference);
    const decision = await useDecisionFacts(trx, body.decisionId);
    if (!decision) throw badRequest('fund.decision_not_found');
    const problem = paymentBasisProblem(c.id, decision);
    if (problem) throw badRequest(`fund.${problem}`);
    return disburse(trx, audit, actor, deps.clock.now().toISOString(), {
      compoundId: c.id,
      accountId: account.id,
      reference: body.reference,
      title: body.title,
      costFen,
      paidOn: body.paidOn,
      basis: 'decision',
      decisionId: decision.id,
      decisionTitle: decision.title,
      emergencyId: null,
      scope: decision.scope,
      buildingIds: decision.scope === 'buildings' ? decision.buildingIds : null,
    });
  });
}

/**
 * The compound's fund account, locked until the transaction ends (two payments take turns), after checking that
 * the voucher number was not used before (a retried payment is refused, never booked twice).
 */
export async function lockedAccount(trx: Executor, compoundId: string, reference: string) {
  const account = await repo.account(trx, compoundId);
  if (!account) throw notFound('fund.no_account');
  await lockRow(trx, 'fund_accounts', account.id);
  const earlier = await repo.paymentByReference(trx, account.id, reference);
  if (earlier) {
    throw new AppError('fund.payment_reference_used', 409, {
      reference,
      cost: formatYuan(earlier.cost_fen),
    });
  }
  return account;
}

export interface Disbursement {
  compoundId: string;
  accountId: string;
  reference: string;
  title: string;
  costFen: number;
  paidOn: string;
  basis: 'decision' | 'emergency' | 'application';
  decisionId: string | null;
  decisionTitle: string | null;
  emergencyTitle?: string | null;
  emergencyId: string | null;
  /** The use application before the assembly it pays (第七十一条第二款), if any. */
  applicationId?: string | null;
  scope: 'compound' | 'buildings';
  /** The part's buildings (部分共用), or null for the whole compound. */
  buildingIds: readonly string[] | null;
}

/**
 * Pays `d` inside the caller's transaction (which holds {@link lockedAccount}): the cost shared over the part's
 * units by building area to the fen (Art 68; apportionCost), refused when a unit has no area or its ledger does
 * not cover its share, each unit ledger debited, audited. Returns the payment and each unit's share.
 */
export async function disburse(trx: Executor, audit: Audit, actor: Actor, now: string, d: Disbursement) {
  const candidates = await repo.sharingUnits(trx, d.compoundId, d.buildingIds);
  const withLedger = await repo.unitsWithLedger(
    trx,
    d.accountId,
    candidates.map((u) => u.id),
  );
  const units = candidates.filter((u) => withLedger.has(u.id));
  if (units.length === 0) throw badRequest('fund.no_sharing_units');
  const noArea = units.filter((u) => !areaOf(u));
  if (noArea.length > 0) {
    throw badRequest('fund.unit_without_area', {
      count: noArea.length,
      unit: `${noArea[0].building_name} ${noArea[0].number}`,
    });
  }
  const shares = apportionCost(
    d.costFen,
    units.map((u) => ({ id: u.id, centi: areaOf(u)! })),
  );
  const balances = await repo.unitBalances(
    trx,
    d.accountId,
    units.map((u) => u.id),
  );
  const short = overdrawnShares(shares, (id) => balances.get(id) ?? 0);
  if (short.length > 0) {
    const first = units.find((u) => u.id === short[0].id)!;
    throw new AppError('fund.overdrawn', 409, {
      count: short.length,
      unit: `${first.building_name} ${first.number}`,
      short: formatYuan(short[0].shortFen),
    });
  }

  const paymentId = newId();
  const payment = {
    id: paymentId,
    account_id: d.accountId,
    reference: d.reference,
    title: d.title,
    cost_fen: d.costFen,
    basis: d.basis,
    decision_id: d.decisionId,
    emergency_id: d.emergencyId,
    application_id: d.applicationId ?? null,
    scope: d.scope,
    building_ids_json: JSON.stringify(d.buildingIds ?? []),
    unit_count: units.length,
    paid_on: d.paidOn,
    created_by: actor.userId,
    created_at: now,
  };
  await uniqueOr(() => repo.insertPayment(trx, payment), 'fund.payment_reference_used', {
    reference: d.reference,
    cost: formatYuan(d.costFen),
  });
  const byId = new Map(units.map((u) => [u.id, u]));
  await repo.applyEntries(
    trx,
    d.accountId,
    shares
      .filter((s) => s.fen > 0)
      .map((s) => ({
        id: newId(),
        account_id: d.accountId,
        building_id: byId.get(s.id)!.building_id,
        unit_id: s.id,
        kind: 'disbursement' as const,
        amount_fen: -s.fen,
        entry_on: d.paidOn,
        payment_id: paymentId,
        memo: d.title,
        created_by: actor.userId,
      })),
    now,
  );
  await audit({
    action: 'fund.payment.record',
    targetType: 'fund_payment',
    targetId: paymentId,
    after: { ...payment, decisionTitle: d.decisionTitle },
  });
  return {
    payment: presentPayment({
      ...payment,
      decision_title: d.decisionTitle,
      emergency_title: d.emergencyTitle ?? null,
    }),
    shares: shares.map((s) => {
      const u = byId.get(s.id)!;
      return {
        unitId: s.id,
        label: `${u.building_name} ${u.number}`,
        area: formatAreaM2(s.centi),
        amount: formatYuan(s.fen),
      };
    }),
  };
}
