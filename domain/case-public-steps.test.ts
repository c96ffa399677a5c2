import { describe, expect, it } from 'vitest';
import { CASE_ACTION_LABELS, CASE_ACTIONS, CASE_STATUSES } from './case-lifecycle.js';
import {
  CASE_EVENT_TYPES,
  EVENT_PUBLIC_STEP,
  PUBLIC_STEP_LABELS,
  PUBLIC_STEPS,
  publicStepChange,
  publicStepOfEvent,
  publicTimeline,
  STATUS_PUBLIC_STEP,
} from './case-public-steps.js';

describe('public steps of a case', () => {
  it('maps every action and event type, and every status', () => {
    for (const action of CASE_ACTIONS) expect(EVENT_PUBLIC_STEP).toHaveProperty(action);
    expect(Object.keys(EVENT_PUBLIC_STEP).sort()).toEqual([...CASE_EVENT_TYPES].sort());
    for (const status of CASE_STATUSES) expect(PUBLIC_STEPS).toContain(STATUS_PUBLIC_STEP[status]);
    for (const type of CASE_EVENT_TYPES)
      for (const status of CASE_STATUSES) {
        const step = publicStepOfEvent(type, status);
        if (step !== null) expect(PUBLIC_STEPS).toContain(step);
      }
  });

  it('never shows an internal step name', () => {
    const internal = [
      '退单',
      '延期',
      '督办',
      '挂账',
      '挂起',
      '改派',
      '撤回',
      '签收',
      '派遣',
      '核查',
      '立案',
      '销账',
    ];
    const words = PUBLIC_STEPS.flatMap((s) => [PUBLIC_STEP_LABELS[s].zh, PUBLIC_STEP_LABELS[s].en]);
    for (const w of words) for (const name of internal) expect(w).not.toContain(name);
    // …nor an action's own label, except the few that are public words anyway.
    const publicWords = new Set(['不予受理']);
    for (const a of CASE_ACTIONS) {
      const label = CASE_ACTION_LABELS[a].zh;
      if (publicWords.has(label)) continue;
      for (const s of PUBLIC_STEPS) expect(PUBLIC_STEP_LABELS[s].zh).not.toBe(label);
    }
  });

  it('hides the steps between the office and the handler', () => {
    for (const a of [
      'returnCase',
      'requestExtension',
      'approveExtension',
      'supervise',
      'redispatch',
      'comment',
    ])
      expect(publicStepOfEvent(a, 'signed')).toBeNull();
    expect(publicStepOfEvent('autoSupervise', 'dispatched')).toBeNull();
    expect(publicStepOfEvent('no-such-event', 'signed')).toBeNull();
  });

  it('a resumed case is where its status stands', () => {
    expect(publicStepOfEvent('resume', 'signed')).toBe('inProgress');
    expect(publicStepOfEvent('resume', 'accepted')).toBe('received');
    expect(publicStepOfEvent('unpark', 'dispatched')).toBe('assigned');
  });

  it('summarises a timeline: a returned, extended, reported, failed and closed case', () => {
    const ev = (action: string, toStatus: string, at: string) => ({ action, toStatus, at });
    const steps = publicTimeline([
      ev('receive', 'received', '1'),
      ev('accept', 'accepted', '2'),
      ev('dispatch', 'dispatched', '3'),
      ev('returnCase', 'accepted', '4'),
      ev('dispatch', 'dispatched', '5'),
      ev('signFor', 'signed', '6'),
      ev('arriveOnSite', 'signed', '7'),
      ev('requestExtension', 'signed', '8'),
      ev('reportBack', 'reported', '9'),
      ev('verifyFail', 'signed', '10'),
      ev('reportBack', 'reported', '11'),
      ev('verifyPass', 'verified', '12'),
      ev('close', 'closed', '13'),
      ev('revisit', 'revisited', '14'),
    ]);
    expect(steps.map((s) => `${s.at}:${s.step}`)).toEqual([
      '1:received',
      '3:assigned',
      '6:inProgress',
      '9:resultReported',
      '10:reworking',
      '11:resultReported',
      '12:resolved',
      '13:closed',
      '14:rated',
    ]);
  });

  it('tells of a change only when the public step changes', () => {
    expect(publicStepChange('receive', null, 'received')).toBe('received');
    expect(publicStepChange('accept', 'received', 'accepted')).toBeNull();
    expect(publicStepChange('dispatch', 'accepted', 'dispatched')).toBe('assigned');
    expect(publicStepChange('signFor', 'dispatched', 'signed')).toBe('inProgress');
    expect(publicStepChange('arriveOnSite', 'signed', 'signed')).toBeNull();
    expect(publicStepChange('requestExtension', 'signed', 'signed')).toBeNull();
    expect(publicStepChange('reportBack', 'signed', 'reported')).toBe('resultReported');
    expect(publicStepChange('returnCase', 'signed', 'accepted')).toBeNull();
    expect(publicStepChange('resume', 'suspended', 'signed')).toBe('inProgress');
  });
});
