// The scope-walk probes of the maintenance fund (merged into PROBES by scope-walk.probes.ts): another street's
// office sees nothing of the target compound's fund and can write nothing to it.
import type { Probe } from './scope-walk.target.js';

export const FUND_PROBES: Record<string, Probe> = {
  'GET /api/v1/fund/compounds/{id}': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/fund/compounds/${t.compoundId}` }),
  },
  'GET /api/v1/fund/compounds/{id}/buildings/{buildingId}/units': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/fund/compounds/${t.compoundId}/buildings/${t.buildingId}/units` }),
  },
  'GET /api/v1/fund/units/{id}/entries': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/fund/units/${t.unitId}/entries` }),
  },
  'GET /api/v1/fund/mine': {
    expect: { kind: 'denied' }, // a street office owns no unit: 403
    request: () => ({ url: '/api/v1/fund/mine' }),
  },
  'POST /api/v1/fund/compounds/{id}/account': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/fund/compounds/${t.compoundId}/account`,
      payload: { bankName: '越权银行', accountName: '越权', openedOn: '2025-01-01' },
    }),
  },
  'POST /api/v1/fund/compounds/{id}/entries': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/fund/compounds/${t.compoundId}/entries`,
      payload: {
        kind: 'interest',
        on: '2025-06-30',
        memo: '越权',
        items: [{ unitId: t.unitId, amount: '1' }],
      },
    }),
  },
  'POST /api/v1/fund/compounds/{id}/payments': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/fund/compounds/${t.compoundId}/payments`,
      payload: {
        reference: 'X-1',
        title: '越权列支',
        cost: '1',
        decisionId: t.decisionId,
        paidOn: '2025-06-30',
      },
    }),
  },
  'GET /api/v1/fund/compounds/{id}/emergencies': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/fund/compounds/${t.compoundId}/emergencies` }),
  },
  'POST /api/v1/fund/compounds/{id}/emergencies': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/fund/compounds/${t.compoundId}/emergencies`,
      payload: {
        situation: 'pump_tank',
        title: '越权报告',
        plan: '越权',
        quotation: '1',
        safetyAffected: true,
        outsideWarranty: true,
        reportedOn: '2025-06-30',
      },
    }),
  },
  'POST /api/v1/fund/emergencies/{id}/actions': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/fund/emergencies/${t.emergencyId}/actions`,
      payload: { action: 'approve', version: 1, on: '2025-06-30' },
    }),
  },
  'GET /api/v1/fund/compounds/{id}/applications': {
    expect: { kind: 'denied' },
    request: (t) => ({ url: `/api/v1/fund/compounds/${t.compoundId}/applications` }),
  },
  'POST /api/v1/fund/compounds/{id}/applications': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/fund/compounds/${t.compoundId}/applications`,
      payload: { title: '越权申请', plan: '越权', quotation: '1', proposedOn: '2025-06-30' },
    }),
  },
  'POST /api/v1/fund/applications/{id}/actions': {
    expect: { kind: 'rejected-write' },
    request: (t) => ({
      url: `/api/v1/fund/applications/${t.applicationId}/actions`,
      payload: {
        action: 'consult',
        version: 1,
        on: '2025-06-30',
        participatingArea: '1',
        participatingPersons: 1,
        agreeingArea: '1',
        agreeingPersons: 1,
      },
    }),
  },
};
