import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from './case-lifecycle.js';
import { PUBLIC_CASE_STATE_LABELS, PUBLIC_CASE_STATES, publicStateOf } from './case-public-state.js';

describe('publicStateOf', () => {
  it('summarises the internal steps for the reporter', () => {
    expect(publicStateOf('received')).toBe('received');
    for (const s of ['accepted', 'dispatched', 'signed', 'suspended', 'parked'] as const)
      expect(publicStateOf(s)).toBe('inProgress');
    expect(publicStateOf('reported')).toBe('checking');
    expect(publicStateOf('closed')).toBe('done');
    expect(publicStateOf('revisited')).toBe('done');
    expect(publicStateOf('declined')).toBe('declined');
  });

  it('gives every status a state with words in both languages', () => {
    for (const s of CASE_STATUSES) expect(PUBLIC_CASE_STATES).toContain(publicStateOf(s));
    for (const st of PUBLIC_CASE_STATES) {
      expect(PUBLIC_CASE_STATE_LABELS[st].zh).toMatch(/\p{Script=Han}/u);
      expect(PUBLIC_CASE_STATE_LABELS[st].en.length).toBeGreaterThan(2);
    }
  });
});
