// The property-service industry (物业服务行业) request/response schemas, shared by the server and the web:
// company profiles, project managers and postings, service contracts and their filing (备案), credit records
// (信用记录) with objections (异议) and corrections (修正), the credit report, and the public list.
import { z } from 'zod';
import { pageOf, PageQuery } from './common.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const Id = z.string().min(1).max(64);
const YuanInput = z.string().max(20).describe('yuan, at most two decimals, e.g. "2.8"');

export const FILING_STATES = ['filed', 'filed_late', 'due', 'overdue', 'unsigned'] as const;
export const CONTRACT_KINDS = ['preliminary', 'regular'] as const;
export const RECORD_STATUSES = ['recorded', 'published', 'withdrawn', 'corrected'] as const;

export const Standing = z.object({
  points: z.number().int(),
  bad: z.number().int(),
  good: z.number().int(),
  watch: z.boolean(),
});

// ---- companies ----

export const CompanySummary = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  branches: z.number().int(),
  standing: Standing,
});
export const CompanyQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });
export const CompanyPage = pageOf(CompanySummary);

export const ProfileBody = z.object({
  version: z.number().int().optional().describe('the profile version when it exists'),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{18}$/, '18 characters'),
  registeredAddress: text(200),
  legalRepresentative: text(50),
  staffCount: z.number().int().min(0).max(1_000_000).optional(),
});

export const QualificationBody = z.object({
  grade: z.enum(['一级', '二级', '三级', '暂定']),
  certificateNo: text(50).optional(),
  grantedOn: Day,
  endedOn: Day.optional(),
  note: text(500).optional(),
});

export const ManagerBody = z.object({
  companyId: Id,
  name: text(50),
  certificateNo: text(50),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, 'phone number')
    .optional(),
});

export const PostingBody = z.object({ compoundId: Id, fromOn: Day });

export const Posting = z.object({
  id: z.string(),
  compoundId: z.string(),
  compoundName: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
});

export const ManagerSummary = z.object({
  id: z.string(),
  name: z.string(),
  certificateNo: z.string(),
  phone: z.string().nullable().describe('masked'),
  companyName: z.string(),
  currentCompounds: z.array(z.string()),
});

export const RecordSummary = z.object({
  id: z.string(),
  subject: z.enum(['company', 'manager']),
  kind: z.enum(['bad', 'good']),
  rule: z.string().describe('the rule in words'),
  ruleVerified: z.boolean(),
  points: z.number().int(),
  companyName: z.string(),
  managerName: z.string().nullable(),
  compoundName: z.string().nullable(),
  occurredOn: z.string(),
  status: z.enum(RECORD_STATUSES),
  publishedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  inForce: z.boolean(),
  objection: z.enum(['pending', 'upheld', 'dismissed']).nullable(),
  correction: z.enum(['pending', 'approved', 'refused']).nullable(),
});

