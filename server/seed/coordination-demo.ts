// Demo joint meetings (demo mode only, after the case history): the 浦东新区 district joint meeting and the
// 花木街道 street joint meeting, each with its office and member units (the `chengguan` bureau, the `wuye`
// company and other departments) and one held meeting with attendance (one unit sends a deputy), minutes and
// two decisions. The district meeting took a real hot demo case (热点、难点) and a request for coordination
// from 花木街道; its action items: one done with evidence, one overdue. The street meeting's: one due soon,
// one running. Everything goes through the coordination services (audited, the same rules as users meet), with
// a clock set to the day each step happened. Same case history + same day → same rows.
import type { Grant } from '../../domain/access.js';
import { addDays, isWorkingDay, shanghaiDate, type BusinessCalendar } from '../../domain/calendar.js';
import { hotReasons, workingDaysAfter } from '../../domain/coordination.js';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/http/context.js';
import { workingCalendar } from '../platform/working-calendar.js';
import { hotCaseFacts } from '../modules/cases/cases.service.js';
import { completeItem } from '../modules/coordination/coordination.items.js';
import { createMeeting, getMeeting, holdMeeting } from '../modules/coordination/coordination.meetings.js';
import {
  addAgendaItem,
  createBody,
  createRequest,
  getBody,
} from '../modules/coordination/coordination.service.js';
import { demoAccounts } from './demo-accounts.js';

const DISTRICT = '310115'; // 浦东新区
const STREET = '310115016'; // 花木街道

