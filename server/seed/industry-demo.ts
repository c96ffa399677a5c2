// Demo property-service industry (demo mode only): profiles with valid unified social credit codes (GB 32100) for
// the companies serving 花木 (the `wuye` account's company first), a qualification grade of the past (资质, a dated
// fact), four project managers with their postings (one moved), contracts of 花木 in every filing state of
// 《上海市住宅物业管理规定》第四十四条 (one overdue, one expiring within 90 days), and credit records: a published bad
// record against the `wuye` company's project office, a published good record, one awaiting the district's
// confirmation, and one under a pending objection. Everything but the contracts' dates goes through the
// industry services (audited, the same rules as users meet), with a clock set to the day each step happened.
import { addDays, shanghaiDate } from '../../domain/calendar.js';
import { creditCodeCheckChar } from '../../domain/credit.js';
import type { Grant } from '../../domain/access.js';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/http/context.js';
import * as industry from '../modules/industry/industry.service.js';
import { demoJourneyCompound } from './demo-accounts.js';

const DEMO_STREET = '310115016'; // 花木街道
const DISTRICT = '310115';

const actor = (username: string, displayName: string, grants: Grant[]): Actor => ({
  userId: 'seed',
  username,
  displayName,
  grants,
  csrfToken: '',
  via: 'session',
});
const DISTRICT_ACTOR = actor('seed', '浦东新区房管局（演示数据）', [
  { role: 'district_office', scopeType: 'district', scopeId: DISTRICT },
]);
const STREET_ACTOR = actor('seed', '花木街道房管办（演示数据）', [
  { role: 'street_office', scopeType: 'street', scopeId: DEMO_STREET },
]);
const companyActor = (id: string) =>
  actor('seed', '物业服务企业（演示数据）', [
    { role: 'property_company', scopeType: 'company', scopeId: id },
  ]);

const at = (deps: Deps, day: string): Deps => {
  const when = new Date(`${day}T02:00:00Z`); // 10:00 in Shanghai
  return { ...deps, clock: { now: () => when } };
};

