// Work queues: to sign, in progress, due soon, overdue, returned, to dispatch, to verify, all — of the actor's
// organisations (and the units beneath them) or of the places its queue grants cover (districts, streets, or a
// 居委会's compounds), in deadline order.
import type { Actor } from '../../../platform/http/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { decodeCursor, pageFrom } from '../../../platform/http/pagination.js';
import type { Deps } from '../../../platform/deps.js';
import { organisationsUnder } from '../../registry/registry.service.js';
import * as casesRepo from '../cases.repo.js';
import { NO_DEADLINE } from '../cases.repo.js';
import { hasQueue, queueReach, type QueueReach } from '../cases.policy.js';
import * as repo from './queues.repo.js';
import { endOfShanghaiDay, shanghaiDate } from '../../../../domain/calendar.js';

export interface QueueQuery {
  queue: string;
  orgId?: string;
  street?: string;
  status?: string;
  category?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

interface QueueSpec {
  statuses: string[] | null;
  dueStates: string[] | null;
  returned?: boolean;
  dueToday?: boolean;
  extensionPending?: boolean;
  supervised?: boolean;
}

const QUEUES: Record<string, QueueSpec> = {
  toSign: { statuses: ['dispatched'], dueStates: null },
  inProgress: { statuses: ['signed'], dueStates: null },
  dueSoon: { statuses: ['received', 'accepted', 'dispatched', 'signed'], dueStates: ['warning'] },
  overdue: { statuses: null, dueStates: ['overdue'] },
  returned: { statuses: null, dueStates: null, returned: true },
  toDispatch: { statuses: ['received', 'accepted'], dueStates: null },
  toVerify: { statuses: ['reported'], dueStates: null },
  dueToday: { statuses: null, dueStates: null, dueToday: true },
  extensions: { statuses: ['signed'], dueStates: null, extensionPending: true },
  supervised: { statuses: null, dueStates: null, supervised: true },
};

/** The conditions of a queue tab beyond its statuses and due states, at `now`. */
function specFilter(spec: QueueSpec, now: Date) {
  const today = shanghaiDate(now);
  return {
    returned: !!spec.returned,
    dueWithin: spec.dueToday
      ? { from: now.toISOString(), to: endOfShanghaiDay(today).toISOString() }
      : undefined,
    extensionPending: spec.extensionPending,
    supervised: spec.supervised,
  };
}

const forbidden = () => new AppError('auth.forbidden', 403);

type Scope = Pick<repo.QueueFilter, 'orgIds' | 'streetCodes' | 'districtCodes' | 'compoundIds'>;

/** Whose cases the queue shows: one organisation's, the actor's organisations', or its places'. */
async function scopeOf(deps: Deps, reach: QueueReach, orgId: string | undefined): Promise<Scope> {
  const db = deps.database.db;
  if (orgId) {
    // A specific organisation's queue: its members, or offices whose location covers it.
    if (!reach.orgIds.includes(orgId) && !reach.city) {
      const org = (await casesRepo.organisationsByIds(db, [orgId]))[0];
      if (!org || !reach.reachesDivision(org.division_code)) throw forbidden();
    }
    return { orgIds: [orgId], streetCodes: null, districtCodes: null };
  }
  if (reach.orgIds.length)
    return { orgIds: await organisationsUnder(deps, reach.orgIds), streetCodes: null, districtCodes: null };
  if (reach.city) return { orgIds: null, streetCodes: null, districtCodes: null };
  const { streets, districts } = reach;
  // Compound grants only (居委会, 业委会): the cases of those compounds.
  if (!streets.length && !districts.length && reach.compounds.length)
    return { orgIds: null, streetCodes: null, districtCodes: null, compoundIds: reach.compounds };
  if (districts.length && !streets.length)
    return { orgIds: null, streetCodes: null, districtCodes: districts };
  if (streets.length && !districts.length) return { orgIds: null, streetCodes: streets, districtCodes: null };
  if (!streets.length && !districts.length) throw forbidden();
  // Mixed grants: fall back to streets of the districts as well.
  const more = await repo.streetsOf(db, districts);
  return { orgIds: null, streetCodes: [...streets, ...more], districtCodes: null };
}

/** A street filter must lie within the scope. */
function narrowToStreet(scope: Scope, street: string | undefined): Scope {
  if (!street) return scope;
  if (scope.streetCodes && !scope.streetCodes.includes(street)) throw forbidden();
  if (scope.districtCodes && !scope.districtCodes.some((d) => street.startsWith(d))) throw forbidden();
  return { ...scope, streetCodes: [street] };
}

export async function listQueue(deps: Deps, actor: Actor, query: QueueQuery) {
  const reach = queueReach(actor);
  if (!hasQueue(reach)) throw forbidden();
  const scope = narrowToStreet(await scopeOf(deps, reach, query.orgId), query.street);
  const spec = QUEUES[query.queue] ?? { statuses: query.status ? [query.status] : null, dueStates: null };
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await repo.queue(deps.database.db, {
    ...scope,
    statuses: spec.statuses,
    dueStates: spec.dueStates,
    ...specFilter(spec, deps.clock.now()),
    category: query.category,
    q: query.q,
    after,
    limit: query.limit,
  });
  const page = pageFrom(rows, query.limit, (r) => [r.next_due_at, r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      caseNo: r.case_no,
      title: r.title,
      categoryCode: r.category_code,
      categoryName: r.category_name ?? r.category_code,
      status: r.status,
      urgency: r.urgency,
      channel: r.channel,
      streetName: r.street_name ?? null,
      compoundName: r.compound_name ?? null,
      leadOrgName: r.lead_name ?? null,
      nextDueAt: r.next_due_at === NO_DEADLINE ? null : r.next_due_at,
      dueState: r.due_state,
      supervisionLevel: r.supervision_level,
      createdAt: r.created_at,
    })),
    nextCursor: page.nextCursor,
  };
}

/** The tabs a home page counts ("what needs me today"). */
export const COUNTED_QUEUES = [
  'toSign',
  'toDispatch',
  'overdue',
  'dueToday',
  'extensions',
  'supervised',
  'toVerify',
] as const;
export type CountedQueue = (typeof COUNTED_QUEUES)[number];

/**
 * How many cases each of the actor's queue tabs holds, with the scope and conditions of listQueue; null for
 * the whole result when the actor has no queue.
 */
export async function queueCounts(deps: Deps, actor: Actor): Promise<Record<CountedQueue, number> | null> {
  const reach = queueReach(actor);
  if (!hasQueue(reach)) return null;
  const scope = await scopeOf(deps, reach, undefined);
  const now = deps.clock.now();
  const counts = await Promise.all(
    COUNTED_QUEUES.map((name) => {
      const spec = QUEUES[name];
      return repo.countQueue(deps.database.db, {
        ...scope,
        statuses: spec.statuses,
        dueStates: spec.dueStates,
        ...specFilter(spec, now),
      });
    }),
  );
  return Object.fromEntries(COUNTED_QUEUES.map((q, i) => [q, counts[i]])) as Record<CountedQueue, number>;
}
