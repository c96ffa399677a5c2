// One compound's governance at a glance: the assembly trigger (《规定》 Art 13) from registry data, the formation
// under way, the committee in term, past terms, owner groups and what the caller may start or record.
import { formatAreaM2 } from '../../../../domain/area.js';
import {
  FORMATION_STEPS,
  governanceState,
  isExistingCompound,
  type TriggerResult,
} from '../../../../domain/governance.js';
import type { Deps } from '../../../platform/deps.js';
import type { Actor } from '../../../platform/http/context.js';
import { presentCommittee } from '../committees/committee.view.js';
import * as committeesRepo from '../committees/committees.repo.js';
import * as formationRepo from '../formation/formation.repo.js';
import { presentFormation } from '../formation/formation.view.js';
import { registeredOn, todayOf, triggerFrom, visibleCompound } from '../governance.common.js';
import { canActAsStreet, canManage } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { canRecordArrears, presentOwnerGroups } from '../records/records.present.js';

export const presentTrigger = (t: TriggerResult, firstDeliveryOn: string | null) => ({
  met: t.met,
  kind: t.kind,
  on: t.on,
  soldDeliveredArea: formatAreaM2(t.soldDeliveredArea),
  totalArea: formatAreaM2(t.totalArea),
  areaMet: t.areaMet,
  areaReachedOn: t.areaReachedOn,
  twoYearsOn: t.twoYearsOn,
  firstDeliveryOn,
});

export async function getCompoundGovernance(deps: Deps, actor: Actor, compoundId: string) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  const today = todayOf(deps);
  const [facts, formationRow, committeeRow, past, buildings, ownerGroups] = await Promise.all([
    shared.triggerFacts(db, [c.id]),
    formationRepo.activeFormation(db, c.id),
    shared.currentCommittee(db, c.id),
    committeesRepo.pastCommittees(db, c.id),
    shared.buildingsOf(db, c.id),
    presentOwnerGroups(db, c.id),
  ]);
  const { result, firstDeliveryOn } = triggerFrom(facts, c.first_delivery_on, today);
  // Show the formation while it runs, or the finished one when there is no committee to show instead.
  const showFormation =
    formationRow && (formationRow.status === 'in_progress' || !committeeRow) ? formationRow : null;
  const formation = showFormation ? await presentFormation(db, actor, c, showFormation, today) : null;
  const committee = committeeRow ? await presentCommittee(deps, actor, c, committeeRow) : null;
  const state = governanceState({
    formationInProgress: formationRow?.status === 'in_progress',
    committee: committee ? committee.health : null,
    existing: !formationRow && isExistingCompound(result, registeredOn(c)),
  });
  return {
    compoundId: c.id,
    compoundName: c.name,
    streetCode: c.street_code,
    buildingArea: formatAreaM2(c.building_area),
    state,
    trigger: presentTrigger(result, firstDeliveryOn),
    formation,
    committee,
    pastCommittees: past.map((p) => ({
      id: p.id,
      termNo: p.term_no,
      electedOn: p.elected_on,
      termEndsOn: p.term_ends_on,
    })),
    formationSteps: [...FORMATION_STEPS],
    canStartFormation: canActAsStreet(actor, c) && !committeeRow && formationRow?.status !== 'in_progress',
    canRecordCommittee: canActAsStreet(actor, c),
    buildings: buildings.map((b) => ({ id: b.id, name: b.name })),
    ownerGroups,
    canManageOwnerGroups: canManage(actor, c),
    canRecordArrears: await canRecordArrears(db, actor, c, today),
  };
}
