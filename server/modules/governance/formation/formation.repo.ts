// Queries of assembly formations (业主大会筹备): the formation rows and the objections to its materials.
import type { Executor } from '../../../platform/db/database.js';
import type { GovFormationTable, GovObjectionTable } from '../../../platform/db/schema.js';

export async function activeFormation(db: Executor, compoundId: string) {
  return db
    .selectFrom('gov_formations')
    .selectAll()
    .where('compound_id', '=', compoundId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function formation(db: Executor, id: string) {
  return db.selectFrom('gov_formations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function objections(db: Executor, formationId: string) {
  return db
    .selectFrom('gov_objections')
    .selectAll()
    .where('formation_id', '=', formationId)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
}

export async function formationsOf(db: Executor, compoundIds: readonly string[]) {
  if (compoundIds.length === 0) return [];
  return db
    .selectFrom('gov_formations')
    .select(['id', 'compound_id'])
    .where('compound_id', 'in', compoundIds)
    .where('status', '=', 'in_progress')
    .execute();
}

export async function insertFormation(db: Executor, row: GovFormationTable): Promise<void> {
  await db.insertInto('gov_formations').values(row).execute();
}

/** Marks a formation completed (its first committee was elected). */
export async function completeFormation(
  db: Executor,
  f: Pick<GovFormationTable, 'id' | 'version'>,
  now: string,
) {
  await db
    .updateTable('gov_formations')
    .set({ status: 'completed', updated_at: now, version: f.version + 1 })
    .where('id', '=', f.id)
    .execute();
}

export async function insertObjection(db: Executor, row: GovObjectionTable): Promise<void> {
  await db.insertInto('gov_objections').values(row).execute();
}

/** Records the answer to an objection of the formation; returns whether there was one. */
export async function answerObjection(
  db: Executor,
  formationId: string,
  objectionId: string,
  answer: { answer: string; answered_on: string },
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('gov_objections')
    .set((eb) => ({ ...answer, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', objectionId)
    .where('formation_id', '=', formationId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
