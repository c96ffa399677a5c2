// The scope-walk probes of the action plan (三年行动计划; merged into PROBES by scope-walk.probes.ts): another
// street's office runs no plan (plan.manage is the city's and districts'), reports for no unit it is not, and
// sees nothing by an unknown id. The walk's target has no plan: probes on a plan or task use an unknown id
// (404); the route tests cover real ones of another district and street. The public plan needs no sign-in.
import type { Probe } from './scope-walk.target.js';

const NONE = '00000000-0000-7000-8000-000000000000';
const base = '/api/v1/plans';
const multipartCsv = (csv: string) => {
  const boundary = 'scopewalkboundary';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};

export const PLAN_PROBES: Record<string, Probe> = {
  'GET /api/v1/plans': { expect: { kind: 'empty-list' }, request: () => ({ url: base }) },
  'POST /api/v1/plans': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: base,
      payload: {
        divisionCode: '310115',
        title: '越权计划',
        periodFrom: '2026-01-01',
        periodTo: '2027-12-31',
      },
    }),
  },
  'GET /api/v1/plans/template.{format}': {
    expect: { kind: 'denied' }, // only an office running a plan downloads it
    request: () => ({ url: `${base}/template.csv` }),
  },
  'GET /api/v1/plans/{id}': { expect: { kind: 'denied' }, request: () => ({ url: `${base}/${NONE}` }) },
  'POST /api/v1/plans/{id}/import': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: `${base}/${NONE}/import?version=1`,
      ...multipartCsv(
        '序号,任务,主要内容,时间节点,牵头部门\n1,越权任务,越权,2026-12-31 完成,上海市房屋管理局\n',
      ),
    }),
  },
  'GET /api/v1/plans/tasks/{id}': {
    expect: { kind: 'denied' },
    request: () => ({ url: `${base}/tasks/${NONE}` }),
  },
  'POST /api/v1/plans/tasks/{id}/reports': {
    expect: { kind: 'rejected-write' },
    request: () => ({
      url: `${base}/tasks/${NONE}/reports`,
      payload: { version: 1, progress: '越权报送', evidence: '越权报送的佐证材料说明' },
    }),
  },
  'POST /api/v1/plans/tasks/{id}/supervise': {
    expect: { kind: 'rejected-write' },
    request: () => ({ url: `${base}/tasks/${NONE}/supervise`, payload: { version: 1, note: '越权督办' } }),
  },
  'GET /api/v1/public/plan': { expect: { kind: 'public' }, request: () => ({ url: '/api/v1/public/plan' }) },
};
