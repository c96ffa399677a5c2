import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuan } from './money.js';

describe('parseYuan: yuan text → integer fen, exactly', () => {
  it.each([
    ['0', 0],
    ['0.01', 1],
    ['1', 100],
    ['1.1', 110],
    ['1.15', 115], // 1.15 * 100 is 114.99999999999999 in floating point
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996
    ['1280.5', 128050],
    ['1280.50', 128050],
    ['1280.500', 128050], // trailing zeros are not decimals
    ['007.10', 710],
    ['19999999.99', 1999999999],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%j → %i fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it('never rounds: more than two decimals is refused, not rounded', () => {
    expect(parseYuan('12.345')).toBeNull();
    expect(parseYuan('0.001')).toBeNull();
    expect(parseYuan('0.005')).toBeNull();
    expect(parseYuan('12.3450')).toBeNull();
  });

  it('refuses what is not text at run time (request bodies are unknown)', () => {
    expect(parseYuan(null as unknown as string)).toBeNull();
    expect(parseYuan(undefined as unknown as string)).toBeNull();
    expect(parseYuan({} as unknown as string)).toBeNull();
  });

  it('refuses negative amounts', () => {
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('-0.01')).toBeNull();
    expect(parseYuan('-0')).toBeNull();
  });

  it.each([
    '',
    ' ',
    ' 12',
    '12 ',
    '+12',
    '12.',
    '.5',
    '1,280.50',
    '1 280',
    '¥12',
    '12元',
    '1e3',
    '1.5E2',
    '0x10',
    'Infinity',
    'NaN',
    '１２', // full-width digits
    '90071992547409.92', // above Number.MAX_SAFE_INTEGER fen
  ])('refuses %j', (text) => {
    expect(parseYuan(text)).toBeNull();
  });
});

describe('formatYuan: integer fen → yuan with two decimals', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [128050, '1280.50'],
    [-5, '-0.05'],
    [-128050, '-1280.50'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i fen → %j', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('refuses what is not a whole number of fen', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
    expect(() => formatYuan(NaN)).toThrow(RangeError);
    expect(() => formatYuan(Infinity)).toThrow(RangeError);
    expect(() => formatYuan(2 ** 53)).toThrow(RangeError);
  });

  it('property: formatYuan and parseYuan are inverse on non-negative fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseYuan(formatYuan(fen))).toBe(fen);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^(0|[1-9]\d{0,11})\.\d\d$/), (text) => {
        expect(formatYuan(parseYuan(text)!)).toBe(text);
      }),
    );
  });
});
