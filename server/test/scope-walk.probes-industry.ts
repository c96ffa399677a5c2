// The scope-walk probes of the property-service industry (merged into PROBES by scope-walk.probes.ts). The
// company list, rule table and public pages are city-wide (the market and published records are public);
// unpublished records and contracts are scoped: another street's office sees none of the target compound's,
// and can file, confirm or decide nothing of another district's. Item probes use an unknown id (404) or the
// target's residents' committee organisation (not a company: 404); the route tests cover real ones.
import type { Probe } from './scope-walk.target.js';

const NONE = '00000000-0000-7000-8000-000000000000';
const decide = { version: 1, granted: true, reasons: '越权决定' };

export const INDUSTRY_PROBES: Record<string, Probe> = {
  'GET /api/v1/industry/companies': {
    expect: { kind: 'signed-in' }, // offices see every company (names, codes, standing): nothing scoped
    request: () => ({ url: '/api/v1/industry/companies' }),
  },
  'GET /api/v1/industry/companies/{id}': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/industry/companies/${t.organisationId}` }),
  },
  'PUT /api/v1/industry/companies/{id}/profile': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/industry/companies/${t.organisationId}/profile`,
      payload: {
        creditCode: '91310000MA1FL0000X',
        registeredAddress: '越权',
        legalRepresentative: '越权',
      },
    }),
  },
  'POST /api/v1/industry/companies/{id}/qualifications': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/industry/companies/${t.organisationId}/qualifications`,
      payload: { grade: '一级', grantedOn: '2010-01-01' },
    }),
  },
  'POST /api/v1/industry/managers': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: '/api/v1/industry/managers',
      payload: { companyId: t.organisationId, name: '越权', certificateNo: 'X-0001' },
    }),
  },
  'GET /api/v1/industry/managers/{id}': {
    expect: { kind: 'denied' },
    request: () => ({ url: `/api/v1/industry/managers/${NONE}` }),
  },
  'POST /api/v1/industry/managers/{id}/postings': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/industry/managers/${NONE}/postings`,
      payload: { compoundId: t.compoundId, fromOn: '2026-11-01' },
    }),
  },
  'GET /api/v1/industry/contracts': {
    expect: { kind: 'empty-list' },
    request: (t) => ({ url: `/api/v1/industry/contracts?compoundId=${t.compoundId}` }),
  },
  'PATCH /api/v1/industry/contracts/{id}': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: `/api/v1/industry/contracts/${NONE}`, payload: { version: 1, fee: '9' } }),
  },
  'POST /api/v1/industry/contracts/{id}/filing': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: `/api/v1/industry/contracts/${NONE}/filing`,
      payload: { version: 1, filedOn: '2026-11-01' },
    }),
  },
  'GET /api/v1/industry/credit-rules': {
    expect: { kind: 'signed-in' }, // the rule table is the same for everyone
    request: () => ({ url: '/api/v1/industry/credit-rules' }),
  },
  'POST /api/v1/industry/records': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: '/api/v1/industry/records',
      payload: {
        ruleCode: 'reception',
        companyId: t.organisationId,
        compoundId: t.compoundId,
        facts: '越权录入',
        evidence: '越权录入',
        source: '越权',
        occurredOn: '2026-11-01',
      },
    }),
  },
  'GET /api/v1/industry/records': {
    expect: { kind: 'empty-list' },
    request: (t) => ({ url: `/api/v1/industry/records?compoundId=${t.compoundId}` }),
  },
  'GET /api/v1/industry/records/{id}': {
    expect: { kind: 'denied' },
    request: () => ({ url: `/api/v1/industry/records/${NONE}` }),
  },
  'POST /api/v1/industry/records/{id}/confirm': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: `/api/v1/industry/records/${NONE}/confirm`, payload: { version: 1 } }),
  },
  'POST /api/v1/industry/records/{id}/objection': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: `/api/v1/industry/records/${NONE}/objection`, payload: { reason: '越权异议' } }),
  },
  'POST /api/v1/industry/records/{id}/objection/decision': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: `/api/v1/industry/records/${NONE}/objection/decision`, payload: decide }),
  },
  'POST /api/v1/industry/records/{id}/correction': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: `/api/v1/industry/records/${NONE}/correction`,
      payload: { rectification: '越权申请' },
    }),
  },
  'POST /api/v1/industry/records/{id}/correction/decision': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: `/api/v1/industry/records/${NONE}/correction/decision`, payload: decide }),
  },
  'GET /api/v1/public/industry/companies': {
    expect: { kind: 'public' },
    request: () => ({ url: '/api/v1/public/industry/companies' }),
  },
  'GET /api/v1/public/industry/companies/{id}': {
    expect: { kind: 'public' },
    request: () => ({ url: `/api/v1/public/industry/companies/${NONE}` }),
  },
};
