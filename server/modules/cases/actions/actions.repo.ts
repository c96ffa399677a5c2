// Writes of the case actions: the acted-on case under its version (409 common.version_conflict when someone
// acted first), the merge target, co-handlers, and the earlier events an action reads.
import type { Executor } from '../../../platform/db/database.js';
import type { CaseTable } from '../../../platform/db/schema.js';
import { updateVersioned } from '../../../platform/db/writes.js';

/** Saves the acted-on case (version + 1, its new event counted) if it still has `version`. */
export async function saveActedCase(db: Executor, c: CaseTable, version: number): Promise<void> {
  const { id, case_no: _no, created_at: _created, version: _version, ...changes } = c;
  await updateVersioned(db, 'cases', id, version, { ...changes, event_count: c.event_count + 1 });
}

/** The case merged into gains an event: it must not have changed since it was read. */
export async function touchMergeTarget(db: Executor, target: CaseTable, now: string): Promise<void> {
  await updateVersioned(db, 'cases', target.id, target.version, {
    event_count: target.event_count + 1,
    updated_at: now,
  });
}

export async function replaceCohandlers(db: Executor, caseId: string, orgIds: readonly string[]) {
  await db.deleteFrom('case_cohandlers').where('case_id', '=', caseId).execute();
  if (orgIds.length)
    await db
      .insertInto('case_cohandlers')
      .values([...new Set(orgIds)].map((org_id) => ({ case_id: caseId, org_id })))
      .execute();
}

/** The data of the case's first event (the intake, with the routing's suggested co-handlers). */
export async function firstEventData(db: Executor, caseId: string): Promise<string | undefined> {
  return (
    await db
      .selectFrom('case_events')
      .select('data_json')
      .where('case_id', '=', caseId)
      .where('seq', '=', 1)
      .executeTakeFirst()
  )?.data_json;
}

/** The data of the case's latest event of an action. */
export async function lastEventData(
  db: Executor,
  caseId: string,
  action: string,
): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .selectFrom('case_events')
    .select('data_json')
    .where('case_id', '=', caseId)
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (JSON.parse(row.data_json) as Record<string, unknown>) : undefined;
}

/** The street's offices (街道办事处 / 镇政府, 房管办): the local authority a property company reports to. */
export async function streetOfficesOf(db: Executor, streetCode: string | null): Promise<string[]> {
  if (!streetCode) return [];
  const rows = await db
    .selectFrom('organisations')
    .select('id')
    .where('division_code', '=', streetCode)
    .where('type', 'in', ['street_office', 'housing_office'])
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
