// Who may see and do what in the property-service industry (domain/access.ts holds the table). Offices with
// industry.view (city, district, street) see every company's profile and published records — the market is
// city-wide and published records are public anyway; a property company sees its own tree (company → branch →
// project office) only. Records before publication: the district and street where they were entered, and the
// company concerned. The district (区房管, industry.manage) keeps profiles, records filings, confirms records
// and decides objections and corrections — only the district a record belongs to; street and district enter
// records (industry.record); the company answers for itself (industry.respond). Out of reach = "not found".
import { allows, isLocationGrant, roleHas, type Permission } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';

/** A company's place: its district (the division it is registered in) and its org chain (itself and ancestors). */
export interface OrgPlace {
  districtCode: string;
  streetCode: string | null;
  orgIds: readonly string[];
}

/** A record's place: the district that confirms it, the street and compound where it happened, the org chain. */
export interface RecordPlace extends OrgPlace {
  compoundId: string | null;
  published: boolean;
}

const may = (actor: Actor, permission: Permission, p: OrgPlace & { compoundId?: string | null }) =>
  allows(actor.grants, permission, p);

const officeWith = (actor: Actor, permission: Permission) =>
  actor.grants.some((g) => isLocationGrant(g) && roleHas(g.role, permission));

/** Offices see every company; a company only its own tree. */
export const mayViewCompany = (actor: Actor, p: OrgPlace) =>
  officeWith(actor, 'industry.view') ||
  may(actor, 'industry.view', { ...p, districtCode: '', streetCode: null });

export function requireCompanyView(actor: Actor, p: OrgPlace): void {
  if (!mayViewCompany(actor, p)) throw notFound('industry.company_not_found');
}

/** The company's district keeps its profile and qualification facts. */
export function requireCompanyManage(actor: Actor, p: OrgPlace): void {
  requireCompanyView(actor, p);
  if (!may(actor, 'industry.manage', { ...p, orgIds: [] }))
    throw new AppError('industry.manage_forbidden', 403);
}

/** The company itself (its tree) or its district. */
export function requireCompanyRespond(actor: Actor, p: OrgPlace): void {
  requireCompanyView(actor, p);
  const own = may(actor, 'industry.respond', { districtCode: '', streetCode: null, orgIds: p.orgIds });
  if (!own && !may(actor, 'industry.manage', { ...p, orgIds: [] }))
    throw new AppError('industry.respond_forbidden', 403);
}

/** Published: whoever sees the company; before: the entering district and street, and the company itself. */
export function mayViewRecord(actor: Actor, r: RecordPlace): boolean {
  if (!mayViewCompany(actor, r)) return false;
  if (r.published) return true;
  return may(actor, 'industry.view', r) || may(actor, 'industry.respond', r);
}

export function requireRecordView(actor: Actor, r: RecordPlace): void {
  if (!mayViewRecord(actor, r)) throw notFound('industry.record_not_found');
}

export const mayManageRecord = (actor: Actor, r: RecordPlace) =>
  may(actor, 'industry.manage', { districtCode: r.districtCode, streetCode: null, orgIds: [] });

/** Only the record's district confirms it and decides on its objection and correction. */
export function requireRecordManage(actor: Actor, r: RecordPlace): void {
  requireRecordView(actor, r);
  if (!mayManageRecord(actor, r)) throw new AppError('industry.manage_forbidden', 403);
}

export const mayRespondToRecord = (actor: Actor, r: RecordPlace) =>
  may(actor, 'industry.respond', { districtCode: '', streetCode: null, orgIds: r.orgIds });

export function requireRecordRespond(actor: Actor, r: RecordPlace): void {
  requireRecordView(actor, r);
  if (!mayRespondToRecord(actor, r)) throw new AppError('industry.respond_forbidden', 403);
}

/** Entering a record where it happened (a street office its street, a district its district). */
export function requireRecordEnter(actor: Actor, p: OrgPlace & { compoundId: string | null }): void {
  if (!may(actor, 'industry.record', { ...p, orgIds: [] }))
    throw new AppError('industry.record_forbidden', 403);
}

/** A contract: the compound's district files it and may correct its terms; the serving company states them. */
export interface ContractPlace extends OrgPlace {
  compoundId: string;
}

export function requireContractView(actor: Actor, c: ContractPlace): void {
  if (!may(actor, 'industry.view', c)) throw notFound('industry.contract_not_found');
}

export function requireContractFiling(actor: Actor, c: ContractPlace): void {
  requireContractView(actor, c);
  if (!may(actor, 'industry.manage', { ...c, orgIds: [] }))
    throw new AppError('industry.manage_forbidden', 403);
}

export function requireContractEdit(actor: Actor, c: ContractPlace): void {
  requireContractView(actor, c);
  const own = may(actor, 'industry.respond', { districtCode: '', streetCode: null, orgIds: c.orgIds });
  if (!own && !may(actor, 'industry.manage', { ...c, orgIds: [] }))
    throw new AppError('industry.respond_forbidden', 403);
}
