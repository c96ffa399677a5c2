// Statutory duties of 《规定》 (issue 14 items 6–10, 16): written notice of an assembly meeting (Art 25 ¶2),
// petitions for extraordinary meetings (Arts 25 ¶1, 26 ¶1), exemption from forming an assembly (Art 13 ¶2),
// the filing file's six materials (Art 23 ¶1) and a leaving member's handover (Art 30).
import { z } from 'zod';
import {
  EXEMPTION_REASONS,
  FILING_MATERIALS,
  MEETING_NOTICE_RECIPIENTS,
} from '../../domain/governance-duties.js';
import { date, id, v } from './fields.js';

const text = (max: number) => z.string().trim().min(1).max(max);

// Art 25 ¶2 — written notice to the 房管机构 and the 居民委员会
export const MeetingNoticeRecipient = z.enum(MEETING_NOTICE_RECIPIENTS);
export const MeetingNoticeInput = z.object({
  recipient: MeetingNoticeRecipient,
  recipientName: text(100).describe('e.g. 花木街道房管办, 东方居委会'),
  notifiedOn: date.describe('the day the written notice (time, place, topics, agenda) was delivered'),
  note: z.string().trim().max(500).optional(),
});
export const MeetingNotices = z.object({
  decisionId: z.string(),
  notices: z.array(
    z.object({
      id: z.string(),
      recipient: MeetingNoticeRecipient,
      recipientName: z.string(),
      notifiedOn: z.string(),
      note: z.string().nullable(),
    }),
  ),
  missing: z.array(MeetingNoticeRecipient).describe('recipients not yet notified: the decision cannot open'),
  legalRef: z.string(),
  canRecord: z.boolean(),
});

// Arts 25 ¶1, 26 ¶1 — petitions for an extraordinary meeting
export const PetitionInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('assembly'),
    receivedOn: date,
    subject: text(300),
    proposers: z.number().int().min(1).max(1_000_000).describe('owners who signed (persons)'),
  }),
  z.object({
    kind: z.literal('committee'),
    receivedOn: date,
    subject: text(300),
    memberIds: z.array(id).min(1).max(31),
  }),
]);
export const PetitionConveneBody = z.object({
  ...v,
  refId: id.describe('the decision (assembly) or the extraordinary meeting (committee) that answered it'),
});
export const PetitionParams = z.object({ id, petitionId: id });
export const Petition = z.object({
  id: z.string(),
  kind: z.enum(['assembly', 'committee']),
  receivedOn: z.string(),
  subject: z.string(),
  proposers: z.number().int(),
  base: z.number().int().describe('owners (persons) or serving members on the day it was received'),
  share: z.string().describe('proposers / base, as a percentage with two decimals'),
  threshold: z.string().describe('20% (Art 25 ¶1) or 1/3 (Art 26 ¶1)'),
  met: z.boolean(),
  proposerNames: z.array(z.string()),
  status: z.enum(['awaiting', 'convened', 'insufficient']),
  dueOn: z.string().nullable(),
  convenedOn: z.string().nullable(),
  legalRef: z.string(),
  version: z.number().int(),
});
export const Petitions = z.object({ items: z.array(Petition), canRecord: z.boolean() });

// Art 13 ¶2 — exemption from forming an assembly
export const ExemptionReason = z.enum(EXEMPTION_REASONS);
export const ExemptionInput = z.object({
  reason: ExemptionReason,
  agreedOn: date.describe('the day of the written agreement (unanimous) or of the finding (single owner)'),
  agreedOwners: z.number().int().min(1).optional().describe('owners who agreed in writing (unanimous)'),
  note: z.string().trim().max(500).optional(),
});
export const ExemptionRevokeBody = z.object({ ...v, on: date });
export const ExemptionView = z.object({
  compoundId: z.string(),
  owners: z.number().int().describe('owners (persons) today'),
  exemption: z
    .object({
      id: z.string(),
      reason: ExemptionReason,
      agreedOn: z.string(),
      ownersAtRecord: z.number().int(),
      note: z.string().nullable(),
      holds: z.boolean().describe('still true with today’s owners; the trigger scan skips the compound'),
      version: z.number().int(),
    })
    .nullable(),
  legalRef: z.string(),
  canRecord: z.boolean(),
});

// Art 23 ¶1 — the filing file
export const FilingMaterial = z.enum(FILING_MATERIALS);
export const FilingMaterialInput = z.object({
  material: FilingMaterial,
  providedOn: date,
  description: text(300).describe('the document: title, date, pages'),
});
export const FilingMaterials = z.object({
  committeeId: z.string(),
  items: z.array(
    z.object({
      material: FilingMaterial,
      providedOn: z.string().nullable(),
      description: z.string().nullable(),
      complete: z.boolean().describe('in the file (and, for (五)/(六), every serving member covered)'),
    }),
  ),
  gaps: z.array(FilingMaterial),
  legalRef: z.string(),
  canRecord: z.boolean(),
});

// Art 30 — a leaving member hands over within 10 days
export const HandoverBody = z.object({ on: date });
