// The committee's records: change filings (变更备案), training, owner groups (业主小组), fee arrears and the
// compound's notice board (公告栏).
import { z } from 'zod';
import { CHANGE_KINDS, POSITIONS } from '../../domain/governance.js';
import { PageQuery } from '../common.js';
import { date, id } from './fields.js';
import { Matter } from './decisions.js';

// 变更备案 (Art 33)
export const ChangeKind = z.enum(CHANGE_KINDS);
export const CommitteeChange = z.object({
  id: z.string(),
  kind: ChangeKind,
  summary: z.string(),
  changedOn: z.string(),
  sourceType: z.enum(['member', 'decision']).nullable(),
  sourceId: z.string().nullable(),
  status: z.enum(['pending', 'submitted', 'accepted', 'rejected']),
  fileBy: z.string().describe('30 days after the change (Art 33)'),
  submittedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  note: z.string().nullable(),
  receivedOn: z.string().nullable().describe('受理 (Art 34)'),
  version: z.number().int(),
});
export const CommitteeChangeInput = z.object({
  kind: z.enum(['name', 'area', 'rules_of_procedure', 'management_statute', 'deregistration']),
  summary: z.string().trim().min(2).max(500),
  changedOn: date,
});
export const CommitteeChangeActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), version: z.number().int(), on: date }),
  z.object({
    action: z.literal('receive'),
    version: z.number().int(),
    on: date.describe('受理 (Art 34): the street’s 20 days run from it'),
  }),
  z.object({
    action: z.literal('decide'),
    version: z.number().int(),
    on: date,
    accepted: z.boolean(),
    note: z.string().trim().max(500).optional(),
  }),
]);
export const ChangeParams = z.object({ id, changeId: id });

// Training records (Arts 15, 23)
export const Training = z.object({
  id: z.string(),
  heldOn: z.string(),
  topic: z.string(),
  trainer: z.string(),
  hours: z.string().describe('e.g. "1.5"'),
  attendees: z.array(z.object({ memberId: z.string(), name: z.string() })),
});
export const TrainingInput = z.object({
  heldOn: date,
  topic: z.string().trim().min(2).max(200),
  trainer: z.string().trim().min(1).max(100),
  hours: z.number().min(0.5).max(40).multipleOf(0.5),
  memberIds: z.array(id).min(1).max(31),
});

// Owner groups (业主小组, Art 35)
export const OwnerGroup = z.object({
  id: z.string(),
  buildingId: z.string(),
  buildingName: z.string(),
  entrance: z.string().nullable().describe('单元 (Art 35); null = the whole building'),
  formedOn: z.string(),
  status: z.enum(['active', 'dissolved']),
  dissolvedOn: z.string().nullable(),
  representatives: z.array(z.object({ ownerId: z.string(), name: z.string() })),
  decisions: z.number().int().describe('decisions scoped to this building'),
  version: z.number().int(),
});
export const OwnerGroupInput = z.object({
  buildingId: id,
  entrance: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .optional()
    .describe('an entrance (单元) of the building as the registry records it; omitted = the whole building'),
  formedOn: date,
  representativeOwnerIds: z.array(id).max(20).default([]),
});
export const OwnerGroupDissolveBody = z.object({ version: z.number().int(), on: date });

// Fee arrears (欠交物业服务费或者专项维修资金, Art 20 ¶2)
const yuan = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/)
  .describe('yuan with at most two decimals, e.g. "1280.50"');
export const Arrear = z.object({
  id: z.string(),
  unitId: z.string(),
  unitLabel: z.string(),
  kind: z.enum(['service_fee', 'maintenance_fund']),
  amount: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  recordedOn: z.string(),
  settledOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const ArrearInput = z.object({
  unitId: id,
  kind: z.enum(['service_fee', 'maintenance_fund']),
  amount: yuan,
  periodFrom: date,
  periodTo: date,
  note: z.string().trim().max(500).optional(),
});
export const ArrearSettleBody = z.object({ version: z.number().int(), on: date });
export const ArrearQuery = PageQuery.extend({
  unit: id.optional(),
  open: z.enum(['true', 'false']).optional(),
});
// The compound's notice board (公告栏), for its owners and the supervising offices
export const NoticeBoard = z.object({
  compoundId: z.string(),
  compoundName: z.string(),
  committee: z
    .object({
      termNo: z.number().int(),
      electedOn: z.string(),
      termEndsOn: z.string(),
      filed: z.boolean().describe('备案 accepted by the street'),
      members: z.array(z.object({ name: z.string(), position: z.enum(POSITIONS), byElection: z.boolean() })),
    })
    .nullable(),
  resolutions: z.array(
    z.object({
      meetingId: z.string(),
      heldOn: z.string(),
      publishedOn: z.string(),
      titles: z
        .array(z.string())
        .describe('the adopted resolutions (signed by more than half of all members)'),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      matter: Matter,
      scope: z.enum(['compound', 'buildings']),
      publishedOn: z.string(),
      noticeEndsOn: z.string().nullable(),
      passed: z.boolean(),
      challengeUntil: z
        .string()
        .describe(
          'owners who did not vote: AT LEAST until this day (a year from the posting, 区分所有权解释 Art 12)',
        ),
      challengeVotersUntil: z.string().describe('owners who voted: a year from the close of voting'),
    }),
  ),
  ownerGroups: z.array(
    z.object({
      buildingName: z.string(),
      entrance: z.string().nullable().describe('单元 (Art 35); null = the whole building'),
      formedOn: z.string(),
      representatives: z.array(z.string()),
    }),
  ),
});
