// The maintenance fund (专项维修资金) HTTP contract: account, ledgers by building and unit (按幢立账、按户核算,
// 《上海市住宅物业管理规定》 Art 66), entries, payments on a passed use decision (Art 69) shared by area (Art 68).
// Money is yuan as a string with exactly two decimals; dates are Shanghai calendar dates (YYYY-MM-DD).
import { z } from 'zod';

const Yuan = z.string().describe('yuan with exactly two decimals, e.g. "1280.50"');
const YuanInput = z.string().max(20).describe('yuan, at most two decimals, e.g. "1280.5"');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const FUND_ENTRY_KINDS = [
  'initial_deposit',
  'developer_advance',
  'interest',
  'top_up',
  'disbursement',
  'refund',
] as const;
export const RECORDABLE_ENTRY_KINDS = ['initial_deposit', 'developer_advance', 'interest', 'top_up'] as const;

export const FundAccount = z.object({
  bankName: z.string(),
  accountName: z.string(),
  openedOn: Day,
  balance: Yuan,
});

export const FundBuilding = z.object({
  buildingId: z.string(),
  name: z.string(),
  units: z.number().int(),
  initial: Yuan.describe('首期 deposited for its units'),
  balance: Yuan,
});

export const FundPayment = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  cost: Yuan,
  basis: z.enum(['decision', 'emergency', 'application']),
  decisionTitle: z.string().nullable(),
  emergencyTitle: z.string().nullable().describe('the emergency report it paid (第七十三条)'),
  scope: z.enum(['compound', 'buildings']),
  units: z.number().int(),
  paidOn: Day,
});

export const FundView = z.object({
  compoundId: z.string(),
  compoundName: z.string(),
  account: FundAccount.nullable().describe('null while the compound has no fund account'),
  buildings: z.array(FundBuilding),
  payments: z.array(FundPayment).describe('the latest 20 payments'),
  belowTopUpThreshold: z.number().int().describe('unit ledgers under 30 % of their initial deposit (Art 65)'),
  mayManage: z.boolean(),
  mayPay: z.boolean(),
});

export const FundUnitLedger = z.object({
  unitId: z.string(),
  number: z.string(),
  area: z.string().nullable().describe('m² the unit shares by (registered, else surveyed, else contract)'),
  initial: Yuan,
  balance: Yuan,
  belowTopUpThreshold: z.boolean(),
  topUpDue: Yuan.describe('what brings the balance back to 50 % of the initial deposit (Art 65), else 0.00'),
});

export const FundBuildingUnits = z.object({ items: z.array(FundUnitLedger) });

export const FundEntry = z.object({
  id: z.string(),
  kind: z.enum(FUND_ENTRY_KINDS),
  amount: z.string().describe('yuan, negative for a debit'),
  on: Day,
  memo: z.string(),
  paymentTitle: z.string().nullable(),
});

export const FundUnitEntries = z.object({
  unitId: z.string(),
  label: z.string().describe('compound, building and unit number'),
  initial: Yuan,
  balance: Yuan,
  items: z.array(FundEntry),
  nextCursor: z.string().nullable(),
});

export const MyFund = z.object({ items: z.array(FundUnitEntries) });

export const OpenAccountBody = z.object({
  bankName: z.string().trim().min(1).max(100),
  accountName: z.string().trim().min(1).max(100),
  openedOn: Day,
});

export const RecordEntriesBody = z.object({
  kind: z.enum(RECORDABLE_ENTRY_KINDS),
  on: Day,
  memo: z.string().trim().min(1).max(200),
  items: z
    .array(z.object({ unitId: z.string().min(1).max(64), amount: YuanInput }))
    .min(1)
    .max(5000),
});

export const RecordEntriesResult = z.object({ entries: z.number().int(), total: Yuan });

export const PaymentBody = z.object({
  reference: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .describe('the bank voucher number; a retry with it books nothing twice'),
  title: z.string().trim().min(1).max(200),
  cost: YuanInput.describe('the reviewed cost (工程审价)'),
  decisionId: z.string().min(1).max(64).describe('the passed use_fund decision of the part'),
  paidOn: Day,
});

export const PaymentResult = z.object({
  payment: FundPayment,
  shares: z.array(z.object({ unitId: z.string(), label: z.string(), area: z.string(), amount: Yuan })),
});

// --- Emergency use (《上海市住宅物业管理规定》第七十三条) ---------------------------------------------------------

export const EMERGENCY_SITUATIONS = ['pump_tank', 'lift', 'fire_system', 'facade', 'leak'] as const;
export const EMERGENCY_STATUSES = ['reported', 'approved', 'district_ordered', 'refused', 'paid'] as const;
export const EMERGENCY_ACTIONS = ['approve', 'refuse', 'order_repair', 'review_cost', 'pay'] as const;

export const EmergencyReportBody = z.object({
  situation: z.enum(EMERGENCY_SITUATIONS).describe('第七十三条第二款 (一)–(五)'),
  title: z.string().trim().min(1).max(200),
  plan: z.string().trim().min(1).max(4000).describe('维修、更新方案'),
  quotation: YuanInput,
  documentIssuer: z.string().trim().max(100).optional().describe('who issued the notice or certificate'),
  documentNumber: z.string().trim().max(60).optional(),
  buildingIds: z
    .array(z.string().min(1).max(64))
    .max(200)
    .optional()
    .describe('the buildings of a partly common part (部分共用); none = the whole compound'),
  safetyAffected: z.boolean().describe('已出现影响房屋正常使用或者居民人身财产安全情形'),
  outsideWarranty: z.literal(true).describe('不属于工程质量保证范围: the company confirms it'),
  reportedOn: Day,
  caseId: z.string().min(1).max(64).optional().describe('the case it was raised from'),
});

