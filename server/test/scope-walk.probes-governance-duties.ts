// The scope-walk probes of the governance duties (issue 14 items 6–10, 16; merged into PROBES by
// scope-walk.probes.ts): meeting notices, petitions, exemption, filing materials, handover.
import type { Probe } from './scope-walk.target.js';

export const GOVERNANCE_DUTY_PROBES: Record<string, Probe> = {
  'GET /api/v1/governance/decisions/{id}/meeting-notices': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/decisions/${t.decisionId}/meeting-notices` }),
  },
  'POST /api/v1/governance/decisions/{id}/meeting-notices': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/decisions/${t.decisionId}/meeting-notices`,
      payload: { recipient: 'housing_office', recipientName: '越权', notifiedOn: '2026-01-02' },
    }),
  },
  'GET /api/v1/governance/committees/{id}/petitions': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/committees/${t.committeeId}/petitions` }),
  },
  'POST /api/v1/governance/committees/{id}/petitions': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/petitions`,
      payload: { kind: 'assembly', receivedOn: '2026-01-02', subject: '越权', proposers: 1 },
    }),
  },
  'POST /api/v1/governance/committees/{id}/petitions/{petitionId}/convene': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/petitions/${t.committeeId}/convene`,
      payload: { version: 1, refId: t.decisionId },
    }),
  },
  'GET /api/v1/governance/compounds/{id}/exemption': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/compounds/${t.compoundId}/exemption` }),
  },
  'POST /api/v1/governance/compounds/{id}/exemption': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/compounds/${t.compoundId}/exemption`,
      payload: { reason: 'single_owner', agreedOn: '2026-01-02' },
    }),
  },
  'POST /api/v1/governance/compounds/{id}/exemption/revoke': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/compounds/${t.compoundId}/exemption/revoke`,
      payload: { version: 1, on: '2026-01-02' },
    }),
  },
  'GET /api/v1/governance/committees/{id}/filing-materials': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/committees/${t.committeeId}/filing-materials` }),
  },
  'POST /api/v1/governance/committees/{id}/filing-materials': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/filing-materials`,
      payload: { material: 'fund_statute', providedOn: '2026-01-02', description: '越权' },
    }),
  },
  'POST /api/v1/governance/committees/{id}/members/{memberId}/handover': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/members/${t.memberId}/handover`,
      payload: { on: '2026-01-02' },
    }),
  },
};
