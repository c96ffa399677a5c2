// Cases contract: intake, the case view with allowed actions, actions, queues, KPIs.
import { z } from 'zod';
import { CASE_ACTIONS, RETURN_REASONS, SATISFACTIONS } from '../domain/case-lifecycle.js';
import { PUBLIC_STEPS } from '../domain/case-public-steps.js';
import { SLA_STAGES } from '../domain/sla.js';
import { DistrictCode, PageQuery, StreetCode } from './common.js';

export const CHANNELS = [
  'hotline12345',
  'hotline962121',
  'hotline12319',
  'gridInspection',
  'residentWeb',
  'propertyCompany',
  'departmentReferral',
  'open311',
  'onlineMedia', // 网络舆情: found in online media (source link required)
] as const;
export const Channel = z.enum(CHANNELS);

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, 'phone number');

/** Photos a request may carry (resident report, case action): how many, and the bytes of each. */
export const PHOTO_LIMITS = { perRequest: 3, maxBytes: 1_500_000 } as const;
/** A photo at its largest as a data URL: the longest prefix + base64 (4 characters per 3 bytes). */
const MAX_PHOTO_DATA_URL = 'data:image/jpeg;base64,'.length + Math.ceil(PHOTO_LIMITS.maxBytes / 3) * 4;
/**
 * The body limit of routes that carry photos: every photo at its largest, plus room for the rest of the
 * body (notes and fields, JSON-escaped). Other routes keep the server's default limit.
 */
export const PHOTO_BODY_LIMIT = PHOTO_LIMITS.perRequest * MAX_PHOTO_DATA_URL + 256 * 1024;

/** A photo as a data URL (PNG, JPEG or WebP); the server limits each to 1.5 MB decoded. */
const PhotoDataUrl = z
  .string()
  .max(MAX_PHOTO_DATA_URL)
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/);

export const Attributes = z
  .record(z.string().max(40), z.union([z.string().max(40), z.boolean()]))
  .default({});

export const IntakeBody = z.object({
  channel: Channel,
  categoryCode: z.string().trim().min(1).max(60),
  attributes: Attributes,
  urgency: z.enum(['normal', 'urgent', 'critical']).optional(),
  title: z.string().trim().max(100).optional(),
  description: z.string().trim().min(2).max(4000),
  address: z.string().trim().max(200).optional(),
  compoundId: z.string().min(1).max(64).optional(),
  buildingId: z.string().min(1).max(64).optional(),
  unitId: z.string().min(1).max(64).optional(),
  streetCode: StreetCode.optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  reporter: z
    .object({
      name: z.string().trim().max(50).optional(),
      phone: phone.optional(),
      email: z.email().max(100).optional(),
    })
    .default({}),
  mediaUrls: z
    .array(z.url({ protocol: /^https?$/ }).max(500))
    .max(9)
    .default([]),
  externalRef: z.string().trim().min(1).max(80).optional(),
  /** 网络舆情 (channel onlineMedia, required there): the address of the post the problem was found in. */
  sourceUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  /** Screenshots (e.g. of the online post), stored like every case photo. */
  photos: z.array(PhotoDataUrl).max(PHOTO_LIMITS.perRequest).optional(),
});
export type IntakeInput = z.infer<typeof IntakeBody>;

export const HotlineIntakeBody = IntakeBody.extend({
  channel: z.enum(['hotline12345', 'hotline962121', 'hotline12319']).default('hotline12345'),
  workOrderNo: z.string().trim().min(1).max(80).optional(),
});

export const ResidentReportBody = z.object({
  categoryCode: z.string().trim().min(1).max(60),
  attributes: Attributes,
  description: z.string().trim().min(5).max(2000),
  compoundId: z.string().min(1).max(64).optional(),
  buildingId: z.string().min(1).max(64).optional(),
  unitId: z.string().min(1).max(64).optional(),
  address: z.string().trim().max(200).optional(),
  streetCode: StreetCode.optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  name: z.string().trim().max(50).optional(),
  phone,
  photos: z.array(PhotoDataUrl).max(PHOTO_LIMITS.perRequest).default([]),
});

/** What every intake route answers: the case, and whether this request created it (false: a retry). */
export const IntakeResult = z.object({ id: z.string(), caseNo: z.string(), created: z.boolean() });

/** A resident's report: the case, and the signed link to follow it without retyping number and phone. */
export const PublicIntakeResult = IntakeResult.extend({
  trackToken: z.string().describe('signed tracking token: /track?t=<token>'),
});

/** Following a case proves access with its number + the reporter's phone, or with a signed link's token. */
export const TrackQuery = z.object({
  caseNo: z.string().trim().min(5).max(40).optional(),
  phone: phone.optional(),
  token: z
    .string()
    .trim()
    .min(10)
    .max(200)
    .optional()
    .describe('signed tracking token (instead of number + phone)'),
});

