// The demo action plan (demo mode only): a SAMPLE three-year plan of the city with 65 tasks in five goals —
// illustrative, not the real plan's text (示例，非正式计划文本), titled and flagged so on every page — imported
// through the real import path (a .csv built here, plan.import.ts), with lead departments that exist in the
// demo (上海市房屋管理局, 浦东新区's bureaus), cooperating departments and 浦东新区 streets implementing
// locally. Progress reports by the lead departments, each on the day it was made, leave most past milestones
// done, a few overdue, some due within 30 days and the rest on track; one task carries a 督办. The plan period
// and milestone dates are counted from today (Shanghai); same registry + same day → same rows.
import type { Grant } from '../../domain/access.js';
import { addDays, shanghaiDate } from '../../domain/calendar.js';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/http/context.js';
import { csvBuffer } from '../platform/spreadsheet.js';
import { importPlan } from '../modules/plan/plan.import.js';
import { createPlan, getPlan } from '../modules/plan/plan.service.js';
import { getTask, reportProgress, superviseTask } from '../modules/plan/plan.tasks.js';

const DISTRICT = '310115'; // 浦东新区

export interface PlanDemoResult {
  tasks: number;
  milestones: number;
  reports: number;
}

const actor = (displayName: string, grants: Grant[]): Actor => ({
  userId: 'seed',
  username: 'seed',
  displayName,
  grants,
  csrfToken: '',
  via: 'session',
});
const at = (deps: Deps, day: string): Deps => {
  const when = new Date(`${day}T02:00:00Z`); // 10:00 in Shanghai
  return { ...deps, clock: { now: () => when } };
};

/** Five goals of thirteen tasks each: illustrative wording only. */
const GOALS: [string, string[]][] = [
  [
    '健全综合管理体制',
    [
      '健全市、区、街镇三级联席会议制度',
      '明确联席会议成员单位职责清单',
      '建立条块结合的问题协调机制',
      '完善街镇房管办事处工作规范',
      '建立居委会参与小区管理机制',
      '推行小区综合管理责任清单',
      '建立热点难点问题挂账督办制度',
      '完善部门转办和退单规则',
      '建立小区管理工作例会制度',
      '推进网格化管理进小区',
      '建立小区管理信息共享机制',
      '完善矛盾纠纷人民调解机制',
      '建立考核结果与绩效挂钩机制',
    ],
  ],
  [
    '规范业主自治',
    [
      '推进业主大会和业委会组建',
      '规范业委会换届改选程序',
      '推行业委会履职情况公示',
      '开展业委会委员培训',
      '规范业主大会议事规则',
      '推广书面与电子表决方式',
      '规范业委会印章和档案管理',
      '建立业委会运作情况评估',
      '推进物业管理区域划分核定',
      '规范物业服务合同备案',
      '建立业委会与居委会沟通机制',
      '推进业主共有部分收益公开',
      '规范业主大会筹备组工作',
    ],
  ],
  [
    '提升物业服务水平',
    [
      '建立物业服务企业信用档案',
      '推行项目经理备案管理',
      '开展物业服务质量第三方测评',
      '规范物业服务收费公示',
      '推进老旧小区物业服务覆盖',
      '建立物业服务企业退出交接规范',
      '开展物业服务标准化试点',
      '推进物业服务投诉快速处置',
      '规范前期物业管理招投标',
      '建立物业服务行业评价发布制度',
      '开展物业从业人员技能培训',
      '推进小区智能化安防建设',
      '建立物业服务应急保障机制',
    ],
  ],
  [
    '加强专项维修资金管理',
    [
      '完善维修资金归集和续筹',
      '简化维修资金使用审批流程',
      '建立维修资金应急使用机制',
      '推行维修资金账目定期公开',
      '开展维修资金审计抽查',
      '推进电梯等设施设备更新改造',
      '建立共用部位维修工程质量评价',
      '规范维修资金分摊计算',
      '推进维修资金增值管理',
      '建立维修资金使用监督机制',
      '推进住宅小区消防设施整治',
      '开展二次供水设施改造',
      '推进屋面及外墙渗漏整治',
    ],
  ],
  [
    '综合治理突出问题',
    [
      '开展违法搭建集中整治',
      '整治群租等违规使用房屋',
      '规范小区停车管理',
      '推进生活垃圾分类进小区',
      '整治小区占用消防通道',
      '开展楼道堆物清理',
      '规范小区装修管理',
      '整治小区噪声扰民',
      '推进电动自行车集中充电设施建设',
      '开展小区绿化养护提升',
      '整治损坏房屋承重结构行为',
      '推进高空抛物防范治理',
      '开展小区综合管理示范创建',
    ],
  ],
];

const STEPS = ['完成调研并形成方案', '出台实施办法', '全面推开并评估'];

