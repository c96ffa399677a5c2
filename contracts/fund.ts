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
  basis: z.enum(['decision', 'emergency']),
  decisionTitle: z.string().nullable(),
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