export const EmergencyActionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('approve'),
    version: z.number().int(),
    on: Day,
    note: z.string().trim().max(500).optional(),
  }),
  z.object({
    action: z.literal('refuse'),
    version: z.number().int(),
    on: Day,
    note: z.string().trim().min(1).max(500),
  }),
  z.object({
    action: z.literal('order_repair'),
    version: z.number().int(),
    on: Day,
    note: z.string().trim().max(500).optional(),
  }),
  z.object({
    action: z.literal('review_cost'),
    version: z.number().int(),
    on: Day,
    cost: YuanInput.describe('the intermediary’s reviewed cost (审价)'),
    reviewer: z.string().trim().min(1).max(100).describe('the qualified intermediary'),
    reportNo: z.string().trim().min(1).max(60),
  }),
  z.object({
    action: z.literal('pay'),
    version: z.number().int(),
    on: Day,
    reference: z.string().trim().min(1).max(60).describe('the bank voucher number'),
  }),
]);

export const FundEmergency = z.object({
  id: z.string(),
  situation: z.enum(EMERGENCY_SITUATIONS),
  title: z.string(),
  plan: z.string(),
  quotation: Yuan,
  document: z.object({ issuer: z.string(), number: z.string() }).nullable(),
  buildings: z
    .array(z.string())
    .describe('the buildings of a partly common part; empty = the whole compound (全体共用)'),
  safetyAffected: z.boolean(),
  stage: z.enum(['before_assembly', 'assembly']),
  status: z.enum(EMERGENCY_STATUSES),
  reportedOn: Day,
  committeeDueOn: Day.nullable().describe('第七十三条第三款(二): the last day of the committee’s 7 days'),
  committeeOverdue: z.boolean(),
  decidedOn: Day.nullable(),
  decisionNote: z.string().nullable(),
  review: z.object({ cost: Yuan, reviewer: z.string(), reportNo: z.string(), on: Day }).nullable(),
  paidOn: Day.nullable(),
  caseNo: z.string().nullable(),
  allowedActions: z.array(z.enum(EMERGENCY_ACTIONS)),
  version: z.number().int(),
});

export const FundEmergencies = z.object({
  stage: z.enum(['before_report', 'before_assembly', 'assembly']),
  mayReport: z.boolean(),
  items: z.array(FundEmergency),
});

// --- Use before the assembly (《上海市住宅物业管理规定》第七十一条第二款、第三款) ------------------------------------

export const APPLICATION_STATUSES = ['proposed', 'consulted', 'rejected', 'paid'] as const;
const Area = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/)
  .describe('m², at most two decimals');

export const ApplicationBody = z.object({
  title: z.string().trim().min(1).max(200),
  plan: z.string().trim().min(1).max(4000).describe('维修实施方案'),
  quotation: YuanInput,
  buildingIds: z
    .array(z.string().min(1).max(64))
    .max(200)
    .optional()
    .describe('the buildings of a partly common part (部分共用); none = the whole compound'),
  proposedOn: Day,
});

export const ApplicationActionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('consult'),
    version: z.number().int(),
    on: Day,
    participatingArea: Area,
    participatingPersons: z.number().int().min(0),
    agreeingArea: Area,
    agreeingPersons: z.number().int().min(0),
    note: z.string().trim().max(500).optional(),
  }),
  z.object({
    action: z.literal('review_cost'),
    version: z.number().int(),
    on: Day,
    cost: YuanInput.describe('the reviewed cost of the intermediary the city housing authority names'),
    reviewer: z.string().trim().min(1).max(100),
    reportNo: z.string().trim().min(1).max(60),
  }),
  z.object({
    action: z.literal('pay'),
    version: z.number().int(),
    on: Day,
    reference: z.string().trim().min(1).max(60).describe('the bank voucher number'),
  }),
]);

export const FundApplication = z.object({
  id: z.string(),
  title: z.string(),
  plan: z.string(),
  quotation: Yuan,
  buildings: z.array(z.string()).describe('empty = the whole compound (全体共用)'),
  status: z.enum(APPLICATION_STATUSES),
  proposedOn: Day,
  consultation: z
    .object({
      on: Day,
      totalArea: z.string(),
      totalPersons: z.number().int(),
      participatingArea: z.string(),
      participatingPersons: z.number().int(),
      agreeingArea: z.string(),
      agreeingPersons: z.number().int(),
      passed: z.boolean(),
      note: z.string().nullable(),
    })
    .nullable(),
  review: z.object({ cost: Yuan, reviewer: z.string(), reportNo: z.string(), on: Day }).nullable(),
  paidOn: Day.nullable(),
  allowedActions: z.array(z.enum(['consult', 'review_cost', 'pay'])),
  version: z.number().int(),
});

export const FundApplications = z.object({
  stage: z.enum(['before_report', 'before_assembly', 'assembly']),
  mayPropose: z.boolean(),
  items: z.array(FundApplication),
});
