// The street's view of governance: the queue of statutory deadlines (also as an iCalendar file) and the
// overview of every compound in scope with its state (组建中, 任期内, 需换届, …), counted per page.
import { formatCitation } from '../../../../domain/citations.js';
import { addMonths } from '../../../../domain/calendar.js';
import { lastWorkOn } from '../../../../domain/governance-reelection.js';
import {
  committeeHealth,
  governanceState,
  isExistingCompound,
  PERIODS,
  type GovernanceState,
} from '../../../../domain/governance.js';
import type { Executor } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import type { Actor } from '../../../platform/http/context.js';
import type { Locale } from '../../../platform/http/messages.js';
import { decodeCursor, encodeCursor, pageFrom } from '../../../platform/http/pagination.js';
import { writeCalendar } from '../../../platform/ical.js';
import { workOfCommittees } from '../committees/work.js';
import * as formationRepo from '../formation/formation.repo.js';
import {
  presentTask,
  RESPONSIBLE_LABELS,
  taskKindLabel,
  todayOf,
  registeredOn,
  triggerFrom,
} from '../governance.common.js';
import { viewGrants } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import * as repo from './overview.repo.js';

export async function listTasks(
  deps: Deps,
  actor: Actor,
  f: {
    street?: string;
    compound?: string;
    state: 'pending' | 'overdue' | 'done' | 'all';
    cursor?: string;
    limit: number;
  },
) {
  const grants = viewGrants(actor);
  const today = todayOf(deps);
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await repo.listTasks(deps.database.db, grants, { ...f, today, after });
  const page = pageFrom(rows, f.limit, (r) => [r.due_on, r.id]);
  return { items: page.items.map((t) => presentTask(t, today)), nextCursor: page.nextCursor };
}

/** The pending deadlines as an iCalendar file (法定期限 in the officer's own calendar), in the caller's locale. */
export async function tasksCalendar(
  deps: Deps,
  actor: Actor,
  f: { street?: string; compound?: string },
  locale: Locale,
) {
  const grants = viewGrants(actor);
  const today = todayOf(deps);
  const rows = await repo.listTasks(deps.database.db, grants, {
    ...f,
    state: 'pending',
    today,
    after: null,
    limit: CALENDAR_LIMIT,
  });
  const en = locale === 'en';
  const events = rows.slice(0, CALENDAR_LIMIT).map((t) => {
    const kind = taskKindLabel(t.kind);
    const who = RESPONSIBLE_LABELS[t.responsible];
    return {
      uid: `${t.id}@gongzhi`,
      date: t.due_on,
      summary: en
        ? `${t.compound_name}: ${kind.en} (${who.en})`
        : `${t.compound_name}：${kind.zh}（${who.zh}）`,
      description: en
        ? `Last day ${t.due_on} (statutory ${t.nominal_due_on}); ${formatCitation(t.legal_ref, 'en')}`
        : `末日 ${t.due_on}（法定 ${t.nominal_due_on}）；依据 ${formatCitation(t.legal_ref)}`,
    };
  });
  return {
    fileName: `gongzhi-deadlines-${today}.ics`,
    body: writeCalendar(
      en ? 'Gongzhi: statutory deadlines' : '共治：业主自治法定期限',
      events,
      deps.clock.now(),
    ),
  };
}

/** At most this many pending deadlines go into one calendar file. */
const CALENDAR_LIMIT = 5000;

export async function overview(
  deps: Deps,
  actor: Actor,
  f: { street?: string; state?: string; cursor?: string; limit: number },
) {
  const grants = viewGrants(actor);
  const db = deps.database.db;
  const today = todayOf(deps);
  let after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const items: Awaited<ReturnType<typeof overviewBatch>> = [];
  let exhausted = false;
  // With a state filter the page is filled from as many batches as it takes (states are computed).
  for (let round = 0; round < 50 && items.length <= f.limit; round++) {
    const rows = await repo.overviewCompounds(db, grants, { street: f.street, after, limit: f.limit });
    const batch = rows.slice(0, f.limit);
    for (const d of await overviewBatch(db, batch, today)) if (!f.state || d.state === f.state) items.push(d);
    if (batch.length) after = [batch[batch.length - 1].name, batch[batch.length - 1].id];
    if (rows.length <= f.limit) {
      exhausted = true;
      break;
    }
  }
  const page = items.slice(0, f.limit);
  let nextCursor: string | null = null;
  if (items.length > f.limit) {
    const last = page[page.length - 1];
    nextCursor = encodeCursor([last.compoundName, last.compoundId]);
  } else if (!exhausted && after) nextCursor = encodeCursor(after);
  const counts: Record<string, number> = {};
  for (const i of page) counts[i.state] = (counts[i.state] ?? 0) + 1;
  return { items: page, nextCursor, counts };
}