export const CaseEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  actorOrgName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.object({ zh: z.string(), en: z.string() }),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  data: z.record(z.string(), z.unknown()),
});

const Org = z.object({ id: z.string(), name: z.string(), type: z.string() }).nullable();

export const CaseView = z.object({
  id: z.string(),
  caseNo: z.string(),
  channel: z.string(),
  /** 网络舆情: the online post the case was found in; null for other channels. */
  sourceUrl: z.string().nullable(),
  categoryCode: z.string(),
  categoryName: z.object({ zh: z.string(), en: z.string() }),
  attributes: z.record(z.string(), z.union([z.string(), z.boolean()])),
  urgency: z.string(),
  status: z.string(),
  statusLabel: z.object({ zh: z.string(), en: z.string() }),
  title: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  districtCode: z.string(),
  streetCode: z.string(),
  streetName: z.string().nullable(),
  compound: z.object({ id: z.string(), name: z.string() }).nullable(),
  building: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe('楼栋, when the report named one'),
  unit: z.object({ id: z.string(), number: z.string() }).nullable().describe('房屋 (unit number)'),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  reporterName: z.string().nullable(),
  reporterPhone: z.string().nullable().describe('masked'),
  proactive: z.boolean(),
  leadOrg: Org,
  suggestedOrg: Org,
  coHandlers: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  /** The co-handlers the responsibility list suggested at intake (only with the events). */
  suggestedCoHandlers: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  routing: z.object({
    rule: z.string().nullable(),
    note: z.string().nullable(),
    row: z
      .object({
        listVersion: z.number().int(),
        categoryName: z.object({ zh: z.string(), en: z.string() }),
        conditions: z.record(z.string(), z.union([z.string(), z.boolean()])),
        orgType: z.string(),
      })
      .nullable()
      .describe('the responsibility-list row that chose the handler, in words (null: none matched)'),
  }),
  deadlines: z.object({
    accept: z.string().nullable(),
    sign: z.string().nullable(),
    arrive: z.string().nullable(),
    resolve: z.string().nullable(),
    feedback: z.string().nullable().describe('反馈举报人 by (拆违规定 Art 5), from the dispatch'),
    report: z.string().nullable().describe('物业报告违法 by (《规定》 Art 59), from 劝阻制止无效'),
    next: z.string().nullable(),
  }),
  /** When a duty was met: 反馈举报人 and 报告违法 (null while pending or without the duty). */
  dutiesDone: z.object({ feedback: z.string().nullable(), report: z.string().nullable() }),
  deadlineBasis: z
    .array(
      z.object({
        stage: z.enum(SLA_STAGES),
        law: z.boolean().describe('the figure is the statute’s (a statutory clock never pauses)'),
        zh: z.string(),
        en: z.string(),
      }),
    )
    .describe('the rule behind each clock of the case, cited as people cite it'),
  dueState: z.string(),
  extensionPending: z.boolean(),
  supervisionLevel: z.number().int(),
  satisfaction: z.string().nullable(),
  reopenCount: z.number().int(),
  mergedIntoId: z.string().nullable(),
  duplicateOf: z
    .object({ id: z.string(), caseNo: z.string(), status: z.string() })
    .nullable()
    .describe('an open case of the same category in the same compound reported earlier (合并 candidate)'),
  photos: z.array(z.object({ id: z.string(), url: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(CASE_ACTIONS)),
  events: z.array(CaseEvent).optional(),
});

// --- Similar open cases (重复投诉 hints at intake, merge targets; issue 9 §7) -----------------------------------

export const SimilarCasesQuery = z.object({
  compoundId: z.string().min(1).max(64),
  categoryCode: z.string().trim().min(1).max(60).optional().describe('required unless caseNo is given'),
  attributes: z
    .string()
    .max(1000)
    .optional()
    .describe('the report’s attributes as a JSON object, e.g. {"meterPosition":"after"}'),
  caseNo: z
    .string()
    .trim()
    .regex(/^\d{1,21}$/)
    .optional()
    .describe('a case number prefix: open cases of the compound whose number starts with it'),
  excludeCaseId: z.string().max(64).optional().describe('the case being merged (left out)'),
});

export const SimilarCase = z.object({
  id: z.string(),
  caseNo: z.string(),
  createdAt: z.string(),
  status: z.string(),
  statusLabel: z.object({ zh: z.string(), en: z.string() }),
  categoryName: z.object({ zh: z.string(), en: z.string() }),
  summary: z.string().describe('the first words of the description'),
  mergeable: z.boolean().describe('whether another case may be merged into it now'),
});

export const ActionBody = z.object({
  action: z.enum(CASE_ACTIONS),
  version: z.number().int().positive(),
  note: z.string().trim().max(2000).optional(),
  leadOrgId: z.string().max(64).optional(),
  coHandlerOrgIds: z.array(z.string().max(64)).max(10).optional(),
  returnReason: z.enum(RETURN_REASONS).optional(),
  extension: z
    .string()
    .regex(/^[1-9]\d{0,3}(h|d|wd)$/)
    .optional(),
  satisfaction: z.enum(SATISFACTIONS).optional(),
  resolved: z.boolean().optional(),
  mergeIntoCaseNo: z.string().max(40).optional(),
  noticePublishedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('限期拆除通告 published on (Shanghai date)'),
  noticeEndsOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('the notice period ends on (at least ten days after publication, 拆违规定 Art 9)'),
  photos: z.array(PhotoDataUrl).max(PHOTO_LIMITS.perRequest).optional(),
});
export type ActionInput = z.infer<typeof ActionBody>;

export const QUEUES = [
  'toSign',
  'inProgress',
  'dueSoon',
  'overdue',
  'returned',
  'toDispatch',
  'toVerify',
  'dueToday', // open cases whose next deadline falls later today (Shanghai)
  'extensions', // 延期申请 waiting for the dispatcher's decision
  'supervised', // 督办 cases (supervision level > 0) still open
  'all',
] as const;

export const QueueQuery = PageQuery.extend({
  queue: z.enum(QUEUES).default('all'),
  orgId: z.string().max(64).optional(),
  street: StreetCode.optional(),
  status: z.string().max(20).optional(),
  category: z.string().max(60).optional(),
  q: z.string().trim().max(50).optional(),
});

export const CaseListItem = z.object({
  id: z.string(),
  caseNo: z.string(),
  title: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  status: z.string(),
  urgency: z.string(),
  channel: z.string(),
  streetName: z.string().nullable(),
  compoundName: z.string().nullable(),
  leadOrgName: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  dueState: z.string(),
  supervisionLevel: z.number().int(),
  createdAt: z.string(),
});

const PublicStep = z.enum(PUBLIC_STEPS);

/** A case as its reporter sees it: public steps only (domain/case-public-steps.ts), the handler's result. */
export const TrackView = z.object({
  caseNo: z.string(),
  status: z.string(),
  step: PublicStep,
  statusLabel: z.object({ zh: z.string(), en: z.string() }).describe('the public step in words'),
  categoryName: z.object({ zh: z.string(), en: z.string() }),
  place: z.string().nullable().describe('compound, building and unit as reported'),
  createdAt: z.string(),
  leadOrgName: z.string().nullable(),
  timeline: z.array(
    z.object({ at: z.string(), step: PublicStep, label: z.object({ zh: z.string(), en: z.string() }) }),
  ),
  result: z
    .object({
      at: z.string(),
      note: z.string().nullable(),
      photos: z.array(z.object({ url: z.string() })),
    })
    .nullable()
    .describe('the handler’s latest report back: its note and evidence photos'),
  allowedActions: z.array(z.enum(CASE_ACTIONS)),
  version: z.number().int(),
  link: z.object({ token: z.string(), expiresAt: z.string() }).describe('a fresh signed link to this case'),
});

export const Category = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  urgent: z.boolean(),
  attributes: z.array(z.string()),
  keywords: z.array(z.string()).describe('words callers use for the category (检索词), matched by search'),
  active: z.boolean(),
});

