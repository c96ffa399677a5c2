// The engine of the demo case history: cases live in memory and every step goes through the real lifecycle —
// transition() of domain/case-lifecycle.ts decides whether the step is allowed and where it leads, the cases
// module's own action handlers (ACTION_HANDLERS) set the columns, refreshDue/stageDeadline compute the clocks
// on the one calendar, and the SLA job's effect (warning, overdue, 自动督办) is applied when a deadline passes
// before the next step, as the job worker would have done. Nothing here writes the database: case-history.ts
// inserts what the engine produced.
import {
  requiredFields,
  transition,
  type CaseAction,
  type CaseStatus,
  type Relation,
} from '../../domain/case-lifecycle.js';
import { policyFor } from '../../domain/sla.js';
import type { ActionInput } from '../../contracts/cases.js';
import type { CaseEventTable, CaseTable } from '../platform/db/schema.js';
import { ACTION_HANDLERS, type ActionReads } from '../modules/cases/actions/actions.handlers.js';
import type { CaseReference } from '../modules/cases/cases.reference.js';
import { nextDeadline, refreshDue, slaFacts } from '../modules/cases/cases.sla.js';
import { stateOf } from '../modules/cases/cases.view.js';

/** Who takes a step: a person of an organisation (the seeded history names people, not accounts). */
export interface HistoryActor {
  id: string | null;
  name: string;
  orgId: string | null;
}

export type ActionBody = Omit<ActionInput, 'action' | 'version'>;

/** One case as it evolves: the row, its events, co-handlers and the row after each step (for reads in time). */
export interface SimCase {
  row: CaseTable;
  events: CaseEventTable[];
  cohandlers: string[];
  intakeData: Record<string, unknown>;
  snapshots: { at: string; row: CaseTable }[];
  /** SLA checks already applied (`warn|due` + deadline), like the job table's dedupe keys. */
  slaDone: Set<string>;
}

/** A merge noted on the case merged into (actions.service noteMerge): applied when the history is complete. */
interface MergeNote {
  target: SimCase;
  at: string;
  who: HistoryActor;
  mergedNo: string;
}

const SYSTEM: HistoryActor = { id: null, name: 'system', orgId: null };

export class CaseHistory {
  readonly cases: SimCase[] = [];
  private readonly byNo = new Map<string, SimCase>();
  private readonly byId = new Map<string, SimCase>();
  private readonly merges: MergeNote[] = [];
  /** The instant the handlers' reads look at (the step being taken). */
  private readingAt = '';
  private readonly reads: ActionReads = {
    organisationCount: async (ids) => [...new Set(ids)].filter((id) => this.organisationTypes.has(id)).length,
    organisationType: async (id) => this.organisationTypes.get(id),
    intakeData: async (caseId) => this.byId.get(caseId)?.intakeData ?? {},
    lastEventData: async (caseId, action) => {
      const events = this.byId.get(caseId)?.events ?? [];
      for (let i = events.length - 1; i >= 0; i--)
        if (events[i].action === action) return JSON.parse(events[i].data_json) as Record<string, unknown>;
      return undefined;
    },
    caseByNo: async (caseNo) => {
      const sim = this.byNo.get(caseNo);
      return sim ? this.rowAt(sim, this.readingAt) : undefined;
    },
  };

  constructor(
    private readonly ref: CaseReference,
    /** Every organisation's type, by id. */
    private readonly organisationTypes: ReadonlyMap<string, string>,
    private readonly newId: (at: Date) => string,
    /** The history ends here: no step at or after it happens. */
    readonly until: Date,
  ) {}

  /** Records a received case (its row from the intake's own receivedCase) with the intake event. */
  receive(row: CaseTable, intakeData: Record<string, unknown>, actor: HistoryActor): SimCase {
    const sim: SimCase = {
      row: { ...row, event_count: 1 },
      events: [],
      cohandlers: [],
      intakeData,
      snapshots: [],
      slaDone: new Set(),
    };
    sim.events.push(this.event(sim.row, 1, actor, 'receive', null, intakeData, row.created_at));
    sim.snapshots.push({ at: row.created_at, row: sim.row });
    this.cases.push(sim);
    this.byNo.set(row.case_no, sim);
    this.byId.set(row.id, sim);
    return sim;
  }

  /** The case as it stood at an instant (the last step at or before it). */
  rowAt(sim: SimCase, at: string): CaseTable {
    let found = sim.snapshots[0].row;
    for (const s of sim.snapshots) {
      if (s.at > at) break;
      found = s.row;
    }
    return found;
  }

  /** Whether the lifecycle allows the action now for the relation (without taking it). */
  allows(sim: SimCase, action: CaseAction, relation: Relation): boolean {
    return transition(stateOf(sim.row), action, new Set([relation])).ok;
  }