export interface CoordinationDemoResult {
  bodies: number;
  meetings: number;
  actionItems: number;
  hotCaseNo: string | null;
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

interface Ctx {
  deps: Deps;
  cal: BusinessCalendar;
  today: string;
  chengguan: string;
  wuye: string;
  /** Other top-level departments and utilities of the district, by name. */
  others: string[];
  offices: { id: string; division_code: string }[];
  district: Actor;
  street: Actor;
  lead: Actor;
}

/** The working day on or before `day`. */
function workday(cal: BusinessCalendar, day: string): string {
  let d = day;
  while (!isWorkingDay(cal, d)) d = addDays(d, -1);
  return d;
}

async function context(deps: Deps): Promise<Ctx | null> {
  const db = deps.database.db;
  const accounts = await demoAccounts(deps);
  const account = (u: string) => accounts.find((a) => a.username === u);
  const chengguan = account('chengguan')?.grants[0]?.scopeId;
  const wuye = account('wuye')?.grants[0]?.scopeId;
  if (!chengguan || !wuye) return null;
  const offices = await db
    .selectFrom('organisations')
    .select(['id', 'division_code'])
    .where('type', '=', 'joint_meeting_office')
    .where('division_code', 'in', [DISTRICT, STREET])
    .execute();
  const others = await db
    .selectFrom('organisations')
    .select('id')
    .where('type', 'in', ['department', 'utility'])
    .where('division_code', 'like', `${DISTRICT}%`)
    .where('parent_id', 'is', null)
    .where('id', '!=', chengguan)
    .orderBy('name')
    .limit(4)
    .execute();
  return {
    deps,
    cal: (await workingCalendar(db)).calendar,
    today: shanghaiDate(deps.clock.now()),
    chengguan,
    wuye,
    others: others.map((o) => o.id),
    offices,
    district: actor('浦东新区联席会议办公室', [
      { role: 'district_office', scopeType: 'district', scopeId: DISTRICT },
    ]),
    street: actor('花木街道联席会议办公室', [
      { role: 'street_office', scopeType: 'street', scopeId: STREET },
    ]),
    lead: actor(account('chengguan')!.displayName, [
      { role: 'department', scopeType: 'department', scopeId: chengguan },
    ]),
  };
}

async function setUpBodies(x: Ctx, on: string) {
  const office = (code: string) => x.offices.find((o) => o.division_code === code)?.id;
  const district = await createBody(
    at(x.deps, on),
    x.district,
    {
      divisionCode: DISTRICT,
      name: '浦东新区住宅小区综合管理联席会议',
      convenor: '分管副区长',
      officeOrgId: office(DISTRICT),
      memberOrgIds: [x.chengguan, x.wuye, ...x.others],
    },
    'seed',
  );
  const street = await createBody(
    at(x.deps, on),
    x.street,
    {
      divisionCode: STREET,
      name: '花木街道住宅小区综合管理联席会议',
      convenor: '街道办事处分管副主任',
      officeOrgId: office(STREET),
      memberOrgIds: [x.chengguan, x.wuye, ...x.others.slice(0, 2)],
    },
    'seed',
  );
  return { districtId: district.id, streetId: street.id };
}

/** The longest-overdue case of 花木 that was hot on `day`, one returned between departments first (条与条). */
async function hotCaseOn(x: Ctx, day: string) {
  const then = at(x.deps, day).clock.now();
  const hot = (await hotCaseFacts(x.deps.database.db, { streetCode: STREET }, then.toISOString())).filter(
    (f) => f.createdAt < then.toISOString() && hotReasons(f, then).length > 0,
  );
  return hot.find((f) => f.returns.length > 0) ?? hot[0] ?? null;
}

/** The district meeting (about a week ago): a hot case and 花木's request on the agenda three days before;
 *  the bureau's item run to done with evidence yesterday, the company's (3 working days) overdue. */
async function districtMeeting(x: Ctx, bodyId: string, result: CoordinationDemoResult) {
  const meetingOn = workday(x.cal, addDays(x.today, -7));
  const before = at(x.deps, workday(x.cal, addDays(meetingOn, -3)));
  const hot = await hotCaseOn(x, shanghaiDate(before.clock.now()));
  const { id } = await createMeeting(
    before,
    x.district,
    bodyId,
    { meetingOn, title: `${meetingOn.slice(0, 4)}年住宅小区综合管理联席会议（第四次）` },
    'seed',
  );
  let version = 1; // the meeting's version: each agenda item moves it on
  if (hot) {
    await addAgendaItem(
      before,
      x.district,
      id,
      { source: 'case', version: version++, caseId: hot.id },
      'seed',
    );
    result.hotCaseNo = hot.caseNo;
  }
  const req = await createRequest(
    before,
    x.street,
    bodyId,
    {
      subject: '老旧小区楼道堆物整治需区城管执法局与物业协同',
      details: '花木街道多个老旧小区楼道堆物反复出现，居委会劝导无效，需区级明确执法与物业管理分工。',
    },
    'seed',
  );
  await addAgendaItem(before, x.district, id, { source: 'request', version, requestId: req.id }, 'seed');
  const planned = await getMeeting(before, x.district, id);
  const members = (await getBody(before, x.district, bodyId)).memberOrgs.map((m) => m.id);
  const held = await holdMeeting(
    at(x.deps, meetingOn),
    x.district,
    id,
    {
      version: planned.version,
      attendance: members.map((orgId) =>
        orgId === x.wuye
          ? { orgId, attendance: 'deputy' as const, deputyName: '项目经理 陈立' }
          : { orgId, attendance: 'present' as const },
      ),
      minutes:
        '会议由分管副区长召集。区联席办通报了花木街道热点难点案件情况，花木街道汇报了老旧小区楼道堆物整治的难点；' +
        '区城管执法局、物业服务企业及相关部门分别发言。会议明确了牵头与配合分工和办理时限。',
      decisions: [
        {
          agendaItemId: planned.agenda.find((a) => a.source === 'case')?.id,
          text: hot
            ? `案件 ${hot.caseNo} 由区城管执法局牵头、物业服务企业配合，十个工作日内办结并反馈`
            : '由区城管执法局牵头、物业服务企业配合，十个工作日内完成楼道堆物清理',
          actions: [
            {
              title: hot ? `办结案件 ${hot.caseNo}（${hot.title}）并反馈` : '完成楼道堆物清理',
              leadOrgId: x.chengguan,
              cooperatingOrgIds: [x.wuye],
              deadline: { workingDays: 10 },
            },
          ],
        },
        {
          agendaItemId: planned.agenda.find((a) => a.source === 'request')?.id,
          text: '物业服务企业建立楼道巡查台账，每周巡查并报街道',
          actions: [
            {
              title: '建立楼道巡查台账并按周报送',
              leadOrgId: x.wuye,
              cooperatingOrgIds: [],
              deadline: { workingDays: 3 },
            },
          ],
        },
      ],
    },
    'seed',
  );
  const items = held.decisions.flatMap((d) => d.actionItems);
  const cg = items.find((i) => i.leadOrgId === x.chengguan)!;
  await completeItem(
    at(x.deps, workday(x.cal, addDays(x.today, -1))),
    x.lead,
    cg.id,
    {
      version: cg.version,
      evidence: '已会同物业完成楼道堆物清理，张贴告知书，现场照片及居委会确认单已上传街道联席办。',
    },
    'seed',
  );
  result.meetings++;
  result.actionItems += items.length;
}

/** The street meeting (a few days ago): the bureau's item due the next working day, the company's running. */
async function streetMeeting(x: Ctx, bodyId: string, result: CoordinationDemoResult) {
  const meetingOn = workday(x.cal, addDays(x.today, -3));
  const before = at(x.deps, workday(x.cal, addDays(meetingOn, -3)));
  const { id } = await createMeeting(
    before,
    x.street,
    bodyId,
    { meetingOn, title: `花木街道住宅小区综合管理联席会议（${meetingOn.slice(5, 7)}月）` },
    'seed',
  );
  for (const [i, title] of ['区联席会议交办事项落实情况', '小区停车秩序综合整治'].entries())
    await addAgendaItem(before, x.street, id, { source: 'other', version: i + 1, title }, 'seed');
  const members = (await getBody(before, x.street, bodyId)).memberOrgs.map((m) => m.id);
  const absent = members.find((o) => o !== x.chengguan && o !== x.wuye);
  const held = await holdMeeting(
    at(x.deps, meetingOn),
    x.street,
    id,
    {
      version: 3,
      attendance: members.map((orgId) => ({
        orgId,
        attendance: orgId === absent ? ('absent' as const) : ('present' as const),
      })),
      minutes: '街道联席办通报区联席会议交办事项落实情况；城管中队、物业服务企业就小区停车秩序整治作了说明。',
      decisions: [
        {
          text: '城管执法局会同物业对小区周边违停开展集中整治',
          actions: [
            {
              title: '小区周边违停集中整治',
              leadOrgId: x.chengguan,
              cooperatingOrgIds: [x.wuye],
              deadline: { date: workingDaysAfter(x.cal, x.today, 1) },
            },
          ],
        },
        {
          text: '物业服务企业完善小区停车管理方案并公示',
          actions: [
            {
              title: '制定并公示小区停车管理方案',
              leadOrgId: x.wuye,
              cooperatingOrgIds: [],
              deadline: { workingDays: 15 },
            },
          ],
        },
      ],
    },
    'seed',
  );
  result.meetings++;
  result.actionItems += held.decisions.flatMap((d) => d.actionItems).length;
}

export async function seedCoordinationDemo(deps: Deps): Promise<CoordinationDemoResult> {
  const result: CoordinationDemoResult = { bodies: 0, meetings: 0, actionItems: 0, hotCaseNo: null };
  const x = await context(deps);
  if (!x) return result;
  const setUpOn = workday(x.cal, addDays(x.today, -14));
  const { districtId, streetId } = await setUpBodies(x, setUpOn);
  result.bodies = 2;
  await districtMeeting(x, districtId, result);
  await streetMeeting(x, streetId, result);
  return result;
}
