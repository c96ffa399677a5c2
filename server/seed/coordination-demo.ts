// Demo joint meetings (demo mode only, after the case history): the 浦东新区 district joint meeting and the
// 花木街道 street joint meeting, each with its office and member units (the `chengguan` bureau, the `wuye`
// company and other departments) and one held meeting with attendance (one unit sends a deputy), minutes and
// two decisions. The district meeting took a real hot demo case (热点、难点) and a request for coordination
// from 花木街道; its action items: one done with evidence, one overdue. The street meeting's: one due soon,
// one running. Everything goes through the coordination services (audited, the same rules as users meet), with
// a clock set to the day each step happened. Same case history + same day → same rows.
import type { Grant } from '../../domain/access.js';
import { addDays, isWorkingDay, shanghaiDate } from '../../domain/calendar.js';
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

export async function seedCoordinationDemo(deps: Deps): Promise<CoordinationDemoResult> {
  const db = deps.database.db;
  const cal = (await workingCalendar(db)).calendar;
  const today = shanghaiDate(deps.clock.now());
  /** The working day on or before `day`. */
  const workday = (day: string) => {
    let d = day;
    while (!isWorkingDay(cal, d)) d = addDays(d, -1);
    return d;
  };
  const accounts = await demoAccounts(deps);
  const orgOf = (u: string) => accounts.find((a) => a.username === u)?.grants[0]?.scopeId;
  const chengguan = orgOf('chengguan');
  const wuye = orgOf('wuye');
  const result: CoordinationDemoResult = { bodies: 0, meetings: 0, actionItems: 0, hotCaseNo: null };
  if (!chengguan || !wuye) return result;
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
  const district = actor('浦东新区联席会议办公室', [
    { role: 'district_office', scopeType: 'district', scopeId: DISTRICT },
  ]);
  const street = actor('花木街道联席会议办公室', [
    { role: 'street_office', scopeType: 'street', scopeId: STREET },
  ]);
  const lead = actor(accounts.find((a) => a.username === 'chengguan')!.displayName, [
    { role: 'department', scopeType: 'department', scopeId: chengguan },
  ]);

  // Dates: the district met about a week ago, the street a few days ago (working days); each agenda was set
  // three days before. The district's items: one run early to done, one overdue (3 working days).
  const districtOn = workday(addDays(today, -7));
  const streetOn = workday(addDays(today, -3));
  const plannedOn = (day: string) => workday(addDays(day, -3));

  const districtBody = await createBody(
    at(deps, plannedOn(districtOn)),
    district,
    {
      divisionCode: DISTRICT,
      name: '浦东新区住宅小区综合管理联席会议',
      convenor: '分管副区长',
      officeOrgId: offices.find((o) => o.division_code === DISTRICT)?.id,
      memberOrgIds: [chengguan, wuye, ...others.map((o) => o.id)],
    },
    'seed',
  );
  const streetBody = await createBody(
    at(deps, plannedOn(districtOn)),
    street,
    {
      divisionCode: STREET,
      name: '花木街道住宅小区综合管理联席会议',
      convenor: '街道办事处分管副主任',
      officeOrgId: offices.find((o) => o.division_code === STREET)?.id,
      memberOrgIds: [chengguan, wuye, ...others.slice(0, 2).map((o) => o.id)],
    },
    'seed',
  );
  result.bodies = 2;

  // The district meeting: a real hot case of 花木 (on the agenda five working days before) and 花木's request.
  const before = at(deps, plannedOn(districtOn));
  const beforeNow = before.clock.now();
  // The longest-overdue case of 花木 that was hot then, one returned between departments first (条与条).
  const hotThen = (await hotCaseFacts(db, { streetCode: STREET }, beforeNow.toISOString())).filter(
    (f) => f.createdAt < beforeNow.toISOString() && hotReasons(f, beforeNow).length > 0,
  );
  const hot = hotThen.find((f) => f.returns.length > 0) ?? hotThen[0];
  const dMeeting = await createMeeting(
    before,
    district,
    districtBody.id,
    { meetingOn: districtOn, title: `${districtOn.slice(0, 4)}年住宅小区综合管理联席会议（第四次）` },
    'seed',
  );
  let version = 1; // the meeting's version: each agenda item moves it on
  if (hot) {
    await addAgendaItem(before, district, dMeeting.id, { source: 'case', version, caseId: hot.id }, 'seed');
    version++;
    result.hotCaseNo = hot.caseNo;
  }
  const req = await createRequest(
    before,
    street,
    districtBody.id,
    {
      subject: '老旧小区楼道堆物整治需区城管执法局与物业协同',
      details: '花木街道多个老旧小区楼道堆物反复出现，居委会劝导无效，需区级明确执法与物业管理分工。',
    },
    'seed',
  );
  await addAgendaItem(
    before,
    district,
    dMeeting.id,
    { source: 'request', version, requestId: req.id },
    'seed',
  );
  const planned = await getMeeting(before, district, dMeeting.id);
  const caseItem = planned.agenda.find((a) => a.source === 'case')?.id;
  const requestItem = planned.agenda.find((a) => a.source === 'request')?.id;
  const members = (await getBody(before, district, districtBody.id)).memberOrgs.map((m) => m.id);
  const meetingDeps = at(deps, districtOn);
  const held = await holdMeeting(
    meetingDeps,
    district,
    dMeeting.id,
    {
      version: planned.version,
      attendance: members.map((orgId) =>
        orgId === wuye
          ? { orgId, attendance: 'deputy' as const, deputyName: '项目经理 陈立' }
          : { orgId, attendance: 'present' as const },
      ),
      minutes:
        '会议由分管副区长召集。区联席办通报了花木街道热点难点案件情况，花木街道汇报了老旧小区楼道堆物整治的难点；' +
        '区城管执法局、物业服务企业及相关部门分别发言。会议明确了牵头与配合分工和办理时限。',
      decisions: [
        {
          agendaItemId: caseItem,
          text: hot
            ? `案件 ${hot.caseNo} 由区城管执法局牵头、物业服务企业配合，十个工作日内办结并反馈`
            : '由区城管执法局牵头、物业服务企业配合，十个工作日内完成楼道堆物清理',
          actions: [
            {
              title: hot ? `办结案件 ${hot.caseNo}（${hot.title}）并反馈` : '完成楼道堆物清理',
              leadOrgId: chengguan,
              cooperatingOrgIds: [wuye],
              deadline: { workingDays: 10 },
            },
          ],
        },
        {
          agendaItemId: requestItem,
          text: '物业服务企业建立楼道巡查台账，每周巡查并报街道',
          actions: [
            {
              title: '建立楼道巡查台账并按周报送',
              leadOrgId: wuye,
              cooperatingOrgIds: [],
              deadline: { workingDays: 3 },
            },
          ],
        },
      ],
    },
    'seed',
  );
  result.meetings++;
  const items = held.decisions.flatMap((d) => d.actionItems);
  result.actionItems += items.length;
  // The bureau reports its item done with evidence, yesterday (well before its deadline).
  const cg = items.find((i) => i.leadOrgId === chengguan)!;
  const doneOn = workday(addDays(today, -1));
  await completeItem(
    at(deps, doneOn),
    lead,
    cg.id,
    {
      version: cg.version,
      evidence: '已会同物业完成楼道堆物清理，张贴告知书，现场照片及居委会确认单已上传街道联席办。',
    },
    'seed',
  );

  // The street meeting: one item due soon (the next working day), one running.
  const sBefore = at(deps, plannedOn(streetOn));
  const sMeeting = await createMeeting(
    sBefore,
    street,
    streetBody.id,
    { meetingOn: streetOn, title: `花木街道住宅小区综合管理联席会议（${streetOn.slice(5, 7)}月）` },
    'seed',
  );
  await addAgendaItem(
    sBefore,
    street,
    sMeeting.id,
    { source: 'other', version: 1, title: '区联席会议交办事项落实情况' },
    'seed',
  );
  await addAgendaItem(
    sBefore,
    street,
    sMeeting.id,
    { source: 'other', version: 2, title: '小区停车秩序综合整治' },
    'seed',
  );
  const sMembers = (await getBody(sBefore, street, streetBody.id)).memberOrgs.map((m) => m.id);
  const sHeld = await holdMeeting(
    at(deps, streetOn),
    street,
    sMeeting.id,
    {
      version: 3,
      attendance: sMembers.map((orgId, i) =>
        i === sMembers.length - 1 && orgId !== chengguan && orgId !== wuye
          ? { orgId, attendance: 'absent' as const }
          : { orgId, attendance: 'present' as const },
      ),
      minutes: '街道联席办通报区联席会议交办事项落实情况；城管中队、物业服务企业就小区停车秩序整治作了说明。',
      decisions: [
        {
          text: '城管执法局会同物业对小区周边违停开展集中整治',
          actions: [
            {
              title: '小区周边违停集中整治',
              leadOrgId: chengguan,
              cooperatingOrgIds: [wuye],
              deadline: { date: workingDaysAfter(cal, today, 1) },
            },
          ],
        },
        {
          text: '物业服务企业完善小区停车管理方案并公示',
          actions: [
            {
              title: '制定并公示小区停车管理方案',
              leadOrgId: wuye,
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
  result.actionItems += sHeld.decisions.flatMap((d) => d.actionItems).length;
  return result;
}
