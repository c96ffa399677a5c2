// What the industry's parts share: today in Shanghai, loading a company, manager, record or contract with its
// place (the policy's input), and the head company of an organisation (a branch's record counts against it).
import { shanghaiDate } from '../../../domain/calendar.js';
import type { Deps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/database.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import type { CreditRecordTable } from '../../platform/db/schema-industry.js';
import type { OrgPlace, RecordPlace } from './industry.policy.js';
import * as repo from './industry.repo.js';

export const todayOf = (deps: Deps) => shanghaiDate(deps.clock.now());

export function notAfterToday(deps: Deps, date: string) {
  if (date > todayOf(deps)) throw badRequest('industry.date_in_future', { date });
}

const isCompanyType = (t: string) => (repo.COMPANY_TYPES as readonly string[]).includes(t);

/** An organisation of the property-company tree with its place and head company; 404 otherwise. */
export async function loadCompany(db: Executor, id: string) {
  const o = await repo.org(db, id);
  if (!o || !isCompanyType(o.type)) throw notFound('industry.company_not_found');
  const chain = await repo.ancestorsOf(db, id);
  const head = [...chain].reverse().find((c) => c.type === 'property_company') ?? chain[0];
  const place: OrgPlace = {
    districtCode: o.division_code.slice(0, 6),
    streetCode: o.division_code.length >= 9 ? o.division_code.slice(0, 9) : null,
    orgIds: chain.map((c) => c.id),
  };
  return { org: o, head, chain, place };
}

export async function loadManager(db: Executor, id: string) {
  const m = await repo.manager(db, id);
  if (!m) throw notFound('industry.manager_not_found');
  return { manager: m, company: await loadCompany(db, m.company_id) };
}

/** A record's place; `chains` caches org chains across the records of one list (one lookup per organisation). */
export async function recordPlace(
  db: Executor,
  r: CreditRecordTable,
  chains?: Map<string, Awaited<ReturnType<typeof repo.ancestorsOf>>>,
): Promise<RecordPlace> {
  let chain = chains?.get(r.company_id);
  if (!chain) {
    chain = await repo.ancestorsOf(db, r.company_id);
    chains?.set(r.company_id, chain);
  }
  return {
    districtCode: r.district_code,
    streetCode: r.street_code,
    compoundId: r.compound_id,
    orgIds: chain.map((c) => c.id),
    published: r.status === 'published' || r.status === 'corrected',
  };
}

export async function loadRecord(db: Executor, id: string) {
  const r = await repo.record(db, id);
  if (!r) throw notFound('industry.record_not_found');
  return { record: r, place: await recordPlace(db, r) };
}

export async function loadContract(db: Executor, id: string) {
  const c = await repo.contract(db, id);
  if (!c) throw notFound('industry.contract_not_found');
  const chains = await Promise.all(
    [c.company_id, c.project_office_id].filter((x): x is string => !!x).map((x) => repo.ancestorsOf(db, x)),
  );
  const place = {
    districtCode: c.district_code,
    streetCode: c.street_code,
    compoundId: c.compound_id,
    orgIds: [...new Set(chains.flat().map((x) => x.id))],
  };
  return { contract: c, place };
}
