// maskPhone / maskIdNumber of ./access.ts: what staff without pii.reveal see of owners' and reporters'
// phone and ID numbers (registry, cases, accounts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './access.js';

const revealed = (masked: string) => masked.replace(/\*/g, '').length;

describe('maskPhone', () => {
  it('keeps null and the empty string', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });

  it('an 11-digit mobile number: the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('19900000001')).toBe('199****0001');
  });

  it('longer numbers keep their first 3 and last 4 characters, the middle becomes 4 stars', () => {
    expect(maskPhone('021-58880000')).toBe('021****0000');
    expect(maskPhone('+86 13812345678')).toBe('+86****5678');
  });

  it('fewer than 7 characters are all stars (same length)', () => {
    expect(maskPhone('1')).toBe('*');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('123456')).toBe('******');
  });

  it('property: an 11-digit number never shows its 4 middle digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const m = maskPhone(phone)!;
        expect(m).toHaveLength(11);
        expect(m.slice(3, 7)).toBe('****');
        expect(m.slice(0, 3) + m.slice(7)).toBe(phone.slice(0, 3) + phone.slice(7));
      }),
    );
  });

  // From 7 to 10 characters the mask once showed 3 + 4 characters, i.e. all of a 7-digit number and 7 of the
  // 8 digits of a Shanghai landline. At least 4 characters stay hidden, nothing is shown twice.
  it('a 7-digit number is not shown in full', () => {
    expect(revealed(maskPhone('1234567')!)).toBeLessThanOrEqual(3);
  });
  it('an 8-digit landline keeps at least 4 digits hidden', () => {
    expect(revealed(maskPhone('62345678')!)).toBeLessThanOrEqual(4);
  });
  it('property: every phone of 5–20 characters has at least 4 characters hidden', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5,20}$/), (phone) => {
        expect(phone.length - revealed(maskPhone(phone)!)).toBeGreaterThanOrEqual(Math.min(4, phone.length));
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it('keeps null and the empty string', () => {
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber('')).toBe('');
  });

  it('an 18-character resident ID: the first and last character, 16 stars', () => {
    expect(maskIdNumber('31010119900101123X')).toBe(`3${'*'.repeat(16)}X`);
    expect(maskIdNumber('310101199001011234')).toBe(`3${'*'.repeat(16)}4`);
    expect(maskIdNumber('310101199001011234')).toHaveLength(18);
  });

  it('a 15-digit old ID and a passport number keep their length', () => {
    expect(maskIdNumber('310101900101123')).toBe(`3${'*'.repeat(13)}3`);
    expect(maskIdNumber('E12345678')).toBe('E*******8');
  });

  it('up to 4 characters are all stars; 5 show the ends', () => {
    expect(maskIdNumber('1')).toBe('*');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber('12345')).toBe('1***5');
  });

  it('property: same length, the birth date of an 18-character ID never shows', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const m = maskIdNumber(id)!;
        expect(m).toHaveLength(18);
        expect(m.slice(1, 17)).toBe('*'.repeat(16));
        expect(m[0] + m[17]).toBe(id[0] + id[17]);
      }),
    );
  });
});