export const CompanyReport = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  headCompanyName: z.string().nullable(),
  branches: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  profile: z
    .object({
      creditCode: z.string(),
      registeredAddress: z.string(),
      legalRepresentative: z.string(),
      staffCount: z.number().int().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  qualifications: z.array(
    z.object({
      grade: z.string(),
      certificateNo: z.string().nullable(),
      grantedOn: z.string(),
      endedOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  qualificationNote: z.string(),
  managers: z.array(ManagerSummary),
  standing: Standing,
  standingNote: z.string().describe('how the standing is counted, in words'),
  records: z.array(RecordSummary),
});

export const ManagerReport = ManagerSummary.extend({
  companyId: z.string(),
  postings: z.array(Posting),
  standing: Standing,
  records: z.array(RecordSummary),
});

// ---- contracts ----

export const ContractQuery = PageQuery.extend({
  filing: z.enum(FILING_STATES).optional(),
  expiring: z.enum(['true', 'false']).optional(),
  compoundId: Id.optional(),
});

export const ContractView = z.object({
  id: z.string(),
  compoundId: z.string(),
  compoundName: z.string(),
  companyName: z.string(),
  kind: z.enum(CONTRACT_KINDS),
  serviceLevel: z.string(),
  signedOn: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  fee: z.string().nullable().describe('yuan per m² per month'),
  filing: z.object({
    state: z.enum(FILING_STATES),
    dueOn: z.string().nullable(),
    filedOn: z.string().nullable(),
    citation: z.string(),
  }),
  expiresSoon: z.boolean(),
  version: z.number().int(),
});
export const ContractPage = pageOf(ContractView);

export const ContractBody = z.object({
  version: z.number().int(),
  kind: z.enum(CONTRACT_KINDS).optional(),
  signedOn: Day.optional(),
  startsOn: Day.optional(),
  endsOn: Day.optional(),
  fee: YuanInput.optional(),
  serviceLevel: text(50).optional(),
});

export const FilingBody = z.object({ version: z.number().int(), filedOn: Day });

// ---- credit records ----

export const CreditRuleView = z.object({
  code: z.string(),
  subject: z.enum(['company', 'manager']),
  kind: z.enum(['bad', 'good']),
  name: z.string(),
  points: z.number().int(),
  expiryMonths: z.number().int(),
  correctionMinMonths: z.number().int().nullable(),
  verified: z.boolean(),
  source: z.string().nullable(),
});

export const RecordBody = z.object({
  ruleCode: z.string().min(1).max(50),
  companyId: Id.optional().describe('a company record: the company, branch or project office'),
  managerId: Id.optional().describe('a project manager record'),
  compoundId: Id.optional().describe('where it happened; without it the company’s district enters it'),
  facts: z.string().trim().min(2).max(4000),
  evidence: z.string().trim().min(2).max(4000),
  source: text(200).describe('e.g. 12345 工单, 区房管局检查'),
  occurredOn: Day,
});

export const RecordQuery = PageQuery.extend({
  status: z.enum(RECORD_STATUSES).optional(),
  companyId: Id.optional(),
  compoundId: Id.optional(),
});
export const RecordPage = pageOf(RecordSummary);

export const RecordView = RecordSummary.extend({
  facts: z.string(),
  evidence: z.string(),
  source: z.string(),
  enteredOn: z.string(),
  enteredByName: z.string(),
  version: z.number().int(),
  objectionDetail: z
    .object({
      reason: z.string(),
      filedOn: z.string(),
      status: z.enum(['pending', 'upheld', 'dismissed']),
      decidedOn: z.string().nullable(),
      decisionReasons: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  corrections: z.array(
    z.object({
      rectification: z.string(),
      appliedOn: z.string(),
      dueOn: z.string(),
      status: z.enum(['pending', 'approved', 'refused']),
      decidedOn: z.string().nullable(),
      decisionReasons: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
  correctionEarliestOn: z.string().nullable(),
  actions: z.array(z.enum(['confirm', 'object', 'decideObjection', 'applyCorrection', 'decideCorrection'])),
});

export const ConfirmBody = z.object({ version: z.number().int() });
export const ObjectionBody = z.object({ reason: z.string().trim().min(2).max(2000) });
export const DecideBody = z.object({
  version: z.number().int().describe('the objection’s or correction’s version'),
  granted: z.boolean().describe('objection upheld / correction approved'),
  reasons: z.string().trim().min(2).max(2000),
});
export const CorrectionBody = z.object({ rectification: z.string().trim().min(2).max(2000) });

// ---- public ----

export const PublicCompany = z.object({
  id: z.string(),
  name: z.string(),
  standing: Standing,
  publishedRecords: z.number().int(),
});
export const PublicCompanyQuery = z.object({ q: z.string().trim().max(100).optional() });

export const PublicCompanyDetail = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  standing: Standing,
  standingNote: z.string(),
  records: z.array(
    z.object({
      kind: z.enum(['bad', 'good']),
      subject: z.enum(['company', 'manager']),
      description: z.string().describe('the record in words'),
      points: z.number().int(),
      orgName: z.string(),
      publishedOn: z.string(),
      expiresOn: z.string().nullable(),
    }),
  ),
});
