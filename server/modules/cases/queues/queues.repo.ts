// The work queue query: cases by lead organisation or location, status and deadline state, in deadline order.
import type { Executor } from '../../../platform/db/database.js';
import { containsText } from '../../../platform/db/database.js';
import { keysetPage } from '../../../platform/db/keyset.js';

export interface QueueFilter {
  orgIds: string[] | null; // lead organisation(s); null = by location scope
  streetCodes: string[] | null;
  districtCodes: string[] | null;
  statuses: string[] | null;
  dueStates: string[] | null;
  returned: boolean;
  category?: string;
  q?: string;
  after: [string, string] | null;
  limit: number;
}

export async function queue(db: Executor, f: QueueFilter) {
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
  if (f.orgIds) q = q.where('cases.lead_org_id', 'in', f.orgIds);
  if (f.streetCodes) q = q.where('cases.street_code', 'in', f.streetCodes);
  if (f.districtCodes) q = q.where('cases.district_code', 'in', f.districtCodes);
  if (f.statuses) q = q.where('cases.status', 'in', f.statuses);
  if (f.dueStates) q = q.where('cases.due_state', 'in', f.dueStates);
  if (f.returned) q = q.where('cases.status', '=', 'accepted').where('cases.dispatched_at', 'is not', null);
  if (f.category) q = q.where('cases.category_code', '=', f.category);
  if (f.q) q = q.where((eb) => eb.or([eb('cases.case_no', '=', f.q!), containsText('cases.title', f.q!)]));
  // Deadline order (cases without a deadline carry NO_DEADLINE and come last): index-friendly keyset.
  return keysetPage(q, 'cases.next_due_at', 'cases.id', f.after, f.limit).execute();
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
