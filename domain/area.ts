// Floor areas as exact integers of centi-square-metres (0.01 m²). Pure; no I/O.
//
// Areas enter the system as decimal m² with at most two decimals (登记簿 / 实测 / 合同 areas are stated to
// 0.01 m²). They are converted on the decimal *string*, never by multiplying a float by 100 (1.15 * 100 is
// 114.99999999999999 in IEEE-754), so every stored area is an exact integer and every sum is exact.

/** Why a value was not accepted as an area. */
export type AreaParseReason =
  | 'not_a_number' // wrong type, or a string that is not a plain decimal number
  | 'not_finite' // NaN, Infinity
  | 'negative'
  | 'exponent' // 1e3, 1.5E-2, and numbers whose shortest form is exponential (>= 1e21 or < 1e-6)
  | 'too_many_decimals' // more than two significant decimals (trailing zeros are fine: "12.500")
  | 'too_large'; // a number ≥ 10^13 m², or a string above Number.MAX_SAFE_INTEGER centi-m² (≈ 9×10^13 m²)

export type AreaParseResult =
  { ok: true; centi: number } | { ok: false; reason: AreaParseReason; message: string };

/** Thrown by {@link parseAreaM2}; carries the machine-readable reason. */
export class AreaParseError extends Error {
  readonly reason: AreaParseReason;
  readonly value: unknown;
  constructor(reason: AreaParseReason, message: string, value: unknown) {
    super(message);
    this.name = 'AreaParseError';
    this.reason = reason;
    this.value = value;
  }
}

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const MAX_CENTI = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_EXACT_NUMBER_M2 = 1e13;

function fail(reason: AreaParseReason, message: string): AreaParseResult {
  return { ok: false, reason, message };
}

/**
 * Parses m² (a JSON number or a decimal string, at most two decimals) into integer centi-m², without
 * throwing. A number is judged by its shortest round-trip form `String(n)`, which is what the number's
 * JSON text becomes after `JSON.parse` (the original text is gone by then). 0 is accepted here: whether a
 * zero area is meaningful is the caller's decision (the vote tally rejects it).
 */
export function tryParseAreaM2(value: number | string): AreaParseResult {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('not_finite', `${String(value)} is not a finite number`);
    // A double holds every decimal of up to 15 significant digits exactly enough to round-trip, i.e. every
    // two-decimal value below 10^13; above that, the JSON text and String(n) may differ silently.
    if (value < 0) return fail('negative', `${String(value)} is negative`);
    if (value >= MAX_EXACT_NUMBER_M2) {
      return fail('too_large', `${String(value)} m² is too large to be exact as a JSON number`);
    }
    text = Object.is(value, -0) ? '0' : String(value);
  } else if (typeof value === 'string') {
    text = value;
  } else {
    return fail('not_a_number', `${describe(value)} is not a number`);
  }
  if (text.startsWith('-')) {
    if (/^-\d/.test(text)) return fail('negative', `${text} is negative`);
    return fail('not_a_number', `${JSON.stringify(text)} is not a decimal number`);
  }
  if (/^[+]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(text)) {
    return fail('exponent', `${text} is in exponent form; write a plain decimal with at most two decimals`);
  }
  if (/^[+-]?(?:Infinity|NaN)$/.test(text)) return fail('not_finite', `${text} is not a finite number`);
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return fail('not_a_number', `${JSON.stringify(text)} is not a decimal number`);
  const whole = m[1];
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return fail('too_many_decimals', `${text} has more than two decimals`);
  const hundredths = fraction.padEnd(2, '0');
  // Integer arithmetic only: up to 13 whole digits, whole·100 + hundredths < 10^15 < 2^53 is exact as a double.
  if (whole.length <= 13) return { ok: true, centi: Number(whole) * 100 + Number(hundredths) };
  const centi = BigInt(whole) * 100n + BigInt(hundredths);
  if (centi > MAX_CENTI) return fail('too_large', `${text} m² is too large`);
  return { ok: true, centi: Number(centi) };
}

/** Like {@link tryParseAreaM2} but throws an {@link AreaParseError}. "1234.5" → 123450. */
export function parseAreaM2(value: number | string): number {
  const r = tryParseAreaM2(value);
  if (!r.ok) throw new AreaParseError(r.reason, r.message, value);
  return r.centi;
}

/** Integer centi-m² → m² with exactly two decimals: 123450 → "1234.50", 5n → "0.05", -5 → "-0.05". */
export function formatAreaM2(centi: number | bigint): string {
  if (typeof centi === 'number' && !Number.isSafeInteger(centi)) {
    throw new RangeError(`formatAreaM2: ${centi} is not a safe integer number of centi-m²`);
  }
  const v = BigInt(centi);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const whole = abs / 100n;
  const frac = abs % 100n;
  return `${neg ? '-' : ''}${whole}.${frac.toString().padStart(2, '0')}`;
}

/** Exact sum of integer centi-m² areas (bigint, so no 2^53 limit). */
export function sumAreas(areas: Iterable<number | bigint>): bigint {
  let total = 0n;
  for (const a of areas) total += BigInt(a);
  return total;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value;
}