export const KpiQuery = z.object({
  groupBy: z.enum(['street', 'department', 'company', 'compound', 'category']).default('street'),
  district: DistrictCode.optional(),
  street: StreetCode.optional(),
  from: z.iso.date(),
  to: z.iso.date(),
});

export const KpiRow = z.object({
  key: z.string(),
  name: z.string(),
  total: z.number().int(),
  proactive: z.number().int(),
  discoveryRate: z.number().nullable(),
  acceptedOnTimeRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  repeatRate: z.number().nullable(),
  parked: z.number().int(),
  arrivalOnTimeRate: z
    .number()
    .nullable()
    .describe(
      '到场及时率 = on site by the deadline / on-site clocks come due (arrived, or the deadline passed)',
    ),
});

// --- The signed-in owner's own reports (issue 9 §4) ---------------------------------------------------------

/** An owner reports a problem at one of their own units (the unit gives building, compound and street). */
export const OwnReportBody = z.object({
  unitId: z.string().min(1).max(64),
  categoryCode: z.string().trim().min(1).max(60),
  attributes: Attributes,
  description: z.string().trim().min(5).max(2000),
  phone: phone.optional().describe('a number to call back on (optional)'),
  photos: z.array(PhotoDataUrl).max(PHOTO_LIMITS.perRequest).default([]),
});

const Words = z.object({ zh: z.string(), en: z.string() });

/** One case the owner reported, in the reporter's words: the public step of its status (domain/case-public-steps.ts). */
export const OwnCaseItem = z.object({
  id: z.string(),
  caseNo: z.string(),
  title: z.string(),
  description: z.string(),
  categoryName: Words,
  state: z.enum(PUBLIC_STEPS),
  stateLabel: Words,
  compoundName: z.string().nullable(),
  unitLabel: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
