// The scope-walk probes of joint meetings (联席会议; merged into PROBES by scope-walk.probes.ts): another street's
// office sets up no joint meeting for the target street and sees none of its items. The walk's target has no
// joint meeting of its own: probes on a body, meeting or item use an unknown id (404); the route tests cover
// real ones of another street and district.
import { HUAMU, type Probe } from './scope-walk.target.js';

const NONE = '00000000-0000-7000-8000-000000000000';
const base = '/api/v1/coordination';

export const COORDINATION_PROBES: Record<string, Probe> = {
  'GET /api/v1/coordination/bodies': {
    expect: { kind: 'empty-list' },
    request: () => ({ url: `${base}/bodies` }),
  },
  'POST /api/v1/coordination/bodies': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `${base}/bodies`,
      payload: {
        divisionCode: HUAMU,
        name: '越权联席会议',
        convenor: '越权',
        memberOrgIds: [t.organisationId],
      },
    }),
  },
  'GET /api/v1/coordination/bodies/{id}': {
    expect: { kind: 'denied' },
    request: () => ({ url: `${base}/bodies/${NONE}` }),
  },
  'PATCH /api/v1/coordination/bodies/{id}': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: `${base}/bodies/${NONE}`, payload: { version: 1, convenor: '越权' } }),
  },
  'GET /api/v1/coordination/bodies/{id}/hot-cases': {
    expect: { kind: 'denied' },
    request: () => ({ url: `${base}/bodies/${NONE}/hot-cases` }),
  },
  'POST /api/v1/coordination/bodies/{id}/requests': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `${base}/bodies/${NONE}/requests`,
      payload: { subject: '越权申请', details: '越权申请', caseId: t.caseId },
    }),
  },
  'GET /api/v1/coordination/requests': {
    expect: { kind: 'empty-list' }, // only what the caller's own offices sent
    request: () => ({ url: `${base}/requests` }),
  },
  'POST /api/v1/coordination/bodies/{id}/meetings': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: `${base}/bodies/${NONE}/meetings`,
      payload: { meetingOn: '2026-11-20', title: '越权会议' },
    }),
  },
  'GET /api/v1/coordination/meetings/{id}': {
    expect: { kind: 'denied' },
    request: () => ({ url: `${base}/meetings/${NONE}` }),
  },
  'POST /api/v1/coordination/meetings/{id}/agenda': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `${base}/meetings/${NONE}/agenda`,
      payload: { source: 'case', version: 1, caseId: t.caseId },
    }),
  },
  'POST /api/v1/coordination/meetings/{id}/hold': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `${base}/meetings/${NONE}/hold`,
      payload: {
        version: 1,
        attendance: [{ orgId: t.organisationId, attendance: 'present' }],
        minutes: '越权记录',
        decisions: [{ text: '越权决定', actions: [] }],
      },
    }),
  },
  'GET /api/v1/coordination/action-items': {
    expect: { kind: 'empty-list' },
    request: () => ({ url: `${base}/action-items?mine=true` }),
  },
  'GET /api/v1/coordination/action-items/{id}': {
    expect: { kind: 'denied' },
    request: () => ({ url: `${base}/action-items/${NONE}` }),
  },
  'POST /api/v1/coordination/action-items/{id}/done': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: `${base}/action-items/${NONE}/done`,
      payload: { version: 1, evidence: '越权报告办结，附照片三张' },
    }),
  },
  'POST /api/v1/coordination/action-items/{id}/supervise': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: `${base}/action-items/${NONE}/supervise`,
      payload: { version: 1, note: '越权督办' },
    }),
  },
};
