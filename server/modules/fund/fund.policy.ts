// Who may see and do what with a compound's maintenance fund (专项维修资金), from role grants and the compound's
// place (domain/access.ts holds the table):
// - see the account, the building and unit ledgers and the payments: the district and city offices, the street
//   office, the residents' committee, a member of the compound's owners' committee, the administrator;
// - open the account and record deposits, interest and top-ups: the district office (区房屋行政管理部门, which
//   keeps the fund accounts), the administrator;
// - record a disbursement on a passed use decision: a member of the compound's owners' committee (it instructs
//   the bank, Art 69);
// - an owner: the ledgers of the units the account owns.
import { allows, grantsWith, ownerIdsOf, type Permission } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';

export interface FundPlace {
  id: string;
  street_code: string;
  district_code: string;
}

const may = (actor: Actor, permission: Permission, c: FundPlace) =>
  allows(actor.grants, permission, {
    districtCode: c.district_code,
    streetCode: c.street_code,
    compoundId: c.id,
  });

/** A compound whose fund the actor may not see is "not found" (no existence leak). */
export function requireFundView(actor: Actor, c: FundPlace): void {
  if (!may(actor, 'fund.view', c)) throw notFound('fund.compound_not_found');
}

export function requireFundManager(actor: Actor, c: FundPlace): void {
  requireFundView(actor, c);
  if (!may(actor, 'fund.manage', c)) throw new AppError('fund.manage_forbidden', 403);
}

export function requireFundPayer(actor: Actor, c: FundPlace): void {
  requireFundView(actor, c);
  if (!may(actor, 'fund.pay', c)) throw new AppError('fund.pay_forbidden', 403);
}

export const mayManage = (actor: Actor, c: FundPlace) => may(actor, 'fund.manage', c);
export const mayPay = (actor: Actor, c: FundPlace) => may(actor, 'fund.pay', c);

/** Owner ids of an owner account (fund.own on its own_units grants); refused when it has none. */
export function requireOwnFund(actor: Actor): string[] {
  const ids = ownerIdsOf(grantsWith(actor.grants, 'fund.own'));
  if (ids.length === 0) throw new AppError('auth.forbidden', 403);
  return ids;
}

/**
 * What the actor may do with the compound's emergency reports (《规定》第七十三条): the serving property company
 * reports (its contract in force names it: `servingOrgIds`); the owners' committee approves and pays with an
 * assembly; the 房管机构 (the street's 房管办, or the district) approves before it; the district housing authority
 * orders 代为维修 and pays directly. Everyone who sees the fund, and the reporting company, sees the reports.
 */
export function emergencyRights(actor: Actor, c: FundPlace, servingOrgIds: readonly string[]) {
  const report = allows(actor.grants, 'fund.report', { orgIds: servingOrgIds });
  return {
    view: report || may(actor, 'fund.view', c),
    report,
    committee: may(actor, 'fund.pay', c),
    housing: may(actor, 'fund.housing', c),
    district: may(actor, 'fund.manage', c),
  };
}
export type EmergencyRights = ReturnType<typeof emergencyRights>;

/**
 * What the actor may do with the compound's use applications before the assembly exists (《规定》第七十一条第二款、
 * 第三款): the serving property company proposes the plan; the residents' committee of the compound consults the
 * owners (`fund.consult`); the district housing authority, which keeps the account, records the named
 * intermediary's review and pays (`fund.manage`). Everyone who sees the fund, and the proposing company, sees them.
 */
export function applicationRights(actor: Actor, c: FundPlace, servingOrgIds: readonly string[]) {
  const propose = allows(actor.grants, 'fund.report', { orgIds: servingOrgIds });
  return {
    view: propose || may(actor, 'fund.view', c),
    propose,
    consult: may(actor, 'fund.consult', c),
    district: may(actor, 'fund.manage', c),
  };
}
export type ApplicationRights = ReturnType<typeof applicationRights>;
