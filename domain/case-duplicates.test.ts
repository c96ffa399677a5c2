import { describe, expect, it } from 'vitest';
import {
  attributesAgree,
  DUPLICATE_WINDOW_DAYS,
  findDuplicate,
  isDuplicateOf,
  isMergeTarget,
  type DuplicateCandidate,
  type DuplicateFacts,
} from './case-duplicates.js';

const later: DuplicateFacts = {
  compoundId: 'c1',
  categoryCode: 'repair.urgent.water_burst',
  attributes: { meterPosition: 'after' },
  createdAt: '2026-12-08T02:00:00.000Z',
};
const earlier: DuplicateCandidate = {
  compoundId: 'c1',
  categoryCode: 'repair.urgent.water_burst',
  attributes: { meterPosition: 'after', part: 'own' },
  createdAt: '2026-12-05T02:00:00.000Z',
  status: 'dispatched',
};
const minus = (iso: string, ms: number) => new Date(Date.parse(iso) - ms).toISOString();
const WINDOW_MS = DUPLICATE_WINDOW_DAYS * 86_400_000;

describe('isDuplicateOf', () => {
  it('same compound, category, open, in the window, attributes agreeing: a duplicate', () => {
    expect(isDuplicateOf(later, earlier)).toBe(true);
  });

  it('another compound, another category or no compound: not a duplicate', () => {
    expect(isDuplicateOf(later, { ...earlier, compoundId: 'c2' })).toBe(false);
    expect(isDuplicateOf(later, { ...earlier, categoryCode: 'noise' })).toBe(false);
    expect(isDuplicateOf({ ...later, compoundId: null }, { ...earlier, compoundId: null })).toBe(false);
  });

  it('only open cases are repeated: received … suspended yes, parked, closed, merged no', () => {
    for (const status of ['received', 'accepted', 'dispatched', 'signed', 'reported', 'suspended'])
      expect(isDuplicateOf(later, { ...earlier, status })).toBe(true);
    for (const status of ['parked', 'verified', 'closed', 'revisited', 'declined', 'merged'])
      expect(isDuplicateOf(later, { ...earlier, status })).toBe(false);
  });

  it('the window: exactly 7 days before is in, one millisecond more is out; a later case is not repeated', () => {
    expect(isDuplicateOf(later, { ...earlier, createdAt: minus(later.createdAt, WINDOW_MS) })).toBe(true);
    expect(isDuplicateOf(later, { ...earlier, createdAt: minus(later.createdAt, WINDOW_MS + 1) })).toBe(
      false,
    );
    expect(isDuplicateOf(later, { ...earlier, createdAt: later.createdAt })).toBe(true);
    expect(isDuplicateOf(later, { ...earlier, createdAt: minus(later.createdAt, -1) })).toBe(false);
  });

  it('routing attributes that differ (表前 vs 表后) make two problems, whatever the attribute', () => {
    expect(isDuplicateOf(later, { ...earlier, attributes: { meterPosition: 'before' } })).toBe(false);
    expect(isDuplicateOf(later, { ...earlier, attributes: { meterPosition: 'at' } })).toBe(false);
    const withPart = { ...later, attributes: { part: 'common' } };
    expect(isDuplicateOf(withPart, earlier)).toBe(false);
  });

  it('an attribute only one case states is not a conflict', () => {
    expect(isDuplicateOf({ ...later, attributes: {} }, earlier)).toBe(true);
    expect(isDuplicateOf(later, { ...earlier, attributes: {} })).toBe(true);
  });
});

describe('attributesAgree', () => {
  it('compares any attribute by value, booleans and their words alike; blanks state nothing', () => {
    expect(attributesAgree({ underConstruction: true }, { underConstruction: 'true' })).toBe(true);
    expect(attributesAgree({ underConstruction: true }, { underConstruction: false })).toBe(false);
    expect(attributesAgree({ x: '' }, { x: 'a' })).toBe(true);
    expect(attributesAgree({ x: null }, { x: 'a' })).toBe(true);
    expect(attributesAgree({ anyKey: 'v1' }, { anyKey: 'v2' })).toBe(false);
  });
});

describe('findDuplicate', () => {
  it('the oldest case the rule accepts; conflicting or closed ones are skipped', () => {
    const a = { ...earlier, createdAt: '2026-12-03T00:00:00.000Z', attributes: { meterPosition: 'before' } };
    const b = { ...earlier, createdAt: '2026-12-04T00:00:00.000Z', status: 'closed' };
    const c = { ...earlier, createdAt: '2026-12-06T00:00:00.000Z' };
    const d = { ...earlier, createdAt: '2026-12-05T00:00:00.000Z' };
    expect(findDuplicate(later, [a, b, c, d])).toBe(d);
    expect(findDuplicate(later, [a, b])).toBeNull();
  });
});

describe('isMergeTarget', () => {
  it('a case may be merged into while open and not suspended', () => {
    expect(isMergeTarget('signed')).toBe(true);
    expect(isMergeTarget('suspended')).toBe(false);
    expect(isMergeTarget('closed')).toBe(false);
  });
});
