// A disbursement from the maintenance fund (列支): paid only on a passed, posted use_fund decision of the owners
// of the part (《上海市住宅物业管理规定》 Art 69; domain/fund.ts paymentBasisProblem), the reviewed cost shared over
// the part's units by building area to the fen (Art 68; apportionCost), each unit ledger debited. In one
// transaction holding the account's lock: two payments never overdraw a ledger, and a payment retried with
// its voucher number is refused, never booked twice.
import type { z } from 'zod';
import { formatAreaM2 } from '../../../domain/area.js';
import { apportionCost, overdrawnShares, paymentBasisProblem } from '../../../domain/fund.js';
import { formatYuan, parseYuan } from '../../../domain/money.js';
import type { PaymentBody } from '../../../contracts/fund.js';
import { lockRow } from '../../platform/db/locks.js';
import { uniqueOr } from '../../platform/db/writes.js';
import { writeTx, type Deps } from '../../platform/deps.js';
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
  const now = deps.clock.now().toISOString();
  return writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const account = await repo.account(trx, c.id);
    if (!account) throw notFound('fund.no_account');
    await lockRow(trx, 'fund_accounts', account.id);
    const earlier = await repo.paymentByReference(trx, account.id, body.reference);
    if (earlier) {
      throw new AppError('fund.payment_reference_used', 409, {
        reference: body.reference,
        cost: formatYuan(earlier.cost_fen),
      });
    }
    const decision = await useDecisionFacts(trx, body.decisionId);
    if (!decision) throw badRequest('fund.decision_not_found');
    const problem = paymentBasisProblem(c.id, decision);
    if (problem) throw badRequest(`fund.${problem}`);

    const part = decision.scope === 'buildings' ? decision.buildingIds : null;
    const candidates = await repo.sharingUnits(trx, c.id, part);
    const withLedger = await repo.unitsWithLedger(
      trx,
      account.id,
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
      costFen,
      units.map((u) => ({ id: u.id, centi: areaOf(u)! })),
    );
    const balances = await repo.unitBalances(
      trx,
      account.id,
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
      account_id: account.id,
      reference: body.reference,
      title: body.title,
      cost_fen: costFen,
      basis: 'decision' as const,
      decision_id: decision.id,
      scope: decision.scope,
      building_ids_json: JSON.stringify(part ?? []),
      unit_count: units.length,
      paid_on: body.paidOn,
      created_by: actor.userId,
      created_at: now,
    };
    await uniqueOr(() => repo.insertPayment(trx, payment), 'fund.payment_reference_used', {
      reference: body.reference,
      cost: formatYuan(costFen),
    });
    const byId = new Map(units.map((u) => [u.id, u]));
    await repo.applyEntries(
      trx,
      account.id,
      shares
        .filter((s) => s.fen > 0)
        .map((s) => ({
          id: newId(),
          account_id: account.id,
          building_id: byId.get(s.id)!.building_id,
          unit_id: s.id,
          kind: 'disbursement' as const,
          amount_fen: -s.fen,
          entry_on: body.paidOn,
          payment_id: paymentId,
          memo: body.title,
          created_by: actor.userId,
        })),
      now,
    );
    await audit({
      action: 'fund.payment.record',
      targetType: 'fund_payment',
      targetId: paymentId,
      after: { ...payment, decisionTitle: decision.title },
    });
    return {
      payment: presentPayment({ ...payment, decision_title: decision.title }),
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
  });
}
