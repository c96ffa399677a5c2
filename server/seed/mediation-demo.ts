// Demo dispute mediation (矛盾调解, demo mode only): 花木街道's people's mediation committee (人民调解委员会) and the
// demo mediator `tiaojie` with disputes in 花木 compounds in every state — registered, in mediation with its
// sessions, an agreement awaiting signatures, one signed and in effect, one judicially confirmed (司法确认), a
// failed mediation referred to court and one to arbitration, a withdrawal — and one dispute turned from a real
// demo case (the case's timeline records it). Everything goes through the mediation service (audited, the same
// rules users meet), with a clock set to the day each step happened. Same data + same day → same disputes.
import { addDays, shanghaiDate } from '../../domain/calendar.js';
import type { DisputeType } from '../../domain/mediation.js';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/http/context.js';
import { newId } from '../platform/ids.js';
import { act, recordSession } from '../modules/mediation/mediation.actions.js';
import { createDispute } from '../modules/mediation/mediation.service.js';
import { demoJourneyCompound } from './demo-accounts.js';

const DEMO_STREET = '310115016'; // 花木街道
export const DEMO_MEDIATOR = 'tiaojie';
export const DEMO_COMMITTEE = '花木街道人民调解委员会';
const COURT = '上海市浦东新区人民法院';

export interface MediationDemoResult {
  disputes: number;
  sessions: number;
}

const at = (deps: Deps, day: string): Deps => {
  const when = new Date(`${day}T02:00:00Z`); // 10:00 in Shanghai
  return { ...deps, clock: { now: () => when } };
};

type Step =
  | { s: number; place: string; notes: string }
  | { agree: number; terms: string; method: string; deadlineIn: number }
  | { sign: number }
  | { confirm: [number, number]; rulingNo: string }
  | { fail: number; route: 'arbitration' | 'court'; body: string; note: string }
  | { withdraw: number; note: string };

interface Plan {
  type: DisputeType;
  subject: string;
  facts: string;
  received: number; // days before today
  parties: [string, string, string?][]; // [name, side, phone]
  steps: Step[];
}

