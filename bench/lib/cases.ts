// Deterministic, plausible case history for benchmarks, written straight into cases + case_events with
// bulkInserter (batches inside transactions). Two years before END (2026-11-26 00:00 Shanghai), created
// in time order (ids ascend like UUIDv7, so the primary-key B-trees append), spread over the seeded
// compounds; routed like the server does (responsibility list → project office / street squad / district
// department / utility covering the street); deadlines from the SLA policies and the working-day
// calendar; statuses in realistic proportions (most revisited or closed, ~5 % open, ~1 % overdue) with
// next_due_at / due_state exactly as the server derives them. Closed cases get 6 events (7 once
// revisited), open ones 2–5.
import { sql } from 'kysely';
import type { Database } from '../../server/platform/db/database.js';
import { bulkInserter } from '../../server/platform/db/bulk.js';
import type { CaseEventTable, CaseTable } from '../../server/platform/db/schema.js';
import { prng } from '../../server/seed/synthetic.js';
import { caseReference } from '../../server/modules/cases/cases.reference.js';
import { NO_DEADLINE } from '../../server/modules/cases/cases.repo.js';
import { nextDeadline } from '../../server/modules/cases/cases.service.js';
import { chooseRule } from '../../domain/routing.js';
import { deadline, dueState, policyFor, type SlaFacts, type SlaStage } from '../../domain/sla.js';
import { shanghaiDate, startOfShanghaiDay } from '../../domain/calendar.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** "Now" of the generated history: 2026-11-26 00:00 Asia/Shanghai. */
export const END = startOfShanghaiDay('2026-11-26').getTime();
export const START = END - 730 * DAY;

// Category mix of a Shanghai district's 12345 / grid workload (share of cases).
const CATEGORY_WEIGHTS: [string, number][] = [
  ['repair.ordinary', 14],
  ['property_service_complaint', 8],
  ['parking', 8],
  ['noise', 7],
  ['rubbish_sorting', 6],
  ['illegal_construction', 6],
  ['ebike_stairwell', 5],
  ['lift', 5],
  ['group_renting', 4],
  ['dogs', 4],
  ['fee_price', 3],
  ['fire_lane', 3],
  ['repair.urgent.water_burst', 3],
  ['repair.urgent.drain_overflow', 3],
  ['repair.urgent.roof_leak', 3],
  ['repair.urgent.lift_trapped', 2],
  ['repair.urgent.power_outage', 2],
  ['repair.urgent.water_outage', 2],
  ['thrown_objects', 2],
  ['water_quality', 2],
  ['committee_complaint', 2],
  ['repair.urgent.facade_falling', 1],
  ['repair.urgent.fire_facility', 1],
  ['repair.urgent.gas_leak', 1],
  ['other', 4],
];
const CHANNEL_WEIGHTS: [string, number][] = [
  ['hotline12345', 58],
  ['gridInspection', 20],
  ['residentWeb', 8],
  ['hotline962121', 6],
  ['propertyCompany', 5],
  ['departmentReferral', 3],
];
const ATTRIBUTE_VALUES: Record<string, (string | boolean)[]> = {
  meterPosition: ['before', 'at', 'after', 'after', 'after'],
  part: ['common', 'common', 'own'],
  underConstruction: [true, false, false],
};
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹'];
const HOUR_WEIGHTS = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.4, 1.6, 1.6, 1.4, 1.0, 1.2, 1.5, 1.5, 1.4, 1.2, 0.9, 0.9, 0.8,
  0.6, 0.4, 0.3,
];

type Rng = ReturnType<typeof prng>;

function weighted<T>(pairs: [T, number][]): (r: Rng) => T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of pairs) cum.push((acc += w / total));
  return (r) => {
    const u = r.next();
    for (let i = 0; i < cum.length; i++) if (u < cum[i]) return pairs[i][0];
    return pairs[pairs.length - 1][0];
  };
}

