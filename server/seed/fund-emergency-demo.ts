// Demo emergency repairs on the maintenance fund (《上海市住宅物业管理规定》第七十三条), demo mode only: in the 花木
// compounds with an owners' assembly, reported by the serving property company through the fund service (the same
// rules and audit as users meet), with a clock set to the day each step happened:
// - the demo committee's compound: a water pump failure reported four days ago, the committee's 7 days running
//   (about three days left), and a roof leak of some weeks ago, approved by the committee, cost reviewed and
//   paid — shared by area over the building's unit ledgers;
// - another compound of the same company: a lift stopped by the inspection agency's notice, reported twelve days
//   ago, the committee silent: the district may now order the repair done on the owners' behalf (代为维修);
// and the use before the assembly (第七十一条第二款、第三款): seedFundApplications.
import { committeeReviewDeadline } from '../../domain/fund-emergency.js';
import { formatAreaM2 } from '../../domain/area.js';
import { addDays } from '../../domain/calendar.js';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/http/context.js';
import { workingCalendar } from '../platform/working-calendar.js';
import {
  actOnApplication,
  actOnEmergency,
  proposeApplication,
  reportEmergency,
} from '../modules/fund/fund.service.js';
import { demoCommitteeCompound } from './demo-accounts.js';

const DEMO_STREET = '310115016'; // 花木街道

const actorOf = (role: string, scopeType: string, scopeId: string) =>
  ({
    userId: 'seed',
    username: 'seed',
    displayName: '演示数据',
    grants: [{ role, scopeType, scopeId }],
    csrfToken: '',
    via: 'session',
  }) as Actor;

const at = (deps: Deps, day: string): Deps => {
  const when = new Date(`${day}T02:00:00Z`); // 10:00 in Shanghai
  return { ...deps, clock: { now: () => when } };
};

/** The company serving the compound on `today` (its latest contract that has started, 民法典第九百四十八条), or null. */
async function servingCompany(deps: Deps, compoundId: string, today: string) {
  const c = await deps.database.db
    .selectFrom('service_contracts')
    .select('company_id')
    .where('compound_id', '=', compoundId)
    .where('starts_on', '<=', today)
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return c?.company_id ?? null;
}

async function buildingsOf(deps: Deps, compoundId: string) {
  return deps.database.db
    .selectFrom('buildings')
    .select(['id', 'name'])
    .where('compound_id', '=', compoundId)
    .orderBy('name')
    .execute();
}

