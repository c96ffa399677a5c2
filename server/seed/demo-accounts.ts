// Demo accounts, created only in demo mode (never in production).
import type { Grant } from '../../domain/access.js';
import { addMonths, shanghaiDate } from '../../domain/calendar.js';
import type { Deps } from '../platform/deps.js';
import { createAccount } from '../modules/users/users.service.js';
import { DEMO_PASSWORD } from '../modules/auth/auth.service.js';

export { DEMO_PASSWORD };

export interface DemoAccount {
  username: string;
  displayName: string;
  describe: string;
  grants: Grant[];
}

/** The compound the demo's street journeys start from (花木's first by name); it stays without governance data. */
export async function demoJourneyCompound(deps: Deps) {
  return deps.database.db
    .selectFrom('compounds')
    .select(['id', 'name'])
    .where('street_code', '=', '310115016')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
}

/**
 * A 花木 compound whose committee is in term and not near 换届 (demo governance data only): the owners'
 * committee account's compound, and the demo owner's, with an open decision (governance-demo.ts).
 */
export async function demoCommitteeCompound(deps: Deps) {
  return deps.database.db
    .selectFrom('committees')
    .innerJoin('compounds', 'compounds.id', 'committees.compound_id')
    .select(['compounds.id', 'compounds.name'])
    .where('compounds.street_code', '=', '310115016')
    .where('committees.status', '=', 'current')
    .where('committees.term_ends_on', '>', addMonths(shanghaiDate(deps.clock.now()), 6))
    .orderBy('compounds.name')
    .limit(1)
    .executeTakeFirst();
}

/** The demo owner of a compound: its first private owner by name, with one of its units. */
export async function demoOwnerIn(deps: Deps, compoundId: string) {
  return deps.database.db
    .selectFrom('unit_owners')
    .innerJoin('owners', 'owners.id', 'unit_owners.owner_id')
    .innerJoin('units', 'units.id', 'unit_owners.unit_id')
    .select(['owners.id', 'owners.name', 'units.building_id'])
    .where('unit_owners.compound_id', '=', compoundId)
    .where('owners.kind', '=', 'person')
    .orderBy('owners.name')
    .orderBy('units.id')
    .limit(1)
    .executeTakeFirst();
}