const PLANS: Plan[] = [
  {
    type: 'owner_owner',
    subject: '楼上卫生间渗水致楼下天花板受损',
    facts: '12 号楼 1101 室反映楼上 1201 室卫生间长期渗水，天花板霉变脱落，双方就维修和赔偿协商未果。',
    received: 2,
    parties: [
      ['王秀英', 'applicant', '13916202318'],
      ['陈建国', 'respondent', '13761845502'],
    ],
    steps: [],
  },
  {
    type: 'owner_company',
    subject: '地下车库车辆被刮擦，业主要求物业赔偿',
    facts: '业主停放在地下车库的车辆被刮擦，认为物业巡查和监控管理不到位，要求物业服务企业赔偿维修费。',
    received: 21,
    parties: [
      ['刘志强', 'applicant', '13601771234'],
      ['物业服务中心 徐经理', 'respondent', '02150581234'],
    ],
    steps: [
      { s: 16, place: '居委会调解室', notes: '听取双方陈述，调取车库监控记录；物业同意协助查找肇事车辆。' },
      { s: 7, place: '居委会调解室', notes: '监控未拍到肇事车辆；双方就补偿比例各自让步，约定下次再谈。' },
    ],
  },
  {
    type: 'owner_owner',
    subject: '空调外机噪声扰邻',
    facts: '5 号楼 302 室新装空调外机紧贴 402 室卧室窗户，夜间噪声影响休息，双方多次争吵。',
    received: 62,
    parties: [
      ['李海燕', 'applicant', '13817450987'],
      ['赵明', 'respondent', '18621093344'],
    ],
    steps: [
      { s: 57, place: '5 号楼门厅', notes: '现场查看外机位置和噪声情况，双方同意另选安装位置。' },
      {
        agree: 50,
        terms:
          '302 室于协议签署后 15 日内将空调外机移至南侧阳台下方，移机费用由 302 室承担；402 室不再追究。',
        method: '302 室自行委托安装单位移机，居委会现场确认',
        deadlineIn: 15,
      },
      { sign: 49 },
    ],
  },
  {
    type: 'owner_owner',
    subject: '阳台晾衣滴水引发邻里矛盾',
    facts: '9 号楼 601 室在阳台外晾晒衣物长期滴水，楼下 501 室晾晒的被褥多次被淋湿，双方多次争吵。',
    received: 12,
    parties: [
      ['杨桂兰', 'applicant', '13816675530'],
      ['许浩', 'respondent', '18917720046'],
    ],
    steps: [
      { s: 9, place: '9 号楼门厅', notes: '双方当面沟通，601 室同意加装接水槽并调整晾晒时间。' },
      {
        agree: 5,
        terms: '601 室于 10 日内在阳台外侧加装接水槽，此前晾晒衣物须脱水后再晾出；501 室不再追究此前损失。',
        method: '601 室自行加装，居委会上门查看',
        deadlineIn: 10,
      },
    ],
  },
  {
    type: 'owner_committee',
    subject: '业委会拒绝公开公共收益账目',
    facts: '业主多次要求查阅小区停车位、广告位公共收益的收支明细，业委会以账目未审计为由拒绝。',
    received: 130,
    parties: [
      ['周丽华', 'applicant', '13564208871'],
      ['业主委员会 钱主任', 'respondent', '13917653320'],
    ],
    steps: [
      { s: 124, place: '街道人民调解委员会', notes: '向双方说明业主的知情权，业委会同意委托审计后公开。' },
      {
        agree: 118,
        terms: '业委会于 60 日内委托会计师事务所审计近三年公共收益，并在小区公告栏公示审计结果及收支明细。',
        method: '业委会委托审计并张贴公示，居委会监督',
        deadlineIn: 60,
      },
      { sign: 116 },
      { confirm: [110, 100], rulingNo: '（2026）沪0115民特1287号' },
    ],
  },
  {
    type: 'owner_company',
    subject: '物业费上调引发业主集体异议',
    facts:
      '物业服务企业单方面通知物业费上调 0.5 元/平方米·月，部分业主认为未经业主大会同意，拒绝按新标准缴费。',
    received: 95,
    parties: [
      ['孙伟', 'applicant', '13817223456'],
      ['物业服务中心 黄经理', 'respondent', '02158760012'],
    ],
    steps: [
      { s: 90, place: '街道人民调解委员会', notes: '双方对调价程序是否合法分歧明显，物业坚持按新标准收费。' },
      {
        fail: 83,
        route: 'court',
        body: COURT,
        note: '经两次调解双方未能达成一致，已告知当事人可依法向人民法院提起诉讼。',
      },
    ],
  },
  {
    type: 'committee_company',
    subject: '物业服务合同到期后移交纠纷',
    facts: '业委会通知原物业服务企业合同到期不再续聘，原物业以未结清费用为由拒不撤离、不移交资料。',
    received: 75,
    parties: [
      ['业主委员会 吴主任', 'applicant', '13661889021'],
      ['原物业服务企业 郑经理', 'respondent', '02150331188'],
    ],
    steps: [
      {
        s: 70,
        place: '街道人民调解委员会',
        notes: '原物业列出欠费清单，业委会不认可；双方同意暂缓交接，再行核对。',
      },
      { s: 63, place: '街道人民调解委员会', notes: '核对后仍有较大分歧；物业服务合同约定争议提交仲裁。' },
      {
        fail: 62,
        route: 'arbitration',
        body: '上海仲裁委员会',
        note: '调解不成。合同约定仲裁条款，已引导双方向上海仲裁委员会申请仲裁。',
      },
    ],
  },
  {
    type: 'owner_owner',
    subject: '楼道堆物占用消防通道',
    facts: '8 号楼 201 室长期在楼道堆放杂物，邻居认为影响通行和消防安全，双方发生口角。',
    received: 40,
    parties: [
      ['马红梅', 'applicant', '13524118890'],
      ['何志刚', 'respondent', '15800773415'],
    ],
    steps: [
      { s: 36, place: '8 号楼门厅', notes: '201 室同意三日内清理楼道杂物。' },
      { withdraw: 32, note: '杂物已清理，申请人撤回调解申请。' },
    ],
  },
];

/** The demo mediator as an actor (the account seedDemoAccounts created), or null when it is missing. */
async function mediatorActor(deps: Deps): Promise<Actor | null> {
  const u = await deps.database.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', DEMO_MEDIATOR)
    .executeTakeFirst();
  if (!u) return null;
  return {
    userId: u.id,
    username: DEMO_MEDIATOR,
    displayName: u.display_name,
    grants: [{ role: 'mediator', scopeType: 'street', scopeId: DEMO_STREET }],
    csrfToken: '',
    via: 'session',
  };
}

