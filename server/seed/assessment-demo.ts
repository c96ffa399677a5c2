// Demo assessment (考核; demo mode only, after the case history and the joint meetings): two problems found in
// online media in 花木街道 (网络舆情, with their source links), then 浦东新区's period of the current quarter
// (e.g. 2026年第四季度) with the product-default indicator systems [U]: a manual inspection score with its
// evidence, two-way ratings (the `chengguan` bureau rates streets, streets rate the bureau, and the bureau rates a
// department it co-handled cases with when there is one), computed from the demo's own cases, action items and
// committees, and published. Everything goes through the services (audited, the same rules users meet), with
// the clock of the demo's day. Same case history + same day → same rows.
import type { Grant } from '../../domain/access.js';
import { shanghaiDate } from '../../domain/calendar.js';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/http/context.js';
import {
  compute,
  createPeriod,
  enterManualScore,
  getPeriod,
  publish,
  rate,
} from '../modules/assessment/assessment.service.js';
import { intakeCase } from '../modules/cases/cases.service.js';
import { demoAccounts } from './demo-accounts.js';

const DISTRICT = '310115'; // 浦东新区
const HUAMU = '310115016'; // 花木街道

export interface AssessmentDemoResult {
  period: string | null;
  ratings: number;
  streets: number;
  departments: number;
  onlineMediaCases: string[];
}

const actor = (displayName: string, grants: Grant[]): Actor => ({
  userId: 'seed',
  username: 'seed',
  displayName,
  grants,
  csrfToken: '',
  via: 'session',
});

/** 2026-12-04 → 2026-Q4. */
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** Two 网络舆情 posts about 花木 compounds, recorded by the street office with the posts' addresses. */
async function onlineMediaCases(deps: Deps, street: Actor): Promise<string[]> {
  const compounds = await deps.database.db
    .selectFrom('compounds')
    .select(['id', 'name'])
    .where('street_code', '=', HUAMU)
    .orderBy('name')
    .limit(2)
    .execute();
  const posts = [
    {
      categoryCode: 'fire_lane',
      description: '网帖反映：小区消防通道长期被私家车占用，晚上救护车进不来（附网帖截图说明）',
      sourceUrl: 'https://bbs.example.cn/pudong/huamu/thread-20261',
    },
    {
      categoryCode: 'group_renting',
      description: '短视频平台有居民发帖：楼里一套房子被隔成多间出租，进出人员复杂',
      sourceUrl: 'https://video.example.cn/v/huamu-8841',
    },
  ];
  const out: string[] = [];
  if (compounds.length === 0) return out;
  for (const [i, post] of posts.entries()) {
    const c = compounds[i] ?? compounds[0]; // the test registry has one compound in 花木
    const r = await intakeCase(
      deps,
      { kind: 'user', actor: street },
      {
        channel: 'onlineMedia',
        compoundId: c.id,
        reporter: {},
        attributes: {},
        mediaUrls: [],
        ...post,
      },
      'seed',
    );
    out.push(r.caseNo);
  }
  return out;
}

/** 条对块 and 块对条 between the bureau and 花木 (and the next street); 条与条 with a co-handling department. */
async function twoWayRatings(
  deps: Deps,
  id: string,
  chengguan: string,
  bureau: Actor,
  street: (code: string) => Actor,
): Promise<number> {
  let ratings = 0;
  // 条对块: the bureau rates 花木 and the next street; 块对条: those streets rate the bureau.
  const view = await getPeriod(deps, bureau, id);
  const streets = view.rateable.filter((r) => r.level === 'street');
  const rated = [streets.find((s) => s.key === HUAMU), streets.find((s) => s.key !== HUAMU)].filter(
    (s): s is (typeof streets)[number] => !!s,
  );
  const reasons = [
    '配合拆违和楼道堆物整治及时，案件信息共享到位，联合执法现场组织有序',
    '属地巡查发现问题较及时，但部分案件移送材料不全，需补充后才能立案',
  ];
  for (const [i, s] of rated.entries()) {
    await rate(
      deps,
      bureau,
      id,
      {
        ratedLevel: 'street',
        ratedKey: s.key,
        indicatorCode: 'byDepartments',
        points: i === 0 ? 92 : 78,
        reason: reasons[i],
      },
      'seed',
    );
    await rate(
      deps,
      street(s.key),
      id,
      {
        ratedLevel: 'department',
        ratedKey: chengguan,
        indicatorCode: 'byStreets',
        points: i === 0 ? 88 : 82,
        reason:
          i === 0 ? '接到移送后到场及时，执法结果按时反馈街道' : '到场及时，但个别案件反馈结果超过约定时间',
      },
      'seed',
    );
    ratings += 2;
  }
  // 条与条: a department the bureau co-handled cases with this quarter (when the case history has one).
  const partner = view.rateable.find((r) => r.level === 'department');
  if (partner) {
    await rate(
      deps,
      bureau,
      id,
      {
        ratedLevel: 'department',
        ratedKey: partner.key,
        indicatorCode: 'byDepartments',
        points: 85,
        reason: '协办案件响应及时，会商时能明确本部门职责，个别案件协办意见反馈偏慢',
      },
      'seed',
    );
    ratings += 1;
  }

  return ratings;
}

export async function seedAssessmentDemo(deps: Deps): Promise<AssessmentDemoResult> {
  const result: AssessmentDemoResult = {
    period: null,
    ratings: 0,
    streets: 0,
    departments: 0,
    onlineMediaCases: [],
  };
  const accounts = await demoAccounts(deps);
  const chengguan = accounts.find((a) => a.username === 'chengguan')?.grants[0]?.scopeId;
  if (!chengguan) return result;
  const district = actor('浦东新区联席会议办公室', [
    { role: 'district_office', scopeType: 'district', scopeId: DISTRICT },
  ]);
  const street = (code: string) =>
    actor('街镇办公室', [{ role: 'street_office', scopeType: 'street', scopeId: code }]);
  const bureau = actor('区城管执法局', [{ role: 'department', scopeType: 'department', scopeId: chengguan }]);

  result.onlineMediaCases = await onlineMediaCases(deps, street(HUAMU));

  const code = quarterOf(shanghaiDate(deps.clock.now()));
  const { id } = await createPeriod(deps, district, { divisionCode: DISTRICT, code }, 'seed');
  result.period = code;
  await enterManualScore(
    deps,
    district,
    id,
    {
      level: 'street',
      unitKey: HUAMU,
      indicatorCode: 'inspection',
      points: 92.5,
      evidence: '区联席办季度实地督查：抽查 5 个小区，台账齐全，楼道堆物已清理 4 处，1 处限期整改',
    },
    'seed',
  );

  result.ratings = await twoWayRatings(deps, id, chengguan, bureau, street);

  const computed = await compute(
    deps,
    district,
    id,
    { version: (await getPeriod(deps, district, id)).version },
    'seed',
  );
  await publish(deps, district, id, { version: computed.version }, 'seed');
  const db = deps.database.db;
  const counts = await db
    .selectFrom('assess_results')
    .select(['level'])
    .where('period_id', '=', id)
    .execute();
  result.streets = counts.filter((c) => c.level === 'street').length;
  result.departments = counts.filter((c) => c.level === 'department').length;
  return result;
}
