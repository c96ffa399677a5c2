// A deterministic year of case history for the demo district, ending at the start of today (Shanghai): a few
// thousand cases across every channel and category, with the seasons, along every path of the lifecycle
// (case-history.paths.ts) through the real transition table and action handlers (case-history.engine.ts). The
// demo accounts' queues keep work open: cases due today, overdue, waiting for an extension decision.
// Same seed + same day → same rows. Seed data like the registry: written in bulk, not audited (synthetic.ts).
import { v7 } from 'uuid';
import { addDays, shanghaiDate, startOfShanghaiDay } from '../../domain/calendar.js';
import { duplicateWindowStart, findDuplicate } from '../../domain/case-duplicates.js';
import type { Deps } from '../platform/deps.js';
import { bulkInserter } from '../platform/db/bulk.js';
import { nextSequenceValues } from '../platform/db/database.js';
import { caseReference, type CaseReference } from '../modules/cases/cases.reference.js';
import { nextDeadline, scheduleSla } from '../modules/cases/cases.sla.js';
import {
  candidateOf,
  caseNumber,
  receivedCase,
  receiveEventData,
  type IntakeFacts,
} from '../modules/cases/intake/intake.service.js';
import { resolveLocation, routeCase } from '../modules/cases/intake/intake.routing.js';
import { CaseHistory, type HistoryActor, type SimCase } from './case-history.engine.js';
import { weighted } from './case-history.data.js';
import { walkCase, type Cast, type Stall } from './case-history.paths.js';
import { loadPlaces, type HistoryCompound, type HistoryPlaces } from './case-history.places.js';
import { planIntakes, type PlannedIntake } from './case-history.plan.js';
import { demoJourneyCompound } from './demo-accounts.js';
import { personName, phone, prng, type Rng } from './synthetic.js';

export interface CaseHistoryOptions {
  seed?: number;
  /** Cases a compound reports in a year, on average. */
  perCompoundYear?: number;
  districtCode?: string;
}

export interface CaseHistoryResult {
  cases: number;
  events: number;
  open: number;
}

const OPEN = new Set(['received', 'accepted', 'dispatched', 'signed', 'reported', 'verified', 'suspended']);

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const names = new Map<string, string>();
/** A person's name, the same for the same key (who works for an organisation or street). */
function person(key: string): string {
  let name = names.get(key);
  if (!name) names.set(key, (name = personName(prng(hash(key)))));
  return name;
}

/** People, named deterministically after the organisation or street they work for. */
function castOf(places: HistoryPlaces, c: HistoryCompound): Cast {
  const street = places.streets.get(c.streetCode)!;
  const supervisorOrg = places.supervisorOrgId;
  return {
    dispatcher: { id: null, name: person(`dispatch:${street.code}`), orgId: street.officeId },
    verifier: { id: null, name: `网格员 ${person(`grid:${street.code}`)}`, orgId: street.officeId },
    supervisor: { id: null, name: person(`supervise:${supervisorOrg}`), orgId: supervisorOrg },
    handler: (orgId) => ({ id: null, name: person(`handle:${orgId}`), orgId }),
    otherLead: (lead) => (lead !== street.officeId ? street.officeId : (street.housingOfficeId ?? null)),
  };
}

/** Who recorded the report, as intake names them (displayName in intake.service). */
function intakeActor(places: HistoryPlaces, p: PlannedIntake, facts: IntakeFacts): HistoryActor {
  const street = places.streets.get(p.compound.streetCode)!;
  switch (p.channel) {
    case 'residentWeb':
      return { id: null, name: `居民 ${facts.input.reporter.name}`, orgId: null };
    case 'open311':
      return { id: null, name: '随申办市民云', orgId: null };
    case 'gridInspection':
      return { id: null, name: `网格员 ${person(`grid:${street.code}`)}`, orgId: street.officeId };
    case 'propertyCompany':
    case 'departmentReferral':
      return { id: null, name: person(`handle:${facts.routing.orgId}`), orgId: facts.routing.orgId };
    default:
      return {
        id: null,
        name: `${p.channel.replace('hotline', '')}热线 ${person(`hotline:${p.at.getTime() % 7}`)}`,
        orgId: null,
      };
  }
}

/** The stall of a case: where its walk stops while work remains (recent cases mostly). */
function stallOf(r: Rng, ageDays: number, focus: boolean): Stall {
  const share = focus ? 0.55 : ageDays < 45 ? 0.18 : ageDays < 150 ? 0.015 : 0;
  if (!r.chance(share)) return 'none';
  if (ageDays >= 45) return r.pick(['work', 'verify'] as const);
  const points: [Stall, number][] = [
    ['dispatch', 1],
    ['sign', 2],
    ['work', focus ? 3 : 4],
    ['extension', focus ? 3 : 1.5],
    ['verify', 1.5],
    ['close', 0.5],
  ];
  return weighted(r, points);
}

