// Dispute mediation (矛盾调解) request/response schemas, shared by the server and the web.
import { z } from 'zod';
import {
  DISPUTE_ACTIONS,
  DISPUTE_STATUSES,
  DISPUTE_TYPES,
  PARTY_SIDES,
  REFERRAL_ROUTES,
} from '../domain/mediation.js';
import { pageOf, PageQuery, StreetCode } from './common.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, 'phone number');

export const PartyInput = z.object({
  side: z.enum(PARTY_SIDES),
  name: text(100),
  phone: phone.optional(),
});

export const CreateDisputeBody = z.object({
  type: z.enum(DISPUTE_TYPES),
  subject: text(200),
  facts: z.string().trim().min(2).max(4000),
  compoundId: z.string().min(1).max(64),
  committeeOrgId: z.string().min(1).max(64),
  mediatorUserId: z.string().min(1).max(64).optional(),
  receivedOn: Day.optional(),
  parties: z.array(PartyInput).min(1).max(20),
  /** The case this dispute is turned from: the case records it (a note on its timeline). */
  caseId: z.string().min(1).max(64).optional(),
});

export const SessionBody = z.object({
  version: z.number().int(),
  heldOn: Day,
  place: z.string().trim().max(200).optional(),
  notes: z.string().trim().min(2).max(4000),
});

export const DisputeActionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('assign'),
    version: z.number().int(),
    mediatorUserId: z.string().min(1).max(64),
  }),
  z.object({
    action: z.literal('agree'),
    version: z.number().int(),
    agreedOn: Day,
    facts: z.string().trim().max(4000),
    terms: z.string().trim().max(4000),
    performanceMethod: z.string().trim().max(500),
    performanceDeadline: z.string().max(10),
  }),
  z.object({ action: z.literal('sign'), version: z.number().int(), signedOn: Day }),
  z.object({
    action: z.literal('fail'),
    version: z.number().int(),
    on: Day,
    route: z.enum(REFERRAL_ROUTES),
    body: text(200), // the arbitration commission or court the parties were referred to
    note: z.string().trim().min(2).max(2000),
  }),
  z.object({
    action: z.literal('withdraw'),
    version: z.number().int(),
    on: Day,
    note: z.string().trim().min(2).max(2000),
  }),
  z.object({
    action: z.literal('toCase'),
    version: z.number().int(),
    categoryCode: z.string().trim().min(1).max(60),
    note: z.string().trim().min(2).max(2000),
  }),
  z.object({
    action: z.literal('confirm'),
    version: z.number().int(),
    court: text(200),
    appliedOn: Day,
    ruledOn: Day,
    rulingNo: text(100),
  }),
]);

export const Party = z.object({
  id: z.string(),
  side: z.enum(PARTY_SIDES),
  name: z.string(),
  phone: z.string().nullable(), // masked
});

export const Session = z.object({
  id: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  notes: z.string(),
  by: z.string(),
});

export const DisputeSummary = z.object({
  id: z.string(),
  type: z.enum(DISPUTE_TYPES),
  subject: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  compoundName: z.string(),
  streetName: z.string().nullable(),
  committeeName: z.string(),
  mediatorName: z.string().nullable(),
  receivedOn: z.string(),
  parties: z.string(), // names, applicants first
});

export const DisputeView = DisputeSummary.extend({
  facts: z.string(),
  compoundId: z.string(),
  version: z.number().int(),
  parties: z.array(Party),
  sessions: z.array(Session),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  returnedCaseId: z.string().nullable(),
  returnedCaseNo: z.string().nullable(), // the case it went back to, by number
  agreement: z
    .object({
      agreedOn: z.string(),
      facts: z.string(),
      terms: z.string(),
      performanceMethod: z.string(),
      performanceDeadline: z.string(),
      effectiveOn: z.string().nullable(),
      confirmationWindowEnd: z.string().nullable(),
    })
    .nullable(),
  referral: z
    .object({ route: z.enum(REFERRAL_ROUTES), body: z.string(), on: z.string(), note: z.string() })
    .nullable(),
  confirmation: z
    .object({ court: z.string(), appliedOn: z.string(), ruledOn: z.string(), rulingNo: z.string() })
    .nullable(),
  closedOn: z.string().nullable(),
  closeNote: z.string().nullable(),
  actions: z.array(z.enum(DISPUTE_ACTIONS)),
  mayManage: z.boolean(),
  law: z.array(z.object({ cite: z.string(), verified: z.boolean() })),
});

export const DisputeQuery = PageQuery.extend({
  status: z.enum(DISPUTE_STATUSES).optional(),
  open: z.enum(['true', 'false']).optional(),
});
export const DisputePage = pageOf(DisputeSummary);

export const RevealedParty = z.object({ id: z.string(), phone: z.string().nullable() });

export const MediationOptions = z.object({
  committees: z.array(z.object({ id: z.string(), name: z.string() })),
  mediators: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const OptionsQuery = z.object({ compoundId: z.string().min(1).max(64) });

export const StatsQuery = z.object({
  district: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  street: StreetCode.optional(),
});
export const MediationStats = z.object({
  streets: z.array(
    z.object({
      streetCode: z.string(),
      streetName: z.string().nullable(),
      total: z.number().int(),
      byType: z.record(z.enum(DISPUTE_TYPES), z.number().int()),
      open: z.number().int(),
      agreements: z.number().int(),
      referred: z.number().int(),
      withdrawn: z.number().int(),
      returned: z.number().int(),
      medianDaysToOutcome: z.number().nullable(),
    }),
  ),
});