/** Seeds the three reports; returns how many payments it made (0 or 1) and how many reports. */
export async function seedFundEmergencies(
  deps: Deps,
  today: string,
): Promise<{ reports: number; payments: number }> {
  const result = { reports: 0, payments: 0 };
  const home = await demoCommitteeCompound(deps);
  if (!home) return result;
  const company = await servingCompany(deps, home.id, today);
  if (!company) return result;
  const reporter = actorOf('property_company', 'company', company);
  const committee = actorOf('owners_committee_member', 'compound', home.id);
  const buildings = await buildingsOf(deps, home.id);
  const cal = (await workingCalendar(deps.database.db)).calendar;

  // 1. Decided and paid some weeks ago: a roof leak in the building with the most left in its fund (鉴定机构's
  // certificate), so the lift repair's building stays as the top-up demo left it.
  const richest = await deps.database.db
    .selectFrom('fund_building_ledgers')
    .select('building_id')
    .where('building_id', 'in', buildings.length ? buildings.map((b) => b.id) : [''])
    .orderBy('balance_fen', 'desc')
    .orderBy('building_id')
    .executeTakeFirst();
  const roofBuilding = buildings.find((b) => b.id === richest?.building_id);
  if (roofBuilding) {
    const reported = addDays(today, -75);
    const leak = await reportEmergency(
      at(deps, reported),
      reporter,
      home.id,
      {
        situation: 'leak',
        title: `${roofBuilding.name}屋面渗漏抢修`,
        plan: '屋面防水层局部翻修，顶层三户室内墙面修复；施工期间设置安全围挡。',
        quotation: '48600',
        documentIssuer: '上海房屋质量检测站',
        documentNumber: `沪房检〔${reported.slice(0, 4)}〕第0917号`,
        buildingIds: [roofBuilding.id],
        safetyAffected: true,
        outsideWarranty: true,
        reportedOn: reported,
      },
      'seed',
    );
    const approved = await actOnEmergency(
      at(deps, addDays(reported, 3)),
      committee,
      leak.id,
      { action: 'approve', version: leak.version, on: addDays(reported, 3), note: '业委会会议审核同意' },
      'seed',
    );
    const reviewed = await actOnEmergency(
      at(deps, addDays(reported, 20)),
      committee,
      leak.id,
      {
        action: 'review_cost',
        version: approved.version,
        on: addDays(reported, 20),
        cost: '45230.50',
        reviewer: '上海申信工程造价咨询有限公司',
        reportNo: `申信审〔${reported.slice(0, 4)}〕0213`,
      },
      'seed',
    );
    const paidOn = addDays(reported, 26);
    await actOnEmergency(
      at(deps, paidOn),
      committee,
      leak.id,
      {
        action: 'pay',
        version: reviewed.version,
        on: paidOn,
        reference: `HM-${paidOn.replace(/-/g, '')}-EM1`,
      },
      'seed',
    );
    result.reports++;
    result.payments++;
  }

  // 2. Waiting for the committee: reported so that about three days of its 7 remain (a last day off moves).
  let reportedOn = addDays(today, -4);
  for (let back = 4; back <= 8; back++) {
    const day = addDays(today, -back);
    if (committeeReviewDeadline(cal, day) <= addDays(today, 3)) {
      reportedOn = day;
      break;
    }
  }
  await reportEmergency(
    at(deps, reportedOn),
    reporter,
    home.id,
    {
      situation: 'pump_tank',
      title: '二次供水水泵故障抢修',
      plan: '更换 2 号变频水泵及控制柜接触器，修复期间临时供水。',
      quotation: '18900',
      buildingIds: [],
      safetyAffected: true,
      outsideWarranty: true,
      reportedOn,
    },
    'seed',
  );
  result.reports++;

  // 3. The committee's 7 days passed in another assembly compound of the same company: the district may order.
  const other = await deps.database.db
    .selectFrom('service_contracts')
    .innerJoin('compounds', 'compounds.id', 'service_contracts.compound_id')
    .innerJoin('committees', 'committees.compound_id', 'compounds.id')
    .innerJoin('fund_accounts', 'fund_accounts.compound_id', 'compounds.id')
    .select(['compounds.id'])
    .where('compounds.street_code', '=', DEMO_STREET)
    .where('compounds.id', '!=', home.id)
    .where('service_contracts.company_id', '=', company)
    .orderBy('compounds.name')
    .executeTakeFirst();
  const silentIn = other && (await servingCompany(deps, other.id, today)) === company ? other.id : home.id;
  const lift = (await buildingsOf(deps, silentIn))[0];
  const silentOn = addDays(today, -12);
  await reportEmergency(
    at(deps, silentOn),
    reporter,
    silentIn,
    {
      situation: 'lift',
      title: `${lift?.name ?? ''}电梯制动器失效停运`,
      plan: '更换曳引机制动器及制动臂，修复后申请复检。',
      quotation: '36800',
      documentIssuer: '上海市特种设备监督检验技术研究院',
      documentNumber: `沪特检〔${silentOn.slice(0, 4)}〕整改字第1123号`,
      buildingIds: lift ? [lift.id] : [],
      safetyAffected: true,
      outsideWarranty: true,
      reportedOn: silentOn,
    },
    'seed',
  );
  result.reports++;
  return result;
}

/**
 * 第七十一条第二款、第三款 in the 花木 compound whose developer has reported but whose assembly is not formed yet:
 * the serving company's facade repair of one building, consulted by the residents' committee with that building's
 * owners, reviewed and paid by the district; and a drainage plan for the whole compound waiting for its
 * consultation.
 */
