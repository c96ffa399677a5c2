// The lifecycle against tables written out by hand: every status × action × relation (and the states in which a
// `when` decides), what each action asks for, and that no status but the known one is a dead end. The expected
// tables are deliberately not derived from TRANSITIONS: a change to the rules must change this file too.
import { describe, expect, it } from 'vitest';
import {
  ACTION_REQUIREMENTS,
  actionsOpenTo,
  allowedActions,
  CASE_ACTIONS,
  CASE_STATUSES,
  requiredFields,
  SATISFACTIONS,
  transition,
  type ActionField,
  type CaseAction,
  type CaseState,
  type CaseStatus,
  type Relation,
} from './case-lifecycle.js';

const RELATIONS: readonly Relation[] = [
  'dispatcher',
  'leadHandler',
  'coHandler',
  'verifier',
  'supervisor',
  'reporter',
];

const state = (status: CaseStatus, more: Partial<CaseState> = {}): CaseState => ({
  status,
  statusBeforeSuspension: null,
  extensionPending: false,
  arrivedOnSite: false,
  satisfaction: null,
  ...more,
});

type Row = Record<Relation, readonly CaseAction[]>;
const NOBODY: Row = {
  dispatcher: [],
  leadHandler: [],
  coHandler: [],
  verifier: [],
  supervisor: [],
  reporter: [],
};
/** Staff with any relation may comment on an open (or suspended) case. */
const COMMENT_ONLY: Row = {
  dispatcher: ['comment'],
  leadHandler: ['comment'],
  coHandler: ['comment'],
  verifier: ['comment'],
  supervisor: ['comment'],
  reporter: [],
};

interface Scenario {
  name: string;
  state: CaseState;
  /** The allowed actions per relation, in table (CASE_ACTIONS) order. */
  allowed: Row;
}

