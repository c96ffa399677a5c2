import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signTrackLink, verifyTrackLink } from './signed-links.js';

describe('signed tracking links', () => {
  const key = randomBytes(32);
  const now = new Date('2026-12-02T02:00:00Z');
  const later = new Date('2027-03-02T02:00:00Z');
  const id = '019ad3c2-7a4b-7c3e-9f00-1234567890ab';

  it('verifies its own token until it expires', () => {
    const token = signTrackLink(key, id, later);
    expect(verifyTrackLink(key, token, now)).toEqual({ ok: true, caseId: id, expiresAt: later });
    expect(verifyTrackLink(key, token, later)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a changed case id, expiry or signature, and another key’s token', () => {
    const token = signTrackLink(key, id, later);
    const [c, exp, sig] = token.split('.');
    const other = `${c.slice(0, -1)}${c.endsWith('b') ? 'c' : 'b'}`;
    expect(verifyTrackLink(key, `${other}.${exp}.${sig}`, now).ok).toBe(false);
    expect(verifyTrackLink(key, `${c}.${Number(exp) + 86_400}.${sig}`, now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(
      verifyTrackLink(key, `${c}.${exp}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`, now).ok,
    ).toBe(false);
    expect(verifyTrackLink(randomBytes(32), token, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyTrackLink(key, 'garbage', now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
