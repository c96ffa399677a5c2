// Using the maintenance fund between the developer's report and the owners' assembly (《上海市住宅物业管理规定》
// 第七十一条第二款、第三款): the serving property company proposes a repair plan with its quotation; the residents'
// committee consults the owners of the part and records the counts (the result is computed, domain/
// fund-preassembly.ts); the district housing authority records the named intermediary's reviewed cost and pays it,
// shared by area to the fen over the part's unit ledgers (fund.payments.ts disburse).
import type { z } from 'zod';
import type { ApplicationActionBody, ApplicationBody } from '../../../contracts/fund.js';
import { formatAreaM2, sumAreas, tryParseAreaM2 } from '../../../domain/area.js';
import {
  APPLICATION_ACTIONS,
  applicationActionProblem,
  consultationCountsProblem,
  consultationPassed,
  proposalStageProblem,
  type ApplicationAction,
  type ApplicationActor,
  type ConsultationCounts,
} from '../../../domain/fund-preassembly.js';
import { formatYuan, parseYuan } from '../../../domain/money.js';
import type { Executor } from '../../platform/db/database.js';
import { writeTx, type Audit, type Deps } from '../../platform/deps.js';
import { auditActor, type Actor } from '../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { developerReportedOn, fundUseStageOf } from '../governance/governance.service.js';
import * as arepo from './fund.applications.repo.js';
import { areaOf, fundCompound, rightsOn, todayOf } from './fund.common.js';
import { disburse, lockedAccount } from './fund.payments.js';
import { applicationRights, type ApplicationRights, type FundPlace } from './fund.policy.js';
import * as repo from './fund.repo.js';

type Row = NonNullable<Awaited<ReturnType<typeof arepo.application>>>;

const partOf = (a: Row) => (a.scope === 'buildings' ? (JSON.parse(a.building_ids_json) as string[]) : null);

function capacity(action: ApplicationAction, r: ApplicationRights): ApplicationActor | null {
  if (action === 'consult') return r.consult ? 'residents_committee' : null;
  return r.district ? 'district' : null;
}

const factsOf = (a: Row) => ({
  status: a.status,
  reviewedCostFen: a.reviewed_cost_fen === null ? null : Number(a.reviewed_cost_fen),
});

function present(a: Row, names: Map<string, string>, r: ApplicationRights) {
  const c = a.consultation_json ? (JSON.parse(a.consultation_json) as ConsultationCounts) : null;
  return {
    id: a.id,
    title: a.title,
    plan: a.plan,
    quotation: formatYuan(Number(a.quotation_fen)),
    buildings: (JSON.parse(a.building_ids_json) as string[]).map((id) => names.get(id) ?? ''),
    status: a.status,
    proposedOn: a.proposed_on,
    consultation: c
      ? {
          on: a.consulted_on ?? '',
          totalArea: formatAreaM2(c.totalCenti),
          totalPersons: c.totalPersons,
          participatingArea: formatAreaM2(c.participatingCenti),
          participatingPersons: c.participatingPersons,
          agreeingArea: formatAreaM2(c.agreeingCenti),
          agreeingPersons: c.agreeingPersons,
          passed: consultationPassed(c),
          note: a.consultation_note,
        }
      : null,
    review:
      a.reviewed_cost_fen !== null
        ? {
            cost: formatYuan(Number(a.reviewed_cost_fen)),
            reviewer: a.reviewer ?? '',
            reportNo: a.review_report_no ?? '',
            on: a.reviewed_on ?? '',
          }
        : null,
    paidOn: a.paid_on ?? null,
    allowedActions: APPLICATION_ACTIONS.filter((x) => {
      const who = capacity(x, r);
      return who !== null && applicationActionProblem(factsOf(a), x, who) === null;
    }),
    version: a.version,
  };
}

async function namesOf(db: Executor, compoundId: string, rows: readonly Row[]) {
  const ids = [...new Set(rows.flatMap((a) => JSON.parse(a.building_ids_json) as string[]))];
  return new Map((await repo.buildingsOfCompound(db, compoundId, ids)).map((b) => [b.id, b.name]));
}

export async function listApplications(deps: Deps, actor: Actor, compoundId: string) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const c = await fundCompound(deps, compoundId);
  const rights = await rightsOn(db, actor, c, today, applicationRights);
  const rows = await arepo.applications(db, c.id, 50);
  const names = await namesOf(db, c.id, rows);
  const stage = await fundUseStageOf(db, c.id);
  return {
    stage,
    mayPropose: rights.propose && stage === 'before_assembly',
    items: rows.map((a) => present(a, names, rights)),
  };
}

