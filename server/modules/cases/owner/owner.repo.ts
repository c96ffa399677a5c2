// Queries of the owner's own reports: the cases an owner account reported (cases.reporter_user_id, 0011).
import type { Executor } from '../../../platform/db/database.js';
import { keysetPage } from '../../../platform/db/keyset.js';

/** The cases the account reported, newest first, with the compound and unit they name. */
export function casesReportedBy(
  db: Executor,
  userId: string,
  after: readonly [string, string] | null,
  limit: number,
) {
  const q = db
    .selectFrom('cases')
    .leftJoin('compounds', 'compounds.id', 'cases.compound_id')
    .leftJoin('units', 'units.id', 'cases.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .select([
      'cases.id',
      'cases.case_no',
      'cases.title',
      'cases.description',
      'cases.category_code',
      'cases.status',
      'cases.created_at',
      'cases.closed_at',
      'cases.satisfaction',
      'compounds.name as compound_name',
      'buildings.name as building_name',
      'units.number as unit_number',
    ])
    .where('cases.reporter_user_id', '=', userId);
  return keysetPage(q, 'cases.created_at', 'cases.id', after, limit, 'desc').execute();
}
