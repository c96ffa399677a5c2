// Owners' decisions (业主共同决定) and ballots: invitation codes, desk and proxy ballots, the roll, results
// with their arithmetic, and the owners' own ballot with an invitation code (no account).
import { z } from 'zod';
import { CHOICES, MATTERS } from '../../domain/vote-tally.js';
import { DECISION_METHODS } from '../../domain/governance-decisions.js';
import { PageQuery } from '../common.js';
import { date, id, instant } from './fields.js';

export const Matter = z.enum(MATTERS);
export const Choice = z.enum(CHOICES);
export const DecisionMethod = z.enum(DECISION_METHODS);
export const DECISION_STATUSES = ['draft', 'open', 'closed', 'published', 'cancelled'] as const;
export const DecisionStatus = z.enum(DECISION_STATUSES);
export const DECISION_ACTIONS = ['open', 'close', 'publish', 'cancel'] as const;
export const DecisionActionName = z.enum(DECISION_ACTIONS);

// ---------------------------------------------------------------------------------------------------------
// Decisions

export const DecisionInput = z.object({
  compoundId: id,
  scope: z.enum(['compound', 'buildings']).default('compound'),
  buildingIds: z.array(id).max(500).default([]),
  matter: Matter,
  method: DecisionMethod,
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().max(5000).default(''),
  opensAt: instant,
  closesAt: instant,
  noticeDays: z.number().int().min(1).max(365).default(15).describe('days the result stays posted'),
  statuteClause: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'a repair, renewal or alteration the 管理规约 provides for: its clause (e.g. "管理规约第十二条"); exempts it from the 换届 freeze (《规定》 Art 28 ¶4 (三))',
    ),
});

export const DecisionActionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('open'),
    version: z.number().int(),
    noticePostedOn: date.describe('the day the meeting notice was posted (≥ 15 days before opening)'),
  }),
  z.object({ action: z.literal('close'), version: z.number().int() }),
  z.object({ action: z.literal('publish'), version: z.number().int() }),
  z.object({ action: z.literal('cancel'), version: z.number().int() }),
]);
export type DecisionAction = z.infer<typeof DecisionActionBody>;

export const Decision = z.object({
  id: z.string(),
  compoundId: z.string(),
  compoundName: z.string(),
  streetCode: z.string(),
  scope: z.enum(['compound', 'buildings']),
  buildings: z.array(z.object({ id: z.string(), name: z.string() })),
  matter: Matter,
  rule: z.enum(['majority', 'three_quarters']),
  method: DecisionMethod,
  title: z.string(),
  description: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: DecisionStatus,
  noticePostedOn: z.string().nullable(),
  noticeDays: z.number().int(),
  unitCount: z.number().int(),
  ballotCount: z.number().int(),
  invitationsIssued: z.number().int(),
  acceptingBallots: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  publishDueOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  noticeEndsOn: z.string().nullable(),
  challengeUntil: z
    .string()
    .nullable()
    .describe(
      'owners who did not vote may ask the court to revoke the decision AT LEAST until this day: one year from the posting of the result (区分所有权解释 Art 12: from when they knew or should have known)',
    ),
  challengeVotersUntil: z
    .string()
    .nullable()
    .describe('owners who voted: one year from the day voting closed (区分所有权解释 Art 12)'),
  statuteClause: z
    .string()
    .nullable()
    .describe(
      'the 管理规约 clause providing for this repair (exempt from the 换届 freeze, 《规定》 Art 28 ¶4 (三))',
    ),
  allowedActions: z.array(DecisionActionName),
  canRecordBallots: z.boolean(),
  canManage: z.boolean().describe('may run this decision (committee member of the compound, street office)'),
  createdAt: z.string(),
  version: z.number().int(),
});

export const DecisionListItem = Decision.pick({
  id: true,
  compoundId: true,
  compoundName: true,
  scope: true,
  matter: true,
  method: true,
  title: true,
  opensAt: true,
  closesAt: true,
  status: true,
  unitCount: true,
  ballotCount: true,
  publishedAt: true,
});

export const DecisionQuery = PageQuery.extend({
  compound: id.optional(),
  street: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  status: DecisionStatus.optional(),
});

export const InvitationsBody = z.object({
  unitIds: z.array(id).max(20_000).optional().describe('re-issue for these units only (default: every unit)'),
});

export const Invitations = z.object({
  decisionId: z.string(),
  title: z.string(),
  compoundName: z.string(),
  issuedAt: z.string(),
  items: z.array(z.object({ unitId: z.string(), label: z.string(), code: z.string() })),
});