const SIGNED_BY_OTHERS = {
  coHandler: ['comment'],
  verifier: ['comment'],
  supervisor: ['supervise', 'parkLongTerm', 'comment'],
  reporter: [],
} as const;

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'received',
    state: state('received'),
    allowed: { ...COMMENT_ONLY, dispatcher: ['accept', 'decline', 'dispatch', 'merge', 'comment'] },
  },
  { name: 'declined', state: state('declined'), allowed: NOBODY },
  {
    name: 'accepted',
    state: state('accepted'),
    allowed: {
      ...COMMENT_ONLY,
      dispatcher: ['dispatch', 'suspend', 'supervise', 'merge', 'comment'],
      supervisor: ['supervise', 'parkLongTerm', 'comment'],
    },
  },
  {
    name: 'dispatched',
    state: state('dispatched'),
    allowed: {
      ...COMMENT_ONLY,
      dispatcher: ['redispatch', 'recall', 'suspend', 'supervise', 'comment'],
      leadHandler: ['signFor', 'returnCase', 'comment'],
      supervisor: ['supervise', 'parkLongTerm', 'comment'],
    },
  },
  {
    name: 'signed',
    state: state('signed'),
    allowed: {
      ...SIGNED_BY_OTHERS,
      dispatcher: ['suspend', 'supervise', 'comment'],
      leadHandler: ['returnCase', 'arriveOnSite', 'reportBack', 'requestExtension', 'comment'],
    },
  },
  {
    name: 'signed, extension requested',
    state: state('signed', { extensionPending: true }),
    allowed: {
      ...SIGNED_BY_OTHERS,
      dispatcher: ['approveExtension', 'refuseExtension', 'suspend', 'supervise', 'comment'],
      leadHandler: ['returnCase', 'arriveOnSite', 'reportBack', 'comment'],
    },
  },
  {
    name: 'signed, arrived on site',
    state: state('signed', { arrivedOnSite: true }),
    allowed: {
      ...SIGNED_BY_OTHERS,
      dispatcher: ['suspend', 'supervise', 'comment'],
      leadHandler: ['returnCase', 'reportBack', 'requestExtension', 'comment'],
    },
  },
  {
    name: 'signed, arrived on site, extension requested',
    state: state('signed', { arrivedOnSite: true, extensionPending: true }),
    allowed: {
      ...SIGNED_BY_OTHERS,
      dispatcher: ['approveExtension', 'refuseExtension', 'suspend', 'supervise', 'comment'],
      leadHandler: ['returnCase', 'reportBack', 'comment'],
    },
  },
  // The duties the law names (拆违规定 Arts 5, 9; 《规定》 Art 59) are the lead's, and the statutory ones can be met
  // in any status after the dispatch — suspended, parked and closed included.
  {
    name: 'signed, the reporter awaits feedback',
    state: state('signed', { feedbackPending: true }),
    allowed: {
      ...SIGNED_BY_OTHERS,
      dispatcher: ['suspend', 'supervise', 'comment'],
      leadHandler: [
        'returnCase',
        'arriveOnSite',
        'reportBack',
        'requestExtension',
        'comment',
        'feedBackReporter',
      ],
    },
  },
  {
    name: 'closed, the reporter awaits feedback',
    state: state('closed', { feedbackPending: true }),
    allowed: { ...NOBODY, dispatcher: ['revisit'], leadHandler: ['feedBackReporter'], reporter: ['revisit'] },
  },
  {
    name: 'suspended from signed, the reporter awaits feedback',
    state: state('suspended', { statusBeforeSuspension: 'signed', feedbackPending: true }),
    allowed: {
      ...COMMENT_ONLY,
      dispatcher: ['resume', 'supervise', 'comment'],
      leadHandler: ['comment', 'feedBackReporter'],
      supervisor: ['supervise', 'parkLongTerm', 'comment'],
    },
  },
  {
    name: 'dispatched to a property company with the Art 59 duty (not signed yet)',
    state: state('dispatched', { violationReport: 'dissuading', enforcementNotice: true }),
    allowed: {
      ...COMMENT_ONLY,
      dispatcher: ['redispatch', 'recall', 'suspend', 'supervise', 'comment'],
      leadHandler: ['signFor', 'returnCase', 'comment'],
      supervisor: ['supervise', 'parkLongTerm', 'comment'],
    },
  },
  {
    name: 'signed, the property company dissuading',
    state: state('signed', { violationReport: 'dissuading' }),
    allowed: {
      ...SIGNED_BY_OTHERS,
      dispatcher: ['suspend', 'supervise', 'comment'],
      leadHandler: [
        'returnCase',
        'arriveOnSite',
        'reportBack',
        'requestExtension',
        'comment',
        'dissuasionFailed',
      ],
    },
  },
  {
    name: 'signed, the violation report due',
    state: state('signed', { violationReport: 'reportDue' }),
    allowed: {
      ...SIGNED_BY_OTHERS,
      dispatcher: ['suspend', 'supervise', 'comment'],
      leadHandler: [
        'returnCase',
        'arriveOnSite',
        'reportBack',
        'requestExtension',
        'comment',
        'reportViolation',
      ],
    },
  },
  {
    name: 'signed, the violation reported',
    state: state('signed', { violationReport: 'reported' }),
    allowed: {
      ...SIGNED_BY_OTHERS,
      dispatcher: ['suspend', 'supervise', 'comment'],
      leadHandler: ['returnCase', 'arriveOnSite', 'reportBack', 'requestExtension', 'comment'],
    },
  },
  {
    name: 'parked from signed, the violation report due',
    state: state('parked', { statusBeforeSuspension: 'signed', violationReport: 'reportDue' }),
    allowed: { ...NOBODY, leadHandler: ['reportViolation'], supervisor: ['unpark'] },
  },
  {
    name: 'signed, a violation the enforcement notice applies to',
    state: state('signed', { enforcementNotice: true }),
    allowed: {
      ...SIGNED_BY_OTHERS,
      dispatcher: ['suspend', 'supervise', 'comment'],
      leadHandler: [
        'returnCase',
        'arriveOnSite',
        'reportBack',
        'requestExtension',
        'comment',
        'noticeDemolition',
      ],
    },
  },
  {
    name: 'reported',
    state: state('reported'),
    allowed: {
      dispatcher: ['verifyPass', 'verifyFail', 'supervise', 'comment'],
      leadHandler: ['comment'],
      coHandler: ['comment'],
      verifier: ['verifyPass', 'verifyFail', 'comment'],
      supervisor: ['supervise', 'comment'],
      reporter: ['verifyPass', 'verifyFail'],
    },
  },
  {
    name: 'verified',
    state: state('verified'),
    allowed: { ...COMMENT_ONLY, dispatcher: ['close', 'comment'] },
  },
  {
    name: 'closed',
    state: state('closed'),
    allowed: { ...NOBODY, dispatcher: ['revisit'], reporter: ['revisit'] },
  },
  { name: 'revisited, not rated', state: state('revisited'), allowed: NOBODY },
  { name: 'revisited, satisfied', state: state('revisited', { satisfaction: 'satisfied' }), allowed: NOBODY },
  {
    name: 'revisited, basically satisfied',
    state: state('revisited', { satisfaction: 'basicallySatisfied' }),
    allowed: NOBODY,
  },
  {
    name: 'revisited, dissatisfied',
    state: state('revisited', { satisfaction: 'dissatisfied' }),
    allowed: { ...NOBODY, dispatcher: ['reopen'], supervisor: ['reopen'] },
  },
  ...(['accepted', 'dispatched', 'signed', null] as const).map((before): Scenario => ({
    name: `suspended from ${before ?? '(unknown)'}`,
    state: state('suspended', { statusBeforeSuspension: before }),
    allowed: {
      ...COMMENT_ONLY,
      dispatcher: ['resume', 'supervise', 'comment'],
      supervisor: ['supervise', 'parkLongTerm', 'comment'],
    },
  })),
  ...(['accepted', 'dispatched', 'signed', null] as const).map((before): Scenario => ({
    name: `parked from ${before ?? '(unknown)'}`,
    state: state('parked', { statusBeforeSuspension: before }),
    allowed: { ...NOBODY, supervisor: ['unpark'] },
  })),
  { name: 'merged', state: state('merged'), allowed: NOBODY },
];

