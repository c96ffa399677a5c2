import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, writeCalendar } from './ical.js';

describe('iCalendar writer', () => {
  it('escapes the TEXT specials', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'业主委员会'.repeat(10)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const [i, p] of pieces.entries()) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
    }
    // Unfolding (RFC 5545 §3.1: remove CRLF + one space) gives the line back.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('short')).toBe('short');
  });

  it('writes all-day events ending the next day (across a month end)', () => {
    const text = writeCalendar(
      '期限',
      [{ uid: 't1@gongzhi', date: '2026-12-31', summary: '甲小区：备案', description: '依据 Art 23' }],
      new Date('2026-11-27T03:00:00.000Z'),
    );
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(text).toContain('DTSTAMP:20261127T030000Z');
    expect(text.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(text).not.toMatch(/[^\r]\n/);
  });
});
