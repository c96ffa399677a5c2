// How the committee's records appear on the committee and compound pages: change filings, trainings, the
// filing file's gaps, owner groups, and whether the caller may record fee arrears.
import { filingGaps } from '../../../../domain/governance.js';
import type { Executor } from '../../../platform/db/database.js';
import type { CommitteeChangeTable, CommitteeMemberTable } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/http/context.js';
import type { CompoundRow } from '../governance.common.js';
import { arrearsCompanyIdsOf, canActAsStreet } from '../governance.policy.js';
import * as repo from './records.repo.js';

export const presentChange = (ch: CommitteeChangeTable, fileBy: string | undefined) => ({
  id: ch.id,
  kind: ch.kind,
  summary: ch.summary,
  changedOn: ch.changed_on,
  sourceType: ch.source_type,
  sourceId: ch.source_id,
  status: ch.status,
  fileBy: fileBy ?? ch.changed_on,
  submittedOn: ch.submitted_on,
  decidedOn: ch.decided_on,
  note: ch.note,
  receivedOn: ch.received_on,
  version: ch.version,
});

export async function presentTrainings(
  db: Executor,
  committeeId: string,
  names: ReadonlyMap<string, string>,
) {
  return (await repo.trainingsOf(db, committeeId)).map((t) => ({
    id: t.id,
    heldOn: t.held_on,
    topic: t.topic,
    trainer: t.trainer,
    hours: (t.hours / 10).toFixed(1),
    attendees: (JSON.parse(t.attendee_ids_json) as string[]).map((memberId) => ({
      memberId,
      name: names.get(memberId) ?? memberId,
    })),
  }));
}

/** What the 备案 file lacks, from the committee's members and whether its names were posted. */
export function filingGapsOf(
  active: readonly Pick<CommitteeMemberTable, 'undertaking_signed' | 'trained_on'>[],
  namesPosted: boolean,
) {
  return filingGaps({
    namesPosted,
    undertakingsSigned: active.every((m) => m.undertaking_signed === 1),
    membersTrained: active.every((m) => !!m.trained_on),
  });
}

export async function presentOwnerGroups(db: Executor, compoundId: string) {
  const [groups, scopes] = await Promise.all([
    repo.ownerGroupsOf(db, compoundId),
    repo.buildingDecisionScopes(db, compoundId),
  ]);
  const decisionsOf = new Map<string, number>();
  for (const s of scopes) {
    for (const b of JSON.parse(s.building_ids_json) as string[])
      decisionsOf.set(b, (decisionsOf.get(b) ?? 0) + 1);
  }
  return groups.map((g) => ({
    id: g.id,
    buildingId: g.building_id,
    buildingName: g.building_name,
    entrance: g.entrance,
    formedOn: g.formed_on,
    status: g.status,
    dissolvedOn: g.dissolved_on,
    representatives: JSON.parse(g.representatives_json) as { ownerId: string; name: string }[],
    decisions: decisionsOf.get(g.building_id) ?? 0,
    version: g.version,
  }));
}

/** The serving property company (current contract) records arrears; so does the street office. */
export async function canRecordArrears(db: Executor, actor: Actor | null, c: CompoundRow, today: string) {
  return canActAsStreet(actor, c) || (await repo.companyServes(db, arrearsCompanyIdsOf(actor), c.id, today));
}