/** Where each action leads from a state; 'same' keeps the status. */
const NEXT: Record<CaseAction, CaseStatus | 'same' | ((s: CaseState) => CaseStatus)> = {
  accept: 'accepted',
  decline: 'declined',
  dispatch: 'dispatched',
  redispatch: 'dispatched',
  recall: 'accepted',
  signFor: 'signed',
  returnCase: 'accepted',
  arriveOnSite: 'same',
  reportBack: 'reported',
  requestExtension: 'same',
  approveExtension: 'same',
  refuseExtension: 'same',
  verifyPass: 'verified',
  verifyFail: 'signed',
  close: 'closed',
  revisit: 'revisited',
  reopen: 'dispatched',
  suspend: 'suspended',
  resume: (s) => s.statusBeforeSuspension ?? 'accepted',
  supervise: 'same',
  parkLongTerm: 'parked',
  unpark: (s) => s.statusBeforeSuspension ?? 'accepted',
  merge: 'merged',
  comment: 'same',
  feedBackReporter: 'same',
  dissuasionFailed: 'same',
  reportViolation: 'same',
  noticeDemolition: 'same',
};

const nextOf = (s: CaseState, action: CaseAction): CaseStatus => {
  const n = NEXT[action];
  return n === 'same' ? s.status : typeof n === 'function' ? n(s) : n;
};

const CELLS = SCENARIOS.flatMap((scenario) => RELATIONS.map((relation) => ({ scenario, relation })));

describe('case lifecycle: status × action × relation', () => {
  it('the scenarios cover every status, and the expected rows every relation', () => {
    expect(new Set(SCENARIOS.map((s) => s.state.status))).toEqual(new Set(CASE_STATUSES));
    for (const s of SCENARIOS) expect(Object.keys(s.allowed).sort()).toEqual([...RELATIONS].sort());
  });

  it.each(CELLS.map((c) => [c.scenario.name, c.relation, c] as const))(
    '%s, as %s: exactly the expected actions, each to its next status',
    (_name, relation, { scenario }) => {
      const relations = new Set<Relation>([relation]);
      const expected = scenario.allowed[relation];
      expect(allowedActions(scenario.state, relations)).toEqual(expected);
      const anyone = new Set(RELATIONS.flatMap((r) => scenario.allowed[r]));
      for (const action of CASE_ACTIONS) {
        const result = transition(scenario.state, action, relations);
        if (expected.includes(action))
          expect(result).toEqual({ ok: true, to: nextOf(scenario.state, action) });
        else
          expect(result, action).toEqual({
            ok: false,
            reason: anyone.has(action) ? 'not_allowed_for_actor' : 'not_allowed_in_status',
          });
      }
    },
  );

  it.each(SCENARIOS.map((s) => [s.name, s] as const))(
    '%s: several relations at once allow the union of their actions; none allow nothing',
    (_name, scenario) => {
      const union = new Set(RELATIONS.flatMap((r) => scenario.allowed[r]));
      expect(allowedActions(scenario.state, new Set(RELATIONS))).toEqual(
        CASE_ACTIONS.filter((a) => union.has(a)),
      );
      expect(allowedActions(scenario.state, new Set())).toEqual([]);
    },
  );

  it('every action is allowed somewhere', () => {
    const somewhere = new Set(CELLS.flatMap((c) => c.scenario.allowed[c.relation]));
    expect(CASE_ACTIONS.filter((a) => !somewhere.has(a))).toEqual([]);
  });

  it('a reporter may only ever verify and rate', () => {
    expect(actionsOpenTo('reporter')).toEqual(['verifyPass', 'verifyFail', 'revisit']);
  });
});

