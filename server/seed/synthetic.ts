// Deterministic, plausible synthetic registry data on the real division codes.
// Same scale + seed → same rows (ids included), so demo screenshots and benchmarks are repeatable.
import { createHash } from 'node:crypto';
import type { Database } from '../platform/db/database.js';
import { bulkInserter } from '../platform/db/bulk.js';
import type { DB } from '../platform/db/schema.js';
import { seedDivisions, shanghaiDivisions } from './reference.js';

export type Scale = 'test' | 'demo' | 'district' | 'city';

export interface ScaleSpec {
  districts: string[] | 'all';
  compounds: number;
  unitsPerCompound: number; // average
}

export const SCALES: Record<Scale, ScaleSpec> = {
  test: { districts: ['310115'], compounds: 40, unitsPerCompound: 24 }, // fast, for automated tests
  demo: { districts: ['310115'], compounds: 300, unitsPerCompound: 160 },
  district: { districts: ['310115'], compounds: 2600, unitsPerCompound: 660 },
  city: { districts: 'all', compounds: 12000, unitsPerCompound: 667 },
};

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

/**
 * Deterministic UUID-shaped ids. The leading 48 bits count up (like UUIDv7's timestamp), so inserts
 * append to the primary-key B-trees instead of landing on random pages — at city scale that is the
 * difference between minutes and hours.
 */