/** Picks concrete scopes from the seeded data so every role has something real to look at. */
export async function demoAccounts(deps: Deps): Promise<DemoAccount[]> {
  const db = deps.database.db;
  const firstOrg = async (type: string, kind?: string) => {
    let q = db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('type', '=', type)
      .where('division_code', 'like', '310115%');
    if (kind) q = q.where('kind', '=', kind);
    return q.orderBy('name').limit(1).executeTakeFirst();
  };
  const huamuCompound = await demoJourneyCompound(deps);
  const committeeCompound = await demoCommitteeCompound(deps);
  const company = await db
    .selectFrom('service_contracts')
    .innerJoin('organisations', 'organisations.id', 'service_contracts.company_id')
    .select(['organisations.id', 'organisations.name'])
    .where('service_contracts.compound_id', '=', huamuCompound?.id ?? '')
    .executeTakeFirst();
  // The company serving the committee's compound (its latest contract started), when it is another company: it
  // reports emergency repairs there for the committee to decide (《规定》第七十三条).
  const committeeCompany = await db
    .selectFrom('service_contracts')
    .innerJoin('organisations', 'organisations.id', 'service_contracts.company_id')
    .select(['organisations.id', 'organisations.name'])
    .where('service_contracts.compound_id', '=', committeeCompound?.id ?? '')
    .where('service_contracts.starts_on', '<=', shanghaiDate(deps.clock.now()))
    .orderBy('service_contracts.starts_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  const chengguan = await firstOrg('department', 'urbanManagementEnforcement');
  // The bureau's 花木 squadron (中队), a unit beneath it that handles the street's cases.
  const squadron = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('type', '=', 'department')
    .where('kind', '=', 'urbanManagementEnforcement')
    .where('division_code', '=', '310115016')
    .where('parent_id', 'is not', null)
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
  // The owner lives where there is something to vote on and a notice board (the committee's compound) when the
  // governance demo data exists; else in the journey compound.
  const ownerCompound = committeeCompound ?? huamuCompound;
  const owner = ownerCompound ? await demoOwnerIn(deps, ownerCompound.id) : undefined;

  const accounts: DemoAccount[] = [
    {
      username: 'admin',
      displayName: '系统管理员',
      describe: 'administrator (city)',
      grants: [{ role: 'admin', scopeType: 'city', scopeId: 'all' }],
    },
    {
      username: 'city',
      displayName: '市联席办 王主任',
      describe: 'city office',
      grants: [{ role: 'city_office', scopeType: 'city', scopeId: 'all' }],
    },
    {
      username: 'pudong',
      displayName: '浦东新区房管局 李科长',
      describe: 'district office, 浦东新区',
      grants: [{ role: 'district_office', scopeType: 'district', scopeId: '310115' }],
    },
    {
      username: 'huamu',
      displayName: '花木街道房管办 张老师',
      describe: 'street office, 花木街道',
      grants: [{ role: 'street_office', scopeType: 'street', scopeId: '310115016' }],
    },
    {
      username: 'zhangjiang',
      displayName: '张江镇房管办 陈老师',
      describe: 'street office, 张江镇',
      grants: [{ role: 'street_office', scopeType: 'street', scopeId: '310115125' }],
    },
    {
      username: 'hotline',
      displayName: '12345 话务员',
      describe: 'hotline operator',
      grants: [{ role: 'hotline_operator', scopeType: 'city', scopeId: 'all' }],
    },
    {
      username: 'grid',
      displayName: '花木街道网格员 赵师傅',
      describe: 'grid inspector, 花木街道',
      grants: [{ role: 'grid_inspector', scopeType: 'street', scopeId: '310115016' }],
    },
    {
      username: 'tiaojie',
      displayName: '花木街道人民调解员 刘阿姨',
      describe: "people's mediator (人民调解员), 花木街道",
      grants: [{ role: 'mediator', scopeType: 'street', scopeId: '310115016' }],
    },
  ];
  if (huamuCompound)
    accounts.push({
      username: 'rc',
      displayName: '居委会 周书记',
      describe: `residents' committee, ${huamuCompound.name}`,
      grants: [{ role: 'residents_committee', scopeType: 'compound', scopeId: huamuCompound.id }],
    });
  if (company)
    accounts.push({
      username: 'wuye',
      displayName: `${company.name} 项目经理`,
      describe: `property company, ${company.name}`,
      grants: [{ role: 'property_company', scopeType: 'company', scopeId: company.id }],
    });
  if (committeeCompany && committeeCompany.id !== company?.id)
    accounts.push({
      username: 'wuye2',
      displayName: `${committeeCompany.name} 项目经理`,
      describe: `property company, ${committeeCompany.name} (serves ${committeeCompound!.name})`,
      grants: [{ role: 'property_company', scopeType: 'company', scopeId: committeeCompany.id }],
    });
  if (chengguan)
    accounts.push({
      username: 'chengguan',
      displayName: `${chengguan.name}`,
      describe: 'department, 城管执法',
      grants: [{ role: 'department', scopeType: 'department', scopeId: chengguan.id }],
    });
  if (squadron)
    accounts.push({
      username: 'zhongdui',
      displayName: `${squadron.name} 队员 陈队长`,
      describe: 'department squadron under the bureau, 花木街道',
      grants: [{ role: 'department', scopeType: 'department', scopeId: squadron.id }],
    });
  if (committeeCompound)
    accounts.push({
      username: 'yeweihui',
      displayName: '业委会 王主任',
      describe: `owners' committee member, ${committeeCompound.name}`,
      grants: [{ role: 'owners_committee_member', scopeType: 'compound', scopeId: committeeCompound.id }],
    });
  if (owner)
    accounts.push({
      username: 'owner',
      displayName: owner.name,
      describe: `owner in ${ownerCompound!.name}`,
      grants: [{ role: 'owner', scopeType: 'own_units', scopeId: owner.id }],
    });
  return accounts;
}

export async function seedDemoAccounts(deps: Deps): Promise<DemoAccount[]> {
  const accounts = await demoAccounts(deps);
  for (const a of accounts) {
    await createAccount(
      deps,
      { id: null, name: 'seed' },
      {
        username: a.username,
        displayName: a.displayName,
        password: DEMO_PASSWORD,
        locale: 'zh-CN',
        phone: null,
        roles: a.grants,
      },
      null,
    );
  }
  return accounts;
}
