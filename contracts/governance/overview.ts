// The street's view: statutory deadlines (gov_tasks) as a queue and a calendar, the assembly trigger and
// the overview of every compound's governance state.
import { z } from 'zod';
import { GOVERNANCE_STATES } from '../../domain/governance.js';
import { PageQuery } from '../common.js';
import { id } from './fields.js';

// ---------------------------------------------------------------------------------------------------------
// Tasks (deadlines) and overview

export const TASK_STATES = ['done', 'open', 'due_soon', 'overdue'] as const;
export const Task = z.object({
  id: z.string(),
  compoundId: z.string(),
  compoundName: z.string(),
  subjectType: z.enum([
    'compound',
    'formation',
    'committee',
    'decision',
    'meeting',
    'change',
    'member',
    'petition',
  ]),
  subjectId: z.string(),
  kind: z.string(),
  responsible: z.enum(['developer', 'street', 'group', 'committee']),
  dueOn: z.string(),
  nominalDueOn: z.string(),
  doneOn: z.string().nullable(),
  state: z.enum(TASK_STATES),
  legalRef: z.string(),
});

export const TaskQuery = PageQuery.extend({
  street: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  compound: id.optional(),
  state: z.enum(['pending', 'overdue', 'done', 'all']).default('pending'),
});

export const TaskCalendarQuery = TaskQuery.pick({ street: true, compound: true });

export const GovernanceState = z.enum(GOVERNANCE_STATES);

export const Trigger = z.object({
  met: z.boolean(),
  kind: z.enum(['area', 'two_years']).nullable(),
  on: z.string().nullable(),
  soldDeliveredArea: z.string(),
  totalArea: z.string(),
  areaMet: z.boolean(),
  areaReachedOn: z.string().nullable(),
  twoYearsOn: z.string().nullable(),
  firstDeliveryOn: z.string().nullable(),
});

export const OverviewItem = z.object({
  compoundId: z.string(),
  compoundName: z.string(),
  streetCode: z.string(),
  streetName: z.string(),
  state: GovernanceState,
  triggerMet: z.boolean(),
  triggerOn: z.string().nullable(),
  committeeId: z.string().nullable(),
  termEndsOn: z.string().nullable(),
  members: z.number().int().nullable(),
  seats: z.number().int().nullable(),
  lastMeetingOn: z.string().nullable(),
  pendingTasks: z.number().int(),
  overdueTasks: z.number().int(),
  nextDueOn: z.string().nullable(),
});

export const OverviewQuery = PageQuery.extend({
  street: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  state: GovernanceState.optional(),
});

export const Overview = z.object({
  items: z.array(OverviewItem),
  nextCursor: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()).describe('compounds per state on this page'),
});