/** Increasing UUID-shaped ids from a millisecond time and a counter (deterministic). */
function idMaker(prefixNibble: string) {
  let n = 0;
  let lastMs = 0;
  return (ms: number) => {
    if (ms <= lastMs) ms = lastMs;
    lastMs = ms;
    const t = Math.floor(ms).toString(16).padStart(12, '0');
    const c = (n++).toString(16).padStart(13, '0');
    return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${c.slice(0, 3)}-${prefixNibble}${c.slice(3, 6)}-${c.slice(6, 13)}00000`;
  };
}

interface Org {
  id: string;
  name: string;
  type: string;
  kind: string | null;
  division_code: string;
}

export interface GenerateResult {
  cases: number;
  events: number;
  byStatus: Record<string, number>;
  byDueState: Record<string, number>;
  seconds: number;
}

export async function generateCases(
  database: Database,
  total: number,
  seed = 7,
  progress: (done: number, total: number, events: number) => void = () => {},
): Promise<GenerateResult> {
  const started = performance.now();
  const db = database.db;
  const ref = await caseReference(db);
  const compounds = await db
    .selectFrom('compounds')
    .select(['id', 'name', 'district_code', 'street_code', 'grid_cell_id', 'lat', 'lng', 'address'])
    .orderBy('id')
    .execute();
  if (!compounds.length) throw new Error('no compounds: seed the registry first');
  const contracts = await db
    .selectFrom('service_contracts')
    .select(['compound_id', 'company_id', 'project_office_id', 'starts_on'])
    .orderBy('starts_on')
    .execute();
  const provider = new Map<string, string>();
  for (const c of contracts) provider.set(c.compound_id, c.project_office_id ?? c.company_id);
  const orgs = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'type', 'kind', 'division_code'])
    .execute();
  const orgById = new Map<string, Org>(orgs.map((o) => [o.id, o]));
  const coverage = await db.selectFrom('organisation_coverage').selectAll().execute();
  // Organisations of a type/kind covering a street: street-level first (like organisationsCovering).
  const covering = new Map<string, Org>();
  const offer = (key: string, o: Org) => {
    const cur = covering.get(key);
    if (
      !cur ||
      o.division_code.length > cur.division_code.length ||
      (o.division_code.length === cur.division_code.length && o.name < cur.name)
    )
      covering.set(key, o);
  };
  for (const o of orgs) offer(`${o.type}|${o.kind ?? ''}|${o.division_code}`, o);
  for (const c of coverage) {
    const o = orgById.get(c.organisation_id);
    if (o) offer(`${o.type}|${o.kind ?? ''}|${c.division_code}`, o);
  }
  const concrete = (
    type: string,
    kind: string | null,
    street: string,
    compoundId: string | null,
  ): Org | null => {
    if (type === 'property_company') {
      const id = compoundId ? provider.get(compoundId) : undefined;
      return id ? (orgById.get(id) ?? null) : null;
    }
    return covering.get(`${type}|${kind ?? ''}|${street}`) ?? null;
  };
  const streetOffice = (street: string) => covering.get(`street_office||${street}`) ?? null;
  const streetNames = new Map(
    (await db.selectFrom('divisions').select(['code', 'name']).execute()).map((d) => [d.code, d.name]),
  );

  const r = prng(seed);
  const pickCategory = weighted(CATEGORY_WEIGHTS);
  const pickChannel = weighted(CHANNEL_WEIGHTS);
  const pickHour = weighted(HOUR_WEIGHTS.map((w, h) => [h, w] as [number, number]));
  const recentOpen = weighted<string>([
    ['received', 8],
    ['accepted', 7],
    ['dispatched', 15],
    ['signed', 45],
    ['reported', 15],
    ['verified', 10],
  ]);
  const middleOpen = weighted<string>([
    ['received', 3],
    ['accepted', 3],
    ['dispatched', 7],
    ['signed', 40],
    ['reported', 27],
    ['verified', 20],
  ]);
  const oldOpen = weighted<string>([
    ['parked', 38],
    ['suspended', 20],
    ['reported', 18],
    ['verified', 12],
    ['signed', 10],
    ['dispatched', 2],
  ]);
  const pickSatisfaction = weighted<string>([
    ['satisfied', 78],
    ['basicallySatisfied', 16],
    ['dissatisfied', 6],
  ]);
  const caseId = idMaker('a');
  const eventId = idMaker('b');
  const categories = ref.categories;
  const now = new Date(END);

  // Cases per Shanghai day: weekends lighter, summer busier; exact total.
  const weights: number[] = [];
  for (let d = 0; d < 730; d++) {
    const t = new Date(START + d * DAY + 12 * HOUR);
    const wd = t.getUTCDay();
    const month = Number(shanghaiDate(t).slice(5, 7));
    weights.push((wd === 0 || wd === 6 ? 0.75 : 1) * (month >= 6 && month <= 9 ? 1.15 : 1));
  }
  const wsum = weights.reduce((a, b) => a + b, 0);
  const perDay: number[] = [];
  let assigned = 0;
  let cumulative = 0;
  for (let d = 0; d < 730; d++) {
    cumulative += (weights[d] / wsum) * total;
    const upto = d === 729 ? total : Math.round(cumulative);
    perDay.push(upto - assigned);
    assigned = upto;
  }

  const byStatus: Record<string, number> = {};
  const byDueState: Record<string, number> = {};
  let caseSeq = 0; // the case-number sequence (case_no_seq): one for all districts and days
  const lastInCompound = new Map<string, string>();
  let done = 0;
  let events = 0;
  const iso = (ms: number) => new Date(ms).toISOString();

  // Transactions of ~20,000 cases (whole days): small ones pay a WAL checkpoint (fsync) each. Rows of
  // a chunk are generated first, then written; on PostgreSQL two chunks are written at once (two
  // connections) so that building the INSERTs here overlaps with the server executing them.
  const TX_CASES = 20_000;
  const parallel = database.dialect === 'postgres' ? 2 : 1;
  const writing: Promise<void>[] = [];
  const write = (
    rows: { cases: CaseTable[]; events: CaseEventTable[] },
    doneNow: number,
    eventsNow: number,
  ) =>
    db
      .transaction()
      .execute(async (trx) => {
        // PostgreSQL: skip the per-row foreign-key triggers of this bulk load (every referenced id was
        // just read from the database); SQLite checks them cheaply.
        if (database.dialect === 'postgres')
          await sql`set local session_replication_role = replica`.execute(trx);
        const b = bulkInserter(database, trx, 1000);
        for (const c of rows.cases) await b.add('cases', c);
        await b.flush();
        for (const e of rows.events) await b.add('case_events', e);
        await b.flush();
      })
      .then(() => progress(doneNow, total, eventsNow));
  for (let first = 0; first < 730;) {
    let last = first;
    let n = perDay[first];
    while (last + 1 < 730 && n < TX_CASES) n += perDay[++last];
    const chunk = { cases: [] as CaseTable[], events: [] as CaseEventTable[] };
    {
      for (let d = first; d <= last; d++) {
        const dayStart = START + d * DAY;
        const times: number[] = [];
        for (let i = 0; i < perDay[d]; i++)
          times.push(dayStart + pickHour(r) * HOUR + Math.floor(r.next() * HOUR));
        times.sort((a, b) => a - b);
        for (const created of times) {
          const compound = r.chance(0.95) ? compounds[Math.floor(r.next() * compounds.length)] : null;
          const place = compound ?? compounds[Math.floor(r.next() * compounds.length)];
          const street = place.street_code;
          const district = place.district_code;
          const categoryCode = pickCategory(r);
          const category = categories.get(categoryCode)!;
          const channel = pickChannel(r);
          const attributes: Record<string, string | boolean> = {};
          for (const k of category.attributes) attributes[k] = r.pick(ATTRIBUTE_VALUES[k] ?? ['unknown']);
          const facts: SlaFacts = { categoryCode, channel, attributes };
          const rule = chooseRule(ref.rules, { categoryCode, attributes, districtCode: district });
          let lead = rule ? concrete(rule.orgType, rule.orgKind, street, compound?.id ?? null) : null;
          const routingRule = lead && rule ? `v${rule.listVersion}:${rule.id}` : 'fallback';
          const office = streetOffice(street);
          lead ??= office;

          // Status from the case's age (recent ones are more often still open).
          const age = (END - created) / DAY;
          const openP = age < 7 ? 0.7 : age < 60 ? 0.2 : 0.03;
          let status: string;
          if (r.next() < openP) status = (age < 7 ? recentOpen : age < 60 ? middleOpen : oldOpen)(r);
          else {
            const u = r.next();
            status =
              u < 0.03
                ? 'declined'
                : u < 0.05 && compound && lastInCompound.has(compound.id)
                  ? 'merged'
                  : r.next() < (age < 30 ? 0.5 : 0.04)
                    ? 'closed'
                    : 'revisited';
          }
          // The timeline up to that status; delays squeezed to fit before END.
          const steps: Record<string, number> = {};
          let t = created;
          const step = (name: string, delay: number) => (steps[name] = t = t + delay);
          const policy = (stage: SlaStage) => policyFor(ref.policies, stage, facts);
          const acceptP = policy('accept');
          const signP = policy('sign');
          const arriveP = policy('arrive');
          const resolveP = policy('resolve');
          const urgentish = category.urgent;
          const path: string[] =
            status === 'received'
              ? ['comment']
              : status === 'accepted'
                ? ['accept']
                : status === 'declined'
                  ? ['decline']
                  : status === 'merged'
                    ? ['merge']
                    : ['dispatch'];
          const reached = (s: string) => {
            const order = ['dispatched', 'signed', 'reported', 'verified', 'closed', 'revisited'];
            const at = order.indexOf(status === 'suspended' || status === 'parked' ? 'signed' : status);
            return at >= order.indexOf(s) && at >= 0;
          };
          if (reached('signed')) path.push('signFor');
          const arrives = !!arriveP && reached('signed') && (reached('reported') || r.chance(0.7));
          if (arrives) path.push('arriveOnSite');
          if (reached('reported')) path.push('reportBack');
          if (reached('verified')) path.push('verifyPass');
          if (reached('closed')) path.push('close');
          if (reached('revisited')) path.push('revisit');
          if (status === 'suspended') path.push('suspend');
          if (status === 'parked') path.push('parkLongTerm');
          const resolveSpan = resolveP
            ? deadline(ref.calendar, new Date(created), resolveP).getTime() - created
            : 5 * DAY;
          const delays: Record<string, () => number> = {
            comment: () => (0.2 + r.next() * 3) * HOUR,
            accept: () => (urgentish ? 0.1 + r.next() : 0.3 + r.next() * (r.chance(0.97) ? 20 : 40)) * HOUR,
            decline: () => (0.3 + r.next() * 10) * HOUR,
            merge: () => (0.3 + r.next() * 10) * HOUR,
            dispatch: () => (urgentish ? 0.1 + r.next() : 0.3 + r.next() * (r.chance(0.97) ? 20 : 40)) * HOUR,
            signFor: () =>
              (urgentish ? 0.05 + r.next() * 0.5 : 0.2 + r.next() * (r.chance(0.95) ? 18 : 60)) * HOUR,
            arriveOnSite: () => (urgentish ? 0.2 + r.next() * 1.8 : 1 + r.next() * 20) * HOUR,
            reportBack: () => resolveSpan * (0.15 + r.next() * (r.chance(0.9) ? 0.6 : 1.4)),
            verifyPass: () => (1 + r.next() * 30) * HOUR,
            close: () => (0.1 + r.next() * 8) * HOUR,
            revisit: () => (4 + r.next() * 70) * HOUR,
            suspend: () => (2 + r.next() * 10) * DAY,
            parkLongTerm: () => (5 + r.next() * 25) * DAY,
          };
          const raw = path.map((p) => delays[p]());
          const span = raw.reduce((a, x) => a + x, 0);
          const room = END - created - 60_000;
          const squeeze = span > room ? room / span : 1;
          path.forEach((p, i) => step(p, raw[i] * squeeze));

          const acceptedAt = steps.accept ?? steps.dispatch ?? null;
          const c: CaseTable = {
            id: caseId(created),
            case_no: '',
            channel,
            external_ref: channel.startsWith('hotline') ? `WO${seed}-${done}` : null,
            idempotency_scope: channel.startsWith('hotline') ? 'staff:hotline' : null,
            request_hash: null,
            category_code: categoryCode,
            attributes_json: JSON.stringify(attributes),
            urgency: category.urgent ? (r.chance(0.1) ? 'critical' : 'urgent') : 'normal',
            status,
            status_before_suspension: status === 'suspended' ? 'signed' : null,
            title: `${compound?.name ?? ''}${category.nameZh}`.slice(0, 100),
            description: `${channel === 'gridInspection' ? '网格巡查发现' : '市民反映'}：${category.nameZh}，${r.int(1, 30)}号楼附近，请尽快处置。`,
            address: place.address,
            district_code: district,
            street_code: street,
            compound_id: compound?.id ?? null,
            building_id: null,
            unit_id: null,
            grid_cell_id: place.grid_cell_id,
            lat: place.lat,
            lng: place.lng,
            reporter_name:
              channel.startsWith('hotline') || channel === 'residentWeb'
                ? `${r.pick(SURNAMES)}${r.chance(0.5) ? '先生' : '女士'}`
                : null,
            reporter_phone:
              channel.startsWith('hotline') || channel === 'residentWeb'
                ? `1${r.pick(['3', '5', '8'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`
                : null,
            reporter_email: null,
            proactive: channel === 'gridInspection' || channel === 'propertyCompany' ? 1 : 0,
            lead_org_id: steps.dispatch ? (lead?.id ?? null) : null,
            suggested_org_id: lead?.id ?? null,
            routing_rule: routingRule,
            routing_note: rule?.source ?? '责任清单无匹配，转街镇协调（属地管理）',
            accept_due_at: acceptP ? deadline(ref.calendar, new Date(created), acceptP).toISOString() : null,
            sign_due_at:
              steps.dispatch && !steps.signFor && signP
                ? deadline(ref.calendar, new Date(steps.dispatch), signP).toISOString()
                : null,
            // The on-site clock starts when the department receives the report (拆违规定 Art 7).
            arrive_due_at:
              steps.dispatch && arriveP
                ? deadline(ref.calendar, new Date(steps.dispatch), arriveP).toISOString()
                : null,
            resolve_due_at:
              acceptedAt && resolveP
                ? deadline(ref.calendar, new Date(acceptedAt), resolveP).toISOString()
                : null,
            feedback_due_at: null,
            fed_back_at: null,
            violation_duty: 0,
            violation_report_due_at: null,
            violation_reported_at: null,
            arrived_ontime: null,
            next_due_at: NO_DEADLINE,
            due_state: 'none',
            accepted_at: acceptedAt ? iso(acceptedAt) : null,
            dispatched_at: steps.dispatch ? iso(steps.dispatch) : null,
            signed_at: steps.signFor ? iso(steps.signFor) : null,
            arrived_at: steps.arriveOnSite ? iso(steps.arriveOnSite) : null,
            reported_at: steps.reportBack ? iso(steps.reportBack) : null,
            closed_at: steps.close
              ? iso(steps.close)
              : steps.decline
                ? iso(steps.decline)
                : steps.merge
                  ? iso(steps.merge)
                  : null,
            suspended_at: steps.suspend ? iso(steps.suspend) : null,
            extension_pending: 0,
            supervision_level: 0,
            satisfaction: steps.revisit ? pickSatisfaction(r) : null,
            reopen_count: 0,
            merged_into_id: status === 'merged' ? lastInCompound.get(compound!.id)! : null,
            duplicate_of_id: null,
            resolved: steps.reportBack ? (r.chance(0.95) ? 1 : 0) : null,
            ontime: null,
            accepted_ontime: null,
            event_count: 0,
            created_at: iso(created),
            updated_at: iso(t),
            version: 1,
          };
          if (c.accepted_at && c.accept_due_at) c.accepted_ontime = c.accepted_at <= c.accept_due_at ? 1 : 0;
          if (steps.close) c.ontime = c.resolve_due_at && c.closed_at! > c.resolve_due_at ? 0 : 1;
          const next = nextDeadline(c, ref.policies);
          if (next) {
            c.next_due_at = next.at;
            const p = policy(next.stage);
            c.due_state = dueState(now, new Date(next.at), p?.warnBeforeMinutes ?? 0);
            if (c.due_state === 'overdue') c.supervision_level = 1; // the SLA job would have escalated it
          }
          const day = shanghaiDate(new Date(created)).replace(/-/g, '');
          c.case_no = `${district}${day}${String(++caseSeq).padStart(7, '0')}`;

          // The event log.
          const log: Omit<CaseEventTable, 'id' | 'case_id' | 'seq'>[] = [];
          const receiver =
            channel === 'propertyCompany' && lead
              ? { name: lead.name, org: lead.id }
              : {
                  name:
                    channel === 'gridInspection'
                      ? '网格员'
                      : channel === 'residentWeb'
                        ? '居民'
                        : channel === 'departmentReferral'
                          ? '部门转办'
                          : `${channel.replace('hotline', '')}热线`,
                  org: null,
                };
          let cur = 'received';
          log.push({
            at: c.created_at,
            actor_id: null,
            actor_name: receiver.name,
            actor_org_id: receiver.org,
            action: 'receive',
            from_status: null,
            to_status: 'received',
            data_json: JSON.stringify({
              channel,
              suggestedOrgId: c.suggested_org_id,
              rule: routingRule,
              coHandlerIds: [],
              duplicateOf: null,
            }),
          });
          const to: Record<string, string> = {
            comment: 'received',
            accept: 'accepted',
            decline: 'declined',
            merge: 'merged',
            dispatch: 'dispatched',
            signFor: 'signed',
            arriveOnSite: 'signed',
            reportBack: 'reported',
            verifyPass: 'verified',
            close: 'closed',
            revisit: 'revisited',
            suspend: 'suspended',
            parkLongTerm: 'parked',
          };
          const byHandler = new Set(['signFor', 'arriveOnSite', 'reportBack']);
          for (const p of path) {
            const actor = byHandler.has(p) ? lead : office;
            const data: Record<string, unknown> =
              p === 'dispatch'
                ? { leadOrgId: c.lead_org_id, coHandlerOrgIds: [] }
                : p === 'reportBack'
                  ? { note: '已到场处置完毕', resolved: c.resolved === 1 }
                  : p === 'revisit'
                    ? { satisfaction: c.satisfaction }
                    : p === 'comment'
                      ? { note: '已联系来电人核实情况' }
                      : p === 'merge'
                        ? { mergedInto: c.merged_into_id }
                        : p === 'suspend' || p === 'parkLongTerm'
                          ? { note: '需多部门协调，待专项整治' }
                          : {};
            log.push({
              at: iso(steps[p]),
              actor_id: null,
              actor_name: actor?.name ?? streetNames.get(street) ?? '街道',
              actor_org_id: actor?.id ?? null,
              action: p,
              from_status: cur,
              to_status: to[p],
              data_json: JSON.stringify(data),
            });
            cur = to[p];
          }
          c.event_count = log.length;
          c.version = log.length;
          chunk.cases.push(c);
          let seqNo = 0;
          for (const e of log) chunk.events.push({ id: eventId(created), case_id: c.id, seq: ++seqNo, ...e });
          events += log.length;
          if (compound) lastInCompound.set(compound.id, c.id);
          byStatus[status] = (byStatus[status] ?? 0) + 1;
          byDueState[c.due_state] = (byDueState[c.due_state] ?? 0) + 1;
          done++;
        }
      }
    }
    writing.push(write(chunk, done, events));
    if (writing.length >= parallel) await writing.shift();
    first = last + 1;
  }
  await Promise.all(writing);
  // The case-number sequence continues after the generated history (nextSequenceValue).
  if (database.dialect === 'postgres') await sql`select setval('case_no_seq', ${caseSeq})`.execute(db);
  else
    await db
      .insertInto('case_counters')
      .values({ key: 'case_no_seq', value: caseSeq })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: caseSeq }))
      .execute();
  return { cases: done, events, byStatus, byDueState, seconds: (performance.now() - started) / 1000 };
}
