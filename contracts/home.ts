// The staff home ("what needs me today"): counts of the caller's queues, committees near 换届, a small trend.
import { z } from 'zod';
import { KpiTrendMonth } from './kpis.js';

const count = z.number().int();

export const HomeResult = z.object({
  queues: z
    .object({
      toSign: count.describe('待签收: dispatched to the caller’s units, not yet signed for'),
      toDispatch: count.describe('待派遣'),
      overdue: count.describe('已超期'),
      dueToday: count.describe('open cases whose next deadline falls later today (Shanghai)'),
      extensions: count.describe('延期申请 waiting for a decision'),
      supervised: count.describe('督办 cases still open'),
      toVerify: count.describe('待核查'),
    })
    .nullable()
    .describe('null when the caller has no case queue'),
  committeesNearReelection: z
    .object({
      expiring: count.describe('in term, the 换届 report is due (Art 28: five months before the term ends)'),
      expired: count.describe('the term has ended and no successor is recorded'),
    })
    .nullable()
    .describe('current committees of the caller’s compounds near 换届; null without governance view'),
  trend: z
    .array(KpiTrendMonth)
    .nullable()
    .describe('the last six months of the caller’s area (street, district, city offices); else null'),
});