export async function seedPlanDemo(deps: Deps): Promise<PlanDemoResult> {
  const result: PlanDemoResult = { tasks: 0, milestones: 0, reports: 0 };
  const db = deps.database.db;
  if (await db.selectFrom('plan_plans').select('id').executeTakeFirst()) return result;
  const leads = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'type'])
    .where((eb) =>
      eb.or([
        eb('name', '=', '上海市房屋管理局'),
        eb.and([
          eb('division_code', '=', DISTRICT),
          eb('type', 'in', ['department', 'housing_bureau']),
          eb('parent_id', 'is', null),
        ]),
      ]),
    )
    .orderBy('name')
    .execute();
  const streets = await db
    .selectFrom('divisions')
    .select('code')
    .where('parent_code', '=', DISTRICT)
    .where('level', '!=', 'statistical')
    .orderBy('code')
    .execute();
  if (leads.length < 3 || streets.length === 0) return result;

  const today = shanghaiDate(deps.clock.now());
  const year = Number(today.slice(0, 4));
  const periodFrom = `${year - 1}-01-01`;
  const periodTo = `${year + 1}-12-31`;
  const city = actor('上海市住宅小区综合管理联席会议办公室', [
    { role: 'city_office', scopeType: 'city', scopeId: '310000' },
  ]);
  const startOn = addDays(today, -400) < periodFrom ? periodFrom : addDays(today, -400);
  const { id: planId } = await createPlan(
    at(deps, startOn),
    city,
    {
      divisionCode: '310000',
      title: `上海市住宅小区综合管理三年行动计划（${year - 1}—${year + 1}年）（示例，非正式计划文本）`,
      periodFrom,
      periodTo,
      illustrative: true,
      published: true,
    },
    'seed',
  );

  const clamp = (d: string) => (d < periodFrom ? periodFrom : d > periodTo ? periodTo : d);
  const rows: string[][] = [];
  let seq = 0;
  for (const [goal, titles] of GOALS)
    for (const title of titles) {
      seq++;
      const lead = leads[seq % leads.length];
      const coop = leads[(seq * 3 + 1) % leads.length];
      const dates = [
        clamp(addDays(today, -30 - ((seq * 13) % 330))),
        clamp(addDays(today, ((seq * 17) % 120) - 40)),
        clamp(addDays(today, 90 + ((seq * 23) % 270))),
      ];
      const units = [DISTRICT, streets[seq % streets.length].code];
      rows.push([
        String(seq),
        goal,
        title,
        `${title}：明确工作目标、责任分工和推进步骤（示例内容）`,
        dates.map((d, i) => `${d} ${STEPS[i]}`).join('；'),
        lead.name,
        coop.id === lead.id ? '' : coop.name,
        seq % 3 === 0 ? '' : units.join('；'),
      ]);
    }
  const file = csvBuffer(
    ['序号', '目标', '任务', '主要内容', '时间节点', '牵头部门', '配合部门', '实施部门'].map((header) => ({
      header,
    })),
    rows,
  );
  const imported = await importPlan(
    at(deps, startOn),
    city,
    planId,
    { name: '示例行动计划.csv', data: file },
    {
      version: 1,
      dryRun: false,
      locale: 'zh-CN',
      requestId: 'seed',
    },
  );
  result.tasks = imported.tasks;
  result.milestones = imported.milestones;

  // Progress: the lead reports each past milestone done a few days before its date — except a few left
  // overdue — in the order the days came (the audit log stays in time order).
  const plan = await getPlan(deps, city, planId);
  const leadActor = new Map(
    leads.map((l) => [
      l.name,
      actor(l.name, [{ role: 'department', scopeType: 'department', scopeId: l.id }]),
    ]),
  );
  const due: { taskId: string; lead: Actor; id: string; title: string; on: string }[] = [];
  const versions = new Map<string, number>();
  for (const t of plan.taskItems) {
    const task = await getTask(deps, city, t.id);
    versions.set(t.id, task.version);
    for (const [i, m] of task.milestones.entries()) {
      const leftOverdue = (i === 0 && t.seq % 13 === 0) || (i === 1 && t.seq % 8 === 0);
      const on = addDays(m.dueOn, -((t.seq + i) % 6));
      if (m.dueOn > today || leftOverdue || on > today) continue;
      due.push({ taskId: t.id, lead: leadActor.get(t.leadName)!, id: m.id, title: m.title, on });
    }
  }
  due.sort((a, b) => a.on.localeCompare(b.on) || a.taskId.localeCompare(b.taskId));
  for (const d of due) {
    const after = await reportProgress(
      at(deps, d.on),
      d.lead,
      d.taskId,
      {
        version: versions.get(d.taskId)!,
        progress: `${d.title}（示例）`,
        evidence: `已按期完成“${d.title}”，相关文件和会议纪要已归档（示例佐证）`,
        milestoneIds: [d.id],
      },
      'seed',
    );
    versions.set(d.taskId, after.version);
    result.reports++;
  }
  const overdue = plan.taskItems.find((t) => t.seq === 13);
  if (overdue)
    await superviseTask(
      at(deps, today),
      city,
      overdue.id,
      { version: versions.get(overdue.id)!, note: '节点已逾期，请于两周内报送整改措施（示例）' },
      'seed',
    );
  return result;
}