export const DeskBallotBody = z
  .object({
    unitId: id,
    choice: Choice,
    channel: z.enum(['desk', 'proxy']).default('desk'),
    proxyName: z.string().trim().min(1).max(50).optional(),
    proxyDocument: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('reference of the written authorisation'),
  })
  .refine((b) => b.channel !== 'proxy' || (!!b.proxyName && !!b.proxyDocument), {
    message: 'a proxy ballot needs proxyName and proxyDocument (written authorisation)',
    path: ['proxyName'],
  });

export const Ballot = z.object({
  id: z.string(),
  decisionId: z.string(),
  unitId: z.string(),
  unitLabel: z.string(),
  choice: Choice,
  channel: z.enum(['web', 'desk', 'proxy']),
  proxyName: z.string().nullable(),
  recordedByName: z.string().nullable(),
  at: z.string(),
});

export const RollQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  voted: z.enum(['yes', 'no']).optional(),
});

export const RollItem = z.object({
  unitId: z.string(),
  label: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  developer: z.boolean(),
  area: z.string(),
  voted: z.boolean(),
  channel: z.enum(['web', 'desk', 'proxy']).nullable(),
});

export const ThresholdCheck = z.object({
  key: z.enum(['quorum_area', 'quorum_persons', 'approval_area', 'approval_persons']),
  measure: z.enum(['area', 'persons']),
  fraction: z.string().describe('e.g. "2/3"'),
  comparison: z.enum(['≥', '>']),
  actual: z.string(),
  base: z.string(),
  required: z.string().describe('the least actual value that meets the check'),
  met: z.boolean(),
});

export const TallyJson = z.object({
  matter: Matter,
  rule: z.enum(['majority', 'three_quarters']),
  totalArea: z.string(),
  totalPersons: z.number().int(),
  participatingArea: z.string(),
  participatingPersons: z.number().int(),
  yesArea: z.string(),
  yesPersons: z.number().int(),
  quorumMet: z.boolean(),
  passed: z.boolean(),
});

export const DecisionResult = z.object({
  decisionId: z.string(),
  title: z.string(),
  compoundName: z.string(),
  status: DecisionStatus,
  provisional: z.boolean().describe('true while ballots can still arrive'),
  tally: TallyJson,
  checks: z.array(ThresholdCheck),
  choices: z.object({
    yes: z.object({ persons: z.number().int(), area: z.string() }),
    no: z.object({ persons: z.number().int(), area: z.string() }),
    abstain: z.object({ persons: z.number().int(), area: z.string() }),
  }),
  channels: z.object({ web: z.number().int(), desk: z.number().int(), proxy: z.number().int() }),
  units: z.number().int(),
  publishedAt: z.string().nullable(),
  noticeEndsOn: z.string().nullable(),
});

// Public (owners, no account): the invitation code is the credential.
const code = z
  .string()
  .trim()
  .min(8)
  .max(40)
  .describe('invitation code as printed, e.g. "K7QM-4XPA-2HRT"; spaces and dashes are ignored');

export const BallotLookupBody = z.object({ code });
export const BallotLookup = z.object({
  decisionTitle: z.string(),
  description: z.string(),
  compoundName: z.string(),
  matter: Matter,
  method: DecisionMethod,
  opensAt: z.string(),
  closesAt: z.string(),
  unitLabel: z.string(),
  accepting: z.boolean(),
  alreadyVoted: z.boolean(),
});
export const OwnerBallotBody = z.object({ code, choice: Choice });
export const BallotReceipt = z.object({ receipt: z.string(), at: z.string(), choice: Choice });

// ---------------------------------------------------------------------------------------------------------
// The signed-in owner's own decisions and ballot (the account is the identity, no invitation code)

export const OwnDecision = z.object({
  id,
  title: z.string(),
  description: z.string(),
  compoundId: id,
  compoundName: z.string(),
  matter: Matter,
  method: DecisionMethod,
  opensAt: instant,
  closesAt: instant,
  accepting: z.boolean().describe('ballots accepted now'),
  unitCount: z.number().int(),
  ballotCount: z.number().int().describe('ballots cast so far'),
  units: z.array(
    z.object({
      unitId: id,
      label: z.string(),
      mayVote: z.boolean().describe('false for units the developer votes for (unsold or undelivered)'),
      voted: z.boolean(),
    }),
  ),
  myBallot: z.object({ choice: Choice, at: instant, unitId: id }).nullable(),
});

export const AccountBallotBody = z.object({ unitId: id, choice: Choice });
