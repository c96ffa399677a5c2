// Demo maintenance fund (demo mode only): every 花木 compound has its fund account with a ledger per building and
// unit, the initial deposits (首期) of its units and yearly interest; in the demo committee's compound a lift
// repair of the demo owner's building went the whole legal way last spring — a use_fund decision of that building's owners, counted,
// posted, then paid and shared by area (《规定》 Arts 68–69) — which left that building's ledgers under 30 % of
// their initial deposits, so the top-up of Art 65 shows; emergency repairs (第七十三条) follow in
// fund-emergency-demo.ts. Everything goes through the fund and governance
// services (audited, the same rules as users meet), with a clock set to the day each step happened.
// Demo figures, not rules: 首期 at ¥80 per m² of building area, interest at 1.5 % a year.
import { addDays, shanghaiDate } from '../../domain/calendar.js';
import { formatYuan } from '../../domain/money.js';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/http/context.js';
import { recordDeskBallot } from '../modules/governance/decisions/ballots.service.js';
import { actOnDecision, createDecision } from '../modules/governance/decisions/decisions.service.js';
import { openAccount, payOnDecision, recordEntries } from '../modules/fund/fund.service.js';
import { demoCommitteeCompound, demoOwnerIn } from './demo-accounts.js';
import { seedFundApplications, seedFundEmergencies } from './fund-emergency-demo.js';
import { seedMeetingNotices } from './governance-duties-demo.js';

const DEMO_STREET = '310115016'; // 花木街道
const FEN_PER_CENTI_M2 = 80; // ¥80 per m² = 8,000 fen per 100 centi-m²
const INTEREST_PERCENT = 1.5;

const SEED_ACTOR: Actor = {
  userId: 'seed',
  username: 'seed',
  displayName: '演示数据',
  grants: [{ role: 'admin', scopeType: 'city', scopeId: 'all' }],
  csrfToken: '',
  via: 'session',
};

export interface FundDemoResult {
  accounts: number;
  entries: number;
  payments: number;
  /** Emergency repair reports (第七十三条, fund-emergency-demo.ts). */
  emergencies: number;
  /** Use applications before the assembly (第七十一条第二款). */
  applications: number;
}

const at = (deps: Deps, day: string): Deps => {
  const when = new Date(`${day}T02:00:00Z`); // 10:00 in Shanghai
  return { ...deps, clock: { now: () => when } };
};

export async function seedFundDemo(deps: Deps): Promise<FundDemoResult> {
  const db = deps.database.db;
  const today = shanghaiDate(deps.clock.now());
  const thisYear = Number(today.slice(0, 4));
  const compounds = await db
    .selectFrom('compounds')
    .select(['id', 'first_delivery_on'])
    .where('street_code', '=', DEMO_STREET)
    .orderBy('id')
    .execute();
  const result: FundDemoResult = { accounts: 0, entries: 0, payments: 0, emergencies: 0, applications: 0 };
  for (const c of compounds) {
    const opened =
      c.first_delivery_on && c.first_delivery_on > '2000-01-01' ? c.first_delivery_on : '2010-06-30';
    await openAccount(
      at(deps, opened),
      SEED_ACTOR,
      c.id,
      { bankName: '上海银行浦东分行', accountName: '花木街道住宅专项维修资金专户', openedOn: opened },
      'seed',
    );
    result.accounts++;
    const units = await db
      .selectFrom('units')
      .select(['id', 'registered_area', 'surveyed_area', 'contract_area'])
      .where('compound_id', '=', c.id)
      .execute();
    const deposits = units
      .map((u) => ({ unitId: u.id, centi: u.registered_area ?? u.surveyed_area ?? u.contract_area ?? 0 }))
      .filter((u) => u.centi > 0);
    if (deposits.length === 0) continue;
    const r = await recordEntries(
      at(deps, opened),
      SEED_ACTOR,
      c.id,
      {
        kind: 'initial_deposit',
        on: opened,
        memo: '首期专项维修资金交存',
        items: deposits.map((u) => ({ unitId: u.unitId, amount: formatYuan(u.centi * FEN_PER_CENTI_M2) })),
      },
      'seed',
    );
    result.entries += r.entries;
    // Interest for the last three full years, on each unit's deposit (the demo keeps it simple).
    for (let year = thisYear - 3; year < thisYear; year++) {
      const on = `${year}-12-21`;
      if (on <= opened) continue;
      const i = await recordEntries(
        at(deps, on),
        SEED_ACTOR,
        c.id,
        {
          kind: 'interest',
          on,
          memo: `${year} 年度利息结算`,
          items: deposits.map((u) => ({
            unitId: u.unitId,
            amount: formatYuan(
              Math.max(1, Math.round((u.centi * FEN_PER_CENTI_M2 * INTEREST_PERCENT) / 100)),
            ),
          })),
        },
        'seed',
      );
      result.entries += i.entries;
    }
  }
  if (await seedLiftRepair(deps, today)) result.payments++;
  const e = await seedFundEmergencies(deps, today);
  result.emergencies += e.reports;
  result.payments += e.payments;
  const a = await seedFundApplications(deps, today);
  result.applications += a.applications;
  result.payments += a.payments;
  return result;
}