describe('case lifecycle: what each action asks for', () => {
  const REQUIRED: Record<CaseAction, readonly ActionField[]> = {
    accept: [],
    decline: ['note'],
    dispatch: [],
    redispatch: ['leadOrgId', 'note'],
    recall: ['note'],
    signFor: [],
    returnCase: ['returnReason', 'note'],
    arriveOnSite: [],
    reportBack: ['note'],
    requestExtension: ['extension', 'note'],
    approveExtension: [],
    refuseExtension: [],
    verifyPass: [],
    verifyFail: ['note'],
    close: [],
    revisit: ['satisfaction'],
    reopen: [],
    suspend: ['note'],
    resume: [],
    supervise: [],
    parkLongTerm: ['note'],
    unpark: ['note'],
    merge: ['mergeIntoCaseNo'],
    comment: ['note'],
    feedBackReporter: ['note'],
    dissuasionFailed: ['note'],
    reportViolation: ['note'],
    noticeDemolition: ['noticePublishedOn', 'noticeEndsOn'],
  };

  it.each(CASE_ACTIONS.map((a) => [a] as const))('%s: the required fields, in checking order', (action) => {
    expect(requiredFields(action)).toEqual(REQUIRED[action]);
  });

  it('optional inputs: the lead organisation, an approved duration, evidence', () => {
    expect(ACTION_REQUIREMENTS.dispatch.target).toEqual({ kind: 'organisation', need: 'optional' });
    expect(ACTION_REQUIREMENTS.approveExtension.duration).toBe('optional');
    expect(ACTION_REQUIREMENTS.reportBack.evidence).toBe('optional');
    const withEvidence = CASE_ACTIONS.filter((a) => ACTION_REQUIREMENTS[a].evidence);
    expect(withEvidence).toEqual(['reportBack']);
  });
});

describe('case lifecycle: every status has a way to a terminal one', () => {
  const TERMINAL: ReadonlySet<CaseStatus> = new Set(['declined', 'revisited', 'merged']);
  // None left: 挂账 leaves the register by 销账 (unpark). Add a status here only with the issue deciding its exit.
  const DEAD_ENDS: ReadonlySet<CaseStatus> = new Set([]);

  /** What an action records besides the status (the parts of CaseState the rules read). */
  function after(s: CaseState, action: CaseAction, to: CaseStatus): CaseState[] {
    const next: CaseState = { ...s, status: to };
    if (action === 'suspend') next.statusBeforeSuspension = s.status;
    if (action === 'parkLongTerm') next.statusBeforeSuspension = s.statusBeforeSuspension ?? s.status;
    if (action === 'resume' || action === 'unpark') next.statusBeforeSuspension = null;
    if (action === 'reportBack') next.extensionPending = false;
    if (action === 'requestExtension') next.extensionPending = true;
    if (action === 'approveExtension' || action === 'refuseExtension') next.extensionPending = false;
    if (action === 'arriveOnSite') next.arrivedOnSite = true;
    if (action === 'reopen') Object.assign(next, { arrivedOnSite: false, satisfaction: null });
    if (action === 'revisit') return SATISFACTIONS.map((satisfaction) => ({ ...next, satisfaction }));
    return [next];
  }

  /** A shortest sequence of actions (by anyone) from the state to a terminal status, or null. */
  function wayOut(start: CaseState): CaseAction[] | null {
    const everyone = new Set(RELATIONS);
    const seen = new Set([JSON.stringify(start)]);
    const queue: [CaseState, CaseAction[]][] = [[start, []]];
    for (let i = 0; i < queue.length; i++) {
      const [s, path] = queue[i];
      if (TERMINAL.has(s.status)) return path;
      for (const action of allowedActions(s, everyone)) {
        const result = transition(s, action, everyone);
        if (!result.ok) continue;
        for (const n of after(s, action, result.to)) {
          const key = JSON.stringify(n);
          if (!seen.has(key)) {
            seen.add(key);
            queue.push([n, [...path, action]]);
          }
        }
      }
    }
    return null;
  }

  const starts = (status: CaseStatus): CaseState[] =>
    status === 'suspended' || status === 'parked'
      ? (['accepted', 'dispatched', 'signed', null] as const).map((b) =>
          state(status, { statusBeforeSuspension: b }),
        )
      : [state(status)];

  it.each(
    CASE_STATUSES.map((s) => [s, DEAD_ENDS.has(s) ? 'has no way out (known exception)' : 'can end'] as const),
  )('%s %s', (status) => {
    for (const start of starts(status)) {
      const path = wayOut(start);
      if (DEAD_ENDS.has(status))
        expect(
          path,
          `${status} has a way out now (${path?.join(' → ')}): remove it from DEAD_ENDS`,
        ).toBeNull();
      else expect(path, `${JSON.stringify(start)} cannot reach ${[...TERMINAL].join('/')}`).not.toBeNull();
    }
  });

  it('the terminal statuses are statuses, and dead ends are not terminal', () => {
    for (const s of [...TERMINAL, ...DEAD_ENDS]) expect(CASE_STATUSES).toContain(s);
    for (const s of DEAD_ENDS) expect(TERMINAL.has(s)).toBe(false);
  });
});