async function insertCommittee(deps: Deps): Promise<string> {
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.database.db
    .insertInto('organisations')
    .values({
      id,
      type: 'mediation_committee',
      kind: null,
      name: DEMO_COMMITTEE,
      short_name: '花木调委会',
      division_code: DEMO_STREET,
      parent_id: null,
      credit_code: null,
      phone: '021-58541234',
      address: '浦东新区花木街道',
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

/** A 花木 case a dispute can come from: a noise or neighbour case of the last months, with its compound. */
async function sourceCase(deps: Deps, since: string) {
  return deps.database.db
    .selectFrom('cases')
    .select(['id', 'compound_id', 'created_at', 'title', 'description', 'reporter_name'])
    .where('street_code', '=', DEMO_STREET)
    .where('category_code', 'in', ['noise', 'thrown_objects', 'dogs'])
    .where('compound_id', 'is not', null)
    .where('created_at', '>=', since)
    .orderBy('case_no')
    .limit(1)
    .executeTakeFirst();
}

export async function seedMediationDemo(deps: Deps): Promise<MediationDemoResult> {
  const result: MediationDemoResult = { disputes: 0, sessions: 0 };
  const actor = await mediatorActor(deps);
  if (!actor) return result;
  const today = shanghaiDate(deps.clock.now());
  const journey = await demoJourneyCompound(deps);
  const inStreet = await deps.database.db
    .selectFrom('compounds')
    .select(['id'])
    .where('street_code', '=', DEMO_STREET)
    .orderBy('name')
    .limit(PLANS.length + 1)
    .execute();
  // The journey compound stays free of disputes when the street has others (a small test registry may not).
  const others = inStreet.filter((c) => c.id !== journey?.id);
  const compounds = others.length ? others : inStreet;
  if (compounds.length === 0) return result;
  const committeeOrgId = await insertCommittee(deps);
  const day = (n: number) => addDays(today, -n);

  // Registered in the order they came in, so the queue (newest first) reads by date.
  const jobs: { receivedOn: string; run: () => Promise<void> }[] = PLANS.map((p, i) => ({
    receivedOn: day(p.received),
    run: async () => {
      const receivedOn = day(p.received);
      const { id } = await createDispute(
        at(deps, receivedOn),
        actor,
        {
          type: p.type,
          subject: p.subject,
          facts: p.facts,
          compoundId: compounds[i % compounds.length].id,
          committeeOrgId,
          mediatorUserId: actor.userId,
          receivedOn,
          parties: p.parties.map(([name, side, phone]) => ({
            name,
            side: side as 'applicant' | 'respondent',
            phone,
          })),
        },
        'seed',
      );
      result.disputes++;
      result.sessions += await runSteps(deps, actor, id, p.steps, day);
    },
  }));

  // Turned from a real case: a neighbour case of the last six weeks becomes a dispute the day after it came in.
  const c = await sourceCase(deps, addDays(today, -42));
  if (c?.compound_id) {
    const compoundId = c.compound_id;
    const caseDay = shanghaiDate(new Date(c.created_at));
    const receivedOn = addDays(caseDay, 1) > today ? today : addDays(caseDay, 1);
    jobs.push({
      receivedOn,
      run: async () => {
        const { id } = await createDispute(
          at(deps, receivedOn),
          actor,
          {
            type: 'owner_owner',
            subject: c.title.slice(0, 200),
            facts: `${c.description}（由热线案件转人民调解：处置后邻里仍有矛盾，双方同意调解。）`.slice(
              0,
              4000,
            ),
            compoundId,
            committeeOrgId,
            mediatorUserId: actor.userId,
            receivedOn,
            parties: [
              { side: 'applicant', name: c.reporter_name ?? '报告人' },
              { side: 'respondent', name: '邻居 黄先生', phone: '13795521006' },
            ],
            caseId: c.id,
          },
          'seed',
        );
        result.disputes++;
        const first = addDays(receivedOn, 3) > today ? today : addDays(receivedOn, 3);
        await recordSession(
          at(deps, first),
          actor,
          id,
          {
            version: 1,
            heldOn: first,
            place: '居委会调解室',
            notes: '上门听取双方意见，约定作息时间内控制音量，双方同意观察两周后再议。',
          },
          'seed',
        );
        result.sessions++;
      },
    });
  }
  jobs.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  for (const job of jobs) await job.run();
  return result;
}

/** A dispute's sessions and outcome, each on its day; returns the number of sessions recorded. */
async function runSteps(
  deps: Deps,
  actor: Actor,
  id: string,
  steps: Step[],
  day: (n: number) => string,
): Promise<number> {
  let version = 1;
  let sessions = 0;
  const on = (n: number) => at(deps, day(n));
  for (const step of steps) {
    let v: { version: number };
    if ('s' in step) {
      v = await recordSession(
        on(step.s),
        actor,
        id,
        {
          version,
          heldOn: day(step.s),
          place: step.place,
          notes: step.notes,
        },
        'seed',
      );
      sessions++;
    } else if ('agree' in step) {
      const agreedOn = day(step.agree);
      v = await act(
        on(step.agree),
        actor,
        id,
        {
          action: 'agree',
          version,
          agreedOn,
          facts: '双方对纠纷事实无异议，经人民调解委员会主持调解，自愿达成如下协议。',
          terms: step.terms,
          performanceMethod: step.method,
          performanceDeadline: addDays(agreedOn, step.deadlineIn),
        },
        'seed',
      );
    } else if ('sign' in step) {
      v = await act(on(step.sign), actor, id, { action: 'sign', version, signedOn: day(step.sign) }, 'seed');
    } else if ('confirm' in step) {
      const [applied, ruled] = step.confirm;
      v = await act(
        on(ruled),
        actor,
        id,
        {
          action: 'confirm',
          version,
          court: COURT,
          appliedOn: day(applied),
          ruledOn: day(ruled),
          rulingNo: step.rulingNo,
        },
        'seed',
      );
    } else if ('fail' in step) {
      v = await act(
        on(step.fail),
        actor,
        id,
        {
          action: 'fail',
          version,
          on: day(step.fail),
          route: step.route,
          body: step.body,
          note: step.note,
        },
        'seed',
      );
    } else {
      v = await act(
        on(step.withdraw),
        actor,
        id,
        {
          action: 'withdraw',
          version,
          on: day(step.withdraw),
          note: step.note,
        },
        'seed',
      );
    }
    version = v.version;
  }
  return sessions;
}