export async function proposeApplication(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: z.infer<typeof ApplicationBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const c = await fundCompound(deps, compoundId);
  const rights = await rightsOn(db, actor, c, today, applicationRights);
  if (!rights.propose) throw new AppError('fund.propose_forbidden', 403);
  const quotation = parseYuan(body.quotation);
  if (quotation === null || quotation <= 0)
    throw badRequest('fund.amount_invalid', { amount: body.quotation });
  if (body.proposedOn > today) throw badRequest('fund.date_in_future', { date: body.proposedOn });
  const buildingIds = [...new Set(body.buildingIds ?? [])];
  const found = await repo.buildingsOfCompound(db, c.id, buildingIds);
  if (found.length !== buildingIds.length) throw badRequest('fund.building_not_found');
  const stageProblem = proposalStageProblem(await fundUseStageOf(db, c.id));
  if (stageProblem) throw new AppError(`fund.${stageProblem}`, 409);
  const reportedOn = await developerReportedOn(db, c.id);
  if (reportedOn && body.proposedOn < reportedOn) {
    throw badRequest('fund.date_before_developer_report', { date: reportedOn });
  }
  const account = await repo.account(db, c.id);
  if (!account) throw notFound('fund.no_account');
  const now = deps.clock.now().toISOString();
  const row = {
    id: newId(),
    compound_id: c.id,
    account_id: account.id,
    title: body.title,
    plan: body.plan,
    quotation_fen: quotation,
    scope: buildingIds.length > 0 ? ('buildings' as const) : ('compound' as const),
    building_ids_json: JSON.stringify(buildingIds),
    status: 'proposed' as const,
    proposed_on: body.proposedOn,
    consulted_on: null,
    consultation_json: null,
    consultation_note: null,
    reviewed_cost_fen: null,
    reviewer: null,
    review_report_no: null,
    reviewed_on: null,
    payment_id: null,
    proposed_by: actor.userId,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await arepo.insertApplication(trx, row);
    await audit({
      action: 'fund.application.propose',
      targetType: 'fund_application',
      targetId: row.id,
      after: row,
    });
  });
  const a = (await arepo.application(db, row.id))!;
  return present(a, await namesOf(db, c.id, [a]), rights);
}

export async function actOnApplication(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof ApplicationActionBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const found = await arepo.application(db, id);
  if (!found) throw notFound('fund.application_not_found');
  const c = await fundCompound(deps, found.compound_id);
  const rights = await rightsOn(db, actor, c, today, applicationRights);
  const who = capacity(body.action, rights);
  if (!who) throw new AppError('fund.application_forbidden', 403);
  if (body.on > today) throw badRequest('fund.date_in_future', { date: body.on });
  if (body.on < found.proposed_on) throw badRequest('fund.date_before_proposal', { date: found.proposed_on });
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const a = await arepo.application(trx, id);
    if (!a || a.version !== body.version) throw new AppError('fund.application_changed', 409);
    const problem = applicationActionProblem(factsOf(a), body.action, who);
    if (problem) throw new AppError(`fund.${problem}`, 409);
    const set = await changesFor(trx, audit, actor, now, c, a, body);
    if (!(await arepo.updateApplication(trx, a.id, a.version, { ...set, updated_at: now }))) {
      throw new AppError('fund.application_changed', 409);
    }
    await audit({
      action: `fund.application.${body.action}`,
      targetType: 'fund_application',
      targetId: a.id,
      before: { status: a.status },
      after: set,
    });
  });
  const a = (await arepo.application(db, id))!;
  return present(a, await namesOf(db, c.id, [a]), rights);
}

/** The part's area (centi-m², the units' sharing areas) and owners, from the registry. */
async function partTotals(db: Executor, compoundId: string, part: readonly string[] | null) {
  const units = await repo.sharingUnits(db, compoundId, part);
  const totalCenti = Number(sumAreas(units.map((u) => areaOf(u) ?? 0)));
  return { totalCenti, totalPersons: await arepo.ownerCountOfPart(db, compoundId, part) };
}

const centiOf = (m2: string) => {
  const r = tryParseAreaM2(m2);
  return r.ok ? r.centi : -1;
};

async function changesFor(
  trx: Executor,
  audit: Audit,
  actor: Actor,
  now: string,
  c: FundPlace,
  a: Row,
  body: z.infer<typeof ApplicationActionBody>,
) {
  switch (body.action) {
    case 'consult': {
      const counts: ConsultationCounts = {
        ...(await partTotals(trx, c.id, partOf(a))),
        participatingCenti: centiOf(body.participatingArea),
        participatingPersons: body.participatingPersons,
        agreeingCenti: centiOf(body.agreeingArea),
        agreeingPersons: body.agreeingPersons,
      };
      if (consultationCountsProblem(counts)) {
        throw badRequest('fund.consultation_counts_invalid', {
          persons: counts.totalPersons,
          area: formatAreaM2(counts.totalCenti),
        });
      }
      return {
        status: consultationPassed(counts) ? ('consulted' as const) : ('rejected' as const),
        consulted_on: body.on,
        consultation_json: JSON.stringify(counts),
        consultation_note: body.note ?? null,
      };
    }
    case 'review_cost': {
      const cost = parseYuan(body.cost);
      if (cost === null || cost <= 0) throw badRequest('fund.amount_invalid', { amount: body.cost });
      return {
        reviewed_cost_fen: cost,
        reviewer: body.reviewer,
        review_report_no: body.reportNo,
        reviewed_on: body.on,
      };
    }
    case 'pay': {
      const account = await lockedAccount(trx, c.id, body.reference);
      const paid = await disburse(trx, audit, actor, now, {
        compoundId: c.id,
        accountId: account.id,
        reference: body.reference,
        title: a.title,
        costFen: Number(a.reviewed_cost_fen),
        paidOn: body.on,
        basis: 'application',
        decisionId: null,
        decisionTitle: null,
        emergencyId: null,
        applicationId: a.id,
        scope: a.scope,
        buildingIds: partOf(a),
      });
      return { status: 'paid' as const, payment_id: paid.payment.id };
    }
  }
}