export async function seedFundApplications(
  deps: Deps,
  today: string,
): Promise<{ applications: number; payments: number }> {
  const result = { applications: 0, payments: 0 };
  const db = deps.database.db;
  const candidates = await db
    .selectFrom('gov_formations')
    .innerJoin('compounds', 'compounds.id', 'gov_formations.compound_id')
    .innerJoin('fund_accounts', 'fund_accounts.compound_id', 'compounds.id')
    .select(['compounds.id', 'gov_formations.report_on'])
    .where('compounds.street_code', '=', DEMO_STREET)
    .where('gov_formations.status', '!=', 'completed')
    .where('gov_formations.report_on', 'is not', null)
    .where('compounds.id', 'not in', (eb) => eb.selectFrom('committees').select('compound_id'))
    .orderBy('compounds.name')
    .execute();
  for (const { id, report_on } of candidates) {
    const company = await servingCompany(deps, id, today);
    if (!company) continue;
    const proposer = actorOf('property_company', 'company', company);
    const rc = actorOf('residents_committee', 'compound', id);
    const district = actorOf('district_office', 'district', '310115');
    const building = (await buildingsOf(deps, id))[0];
    if (!building) return result;
    // After the developer's report (the law's path starts there), some four weeks ago.
    const reported = addDays(report_on ?? today, 3);
    const proposedOn = reported > addDays(today, -30) ? reported : addDays(today, -30);
    // Too recent a report for the whole path to have happened (consult, review, pay): only the plans.
    if (addDays(proposedOn, 20) > today) continue;
    const facade = await proposeApplication(
      at(deps, proposedOn),
      proposer,
      id,
      {
        title: `${building.name}外墙空鼓修缮`,
        plan: '外墙面砖空鼓部位凿除重贴，设置防坠网；涉及本幢共用部分，由本幢业主讨论。',
        quotation: '26800',
        buildingIds: [building.id],
        proposedOn,
      },
      'seed',
    );
    // The building's area and owners, as the service counts them; four in five took part, most agreed.
    const units = await db
      .selectFrom('units')
      .select(['registered_area', 'surveyed_area', 'contract_area'])
      .where('building_id', '=', building.id)
      .execute();
    const centi = units.reduce(
      (s, u) => s + (u.registered_area ?? u.surveyed_area ?? u.contract_area ?? 0),
      0,
    );
    const owners = (
      await db
        .selectFrom('unit_owners')
        .innerJoin('units', 'units.id', 'unit_owners.unit_id')
        .select('unit_owners.owner_id')
        .distinct()
        .where('units.building_id', '=', building.id)
        .execute()
    ).length;
    const consultedOn = addDays(proposedOn, 10);
    const consulted = await actOnApplication(
      at(deps, consultedOn),
      rc,
      facade.id,
      {
        action: 'consult',
        version: facade.version,
        on: consultedOn,
        participatingArea: formatAreaM2(Math.floor((centi * 4) / 5)),
        participatingPersons: Math.ceil((owners * 4) / 5),
        agreeingArea: formatAreaM2(Math.floor((centi * 3) / 5)),
        agreeingPersons: Math.ceil((owners * 3) / 5),
        note: '书面征询本幢业主意见，结果张贴公示',
      },
      'seed',
    );
    const reviewedOn = addDays(consultedOn, 7);
    const reviewed = await actOnApplication(
      at(deps, reviewedOn),
      district,
      facade.id,
      {
        action: 'review_cost',
        version: consulted.version,
        on: reviewedOn,
        cost: '25120.00',
        reviewer: '上海市房屋管理局指定审价机构 · 上海申信工程造价咨询有限公司',
        reportNo: `申信审〔${reviewedOn.slice(0, 4)}〕0388`,
      },
      'seed',
    );
    if (reviewed.status === 'consulted') {
      const paidOn = addDays(reviewedOn, 3);
      await actOnApplication(
        at(deps, paidOn),
        district,
        facade.id,
        {
          action: 'pay',
          version: reviewed.version,
          on: paidOn,
          reference: `HM-${paidOn.replace(/-/g, '')}-Y71`,
        },
        'seed',
      );
      result.payments++;
    }
    const drainOn = addDays(today, -2) > proposedOn ? addDays(today, -2) : proposedOn;
    await proposeApplication(
      at(deps, drainOn),
      proposer,
      id,
      {
        title: '小区雨污水管道疏通及破损段更换',
        plan: '全体共用的雨污水管道CCTV检测后疏通，更换破损管段约 60 米。',
        quotation: '58600',
        proposedOn: drainOn,
      },
      'seed',
    );
    result.applications += 2;
    return result;
  }
  return result;
}