function idMaker(seed: number) {
  let n = 0;
  const base = 0x019a_0000_0000 + (seed % 0xffff) * 0x1_0000_0000;
  return (kind: string) => {
    const counter = (base + n).toString(16).padStart(12, '0');
    const h = createHash('sha1').update(`${seed}:${kind}:${n++}`).digest('hex');
    return `${counter.slice(0, 8)}-${counter.slice(8, 12)}-7${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强玉兰海燕文欣怡子涵浩然梓萱宇轩雨桐俊杰思远佳琪晓东美玲国强丽华婷雪梅红卫晨阳';
const NAME_A = [
  '锦绣',
  '阳光',
  '金桥',
  '世纪',
  '东方',
  '滨江',
  '绿洲',
  '春申',
  '明珠',
  '翠湖',
  '碧云',
  '香樟',
  '浦江',
  '梅园',
  '御景',
  '华夏',
  '康桥',
  '银杏',
  '海富',
  '中邦',
  '联洋',
  '仁恒',
  '仕嘉',
  '菊园',
  '潍坊',
  '崂山',
  '竹园',
  '南泉',
  '东绣',
  '源深',
  '罗山',
  '张杨',
  '杨高',
  '锦安',
  '德州',
  '上南',
  '齐河',
  '昌里',
  '云台',
  '长清',
];
const NAME_B = [
  '花园',
  '新村',
  '公寓',
  '苑',
  '小区',
  '家园',
  '雅苑',
  '名邸',
  '城',
  '华庭',
  '佳苑',
  '景苑',
  '一村',
  '二村',
  '三村',
  '大厦',
  '小镇',
  '里',
];
const ROADS = [
  '张杨路',
  '浦东大道',
  '世纪大道',
  '东方路',
  '杨高中路',
  '锦绣路',
  '花木路',
  '龙阳路',
  '金桥路',
  '川沙路',
  '周浦路',
  '沪南公路',
  '上南路',
  '昌里路',
  '德州路',
  '源深路',
  '崂山路',
  '灵山路',
  '云山路',
  '博山路',
];
const COMPANY_A = [
  '东湖',
  '陆家嘴',
  '金桥',
  '浦江',
  '万科',
  '绿城',
  '保利',
  '中海',
  '长城',
  '科瑞',
  '上房',
  '明华',
  '古北',
  '新长宁',
  '复医',
  '漕河泾',
  '上实',
  '高地',
  '徐房',
  '南证',
];
const DEPARTMENTS: [string, string][] = [
  ['urbanManagementEnforcement', '城市管理行政执法局'],
  ['marketRegulation', '市场监督管理局'],
  ['police', '公安分局'],
  ['planning', '规划和自然资源局'],
  ['greeningAndSanitation', '绿化和市容管理局'],
  ['fireRescue', '消防救援支队'],
  ['health', '卫生健康委员会'],
  ['waterAuthority', '水务局'],
];
const UTILITIES: [string, string][] = [
  ['water', '自来水有限公司'],
  ['power', '供电公司'],
  ['gas', '燃气有限公司'],
  ['telecom', '电信分公司'],
];

export interface SeedProgress {
  (phase: string, done: number, total: number): void;
}

export interface SeedResult {
  compounds: number;
  units: number;
  owners: number;
  organisations: number;
}

const SURNAME_CHARS = [...SURNAMES];
const GIVEN_CHARS = [...GIVEN];

export function personName(r: Rng) {
  return (
    r.pick(SURNAME_CHARS) + (r.chance(0.5) ? r.pick(GIVEN_CHARS) : r.pick(GIVEN_CHARS) + r.pick(GIVEN_CHARS))
  );
}

export function phone(r: Rng) {
  return `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
}

/** 18-digit resident ID number with a valid GB 11643 check digit. */
function idNumber(r: Rng, district: string) {
  const y = r.int(1940, 2002);
  const body = `${district}${y}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}${String(r.int(0, 999)).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

export async function seedSynthetic(
  database: Database,
  scale: Scale,
  seed: number,
  progress: SeedProgress = () => {},
): Promise<SeedResult> {
  const spec = SCALES[scale];
  const r = prng(seed);
  const id = idMaker(seed);
  const now = new Date(Date.UTC(2026, 0, 1)).toISOString();
  const v = { created_at: now, updated_at: now, version: 1 };
  const result: SeedResult = { compounds: 0, units: 0, owners: 0, organisations: 0 };

  await database.db.transaction().execute(async (trx) => {
    await seedDivisions(trx);
    const divisions = shanghaiDivisions();
    const districtCodes =
      spec.districts === 'all'
        ? divisions.filter((d) => d.level === 'district').map((d) => d.code)
        : spec.districts;
    const streetsOf = (d: string) =>
      divisions.filter((x) => x.parent_code === d && x.level !== 'statistical');
    const nameOf = (code: string) => divisions.find((d) => d.code === code)!.name;
    const b = bulkInserter(database, trx, 1000);

    const org = async (
      type: string,
      kind: string | null,
      name: string,
      division: string,
      parent: string | null = null,
    ) => {
      const oid = id('org');
      await b.add('organisations', {
        id: oid,
        type,
        kind,
        name,
        short_name: null,
        division_code: division,
        parent_id: parent,
        credit_code: null,
        phone: `021-${r.int(5000_0000, 6999_9999)}`,
        address: null,
        ...v,
      });
      result.organisations++;
      return oid;
    };

    await org('joint_meeting_office', null, '上海市住宅小区综合管理联席会议办公室', '310000');
    await org('housing_bureau', null, '上海市房屋管理局', '310000');

    // Compounds are spread over districts by their street count (a proxy for size).
    const allStreets = districtCodes.flatMap((d) => streetsOf(d));
    const perStreet = new Map<string, number>();
    allStreets.forEach((s, i) =>
      perStreet.set(
        s.code,
        Math.floor(spec.compounds / allStreets.length) + (i < spec.compounds % allStreets.length ? 1 : 0),
      ),
    );

    // Property companies (head offices in the first district) with branches per district.
    const companyCount = Math.max(8, Math.round(spec.compounds / 25));
    const companies: { id: string; name: string }[] = [];
    for (let i = 0; i < companyCount; i++) {
      const name = `上海${COMPANY_A[i % COMPANY_A.length]}${i >= COMPANY_A.length ? String(Math.floor(i / COMPANY_A.length) + 1) : ''}物业管理有限公司`;
      companies.push({
        id: await org('property_company', null, name, districtCodes[i % districtCodes.length]),
        name,
      });
    }

    let compoundSeq = 0;
    const totalCompounds = spec.compounds;
    for (const district of districtCodes) {
      const dName = nameOf(district);
      await org('joint_meeting_office', null, `${dName}住宅小区综合管理联席会议办公室`, district);
      const housingBureau = await org('housing_bureau', null, `${dName}房屋管理局`, district);
      const streets = streetsOf(district);
      // The district housing authority (区房屋行政管理部门) acts in every street of its district: 《规定》 Art 88
      // (a developer refusing to rent parking) routes there.
      for (const s of streets)
        await b.add('organisation_coverage', { organisation_id: housingBureau, division_code: s.code });
      const bureauOf = new Map<string, string>();
      for (const [kind, label] of DEPARTMENTS) {
        const did = await org('department', kind, `${dName}${label}`, district);
        bureauOf.set(kind, did);
        for (const s of streets)
          await b.add('organisation_coverage', { organisation_id: did, division_code: s.code });
      }
      for (const [kind, label] of UTILITIES) {
        // Two service areas per utility kind: the district's streets split in halves.
        const half = Math.ceil(streets.length / 2);
        for (const [part, list] of [
          ['东', streets.slice(0, half)],
          ['西', streets.slice(half)],
        ] as const) {
          if (list.length === 0) continue;
          const uid = await org(
            'utility',
            kind,
            `上海${dName.replace('新区', '').replace('区', '')}${part}部${label}`,
            district,
          );
          for (const s of list)
            await b.add('organisation_coverage', { organisation_id: uid, division_code: s.code });
        }
      }
      // Developers are organisations and also owners of their unsold units (区分所有权解释 Art 9: together one person).
      const developers: string[] = [];
      for (let i = 0; i < 3; i++) {
        const devName = `上海${r.pick(NAME_A)}置业有限公司`;
        await org('developer', null, devName, district);
        const ownerId = id('owner');
        await b.add('owners', {
          id: ownerId,
          kind: 'developer',
          name: devName,
          phone: null,
          id_number: null,
          ...v,
        });
        result.owners++;
        developers.push(ownerId);
      }
      const branchOf = new Map<string, string>();

      for (const street of streets) {
        const sName = street.name;
        await org(
          'street_office',
          null,
          `${sName}${street.level === 'street' ? '办事处' : '人民政府'}`,
          street.code,
        );
        await org('housing_office', null, `${sName}房管办事处`, street.code);
        await org('joint_meeting_office', null, `${sName}住宅小区综合管理联席会议办公室`, street.code);
        const squad = await org(
          'department',
          'urbanManagementEnforcement',
          `${dName}城管执法局${sName}中队`,
          street.code,
          // The squadron (中队) belongs to the district bureau: the bureau sees and answers for its cases.
          bureauOf.get('urbanManagementEnforcement') ?? null,
        );
        await b.add('organisation_coverage', { organisation_id: squad, division_code: street.code });
        const n = perStreet.get(street.code) ?? 0;
        const rcs: string[] = [];
        for (let i = 0; i < Math.max(1, Math.ceil(n / 4)); i++)
          rcs.push(
            await org(
              'residents_committee',
              null,
              `${sName}${r.pick(NAME_A)}第${i + 1}居民委员会`,
              street.code,
            ),
          );
        const cells: string[] = [];
        for (let i = 0; i < Math.max(1, Math.ceil(n / 6)); i++) {
          const gid = id('grid');
          cells.push(gid);
          await b.add('grid_cells', {
            id: gid,
            code: `${street.code}-${String(i + 1).padStart(3, '0')}`,
            name: `${sName}第${i + 1}网格`,
            street_code: street.code,
            created_at: now,
          });
        }
        for (let c = 0; c < n; c++) {
          compoundSeq++;
          const cid = id('compound');
          const name = `${r.pick(NAME_A)}${r.pick(NAME_B)}${r.chance(0.3) ? `${r.int(1, 5)}期` : ''}`;
          const oldEstate = r.chance(0.4);
          const buildingCount = Math.max(
            1,
            Math.round((spec.unitsPerCompound / (oldEstate ? 36 : 60)) * (0.5 + r.next())),
          );
          const delivered = `${oldEstate ? r.int(1985, 2005) : r.int(2006, 2024)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
          let compoundArea = 0;
          const buildings: { id: string; units: number; floors: number; name: string }[] = [];
          for (let k = 0; k < buildingCount; k++) {
            const floors = oldEstate ? r.pick([5, 6, 6, 7]) : r.pick([11, 14, 18, 24, 28, 33]);
            buildings.push({
              id: id('building'),
              units: oldEstate ? floors * r.pick([4, 6, 8]) : floors * r.pick([2, 3, 4]),
              floors,
              name: `${k + 1}号楼`,
            });
          }
          // The compound row first (foreign keys); its area is set from its units below.
          const compoundRow = {
            id: cid,
            code: `${street.code}-${String(c + 1).padStart(4, '0')}`,
            name,
            address: `${dName}${r.pick(ROADS)}${r.int(1, 2999)}弄`,
            district_code: district,
            street_code: street.code,
            residents_committee_id: rcs[c % rcs.length],
            grid_cell_id: cells[c % cells.length],
            lat: Number((31.05 + r.next() * 0.35).toFixed(6)),
            lng: Number((121.45 + r.next() * 0.45).toFixed(6)),
            building_area: 0,
            first_delivery_on: delivered,
            management_area_name: null,
            ...v,
          };
          const units: DB['units'][] = [];
          const developer = r.pick(developers);
          for (const bl of buildings) {
            for (let u = 0; u < bl.units; u++) {
              const perFloor = Math.max(1, Math.round(bl.units / bl.floors));
              const number = `${Math.floor(u / perFloor) + 1}${String((u % perFloor) + 1).padStart(2, '0')}`;
              const areaCenti = (oldEstate ? r.int(35, 90) : r.int(60, 180)) * 100 + r.int(0, 99);
              const p = r.next();
              units.push({
                id: id('unit'),
                compound_id: cid,
                building_id: bl.id,
                number,
                use: r.chance(0.02) ? 'commercial' : 'residential',
                registered_area: p < 0.9 ? areaCenti : null,
                surveyed_area: p >= 0.9 && p < 0.97 ? areaCenti : null,
                contract_area: p >= 0.97 ? areaCenti : null,
                delivered_on: delivered,
                // 单元 (Art 35): a building of four or more flats a floor has two entrances.
                entrance: perFloor >= 4 ? `${u % perFloor < perFloor / 2 ? 1 : 2}单元` : null,
                ...v,
              });
              compoundArea += areaCenti;
            }
          }
          compoundRow.building_area = compoundArea;
          await b.add('compounds', compoundRow);
          for (const bl of buildings)
            await b.add('buildings', { id: bl.id, compound_id: cid, name: bl.name, floors: bl.floors, ...v });
          // Owners: most units one person; ~3 % of owners hold two units; ~4 % unsold (the developer).
          let previousOwner: string | null = null;
          for (const unit of units) {
            await b.add('units', unit);
            let ownerId: string;
            if (r.chance(0.04)) ownerId = developer;
            else if (previousOwner && r.chance(0.03)) ownerId = previousOwner;
            else {
              ownerId = id('owner');
              await b.add('owners', {
                id: ownerId,
                kind: r.chance(0.01) ? 'organisation' : 'person',
                name: personName(r),
                phone: phone(r),
                id_number: idNumber(r, district),
                ...v,
              });
              result.owners++;
              previousOwner = ownerId;
            }
            await b.add('unit_owners', { unit_id: unit.id, owner_id: ownerId, compound_id: cid });
          }
          result.units += units.length;
          result.compounds++;
          if (r.chance(0.95)) {
            const company = companies[(compoundSeq * 7 + r.int(0, 3)) % companies.length];
            let branch = branchOf.get(company.id);
            if (!branch) {
              branch = await org(
                'company_branch',
                null,
                `${company.name.replace('有限公司', '')}${dName}分公司`,
                district,
                company.id,
              );
              branchOf.set(company.id, branch);
            }
            const office = await org('project_office', null, `${name}项目部`, street.code, branch);
            const start = 2019 + r.int(0, 6);
            const startsOn = `${start}-${String(r.int(1, 12)).padStart(2, '0')}-01`;
            await b.add('service_contracts', {
              id: id('contract'),
              compound_id: cid,
              company_id: company.id,
              project_office_id: office,
              starts_on: startsOn,
              ends_on: `${start + r.pick([3, 3, 5])}-12-31`,
              service_level: r.pick(['一级', '二级', '三级', '四级', '五级']),
              // Signed on the first day and filed (备案) on the 20th, within 《规定》第四十四条's 30 days.
              kind: 'regular',
              signed_on: startsOn,
              fee_fen_per_m2_month: null,
              filed_on: startsOn.replace(/-01$/, '-20'),
              filed_by: null,
              ...v,
            });
          }
          if (compoundSeq % 25 === 0 || compoundSeq === totalCompounds)
            progress('compounds', compoundSeq, totalCompounds);
        }
      }
    }
    await b.flush();
  });
  return result;
}