  /**
   * Takes one step at `at` through the real handler. Returns false, changing nothing, when `at` is not before
   * the end of the history (the step has not happened yet). Throws when the lifecycle refuses it (a seed bug).
   */
  async act(
    sim: SimCase,
    action: CaseAction,
    relation: Relation,
    who: HistoryActor,
    at: Date,
    body: ActionBody = {},
  ): Promise<boolean> {
    if (at.getTime() >= this.until.getTime()) return false;
    if (at.toISOString() < sim.row.updated_at)
      throw new Error(`case history: ${action} before the last step`);
    this.passDeadlines(sim, at);
    const current = sim.row;
    const relations = new Set<Relation>([relation]);
    const result = transition(stateOf(current), action, relations);
    if (!result.ok)
      throw new Error(`case history: ${action} by ${relation} in ${current.status}: ${result.reason}`);
    const input = { action, version: current.version, ...body } as ActionInput;
    for (const field of requiredFields(action))
      if (input[field] === undefined) throw new Error(`case history: ${action} needs ${field}`);
    const nowIso = at.toISOString();
    this.readingAt = nowIso;
    const c: CaseTable = { ...current, status: result.to };
    const effect =
      (await ACTION_HANDLERS[action](c, {
        reads: this.reads,
        ref: this.ref,
        body: input,
        relations,
        from: current.status as CaseStatus,
        now: at,
        nowIso,
        facts: slaFacts(c),
      })) ?? {};
    refreshDue(this.ref, c, at);
    c.updated_at = nowIso;
    c.version = current.version + 1;
    c.event_count = current.event_count + 1;
    const data = { ...(body.note ? { note: body.note } : {}), ...effect.data };
    sim.events.push(this.event(c, c.event_count, who, action, current.status, data, nowIso));
    if (effect.cohandlers) sim.cohandlers = [...new Set(effect.cohandlers)];
    if (effect.mergeTarget)
      this.merges.push({
        target: this.byId.get(effect.mergeTarget.id)!,
        at: nowIso,
        who,
        mergedNo: c.case_no,
      });
    sim.row = c;
    sim.snapshots.push({ at: nowIso, row: c });
    return true;
  }

  /**
   * What the SLA job (cases.jobs slaHandler) does when the pending deadline's warning time or the deadline
   * itself passes before `until`: due state warning / overdue, and 自动督办 (an event, one level more) when
   * the policy escalates. Each (kind, deadline) once, as the job's dedupe key makes it.
   */
  passDeadlines(sim: SimCase, until: Date): void {
    const c = sim.row;
    const next = nextDeadline(c, this.ref.policies);
    if (!next) return;
    const policy = policyFor(this.ref.policies, next.stage, slaFacts(c));
    const due = new Date(next.at);
    const warnAt = policy?.warnBeforeMinutes
      ? new Date(due.getTime() - policy.warnBeforeMinutes * 60_000)
      : null;
    if (warnAt && warnAt < until && !sim.slaDone.has(`warn|${next.at}`)) {
      sim.slaDone.add(`warn|${next.at}`);
      if (c.due_state !== 'overdue') this.update(sim, { due_state: 'warning' }, warnAt);
    }
    if (due < until && !sim.slaDone.has(`due|${next.at}`)) {
      sim.slaDone.add(`due|${next.at}`);
      if (next.stage === 'arrive' && !c.arrived_at) this.update(sim, { arrived_ontime: 0 }, due);
      if (!policy?.escalateOnOverdue) {
        this.update(sim, { due_state: 'overdue' }, due);
        return;
      }
      const level = c.supervision_level + 1;
      const row = this.update(
        sim,
        {
          due_state: 'overdue',
          supervision_level: level,
          event_count: c.event_count + 1,
          version: c.version + 1,
        },
        due,
      );
      const data = { stage: next.stage, dueAt: next.at, level, policy: policy.id };
      const when = sim.snapshots[sim.snapshots.length - 1].at;
      sim.events.push(this.event(row, row.event_count, SYSTEM, 'autoSupervise', row.status, data, when));
    }
  }

  /** Applies the merge notes (a comment on the case merged into) and puts every case's events in time order. */
  complete(): void {
    for (const m of this.merges) {
      const t = m.target;
      const status = this.rowAt(t, m.at).status;
      const data = { note: `合并案件 ${m.mergedNo}`, merged: m.mergedNo };
      t.events.push(this.event({ ...t.row, status }, 0, m.who, 'comment', status, data, m.at));
      t.row = {
        ...t.row,
        event_count: t.row.event_count + 1,
        version: t.row.version + 1,
        updated_at: m.at > t.row.updated_at ? m.at : t.row.updated_at,
      };
    }
    for (const sim of this.cases) {
      if (!this.merges.some((m) => m.target === sim)) continue;
      sim.events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
      sim.events.forEach((e, i) => (e.seq = i + 1));
    }
  }

  private update(sim: SimCase, changes: Partial<CaseTable>, at: Date): CaseTable {
    // The job's update does not touch updated_at (cases.repo updateSlaState).
    sim.row = { ...sim.row, ...changes };
    // A job due before the step that scheduled it runs right after that step.
    const last = sim.snapshots[sim.snapshots.length - 1].at;
    const iso = at.toISOString();
    sim.snapshots.push({ at: iso > last ? iso : last, row: sim.row });
    return sim.row;
  }

  private event(
    c: CaseTable,
    seq: number,
    who: HistoryActor,
    action: string,
    from: string | null,
    data: Record<string, unknown>,
    at: string,
  ): CaseEventTable {
    return {
      id: this.newId(new Date(at)),
      case_id: c.id,
      seq,
      at,
      actor_id: who.id,
      actor_name: who.name,
      actor_org_id: who.orgId,
      action,
      from_status: from,
      to_status: c.status,
      data_json: JSON.stringify(data),
    };
  }
}
