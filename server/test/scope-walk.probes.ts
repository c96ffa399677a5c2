// The probe of every OpenAPI operation for the data-scope walk (scope-walk.test.ts): how to call it as an
// outsider and what must come back. A new route needs an entry here.

import { GOVERNANCE_PROBES } from './scope-walk.probes-governance.js';
import { FUND_PROBES } from './scope-walk.probes-fund.js';
import { MEDIATION_PROBES } from './scope-walk.probes-mediation.js';
import { INDUSTRY_PROBES } from './scope-walk.probes-industry.js';
import { COORDINATION_PROBES } from './scope-walk.probes-coordination.js';
import { PLAN_PROBES } from './scope-walk.probes-plan.js';
import { GOVERNANCE_DUTY_PROBES } from './scope-walk.probes-governance-duties.js';
import { ASSESSMENT_PROBES } from './scope-walk.probes-assessment.js';
import { HUAMU, type Probe } from './scope-walk.target.js';

export { HUAMU, type Expectation, type Probe, type Target } from './scope-walk.target.js';

const multipartCsv = (csv: string) => {
  const boundary = 'scopewalkboundary';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};

export const PROBES: Record<string, Probe> = {
  'GET /healthz': { expect: { kind: 'public' }, request: () => ({ url: '/healthz' }) },
  'POST /api/v1/auth/login': {
    expect: { kind: 'public' },
    request: () => ({ url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } }),
  },
  'POST /api/v1/auth/logout': {
    expect: { kind: 'signed-in' },
    request: () => ({ url: '/api/v1/auth/logout' }),
  },
  'GET /api/v1/auth/me': { expect: { kind: 'signed-in' }, request: () => ({ url: '/api/v1/auth/me' }) },
  'GET /api/v1/divisions': { expect: { kind: 'signed-in' }, request: () => ({ url: '/api/v1/divisions' }) },
  'GET /api/v1/organisations': {
    expect: { kind: 'signed-in' },
    request: () => ({ url: '/api/v1/organisations' }),
  },
  'GET /api/v1/organisations/{id}': {
    expect: { kind: 'signed-in' },
    request: (t) => ({ url: `/api/v1/organisations/${t.organisationId}` }),
  },
  'POST /api/v1/organisations': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/organisations',
      payload: { type: 'residents_committee', name: '越权居委会', divisionCode: HUAMU },
    }),
  },
  'PATCH /api/v1/organisations/{id}': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/organisations/${t.organisationId}`,
      payload: { version: 1, name: '越权改名' },
    }),
  },
  'GET /api/v1/compounds': {
    expect: { kind: 'empty-list' },
    request: () => ({ url: `/api/v1/compounds?street=${HUAMU}` }),
  },
  'POST /api/v1/compounds': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/compounds',
      payload: { code: 'X-1', name: '越权小区', address: '花木路', streetCode: HUAMU },
    }),
  },
  'GET /api/v1/compounds/{id}': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/compounds/${t.compoundId}` }),
  },
  'PATCH /api/v1/compounds/{id}': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({ url: `/api/v1/compounds/${t.compoundId}`, payload: { version: 1, name: '越权改名' } }),
  },
  'GET /api/v1/compounds/{id}/buildings': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/compounds/${t.compoundId}/buildings` }),
  },
  'GET /api/v1/compounds/{id}/owners': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/compounds/${t.compoundId}/owners` }),
  },
  'GET /api/v1/buildings/{id}/units': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/buildings/${t.buildingId}/units` }),
  },
  // The signed-in owner's own units, reports and ballots: by account, never by place (an outsider has none).
  'GET /api/v1/owner/units': { expect: { kind: 'denied' }, request: () => ({ url: '/api/v1/owner/units' }) },
  'GET /api/v1/owner/cases': { expect: { kind: 'denied' }, request: () => ({ url: '/api/v1/owner/cases' }) },
  'POST /api/v1/owner/cases': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/owner/cases',
      payload: { unitId: 'x', categoryCode: 'repair.ordinary', description: '越权报告问题' },
    }),
  },
  'GET /api/v1/owner/decisions': {
    expect: { kind: 'denied' },
    request: () => ({ url: '/api/v1/owner/decisions' }),
  },
  'POST /api/v1/owner/decisions/{id}/ballot': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/owner/decisions/${t.decisionId}/ballot`,
      payload: { unitId: t.buildingId, choice: 'yes' },
    }),
  },
  'POST /api/v1/owners/{id}/reveal': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/owners/${t.ownerId}/reveal` }),
  },
  'GET /api/v1/roles': { expect: { kind: 'denied' }, request: () => ({ url: '/api/v1/roles' }) },
  'GET /api/v1/users': { expect: { kind: 'denied' }, request: () => ({ url: '/api/v1/users' }) },
  'POST /api/v1/users': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/users',
      payload: {
        username: 'intruder',
        displayName: 'x',
        password: 'long-enough-1',
        roles: [{ role: 'admin', scopeType: 'city', scopeId: 'all' }],
      },
    }),
  },
  'GET /api/v1/users/{id}': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/users/${t.userId}` }),
  },
  'PATCH /api/v1/users/{id}': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({ url: `/api/v1/users/${t.userId}`, payload: { version: 1, disabled: true } }),
  },
  'GET /api/v1/audit': { expect: { kind: 'denied' }, request: () => ({ url: '/api/v1/audit' }) },
  'GET /api/v1/audit/verify': {
    expect: { kind: 'denied' },
    request: () => ({ url: '/api/v1/audit/verify' }),
  },
  'POST /api/v1/imports/{kind}': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/imports/compounds',
      ...multipartCsv(`小区编码,小区名称,地址,街镇代码\nX-2,越权导入小区,花木路1号,${HUAMU}\n`),
    }),
  },
  // The row-error report of another street's rows: the rows are refused as out of scope, nothing is written.
  'POST /api/v1/imports/{kind}/errors.{format}': {
    expect: { kind: 'own-upload' },
    request: (t) => ({
      url: '/api/v1/imports/buildings/errors.csv',
      ...multipartCsv(`小区编码,楼栋,层数\n${t.compoundCode},越权楼栋,6\n`),
    }),
  },
  'GET /api/v1/imports/templates/{kind}': {
    expect: { kind: 'signed-in' },
    request: () => ({ url: '/api/v1/imports/templates/compounds.csv' }),
  },
  // Notifications are addressed to the caller's own organisations: another street's list is theirs alone.
  'GET /api/v1/notifications': {
    expect: { kind: 'signed-in' },
    request: () => ({ url: '/api/v1/notifications' }),
  },
  'POST /api/v1/notifications/{id}/read': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/notifications/${t.caseId}/read` }),
  },
  'GET /api/v1/case-categories': {
    expect: { kind: 'public' },
    request: () => ({ url: '/api/v1/case-categories' }),
  },
  'GET /api/v1/case-photos/{id}': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/case-photos/${t.photoId}` }),
  },
  'GET /api/v1/cases': {
    expect: { kind: 'empty-list' },
    request: () => ({ url: `/api/v1/cases?street=${HUAMU}` }),
  },
  // The target's noise report is an open case of its compound: another street's office must not see it.
  'GET /api/v1/cases/similar': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/cases/similar?compoundId=${t.compoundId}&categoryCode=noise` }),
  },
  'GET /api/v1/cases/{id}': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/cases/${t.caseId}` }),
  },
  'POST /api/v1/cases': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: '/api/v1/cases',
      payload: {
        channel: 'hotline12345',
        categoryCode: 'noise',
        description: '越权登记',
        compoundId: t.compoundId,
      },
    }),
  },
  'POST /api/v1/cases/{id}/actions': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/cases/${t.caseId}/actions`,
      payload: { action: 'comment', version: 1, note: '越权' },
    }),
  },
  'POST /api/v1/intake/hotline': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: '/api/v1/intake/hotline',
      headers: { 'idempotency-key': 'scope-walk' },
      payload: { categoryCode: 'noise', description: '越权登记', compoundId: t.compoundId },
    }),
  },
  // Public routes answer only to the case number together with the reporter's phone.
  'GET /api/v1/public/cases/track': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/public/cases/track?caseNo=${t.caseNo}&phone=13000000000` }),
  },
  'POST /api/v1/public/cases/actions': {
    expect: { kind: 'denied' },
    request: (t) => ({
      url: '/api/v1/public/cases/actions',
      payload: {
        caseNo: t.caseNo,
        phone: '13000000000',
        action: 'revisit',
        version: 1,
        satisfaction: 'satisfied',
      },
    }),
  },
  // The public compound directory (the resident report form): names and places only, by design public.
  'GET /api/v1/public/compounds': {
    expect: { kind: 'public' },
    request: (t) => ({ url: `/api/v1/public/compounds?q=${encodeURIComponent(t.compoundName.slice(0, 2))}` }),
  },
  'GET /api/v1/public/compounds/{id}/buildings': {
    expect: { kind: 'public' },
    request: (t) => ({ url: `/api/v1/public/compounds/${t.compoundId}/buildings` }),
  },
  'GET /api/v1/public/buildings/{id}/units': {
    expect: { kind: 'public' },
    request: (t) => ({ url: `/api/v1/public/buildings/${t.buildingId}/units` }),
  },
  // Evidence photos answer only to the case's signed tracking link.
  'GET /api/v1/public/case-photos/{id}': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/public/case-photos/${t.photoId}?token=not-a-signed-link` }),
  },
  'POST /api/v1/public/reports': {
    expect: { kind: 'public' },
    request: () => ({ url: '/api/v1/public/reports', payload: {} }),
  },
  ...GOVERNANCE_PROBES,
  ...FUND_PROBES,
  ...MEDIATION_PROBES,
  ...INDUSTRY_PROBES,
  ...COORDINATION_PROBES,
  ...PLAN_PROBES,
  ...GOVERNANCE_DUTY_PROBES,
  ...ASSESSMENT_PROBES,
  // Open311 GeoReport v2: public by the spec (services and the public fields of requests); creating a
  // request needs an api_key of channel open311, so a session alone is refused (403, nothing written).
  'GET /open311/v2/discovery.{format}': {
    expect: { kind: 'public' },
    request: () => ({ url: '/open311/v2/discovery.json' }),
  },
  'GET /open311/v2/services.{format}': {
    expect: { kind: 'public' },
    request: () => ({ url: '/open311/v2/services.json' }),
  },
  'GET /open311/v2/services/{service_code}': {
    expect: { kind: 'public' },
    request: () => ({ url: '/open311/v2/services/repair.urgent.water_burst.json' }),
  },
  'GET /open311/v2/requests.{format}': {
    expect: { kind: 'public' },
    request: () => ({ url: '/open311/v2/requests.json' }),
  },
  'GET /open311/v2/requests/{service_request_id}': {
    expect: { kind: 'public' },
    request: (t) => ({ url: `/open311/v2/requests/${t.caseNo}.json` }),
  },
  'GET /open311/v2/tokens/{token}': {
    expect: { kind: 'public' },
    request: (t) => ({ url: `/open311/v2/tokens/${t.caseId}.json` }),
  },
  'POST /open311/v2/requests.{format}': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: '/open311/v2/requests.json',
      payload: { service_code: 'noise', address_id: t.compoundId, description: '越权登记' },
    }),
  },
  'GET /api/v1/exports/{list}': {
    expect: { kind: 'empty-list' },
    request: () => ({ url: `/api/v1/exports/compounds.csv?street=${HUAMU}` }),
  },
  // KPIs and campaigns: an office sees only the places it covers.
  'GET /api/v1/kpis/cases': {
    expect: { kind: 'denied' },
    request: () => ({
      url: `/api/v1/kpis/cases?groupBy=compound&street=${HUAMU}&from=2026-01-01&to=2026-12-31`,
    }),
  },
  'GET /api/v1/kpis/trend': {
    expect: { kind: 'denied' },
    request: () => ({ url: `/api/v1/kpis/trend?street=${HUAMU}&to=2026-12` }),
  },
  'GET /api/v1/kpis/map': {
    expect: { kind: 'denied' },
    request: () => ({ url: `/api/v1/kpis/map?street=${HUAMU}` }),
  },
  // The base map setting and the home: nothing scoped (the home counts the caller's own queues).
  'GET /api/v1/map/settings': {
    expect: { kind: 'signed-in' },
    request: () => ({ url: '/api/v1/map/settings' }),
  },
  'GET /api/v1/home': { expect: { kind: 'signed-in' }, request: () => ({ url: '/api/v1/home' }) },
  'GET /api/v1/kpis/cases/export': {
    expect: { kind: 'denied' },
    request: () => ({
      url: `/api/v1/kpis/cases/export?groupBy=compound&street=${HUAMU}&from=2026-01-01&to=2026-12-31&format=csv`,
    }),
  },
  'GET /api/v1/campaigns': {
    expect: { kind: 'empty-list' },
    request: () => ({ url: `/api/v1/campaigns?division=${HUAMU}` }),
  },
  'POST /api/v1/campaigns': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/campaigns',
      payload: {
        name: '越权整治',
        categoryCode: 'noise',
        divisionCode: HUAMU,
        target: 1,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      },
    }),
  },
  'GET /api/v1/campaigns/{id}': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/campaigns/${t.caseId}` }),
  },
  'POST /api/v1/campaigns/{id}/cases': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({ url: `/api/v1/campaigns/${t.caseId}/cases`, payload: { caseIds: [t.caseId] } }),
  },
  // Administration of the cases reference data: cases.configure (administrators) only.
  'GET /api/v1/admin/case-categories': {
    expect: { kind: 'denied' },
    request: () => ({ url: '/api/v1/admin/case-categories' }),
  },
  'POST /api/v1/admin/case-categories': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/admin/case-categories',
      payload: { code: 'intruder', nameZh: '越权类别', nameEn: 'Intruder' },
    }),
  },
  'PATCH /api/v1/admin/case-categories/{code}': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/admin/case-categories/noise',
      payload: { version: 1, nameZh: '越权改名' },
    }),
  },
  'GET /api/v1/admin/responsibility-lists': {
    expect: { kind: 'denied' },
    request: () => ({ url: '/api/v1/admin/responsibility-lists' }),
  },
  'GET /api/v1/admin/responsibility-lists/{version}': {
    expect: { kind: 'denied' },
    request: () => ({ url: '/api/v1/admin/responsibility-lists/1' }),
  },
  'POST /api/v1/admin/responsibility-lists': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/admin/responsibility-lists',
      payload: {
        note: '越权清单',
        rules: [{ id: 'X1', priority: 1, categoryCode: 'noise', orgType: 'street_office', source: '越权' }],
      },
    }),
  },
  'POST /api/v1/admin/responsibility-lists/import': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/admin/responsibility-lists/import',
      ...multipartCsv('id,priority,categoryCode,orgType,source\nX1,1,noise,street_office,越权\n'),
    }),
  },
  'POST /api/v1/admin/responsibility-lists/{version}/activate': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: '/api/v1/admin/responsibility-lists/1/activate' }),
  },
  'GET /api/v1/admin/sla-policies': {
    expect: { kind: 'denied' },
    request: () => ({ url: '/api/v1/admin/sla-policies' }),
  },
  'POST /api/v1/admin/sla-policies': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: '/api/v1/admin/sla-policies',
      payload: { stage: 'accept', duration: '1h', sourceKind: 'policy', sourceRef: '越权' },
    }),
  },
  'PATCH /api/v1/admin/sla-policies/{id}': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: '/api/v1/admin/sla-policies/S001', payload: { version: 1, duration: '1h' } }),
  },
  'GET /api/v1/admin/calendar': {
    expect: { kind: 'denied' },
    request: () => ({ url: '/api/v1/admin/calendar' }),
  },
  'PUT /api/v1/admin/calendar/{year}': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: '/api/v1/admin/calendar/2027', payload: { holidays: [], workdays: [] } }),
  },
};
