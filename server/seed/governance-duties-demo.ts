// Demo data of the governance duties (issue 14 items 6–10, 16), through the services where a user would act:
// the open decision's written notices to the 房管办 and the 居委会 (Art 25 ¶2), the filing files of the
// committees that filed (Art 23 ¶1), an owners' petition at 20 % and a members' request at one third
// (Arts 25 ¶1, 26 ¶1) in the demo committee's compound, a member who resigned with the handover due (Art 30)
// in another 花木 committee, and a compound exempt from forming an assembly (Art 13 ¶2).
import { addDays, shanghaiDate } from '../../domain/calendar.js';
import { FILING_MATERIALS, type FilingMaterial } from '../../domain/governance-duties.js';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/http/context.js';
import { newId } from '../platform/ids.js';
import { endMembership } from '../modules/governance/committees/members.service.js';
import * as dutiesRepo from '../modules/governance/duties/duties.repo.js';
import { recordExemption } from '../modules/governance/duties/exemptions.service.js';
import { recordMeetingNotice } from '../modules/governance/duties/meeting-notices.service.js';
import { recordPetition } from '../modules/governance/duties/petitions.service.js';
import { correctViolation, recordViolation } from '../modules/governance/records/violations.service.js';
import { demoCommitteeCompound } from './demo-accounts.js';

const HUAMU = '310115016';
const ZHANGJIANG = '310115125';

const MATERIAL_TEXT: Record<FilingMaterial, string> = {
  assembly_minutes: '首次业主大会会议记录及表决结果公告',
  rules_of_procedure: '业主大会议事规则（业主大会通过稿）',
  management_statute: '管理规约（业主大会通过稿）',
  fund_statute: '专项维修资金管理规约（业主大会通过稿）',
  member_list: '业主委员会委员名单、基本情况表及书面承诺书',
  training_records: '街道组织的委员培训签到表',
};

/** The written notices of Art 25 ¶2 for a decision, named after the street's 房管办 and the compound's 居委会. */
export async function seedMeetingNotices(deps: Deps, actor: Actor, decisionId: string, on: string) {
  const db = deps.database.db;
  const d = await db
    .selectFrom('decisions')
    .innerJoin('compounds', 'compounds.id', 'decisions.compound_id')
    .select(['compounds.street_code', 'compounds.residents_committee_id'])
    .where('decisions.id', '=', decisionId)
    .executeTakeFirstOrThrow();
  const orgName = async (q: Promise<{ name: string } | undefined>, fallback: string) =>
    (await q)?.name ?? fallback;
  const office = await orgName(
    db
      .selectFrom('organisations')
      .select('name')
      .where('type', '=', 'housing_office')
      .where('division_code', '=', d.street_code)
      .executeTakeFirst(),
    '房管办事处',
  );
  const rc = d.residents_committee_id
    ? await orgName(
        db
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', d.residents_committee_id)
          .executeTakeFirst(),
        '居民委员会',
      )
    : '居民委员会';
  for (const [recipient, recipientName] of [
    ['housing_office', office],
    ['residents_committee', rc],
  ] as const) {
    await recordMeetingNotice(
      deps,
      actor,
      decisionId,
      {
        recipient,
        recipientName,
        notifiedOn: on,
        note: '书面通知会议时间、地点、议题和议程，并邀请派代表参加',
      },
      'seed',
    );
  }
}

export async function seedGovernanceDuties(deps: Deps, actor: Actor): Promise<void> {
  await seedFilingFiles(deps);
  const today = shanghaiDate(deps.clock.now());
  const compound = await demoCommitteeCompound(deps);
  if (compound) await seedPetitions(deps, actor, compound.id, today);
  if (compound) await seedViolations(deps, actor, compound.id, today);
  await seedHandover(deps, actor, compound?.id ?? null, today);
  await seedExemption(deps, actor, today);
}

