// Queries of the statutory duties (issue 14 items 6–10, 16): meeting notices, petitions, exemptions, filing
// materials, and the owner count (persons) of a compound. SQL only here.
import { voteOwnerOf } from '../../../../domain/governance-decisions.js';
import type { Executor } from '../../../platform/db/database.js';
import type {
  AssemblyExemptionTable,
  CommitteeFilingMaterialTable,
  GovMeetingNoticeTable,
  GovPetitionTable,
} from '../../../platform/db/schema.js';
import { uniqueOr } from '../../../platform/db/writes.js';
import * as decisionsRepo from '../decisions/decisions.repo.js';

/**
 * The owners of a compound counted as persons (区分所有权解释 Art 9, as the roll counts them: one person per
 * unit's vote owner, one owner of several units once, the developer's unsold or undelivered units as one).
 */
export async function ownerPersons(db: Executor, compoundId: string, asOf: string): Promise<number> {
  const [units, owners] = await Promise.all([
    decisionsRepo.unitsFor(db, compoundId, null),
    decisionsRepo.unitOwnersOf(db, compoundId),
  ]);
  const byUnit = new Map<string, { id: string; kind: 'person' | 'organisation' | 'developer' }[]>();
  for (const o of owners) {
    const list = byUnit.get(o.unit_id) ?? [];
    list.push({ id: o.id, kind: o.kind });
    byUnit.set(o.unit_id, list);
  }
  const keys = new Set<string>();
  for (const u of units) {
    keys.add(
      voteOwnerOf({ deliveredOn: u.delivered_on, owners: byUnit.get(u.id) ?? [] }, asOf, 'developer').key,
    );
  }
  return keys.size;
}

// --- Meeting notices (Art 25 ¶2) --------------------------------------------------------------------------

export const meetingNoticesOf = (db: Executor, decisionId: string) =>
  db
    .selectFrom('gov_meeting_notices')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .orderBy('recipient')
    .execute();

export const insertMeetingNotice = (db: Executor, row: GovMeetingNoticeTable) =>
  uniqueOr(
    () => db.insertInto('gov_meeting_notices').values(row).execute(),
    'governance.meeting_notice_exists',
  );

// --- Petitions (Arts 25 ¶1, 26 ¶1) ------------------------------------------------------------------------

export const petitionsOf = (db: Executor, committeeId: string) =>
  db
    .selectFrom('gov_petitions')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .orderBy('received_on', 'desc')
    .orderBy('id', 'desc')
    .execute();

export const petition = (db: Executor, id: string) =>
  db.selectFrom('gov_petitions').selectAll().where('id', '=', id).executeTakeFirst();

export const insertPetition = (db: Executor, row: GovPetitionTable) =>
  db.insertInto('gov_petitions').values(row).execute();

export const decisionOfCompound = (db: Executor, id: string, compoundId: string) =>
  db
    .selectFrom('decisions')
    .select(['id', 'opens_at', 'status'])
    .where('id', '=', id)
    .where('compound_id', '=', compoundId)
    .executeTakeFirst();

export const meetingOfCommittee = (db: Executor, id: string, committeeId: string) =>
  db
    .selectFrom('committee_meetings')
    .select(['id', 'held_on', 'kind'])
    .where('id', '=', id)
    .where('committee_id', '=', committeeId)
    .executeTakeFirst();

// --- Exemptions (Art 13 ¶2) -------------------------------------------------------------------------------

export const activeExemption = (db: Executor, compoundId: string) =>
  db
    .selectFrom('assembly_exemptions')
    .selectAll()
    .where('compound_id', '=', compoundId)
    .where('status', '=', 'active')
    .executeTakeFirst();

export const activeExemptionsOf = async (db: Executor, compoundIds: readonly string[]) =>
  compoundIds.length === 0
    ? []
    : db
        .selectFrom('assembly_exemptions')
        .selectAll()
        .where('compound_id', 'in', compoundIds)
        .where('status', '=', 'active')
        .execute();

export const insertExemption = (db: Executor, row: AssemblyExemptionTable) =>
  uniqueOr(() => db.insertInto('assembly_exemptions').values(row).execute(), 'governance.exemption_exists');

// --- Filing materials (Art 23 ¶1) -------------------------------------------------------------------------

export const filingMaterialsOf = (db: Executor, committeeId: string) =>
  db.selectFrom('committee_filing_materials').selectAll().where('committee_id', '=', committeeId).execute();

export const insertFilingMaterial = (db: Executor, row: CommitteeFilingMaterialTable) =>
  uniqueOr(
    () => db.insertInto('committee_filing_materials').values(row).execute(),
    'governance.filing_material_exists',
  );
