// The scope-walk probes of dispute mediation (merged into PROBES by scope-walk.probes.ts): another street's
// office sees no dispute of the target compound and can register none there. The walk's target has no dispute
// of its own: probes on a dispute use an unknown id (404), the route tests cover a real one of another street.
import type { Probe } from './scope-walk.target.js';

const NO_DISPUTE = '00000000-0000-7000-8000-000000000000';

export const MEDIATION_PROBES: Record<string, Probe> = {
  'GET /api/v1/mediation/disputes': {
    expect: { kind: 'empty-list' },
    request: () => ({ url: '/api/v1/mediation/disputes' }),
  },
  'POST /api/v1/mediation/disputes': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: '/api/v1/mediation/disputes',
      payload: {
        type: 'other',
        subject: '越权登记',
        facts: '越权登记',
        compoundId: t.compoundId,
        committeeOrgId: t.organisationId,
        parties: [{ side: 'applicant', name: '越权' }],
      },
    }),
  },
  'GET /api/v1/mediation/disputes/{id}': {
    expect: { kind: 'denied' },
    request: () => ({ url: `/api/v1/mediation/disputes/${NO_DISPUTE}` }),
  },
  'POST /api/v1/mediation/disputes/{id}/sessions': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: `/api/v1/mediation/disputes/${NO_DISPUTE}/sessions`,
      payload: { version: 1, heldOn: '2026-11-20', notes: '越权记录' },
    }),
  },
  'POST /api/v1/mediation/disputes/{id}/actions': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: `/api/v1/mediation/disputes/${NO_DISPUTE}/actions`,
      payload: { action: 'withdraw', version: 1, on: '2026-11-20', note: '越权撤回' },
    }),
  },
  'POST /api/v1/mediation/disputes/{id}/parties/{partyId}/reveal': {
    expect: { kind: 'denied' },
    request: () => ({ url: `/api/v1/mediation/disputes/${NO_DISPUTE}/parties/${NO_DISPUTE}/reveal` }),
  },
  'GET /api/v1/mediation/options': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/mediation/options?compoundId=${t.compoundId}` }),
  },
  'GET /api/v1/mediation/stats': {
    expect: { kind: 'signed-in' }, // the caller's own streets only: another street's office sees its own (none)
    request: () => ({ url: '/api/v1/mediation/stats' }),
  },
};
