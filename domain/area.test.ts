import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AreaParseError, formatAreaM2, parseAreaM2, sumAreas, tryParseAreaM2 } from './area.js';

describe('parseAreaM2', () => {
  it.each([
    [0, 0],
    ['0', 0],
    [-0, 0],
    [1, 100],
    [1.15, 115], // 1.15 * 100 === 114.99999999999999 in floating point
    [0.29, 29], // 0.29 * 100 === 28.999999999999996
    [1234.5, 123450],
    ['1234.50', 123450],
    ['12.340', 1234], // trailing zeros are not significant decimals
    ['007.5', 750],
    [9999999999999.99, 999999999999999],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%j m² → %i centi-m²', (input, centi) => {
    expect(parseAreaM2(input)).toBe(centi);
  });

  it.each([
    [12.345, 'too_many_decimals'],
    ['12.345', 'too_many_decimals'],
    [0.1 + 0.2, 'too_many_decimals'], // 0.30000000000000004
    [-1, 'negative'],
    [-0.01, 'negative'],
    ['-5', 'negative'],
    [NaN, 'not_finite'],
    [Infinity, 'not_finite'],
    [-Infinity, 'not_finite'],
    ['Infinity', 'not_finite'],
    [1e-7, 'exponent'], // String(1e-7) === "1e-7"
    ['1e3', 'exponent'],
    ['1.5E+2', 'exponent'],
    [1e21, 'too_large'],
    [1e13, 'too_large'], // beyond 15 significant digits a double cannot carry two exact decimals
    ['90071992547409.92', 'too_large'],
    ['', 'not_a_number'],
    [' 1', 'not_a_number'],
    ['.5', 'not_a_number'],
    ['5.', 'not_a_number'],
    ['+5', 'not_a_number'],
    ['1,234.50', 'not_a_number'],
    ['0x10', 'not_a_number'],
  ])('rejects %j (%s)', (input, reason) => {
    const r = tryParseAreaM2(input);
    expect(r).toMatchObject({ ok: false, reason });
    expect(() => parseAreaM2(input)).toThrow(AreaParseError);
  });

  it('rejects non-number, non-string values without throwing from tryParse', () => {
    expect(tryParseAreaM2(null as unknown as number)).toMatchObject({ ok: false, reason: 'not_a_number' });
    expect(tryParseAreaM2(true as unknown as number)).toMatchObject({ ok: false, reason: 'not_a_number' });
  });

  it('the error carries the reason and value', () => {
    try {
      parseAreaM2('1.234');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AreaParseError);
      expect((err as AreaParseError).reason).toBe('too_many_decimals');
      expect((err as AreaParseError).value).toBe('1.234');
    }
  });

  it('property: format → parse round-trips every safe centi value, as a string', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (c) => {
        expect(parseAreaM2(formatAreaM2(c))).toBe(c);
      }),
    );
  });

  it('property: format → Number → parse round-trips below 10^13 m² (what JSON.parse produces)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e15 - 1 }), (c) => {
        expect(parseAreaM2(Number(formatAreaM2(c)))).toBe(c);
        expect(parseAreaM2(JSON.parse(formatAreaM2(c)) as number)).toBe(c);
      }),
    );
  });

  it('property: three significant decimals are always rejected', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 999 }), (whole, milli) => {
        fc.pre(milli % 10 !== 0);
        const text = `${whole}.${String(milli).padStart(3, '0')}`;
        expect(tryParseAreaM2(text)).toMatchObject({ ok: false, reason: 'too_many_decimals' });
        expect(tryParseAreaM2(Number(text))).toMatchObject({ ok: false, reason: 'too_many_decimals' });
      }),
    );
  });
});

describe('formatAreaM2', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [123450, '1234.50'],
    [-5, '-0.05'],
    [-123456, '-1234.56'],
    [2n ** 70n, '11805916207174113034.24'],
  ])('%s → %s', (centi, text) => {
    expect(formatAreaM2(centi)).toBe(text);
  });

  it('rejects non-integers and unsafe numbers', () => {
    expect(() => formatAreaM2(1.5)).toThrow(RangeError);
    expect(() => formatAreaM2(NaN)).toThrow(RangeError);
    expect(() => formatAreaM2(2 ** 60)).toThrow(RangeError);
  });
});

describe('sumAreas', () => {
  it('is exact beyond 2^53', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(sumAreas([big, big, 1])).toBe(2n * BigInt(big) + 1n);
    expect(formatAreaM2(sumAreas([big, big]))).toBe('180143985094819.82');
  });
});
