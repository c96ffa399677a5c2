// Credit of property-service companies and project managers (《上海市住宅物业管理规定》第三十八条; the 2023
// 《上海市物业服务企业和项目经理信用信息管理办法》, RULES.md §7): the unified social credit code (GB 32100-2015)
// check character, the rule table of 失信 points (data, unverified [U]: the official 《失信行为记分规则》 point
// table was not retrieved), whether a record is in force, a company's standing, and when a correction (修正)
// may be applied for. Pure rules; no I/O.
import { addMonths } from './calendar.js';

/** GB 32100-2015: the 31 characters of a 统一社会信用代码 (no I, O, Z, S, V) and the weights of positions 1–17. */
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character (position 18) of the first 17 characters, or null when they are not valid. */
export function creditCodeCheckChar(first17: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_CHARS.indexOf(first17[i]) * WEIGHTS[i];
  const c = 31 - (sum % 31);
  return CODE_CHARS[c === 31 ? 0 : c];
}

/** Whether a code is 18 characters of the GB 32100 set with the right check character. */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

export type CreditSubject = 'company' | 'manager';
export type CreditKind = 'bad' | 'good';

/** One row of the rule table. Points, expiry and the minimum period before a correction are [U] data. */
export interface CreditRule {
  code: string;
  subject: CreditSubject;
  kind: CreditKind;
  zh: string;
  en: string;
  points: number; // 失信 points (0 for a good record)
  expiryMonths: number; // published for this long from publication
  correctionMinMonths: number | null; // 修正 possible this long after publication (null: never)
  verified: boolean; // false = [U]: no official source entered yet
  source: string | null;
}

/**
 * The default rule table (migration 0022 writes it into credit_rules, where it is data). The 18/6 values echo the
 * older project-manager sheet (RULES.md §7, [S]); every value here is unverified for the 2023 measures.
 */
export const DEFAULT_CREDIT_RULES: readonly CreditRule[] = [
  r('fund_misuse', 'company', 'bad', '挪用、侵占专项维修资金', 'Misusing the maintenance fund', 18, 36, 12),
  r(
    'room_misuse',
    'company',
    'bad',
    '擅自改变物业管理用房用途',
    'Changing the use of the management room',
    18,
    36,
    12,
  ),
  r(
    'common_use',
    'company',
    'bad',
    '擅自利用共用部位经营',
    'Running a business on common parts without consent',
    18,
    36,
    12,
  ),
  r(
    'fee_abuse',
    'company',
    'bad',
    '乱收费且不整改',
    'Charging unlawful fees and not correcting it',
    18,
    36,
    12,
  ),
  r(
    'contract_unfiled',
    'company',
    'bad',
    '未按规定备案物业服务合同',
    'Service contract not filed in time',
    6,
    12,
    6,
  ),
  r(
    'reception',
    'company',
    'bad',
    '未执行周一至周日业务接待制度',
    'No reception seven days a week',
    6,
    12,
    6,
  ),
  r(
    'decoration',
    'company',
    'bad',
    '未及时发现、劝阻违规装修',
    'Unlawful renovation not found or stopped in time',
    6,
    12,
    6,
  ),
  r(
    'pm_certificate',
    'manager',
    'bad',
    '出租、出借执业证书',
    'Lending the practising certificate',
    18,
    36,
    12,
  ),
  r('pm_accident', 'manager', 'bad', '发生重大责任事故', 'A major accident through fault', 18, 36, 12),
  r('pm_reception', 'manager', 'bad', '未执行业务接待制度', 'No reception hours kept', 6, 12, 6),
  r('award', 'company', 'good', '获得市级以上表彰', 'City-level award or above', 0, 36, null),
  r('model_project', 'company', 'good', '示范项目', 'Model project', 0, 36, null),
  r('pm_award', 'manager', 'good', '获得表彰的项目经理', 'Award to the project manager', 0, 36, null),
];

function r(
  code: string,
  subject: CreditSubject,
  kind: CreditKind,
  zh: string,
  en: string,
  points: number,
  expiryMonths: number,
  correctionMinMonths: number | null,
): CreditRule {
  return {
    code,
    subject,
    kind,
    zh,
    en,
    points,
    expiryMonths,
    correctionMinMonths,
    verified: false,
    source: null,
  };
}

/** The watch list (服务差、投诉多) threshold: companies with at least this many points in force [U, data]. */
export const WATCH_THRESHOLD_POINTS = 18;

export type RecordStatus = 'recorded' | 'published' | 'withdrawn' | 'corrected';

export interface RecordFacts {
  kind: CreditKind;
  status: RecordStatus;
  points: number;
  expiresOn: string | null; // publication + the rule's expiry
}

/** The last day a record is published: publication + expiry months (it is gone the day after). */
export const expiryOf = (publishedOn: string, expiryMonths: number) => addMonths(publishedOn, expiryMonths);

/** In force on `today`: published, not withdrawn or corrected, not past its expiry. */
export function inForce(rec: RecordFacts, today: string): boolean {
  return rec.status === 'published' && (!rec.expiresOn || today <= rec.expiresOn);
}

/** A company's standing: points of its bad records in force, and its good records in force. */
export function standingOf(records: readonly RecordFacts[], today: string) {
  let points = 0;
  let bad = 0;
  let good = 0;
  for (const rec of records) {
    if (!inForce(rec, today)) continue;
    if (rec.kind === 'bad') {
      points += rec.points;
      bad++;
    } else good++;
  }
  return { points, bad, good, watch: points >= WATCH_THRESHOLD_POINTS };
}

export type CorrectionRefusal =
  'not_bad' | 'not_published' | 'not_correctable' | 'too_early' | 'same_type_since';

/**
 * Whether a correction (修正) may be applied for on `today`: a published bad record whose rule allows it, at least
 * the minimum period after publication (on the day the period ends, exactly, it may), and no new record of the same
 * type against the same subject published since.
 */
export function correctionEligibility(input: {
  kind: CreditKind;
  status: RecordStatus;
  publishedOn: string | null;
  minMonths: number | null;
  sameTypeSince: number;
  today: string;
}):
  | { eligible: true; earliestOn: string }
  | { eligible: false; reason: CorrectionRefusal; earliestOn: string | null } {
  if (input.kind !== 'bad') return { eligible: false, reason: 'not_bad', earliestOn: null };
  if (input.status !== 'published' || !input.publishedOn)
    return { eligible: false, reason: 'not_published', earliestOn: null };
  if (input.minMonths === null) return { eligible: false, reason: 'not_correctable', earliestOn: null };
  const earliestOn = addMonths(input.publishedOn, input.minMonths);
  if (input.today < earliestOn) return { eligible: false, reason: 'too_early', earliestOn };
  if (input.sameTypeSince > 0) return { eligible: false, reason: 'same_type_since', earliestOn };
  return { eligible: true, earliestOn };
}
