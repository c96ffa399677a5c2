// One compound's governance at a glance: trigger, formation, committee, owner groups.
import { z } from 'zod';
import { FORMATION_STEPS } from '../../domain/governance.js';
import { GovernanceState, Trigger } from './overview.js';
import { Formation } from './formation.js';
import { Committee } from './committees.js';
import { OwnerGroup } from './records.js';

export const GovernanceCompound = z.object({
  compoundId: z.string(),
  compoundName: z.string(),
  streetCode: z.string(),
  buildingArea: z.string(),
  state: GovernanceState,
  trigger: Trigger,
  formation: Formation.nullable(),
  committee: Committee.nullable(),
  pastCommittees: z.array(
    z.object({ id: z.string(), termNo: z.number().int(), electedOn: z.string(), termEndsOn: z.string() }),
  ),
  formationSteps: z.array(z.enum(FORMATION_STEPS)),
  canStartFormation: z.boolean(),
  canRecordCommittee: z.boolean(),
  buildings: z.array(z.object({ id: z.string(), name: z.string() })),
  ownerGroups: z.array(OwnerGroup),
  canManageOwnerGroups: z.boolean(),
  canRecordArrears: z.boolean(),
});
