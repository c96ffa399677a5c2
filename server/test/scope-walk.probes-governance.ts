// The scope-walk probes of owners' self-governance (merged into PROBES by scope-walk.probes.ts).
import { HUAMU, type Probe } from './scope-walk.target.js';

export const GOVERNANCE_PROBES: Record<string, Probe> = {
  // Owners' self-governance: the compound's committee, its street office and its residents' committee only;
  // owners vote with an invitation code (public routes, the code is the credential).
  'GET /api/v1/governance/decisions': {
    expect: { kind: 'empty-list' },
    request: () => ({ url: `/api/v1/governance/decisions?street=${HUAMU}` }),
  },
  'POST /api/v1/governance/decisions': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: '/api/v1/governance/decisions',
      payload: {
        compoundId: t.compoundId,
        matter: 'use_fund',
        method: 'written',
        title: '越权表决',
        opensAt: '2027-01-01T00:00:00+08:00',
        closesAt: '2027-02-01T00:00:00+08:00',
      },
    }),
  },
  'GET /api/v1/governance/decisions/{id}': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/decisions/${t.decisionId}` }),
  },
  'POST /api/v1/governance/decisions/{id}/actions': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/decisions/${t.decisionId}/actions`,
      payload: { action: 'cancel', version: 1 },
    }),
  },
  'POST /api/v1/governance/decisions/{id}/invitations': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/decisions/${t.decisionId}/invitations`, payload: {} }),
  },
  'GET /api/v1/governance/decisions/{id}/roll': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/decisions/${t.decisionId}/roll` }),
  },
  'POST /api/v1/governance/decisions/{id}/ballots': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/decisions/${t.decisionId}/ballots`,
      payload: { unitId: t.buildingId, choice: 'yes' },
    }),
  },
  'GET /api/v1/governance/decisions/{id}/result': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/decisions/${t.decisionId}/result` }),
  },
  'GET /api/v1/governance/decisions/{id}/export': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/decisions/${t.decisionId}/export` }),
  },
  'POST /api/v1/ballots/lookup': {
    expect: { kind: 'public' },
    request: () => ({ url: '/api/v1/ballots/lookup', payload: { code: 'AAAA-BBBB-CCCC' } }),
  },
  'POST /api/v1/ballots': {
    expect: { kind: 'public' },
    request: () => ({ url: '/api/v1/ballots', payload: { code: 'AAAA-BBBB-CCCC', choice: 'yes' } }),
  },
  'GET /api/v1/governance/overview': {
    expect: { kind: 'empty-list' },
    request: () => ({ url: `/api/v1/governance/overview?street=${HUAMU}` }),
  },
  'GET /api/v1/governance/tasks': {
    expect: { kind: 'empty-list' },
    request: () => ({ url: `/api/v1/governance/tasks?street=${HUAMU}&state=all` }),
  },
  'GET /api/v1/governance/tasks/calendar.ics': {
    expect: { kind: 'empty-list' },
    request: () => ({ url: `/api/v1/governance/tasks/calendar.ics?street=${HUAMU}` }),
  },
  'GET /api/v1/governance/compounds/{id}': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/compounds/${t.compoundId}` }),
  },
  'POST /api/v1/governance/compounds/{id}/formation': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/compounds/${t.compoundId}/formation`,
      payload: { triggerKind: 'owners_request' },
    }),
  },
  'POST /api/v1/governance/formations/{id}/actions': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/formations/${t.formationId}/actions`,
      payload: { action: 'cancel', version: 2, note: '越权' },
    }),
  },
  'GET /api/v1/governance/compounds/{id}/eligibility': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/compounds/${t.compoundId}/eligibility?owner=${t.ownerId}` }),
  },
  'POST /api/v1/governance/compounds/{id}/committees': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/compounds/${t.compoundId}/committees`,
      payload: {
        electedOn: '2026-01-01',
        termYears: 3,
        seats: 5,
        members: [{ ownerId: t.ownerId, position: 'chair', undertakingSigned: true }],
      },
    }),
  },
  'GET /api/v1/governance/committees/{id}': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/committees/${t.committeeId}` }),
  },
  'POST /api/v1/governance/committees/{id}/actions': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/actions`,
      payload: { action: 'submit_filing', version: 1, on: '2026-01-02' },
    }),
  },
  'POST /api/v1/governance/committees/{id}/meetings': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/meetings`,
      payload: {
        heldOn: '2026-01-02',
        minutes: '越权',
        attendance: [{ memberId: t.memberId, present: true }],
      },
    }),
  },
  'POST /api/v1/governance/committees/{id}/members': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/members`,
      payload: { on: '2026-01-02', ownerId: t.ownerId, position: 'member', undertakingSigned: true },
    }),
  },
  'POST /api/v1/governance/committees/{id}/members/{memberId}/end': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/members/${t.memberId}/end`,
      payload: { version: 1, on: '2026-01-02', reason: 'resigned' },
    }),
  },
  'POST /api/v1/governance/committees/{id}/meetings/{meetingId}/publish': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/meetings/${t.meetingId}/publish`,
      payload: { on: '2025-07-02', rcInformedOn: '2025-07-02' },
    }),
  },
  'POST /api/v1/governance/committees/{id}/changes': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/changes`,
      payload: { kind: 'name', summary: '越权', changedOn: '2025-07-02' },
    }),
  },
  'POST /api/v1/governance/committees/{id}/changes/{changeId}/actions': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/changes/${t.changeId}/actions`,
      payload: { action: 'submit', version: 1, on: '2025-07-03' },
    }),
  },
  'POST /api/v1/governance/committees/{id}/trainings': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/committees/${t.committeeId}/trainings`,
      payload: { heldOn: '2025-07-02', topic: '越权培训', trainer: 'x', hours: 1, memberIds: [t.memberId] },
    }),
  },
  'GET /api/v1/governance/compounds/{id}/notices': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/compounds/${t.compoundId}/notices` }),
  },
  'POST /api/v1/governance/compounds/{id}/owner-groups': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/compounds/${t.compoundId}/owner-groups`,
      payload: { buildingId: t.buildingId, formedOn: '2025-07-03' },
    }),
  },
  'POST /api/v1/governance/owner-groups/{id}/dissolve': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/owner-groups/${t.ownerGroupId}/dissolve`,
      payload: { version: 1, on: '2025-07-04' },
    }),
  },
  'GET /api/v1/governance/compounds/{id}/arrears': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/compounds/${t.compoundId}/arrears` }),
  },
  'POST /api/v1/governance/compounds/{id}/arrears': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/compounds/${t.compoundId}/arrears`,
      payload: {
        unitId: 'x',
        kind: 'service_fee',
        amount: '1',
        periodFrom: '2025-01-01',
        periodTo: '2025-01-31',
      },
    }),
  },
  'POST /api/v1/governance/arrears/{id}/settle': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/arrears/${t.arrearId}/settle`,
      payload: { version: 1, on: '2025-07-04' },
    }),
  },
  // The register of Art 20 ¶2 grounds (violations.routes.ts): an arrear's id is no register entry (404).
  'GET /api/v1/governance/compounds/{id}/violations': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/governance/compounds/${t.compoundId}/violations` }),
  },
  'POST /api/v1/governance/compounds/{id}/violations': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/compounds/${t.compoundId}/violations`,
      payload: { unitId: t.arrearId, ground: 'facade', foundOn: '2025-01-01' },
    }),
  },
  'POST /api/v1/governance/violations/{id}/correct': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/governance/violations/${t.arrearId}/correct`,
      payload: { version: 1, on: '2025-07-04' },
    }),
  },
};