/** A valid code: 9 (工商) 1 (企业), the district, an organisation code MA1G + 5 digits, the check character. */
export const demoCreditCode = (i: number) => {
  const first17 = `91${DISTRICT}MA1G${String(10000 + i * 37).padStart(5, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
};

export interface IndustryDemoResult {
  profiles: number;
  managers: number;
  records: number;
}

const MANAGERS = ['项目经理 孙立', '项目经理 吴敏', '项目经理 郑浩', '项目经理 冯洁'];

export async function seedIndustryDemo(deps: Deps): Promise<IndustryDemoResult> {
  const db = deps.database.db;
  const today = shanghaiDate(deps.clock.now());
  const journey = await demoJourneyCompound(deps);
  const contracts = await db
    .selectFrom('service_contracts')
    .innerJoin('compounds', 'compounds.id', 'service_contracts.compound_id')
    .select([
      'service_contracts.id',
      'service_contracts.compound_id',
      'service_contracts.company_id',
      'service_contracts.project_office_id',
      'compounds.street_code',
    ])
    .where('compounds.district_code', '=', DISTRICT)
    .orderBy('compounds.name')
    .orderBy('service_contracts.id')
    .execute()
    // 花木's first (the demo's street), then the rest of the district.
    .then((rows) =>
      [...rows].sort((a, b) => Number(b.street_code === DEMO_STREET) - Number(a.street_code === DEMO_STREET)),
    );
  const wuyeContract = contracts.find((c) => c.compound_id === journey?.id) ?? contracts[0];
  if (!wuyeContract) return { profiles: 0, managers: 0, records: 0 };
  const heads = [wuyeContract.company_id, ...new Set(contracts.map((c) => c.company_id))].filter(
    (id, i, all) => all.indexOf(id) === i,
  );
  const result: IndustryDemoResult = { profiles: 0, managers: 0, records: 0 };
  const seedDay = at(deps, addDays(today, -200));

  for (const [i, id] of heads.slice(0, 4).entries()) {
    await industry.saveProfile(
      seedDay,
      DISTRICT_ACTOR,
      id,
      {
        creditCode: demoCreditCode(i),
        registeredAddress: `上海市浦东新区${['张杨路', '世纪大道', '锦绣路', '东方路'][i]} ${100 + i * 11} 号`,
        legalRepresentative: ['王建国', '李红', '陈志强', '周丽'][i],
        staffCount: 120 + i * 45,
      },
      'seed',
    );
    result.profiles++;
  }
  await industry.addQualification(
    seedDay,
    DISTRICT_ACTOR,
    wuyeContract.company_id,
    {
      grade: '一级',
      certificateNo: '沪物管资 2005-0118',
      grantedOn: '2005-06-01',
      endedOn: '2018-03-01',
      note: '资质取消前的等级',
    },
    'seed',
  );

  await seedContracts(deps, contracts, wuyeContract.id, today);
  const managerIds = await seedManagers(deps, contracts, heads, today);
  result.managers = managerIds.length;
  result.records = await seedRecords(deps, contracts, wuyeContract, heads, managerIds, today);
  return result;
}

/** Contracts (花木's first) in every filing state (the seed's are filed on the 20th): late, due, overdue, unsigned, expiring. */
async function seedContracts(deps: Deps, contracts: { id: string }[], wuyeContractId: string, today: string) {
  const db = deps.database.db;
  const others = contracts.filter((c) => c.id !== wuyeContractId);
  const set = (id: string | undefined, changes: Record<string, string | number | null>) =>
    id ? db.updateTable('service_contracts').set(changes).where('id', '=', id).execute() : Promise.resolve();
  // The wuye company's own contract: renewed 45 days ago at ¥2.80/m²·month and not yet filed — overdue.
  await set(wuyeContractId, { signed_on: addDays(today, -45), filed_on: null, fee_fen_per_m2_month: 280 });
  await set(others[0]?.id, { signed_on: addDays(today, -10), filed_on: null, fee_fen_per_m2_month: 250 }); // due
  await set(others[1]?.id, {
    signed_on: addDays(today, -120),
    filed_on: addDays(today, -70),
    fee_fen_per_m2_month: 195,
  }); // filed late
  await set(others[2]?.id, { kind: 'preliminary', signed_on: null, filed_on: null }); // 前期, signing not recorded
  await set(others[3]?.id, { ends_on: addDays(today, 60), fee_fen_per_m2_month: 320 }); // expiring within 90 days
}

async function seedManagers(
  deps: Deps,
  contracts: { compound_id: string; company_id: string }[],
  heads: string[],
  today: string,
) {
  const ids: string[] = [];
  for (const [i, name] of MANAGERS.entries()) {
    const companyId = heads[i < 2 ? 0 : 1] ?? heads[0];
    const served = contracts.filter((c) => c.company_id === companyId);
    const d = at(deps, addDays(today, -400));
    const { id } = await industry.registerManager(
      d,
      companyActor(companyId),
      {
        companyId,
        name,
        certificateNo: `沪物业经理 ${2015 + i}-${String(300 + i * 7).padStart(4, '0')}`,
        phone: `1390000${String(1000 + i * 111)}`,
      },
      'seed',
    );
    ids.push(id);
    if (served[i % 2]) {
      const from = addDays(today, -380 + i * 10);
      await industry.postManager(
        at(deps, from),
        companyActor(companyId),
        id,
        { compoundId: served[i % 2].compound_id, fromOn: from },
        'seed',
      );
    }
    // The second manager moved to another compound of the company (the posting history shows both).
    if (i === 1 && served[2]) {
      const from = addDays(today, -90);
      await industry.postManager(
        at(deps, from),
        companyActor(companyId),
        id,
        { compoundId: served[2].compound_id, fromOn: from },
        'seed',
      );
    }
  }
  return ids;
}

type Contract = {
  compound_id: string;
  company_id: string;
  project_office_id: string | null;
  street_code: string;
};
/** The street office enters what happened in 花木; the district what happened elsewhere. */
const entererOf = (c: Contract) => (c.street_code === DEMO_STREET ? STREET_ACTOR : DISTRICT_ACTOR);

interface RecordSpec {
  enteredOn: string;
  by: Actor;
  body: Parameters<typeof industry.enterRecord>[2];
  confirmedOn?: string;
  objection?: { on: string; by: string; reason: string };
}

/** Credit records: published bad and good, one awaiting confirmation, one under a pending objection. */
async function seedRecords(
  deps: Deps,
  contracts: Contract[],
  wuye: Contract,
  heads: string[],
  managerIds: string[],
  today: string,
) {
  const other = heads[1] ?? heads[0];
  const otherContract = contracts.find((c) => c.company_id === other) ?? wuye;
  const third = heads[2] ?? other;
  const thirdContract = contracts.find((c) => c.company_id === third) ?? otherContract;
  const day = (n: number) => addDays(today, n);
  const officeOf = (c: Contract) => c.project_office_id ?? c.company_id;
  const specs: RecordSpec[] = [
    // Published bad record against the wuye company's project office: counts against its head company.
    {
      enteredOn: day(-60),
      by: entererOf(wuye),
      confirmedOn: day(-58),
      body: {
        ruleCode: 'reception',
        companyId: officeOf(wuye),
        compoundId: wuye.compound_id,
        facts: '连续两个周末物业服务中心无人接待，业主报修无人受理',
        evidence: '12345 工单 4 件；街道房管办周末现场检查记录及照片',
        source: '花木街道房管办现场检查',
        occurredOn: day(-64),
      },
    },
    // Published good record of another company.
    {
      enteredOn: day(-150),
      by: DISTRICT_ACTOR,
      confirmedOn: day(-150),
      body: {
        ruleCode: 'model_project',
        companyId: officeOf(otherContract),
        compoundId: otherContract.compound_id,
        facts: '获评浦东新区物业管理示范项目',
        evidence: '区房管局示范项目公布文件',
        source: '浦东新区房屋管理局',
        occurredOn: day(-155),
      },
    },
    // A manager's good record, published.
    ...(managerIds[0]
      ? [
          {
            enteredOn: day(-100),
            by: DISTRICT_ACTOR,
            confirmedOn: day(-99),
            body: {
              ruleCode: 'pm_award',
              managerId: managerIds[0],
              facts: '年度优秀项目经理',
              evidence: '区物业管理行业协会表彰通知',
              source: '浦东新区物业管理行业协会',
              occurredOn: day(-105),
            },
          },
        ]
      : []),
    // Awaiting the district's confirmation.
    {
      enteredOn: day(-3),
      by: entererOf(wuye),
      body: {
        ruleCode: 'decoration',
        companyId: wuye.company_id,
        compoundId: wuye.compound_id,
        facts: '12 号楼住户违规拆除承重墙，物业未及时发现、劝阻和报告',
        evidence: '城管执法立案材料；物业巡查记录缺失',
        source: '12345 工单转办',
        occurredOn: day(-10),
      },
    },
    // Published, then objected to by the company: the objection is pending.
    {
      enteredOn: day(-20),
      by: entererOf(thirdContract),
      confirmedOn: day(-15),
      objection: { on: day(-12), by: third, reason: '所涉车位为业主大会决定临时对外开放，附业主大会决议' },
      body: {
        ruleCode: 'common_use',
        companyId: officeOf(thirdContract),
        compoundId: thirdContract.compound_id,
        facts: '擅自将小区地面停车位出租给外部车辆经营',
        evidence: '业主投诉 6 件；现场照片；收费收据',
        source: '花木街道房管办',
        occurredOn: day(-25),
      },
    },
  ];
  for (const spec of specs) {
    const { id } = await industry.enterRecord(at(deps, spec.enteredOn), spec.by, spec.body, 'seed');
    if (spec.confirmedOn)
      await industry.confirmRecord(at(deps, spec.confirmedOn), DISTRICT_ACTOR, id, { version: 1 }, 'seed');
    if (spec.objection)
      await industry.objectToRecord(
        at(deps, spec.objection.on),
        companyActor(spec.objection.by),
        id,
        { reason: spec.objection.reason },
        'seed',
      );
  }
  return specs.length;
}
