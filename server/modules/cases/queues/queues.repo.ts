// The work queue query: cases by lead organisation or location, status and deadline state, in deadline order.
import type { Executor } from '../../../platform/db/database.js';
import { containsText } from '../../../platform/db/database.js';
import { keysetPage } from '../../../platform/db/keyset.js';
import { NO_DEADLINE } from '../cases.repo.js';

export interface QueueFilter {
  orgIds: string[] | null; // lead organisation(s); null = by location scope
  streetCodes: string[] | null;
  districtCodes: string[] | null;
  /** Only cases of these compounds (a 居委会's or 业委会's queue). */
  compoundIds?: string[];
  statuses: string[] | null;
  dueStates: string[] | null;
  returned: boolean;
  /** Only cases whose next deadline lies in [from, to) (the "due today" tab). */
  dueWithin?: { from: string; to: string };
  /** Only cases with an extension request waiting (延期待批). */
  extensionPending?: boolean;
  /** Only open cases under 督办 (supervision level > 0). */
  supervised?: boolean;
  category?: string;
  q?: string;
  after: [string, string] | null;
  limit: number;
}

// Every tab is served in deadline order by an index (migration 0007): one per place column (lead
// organisation, street, district) followed by nothing, status or due state, then (next_due_at, id). The
// query is split into one arm per (place, status or due state) value, each an ordered range scan of its
// index that stops after a page; the arms are merged and cut to a page. So a page costs the same however
// many cases the organisation has. A city-wide queue is the merge of its districts' arms.
const MAX_ARMS = 64; // beyond that (very wide scopes), one query with IN lists

type Place = 'lead_org_id' | 'street_code' | 'district_code';

interface Arm {
  place: Place | null;
  placeValue: string | null;
  second: 'status' | 'due_state' | null;
  secondValue: string | null;
}

function base(db: Executor, f: QueueFilter) {
  let q = db
    .selectFrom('cases')
    .leftJoin('organisations as lead', 'lead.id', 'cases.lead_org_id')
    .leftJoin('compounds', 'compounds.id', 'cases.compound_id')
    .leftJoin('divisions as s', 's.code', 'cases.street_code')
    .leftJoin('case_categories as cat', 'cat.code', 'cases.category_code')
    .select([
      'cases.id',
      'cases.case_no',
      'cases.title',
      'cases.category_code',
      'cat.name_zh as category_name',
      'cases.status',
      'cases.urgency',
      'cases.channel',
      's.name as street_name',
      'compounds.name as compound_name',
      'lead.name as lead_name',
      'cases.next_due_at',
      'cases.due_state',
      'cases.supervision_level',
      'cases.created_at',
    ]);
  // The whole scope, also where an arm's equality already implies it (a street within an organisation's).
  if (f.orgIds) q = q.where('cases.lead_org_id', 'in', f.orgIds);
  if (f.streetCodes) q = q.where('cases.street_code', 'in', f.streetCodes);
  if (f.districtCodes) q = q.where('cases.district_code', 'in', f.districtCodes);
  if (f.compoundIds) q = q.where('cases.compound_id', 'in', f.compoundIds);
  if (f.returned) q = q.where('cases.status', '=', 'accepted').where('cases.dispatched_at', 'is not', null);
  if (f.dueWithin)
    q = q.where('cases.next_due_at', '>=', f.dueWithin.from).where('cases.next_due_at', '<', f.dueWithin.to);
  if (f.extensionPending) q = q.where('cases.extension_pending', '=', 1);
  // Open cases only: finished ones carry no deadline (NO_DEADLINE), so the range stays within the index.
  if (f.supervised)
    q = q.where('cases.supervision_level', '>', 0).where('cases.next_due_at', '<', NO_DEADLINE);
  if (f.category) q = q.where('cases.category_code', '=', f.category);
  if (f.q) q = q.where((eb) => eb.or([eb('cases.case_no', '=', f.q!), containsText('cases.title', f.q!)]));
  return q;
}

/** The arms of a queue: place values × (due states, else statuses); null when they would be too many. */
function armsOf(f: QueueFilter, cityDistricts: string[]): Arm[] | null {
  // A few compounds' cases: one query (no place index to walk; the compound condition is selective).
  if (f.compoundIds) return null;
  const [place, values]: [Place, string[]] = f.orgIds
    ? ['lead_org_id', f.orgIds]
    : f.streetCodes
      ? ['street_code', f.streetCodes]
      : ['district_code', f.districtCodes ?? cityDistricts];
  const second = f.dueStates ? 'due_state' : f.statuses ? 'status' : null;
  const seconds = f.dueStates ?? f.statuses ?? [null];
  if (values.length * seconds.length > MAX_ARMS) return null;
  return values.flatMap((v) => seconds.map((s) => ({ place, placeValue: v, second, secondValue: s })));
}

export async function queue(db: Executor, f: QueueFilter) {
  const city = !f.orgIds && !f.streetCodes && !f.districtCodes && !f.compoundIds;
  const arms = armsOf(f, city ? await districts(db) : []);
  const page = (q: ReturnType<typeof base>) =>
    keysetPage(q, 'cases.next_due_at', 'cases.id', f.after, f.limit);
  if (!arms) {
    let q = base(db, f);
    if (f.statuses) q = q.where('cases.status', 'in', f.statuses);
    if (f.dueStates) q = q.where('cases.due_state', 'in', f.dueStates);
    return page(q).execute();
  }
  const queries = arms.map((a) => {
    let q = base(db, f);
    if (a.place) q = q.where(`cases.${a.place}`, '=', a.placeValue!);
    if (a.second) q = q.where(`cases.${a.second}`, '=', a.secondValue!);
    // A due-state tab may also name statuses (dueSoon): a filter within the due state's order.
    if (a.second === 'due_state' && f.statuses) q = q.where('cases.status', 'in', f.statuses);
    return page(q);
  });
  if (queries.length === 1) return queries[0].execute();
  const [first, ...rest] = queries.map((q, i) => db.selectFrom(q.as(`a${i}`)).selectAll());
  const merged = rest.reduce((u, q) => u.unionAll(q), first);
  return db
    .selectFrom(merged.as('m'))
    .selectAll()
    .orderBy('next_due_at')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
}

async function districts(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('divisions').select('code').where('level', '=', 'district').execute();
  return rows.map((r) => r.code);
}

/** The streets of the districts. */
export async function streetsOf(db: Executor, districtCodes: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('divisions')
    .select('code')
    .where('parent_code', 'in', districtCodes)
    .execute();
  return rows.map((s) => s.code);
}

/** How many cases a queue holds (the same conditions as its page, without the page). */
export async function countQueue(db: Executor, f: Omit<QueueFilter, 'after' | 'limit'>): Promise<number> {
  let q = base(db, { ...f, after: null, limit: 0 })
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (f.statuses) q = q.where('cases.status', 'in', f.statuses);
  if (f.dueStates) q = q.where('cases.due_state', 'in', f.dueStates);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}
