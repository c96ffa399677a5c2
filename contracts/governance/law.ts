// Law-fidelity additions to the governance contract (issue 14): the register of Art 20 ¶2 grounds (违规情形登记)
// the eligibility check reads, and the filing acceptance (受理, Art 34).
import { z } from 'zod';
import { VIOLATION_GROUNDS } from '../../domain/governance-eligibility.js';
import { PageQuery } from '../common.js';
import { date, id } from './fields.js';

export const ViolationGround = z.enum(VIOLATION_GROUNDS);
export const UnitViolation = z.object({
  id: z.string(),
  unitId: z.string(),
  unitLabel: z.string(),
  ground: ViolationGround,
  groundLabel: z.string().describe('the ground in the words of 《规定》 Art 20 ¶2'),
  foundOn: z.string(),
  correctedOn: z
    .string()
    .nullable()
    .describe('null = not corrected (且未改正: disqualifies the unit’s owners)'),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const UnitViolationInput = z.object({
  unitId: id,
  ground: ViolationGround,
  foundOn: date,
  note: z.string().trim().max(500).optional(),
});
export const UnitViolationCorrectBody = z.object({ version: z.number().int(), on: date });
export const UnitViolationQuery = PageQuery.extend({
  unit: id.optional(),
  open: z.enum(['true', 'false']).optional(),
});
export const UnitViolationPage = z.object({
  items: z.array(UnitViolation),
  nextCursor: z.string().nullable(),
  canRecord: z.boolean().describe('the street office of the compound keeps the register'),
});