/** Every committee that submitted its filing brought the six materials with it (bulk, history). */
async function seedFilingFiles(deps: Deps) {
  const db = deps.database.db;
  const now = deps.clock.now().toISOString();
  const filed = await db
    .selectFrom('committees')
    .select(['id', 'compound_id', 'filing_submitted_on'])
    .where('filing_submitted_on', 'is not', null)
    .execute();
  const rows = filed.flatMap((k) =>
    FILING_MATERIALS.map((material) => ({
      id: newId(),
      committee_id: k.id,
      compound_id: k.compound_id,
      material,
      provided_on: k.filing_submitted_on!,
      description: MATERIAL_TEXT[material],
      created_by: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })),
  );
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('committee_filing_materials')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/**
 * The register of Art 20 ¶2 grounds in the demo committee's compound: a 违法搭建 on a roof terrace not yet
 * corrected (its owners may not stand for the committee) and a 违法出租 (群租) corrected after the street's
 * notice — what a newcomer sees on the compound's 违规情形 tab and in the candidate check.
 */
async function seedViolations(deps: Deps, actor: Actor, compoundId: string, today: string) {
  const units = await deps.database.db
    .selectFrom('units')
    .select('id')
    .where('compound_id', '=', compoundId)
    .orderBy('id')
    .limit(40)
    .execute();
  if (units.length < 40) return;
  await recordViolation(
    deps,
    actor,
    compoundId,
    {
      unitId: units[7].id,
      ground: 'illegal_construction',
      foundOn: addDays(today, -45),
      note: '屋顶露台搭建阳光房，城管中队已立案（浦城管花木立〔2026〕第117号）',
    },
    'zh-CN',
    'seed',
  );
  const renting = await recordViolation(
    deps,
    actor,
    compoundId,
    {
      unitId: units[31].id,
      ground: 'illegal_renting',
      foundOn: addDays(today, -120),
      note: '一套住房分隔出租给 9 人（群租），街道发出整改通知',
    },
    'zh-CN',
    'seed',
  );
  await correctViolation(
    deps,
    actor,
    renting.id,
    { version: renting.version, on: addDays(today, -80) },
    'zh-CN',
    'seed',
  );
}

/** An owners' petition that reaches 20 %, one that does not, and two members asking for a meeting. */
async function seedPetitions(deps: Deps, actor: Actor, compoundId: string, today: string) {
  const db = deps.database.db;
  const k = await db
    .selectFrom('committees')
    .select(['id', 'elected_on'])
    .where('compound_id', '=', compoundId)
    .where('status', '=', 'current')
    .executeTakeFirst();
  if (!k) return;
  const owners = await dutiesRepo.ownerPersons(db, compoundId, today);
  const on = (days: number) => {
    const d = addDays(today, -days);
    return d < k.elected_on ? k.elected_on : d;
  };
  await recordPetition(
    deps,
    actor,
    k.id,
    {
      kind: 'assembly',
      receivedOn: on(40),
      subject: '提议讨论增设电动自行车充电棚',
      proposers: Math.max(1, Math.ceil(owners / 10)),
    },
    'seed',
  );
  await recordPetition(
    deps,
    actor,
    k.id,
    {
      kind: 'assembly',
      receivedOn: on(6),
      subject: '提议召开业主大会临时会议，讨论续聘或另聘物业服务企业',
      proposers: Math.ceil(owners / 5),
    },
    'seed',
  );
  const members = await db
    .selectFrom('committee_members')
    .select('id')
    .where('committee_id', '=', k.id)
    .where('ended_on', 'is', null)
    .orderBy('joined_on')
    .orderBy('id')
    .execute();
  const third = Math.ceil(members.length / 3);
  if (third > 0) {
    await recordPetition(
      deps,
      actor,
      k.id,
      {
        kind: 'committee',
        receivedOn: on(2),
        subject: '提议召开临时会议，研究地下车库渗水维修',
        memberIds: members.slice(members.length - third).map((m) => m.id),
      },
      'seed',
    );
  }
}

/** In another 花木 committee a member resigned three days ago: the Art 30 handover is due in 10 days. */
async function seedHandover(deps: Deps, actor: Actor, exclude: string | null, today: string) {
  const db = deps.database.db;
  let q = db
    .selectFrom('committees')
    .innerJoin('compounds', 'compounds.id', 'committees.compound_id')
    .select(['committees.id', 'committees.elected_on'])
    .where('compounds.street_code', '=', HUAMU)
    .where('committees.status', '=', 'current')
    .where('committees.elected_on', '<', addDays(today, -30));
  if (exclude) q = q.where('compounds.id', '!=', exclude);
  const k = await q.orderBy('compounds.name').limit(1).executeTakeFirst();
  if (!k) return;
  const m = await db
    .selectFrom('committee_members')
    .select(['id', 'version'])
    .where('committee_id', '=', k.id)
    .where('position', '=', 'member')
    .where('ended_on', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!m) return;
  await endMembership(
    deps,
    actor,
    k.id,
    m.id,
    { version: m.version, on: addDays(today, -3), reason: 'resigned' },
    'seed',
  );
}

/** The compound with the fewest owners and no assembly (outside the journeys' streets): all owners agreed. */
async function seedExemption(deps: Deps, actor: Actor, today: string) {
  const db = deps.database.db;
  const candidates = await db
    .selectFrom('compounds')
    .select('id')
    // 花木 keeps its one compound without an assembly for the street journeys, 张江 for the formation journey.
    .where('street_code', 'not in', [HUAMU, ZHANGJIANG])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('committees').select('id').whereRef('committees.compound_id', '=', 'compounds.id')),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('gov_formations')
            .select('id')
            .whereRef('gov_formations.compound_id', '=', 'compounds.id'),
        ),
      ),
    )
    .orderBy('id')
    .execute();
  let best: { id: string; owners: number } | null = null;
  for (const c of candidates) {
    const owners = await dutiesRepo.ownerPersons(db, c.id, today);
    if (owners > 0 && (!best || owners < best.owners)) best = { id: c.id, owners };
  }
  if (!best) return;
  await recordExemption(
    deps,
    actor,
    best.id,
    {
      reason: 'unanimous',
      agreedOn: addDays(today, -60),
      agreedOwners: best.owners,
      note: '全体业主书面一致同意不成立业主大会，由业主共同履行业主大会、业主委员会职责',
    },
    'seed',
  );
}