/**
 * 1 号楼's lift repair in the demo committee's compound: the vote of that building's owners (written, noticed
 * 15 days before, most of them for it), closed and posted, then paid at 75 % of the building's fund.
 */
async function seedLiftRepair(deps: Deps, today: string): Promise<boolean> {
  const compound = await demoCommitteeCompound(deps);
  if (!compound) return false;
  const db = deps.database.db;
  // The demo owner's building, so that the owner's home shows his share of the repair.
  const owner = await demoOwnerIn(deps, compound.id);
  let q = db.selectFrom('buildings').select(['id', 'name']).where('compound_id', '=', compound.id);
  if (owner) q = q.where('id', '=', owner.building_id);
  const building = await q.orderBy('name').executeTakeFirst();
  if (!building) return false;
  const noticed = addDays(today, -200);
  const opens = addDays(today, -185);
  const closes = addDays(today, -170);
  const created = await createDecision(
    at(deps, noticed),
    SEED_ACTOR,
    {
      compoundId: compound.id,
      scope: 'buildings',
      buildingIds: [building.id],
      matter: 'use_fund',
      method: 'written',
      title: `使用专项维修资金更换${building.name}电梯主机`,
      description: `${building.name}两部电梯已运行十八年，年检提出整改意见。拟使用本幢专项维修资金更换主机及控制柜，经审价后列支。`,
      opensAt: `${opens}T01:00:00Z`,
      closesAt: `${closes}T10:00:00Z`,
      noticeDays: 15,
    },
    'zh-CN',
    'seed',
  );
  // 《规定》 Art 25 ¶2: the 房管机构 and the 居民委员会 were told in writing before the vote.
  await seedMeetingNotices(at(deps, noticed), SEED_ACTOR, created.id, noticed);
  const opened = await actOnDecision(
    at(deps, opens),
    SEED_ACTOR,
    created.id,
    { action: 'open', version: created.version, noticePostedOn: noticed },
    'zh-CN',
    'seed',
  );
  const roll = await db
    .selectFrom('decision_units')
    .select(['unit_id'])
    .where('decision_id', '=', created.id)
    .orderBy('unit_id')
    .execute();
  const voted = new Set<string>();
  for (const [i, u] of roll.entries()) {
    if (i % 7 === 6) continue; // some owners never answer
    const owner = await db
      .selectFrom('decision_units')
      .select('owner_id')
      .where('decision_id', '=', created.id)
      .where('unit_id', '=', u.unit_id)
      .executeTakeFirstOrThrow();
    if (voted.has(owner.owner_id)) continue;
    voted.add(owner.owner_id);
    await recordDeskBallot(
      at(deps, addDays(opens, 1 + (i % 10))),
      SEED_ACTOR,
      created.id,
      { unitId: u.unit_id, choice: i % 9 === 4 ? 'no' : 'yes', channel: 'desk' },
      'seed',
    );
  }
  const closed = await actOnDecision(
    at(deps, addDays(closes, 1)),
    SEED_ACTOR,
    created.id,
    { action: 'close', version: opened.version },
    'zh-CN',
    'seed',
  );
  await actOnDecision(
    at(deps, addDays(closes, 2)),
    SEED_ACTOR,
    created.id,
    { action: 'publish', version: closed.version },
    'zh-CN',
    'seed',
  );
  const ledger = await db
    .selectFrom('fund_building_ledgers')
    .select('balance_fen')
    .where('building_id', '=', building.id)
    .executeTakeFirst();
  if (!ledger || ledger.balance_fen <= 0) return false;
  const paidOn = addDays(closes, 40);
  // The committee instructs the bank (fund.pay belongs to the compound's owners' committee, not the administrator).
  const committee: Actor = {
    ...SEED_ACTOR,
    grants: [{ role: 'owners_committee_member', scopeType: 'compound', scopeId: compound.id }],
  };
  await payOnDecision(
    at(deps, paidOn),
    committee,
    compound.id,
    {
      reference: `HM-${paidOn.replace(/-/g, '')}-001`,
      title: `${building.name}电梯主机更换（审价后）`,
      cost: formatYuan(Math.floor(Number(ledger.balance_fen) * 0.75)),
      decisionId: created.id,
      paidOn,
    },
    'seed',
  );
  return true;
}