async function factsOf(deps: Deps, ref: CaseReference, p: PlannedIntake, r: Rng): Promise<IntakeFacts> {
  const db = deps.database.db;
  const category = ref.categories.get(p.categoryCode)!;
  const input = {
    channel: p.channel as IntakeFacts['input']['channel'],
    categoryCode: p.categoryCode,
    attributes: p.attributes,
    description: p.description,
    compoundId: p.compound.id,
    reporter:
      p.channel === 'gridInspection' || p.channel === 'propertyCompany' || p.channel === 'departmentReferral'
        ? {}
        : { name: personName(r), phone: phone(r) },
    mediaUrls: [],
  };
  const loc = { ...(await resolveLocation(db, input)), buildingId: p.buildingId ?? null };
  const attributes = Object.fromEntries(
    Object.entries(p.attributes).filter(([k]) => category.attributes.includes(k)),
  );
  const routing = await routeCase(
    db,
    ref,
    { categoryCode: category.code, attributes, districtCode: loc.districtCode },
    loc,
  );
  return { input, idempotency: null, category, attributes, loc, routing, reporterUserId: null };
}

/** The earlier case this report repeats, by intake's rule (domain/case-duplicates.ts) on the statuses then. */
function duplicateOf(
  h: CaseHistory,
  earlier: SimCase[] | undefined,
  f: IntakeFacts,
  at: Date,
): SimCase | null {
  const since = duplicateWindowStart(at).toISOString();
  const iso = at.toISOString();
  const candidates = (earlier ?? [])
    .filter((sim) => sim.row.created_at >= since)
    .map((sim) => ({ sim, ...candidateOf({ ...sim.row, status: h.rowAt(sim, iso).status }) }));
  const report = {
    compoundId: f.loc.compoundId,
    categoryCode: f.category.code,
    attributes: f.attributes,
    createdAt: iso,
  };
  return findDuplicate(report, candidates)?.sim ?? null;
}

export async function seedCaseHistory(
  deps: Deps,
  options: CaseHistoryOptions = {},
): Promise<CaseHistoryResult> {
  const seed = options.seed ?? 1;
  const db = deps.database.db;
  const ref = await caseReference(db);
  const places = await loadPlaces(db, options.districtCode ?? '310115');
  if (!places.compounds.length) return { cases: 0, events: 0, open: 0 };
  const end = startOfShanghaiDay(shanghaiDate(deps.clock.now()));
  const start = startOfShanghaiDay(addDays(shanghaiDate(end), -365));
  const journey = await demoJourneyCompound(deps);
  const plan = planIntakes(ref, places, {
    seed,
    start,
    end,
    perCompoundYear: options.perCompoundYear ?? 12,
    focusCompanyId: places.compounds.find((c) => c.id === journey?.id)?.companyId ?? null,
  });
  const idRng = prng(seed * 31 + 7);
  const random = new Uint8Array(16);
  const view = new DataView(random.buffer);
  const newId = (at: Date) => {
    for (let i = 0; i < 16; i += 4) view.setUint32(i, Math.floor(idRng.next() * 2 ** 32));
    return v7({ msecs: at.getTime(), random });
  };
  const h = new CaseHistory(ref, places.organisationTypes, newId, end);
  const numbers = await nextSequenceValues(db, 'case_no_seq', plan.length);
  const earlierOf = new Map<string, SimCase[]>();
  for (const [i, p] of plan.entries()) {
    const r = prng(hash(`${seed}:case:${i}`));
    const facts = await factsOf(deps, ref, p, r);
    const key = `${p.compound.id}|${p.categoryCode}`;
    const duplicate = duplicateOf(h, earlierOf.get(key), facts, p.at);
    const row = receivedCase(
      ref,
      newId(p.at),
      caseNumber(places.districtCode, p.at, numbers[i]),
      duplicate?.row.id ?? null,
      facts,
      p.at,
    );
    const sim = h.receive(
      row,
      receiveEventData(facts, duplicate?.row.id ?? null),
      intakeActor(places, p, facts),
    );
    earlierOf.set(key, [...(earlierOf.get(key) ?? []), sim]);
    const ageDays = (end.getTime() - p.at.getTime()) / 86_400_000;
    await walkCase(h, sim, r, ref.calendar, castOf(places, p.compound), {
      stall: stallOf(r, ageDays, p.focus),
      duplicateOfNo: duplicate?.row.case_no ?? null,
      extensionShare: p.focus ? 0.3 : 0.1,
      mergeShare: p.focus ? 0.15 : 0.8,
    });
  }
  for (const sim of h.cases) h.passDeadlines(sim, end);
  h.complete();
  return write(deps, ref, h, end);
}

async function write(deps: Deps, ref: CaseReference, h: CaseHistory, end: Date): Promise<CaseHistoryResult> {
  const result: CaseHistoryResult = { cases: 0, events: 0, open: 0 };
  await deps.database.db.transaction().execute(async (trx) => {
    const b = bulkInserter(deps.database, trx, 1000);
    for (const sim of h.cases) {
      await b.add('cases', sim.row);
      result.cases++;
      if (OPEN.has(sim.row.status)) result.open++;
    }
    for (const sim of h.cases) {
      for (const e of sim.events) await b.add('case_events', e);
      result.events += sim.events.length;
      for (const org_id of sim.cohandlers) await b.add('case_cohandlers', { case_id: sim.row.id, org_id });
    }
    await b.flush();
    // The SLA checks still to come (those before the end were applied by the engine, as the worker would have).
    for (const sim of h.cases) {
      const next = nextDeadline(sim.row, ref.policies);
      if (next && next.at > end.toISOString()) await scheduleSla(trx, deps, ref, sim.row);
    }
  });
  return result;
}