async function overviewBatch(
  db: Executor,
  rows: Awaited<ReturnType<typeof repo.overviewCompounds>>,
  today: string,
) {
  const ids = rows.map((r) => r.id);
  const [facts, formations, committees, tasks] = await Promise.all([
    shared.triggerFacts(db, ids),
    formationRepo.formationsOf(db, ids),
    repo.currentCommitteesOf(db, ids),
    repo.taskCounts(db, ids, today),
  ]);
  const work = await workOfCommittees(
    db,
    committees.map((k) => k.id),
  );
  const factsOf = new Map<string, typeof facts>();
  for (const x of facts) {
    let list = factsOf.get(x.compound_id);
    if (!list) factsOf.set(x.compound_id, (list = []));
    list.push(x);
  }
  const forming = new Set(formations.map((x) => x.compound_id));
  const committeeOf = new Map(committees.map((k) => [k.compound_id, k]));
  const tasksOf = new Map(tasks.map((t) => [t.compound_id, t]));
  return rows.map((r) => {
    const { result } = triggerFrom(factsOf.get(r.id) ?? [], r.first_delivery_on, today);
    const k = committeeOf.get(r.id);
    const health = k
      ? committeeHealth({
          seats: k.seats,
          activeMembers: Number(k.active_members ?? 0),
          electedOn: k.elected_on,
          termEndsOn: k.term_ends_on,
          lastMeetingOn: k.last_meeting_on ?? null,
          lastWorkOn: lastWorkOn(k.elected_on, work.get(k.id)!),
          succeeded: false,
          today,
        })
      : null;
    const t = tasksOf.get(r.id);
    return {
      compoundId: r.id,
      compoundName: r.name,
      streetCode: r.street_code,
      streetName: r.street_name,
      state: governanceState({
        formationInProgress: forming.has(r.id),
        committee: health,
        existing: isExistingCompound(result, registeredOn(r)),
      }),
      triggerMet: result.met,
      triggerOn: result.on,
      committeeId: k?.id ?? null,
      termEndsOn: k?.term_ends_on ?? null,
      members: k ? Number(k.active_members ?? 0) : null,
      seats: k?.seats ?? null,
      lastMeetingOn: k?.last_meeting_on ?? null,
      pendingTasks: Number(t?.pending ?? 0),
      overdueTasks: Number(t?.overdue ?? 0),
      nextDueOn: t?.next_due_on ?? null,
    };
  });
}

/**
 * Committees of the actor's compounds whose 换届 is near — `expiring`: the report to the street is due (Art 28:
 * five months before the term ends) — or `expired`: the term has ended without a successor.
 */
export async function committeesNearReelection(deps: Deps, actor: Actor) {
  const grants = viewGrants(actor);
  const today = todayOf(deps);
  const endsBy = addMonths(today, PERIODS.reelectionReport.amount);
  return repo.countCommitteesEndingBy(deps.database.db, grants, today, endsBy);
}

/** The governance state (组建中, 任期内, 需换届, …) of each given compound the actor may see. */
export async function governanceStatesOf(
  deps: Deps,
  actor: Actor,
  compoundIds: readonly string[],
): Promise<Map<string, GovernanceState>> {
  const grants = viewGrants(actor);
  const db = deps.database.db;
  const out = new Map<string, GovernanceState>();
  for (let i = 0; i < compoundIds.length; i += 500) {
    const rows = await repo.overviewCompoundsByIds(db, grants, compoundIds.slice(i, i + 500));
    for (const d of await overviewBatch(db, rows, todayOf(deps))) out.set(d.compoundId, d.state);
  }
  return out;
}
