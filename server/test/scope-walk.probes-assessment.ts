// The scope-walk probes of assessments (考核; merged into PROBES by scope-walk.probes.ts): the outsider (another
// street's office) manages no period and sees no other unit's result. Periods are the district's: the outsider
// may list those it is assessed in ('signed-in'); probes on a period use an unknown id (404). The route tests
// cover a real period: a street sees only its own published result.
import type { Probe } from './scope-walk.target.js';

const NO_PERIOD = '00000000-0000-7000-8000-000000000000';
const period = `/api/v1/assessment/periods/${NO_PERIOD}`;

export const ASSESSMENT_PROBES: Record<string, Probe> = {
  'GET /api/v1/assessment/periods': {
    expect: { kind: 'signed-in' },
    request: () => ({ url: '/api/v1/assessment/periods' }),
  },
  'POST /api/v1/assessment/periods': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/assessment/periods',
      payload: { divisionCode: '310115', code: '2026-Q3' },
    }),
  },
  'GET /api/v1/assessment/periods/{id}': {
    expect: { kind: 'denied' },
    request: () => ({ url: period }),
  },
  'PUT /api/v1/assessment/periods/{id}/systems/{level}': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: `${period}/systems/street`,
      payload: {
        version: 1,
        name: '越权',
        indicators: [
          {
            code: 'x',
            name: '越权',
            weight: 100,
            target: 0.9,
            direction: 'higher',
            formula: { kind: 'manual' },
          },
        ],
      },
    }),
  },
  'GET /api/v1/assessment/periods/{id}/manual-scores': {
    expect: { kind: 'denied' },
    request: () => ({ url: `${period}/manual-scores` }),
  },
  'POST /api/v1/assessment/periods/{id}/manual-scores': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `${period}/manual-scores`,
      payload: {
        level: 'department',
        unitKey: t.organisationId,
        indicatorCode: 'inspection',
        points: 1,
        evidence: '越权录入越权录入越权录入',
      },
    }),
  },
  'GET /api/v1/assessment/periods/{id}/ratings': {
    expect: { kind: 'denied' },
    request: () => ({ url: `${period}/ratings` }),
  },
  'POST /api/v1/assessment/periods/{id}/ratings': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `${period}/ratings`,
      payload: {
        ratedLevel: 'department',
        ratedKey: t.organisationId,
        indicatorCode: 'byStreets',
        points: 1,
        reason: '越权评价越权评价越权评价',
      },
    }),
  },
  'POST /api/v1/assessment/periods/{id}/compute': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: `${period}/compute`, payload: { version: 1 } }),
  },
  'POST /api/v1/assessment/periods/{id}/publish': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: `${period}/publish`, payload: { version: 1 } }),
  },
  'GET /api/v1/assessment/periods/{id}/results': {
    expect: { kind: 'denied' },
    request: () => ({ url: `${period}/results?level=street` }),
  },
};
