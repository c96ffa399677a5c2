// The signed-in owner's own reports (issue 9 §4): report a problem at one of the account's units — recorded
// like a resident's web report (channel residentWeb, routed as for staff intake) but keeping the account —
// and the list of what the account reported, in the reporter's words (domain/case-public-steps.ts, as on the tracking page). An
// owner never sees another owner's reports: the list is filtered by the account, not by place or phone.
import { PUBLIC_STEP_LABELS, STATUS_PUBLIC_STEP } from '../../../../domain/case-public-steps.js';
import type { CaseStatus } from '../../../../domain/case-lifecycle.js';
import type { Actor } from '../../../platform/http/context.js';
import { requirePermission } from '../../../platform/http/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { decodeCursor, pageFrom } from '../../../platform/http/pagination.js';
import type { Deps } from '../../../platform/deps.js';
import { listOwnUnits } from '../../registry/registry.service.js';
import { caseReference } from '../cases.reference.js';
import { categoryName } from '../cases.view.js';
import { intakeCase } from '../intake/intake.service.js';
import * as repo from './owner.repo.js';

export interface OwnReportInput {
  unitId: string;
  categoryCode: string;
  attributes: Record<string, string | boolean>;
  description: string;
  phone?: string;
  photos: string[];
}

/** An owner reports a problem at one of their own units; any other unit is refused. */
export async function reportOwnProblem(deps: Deps, actor: Actor, input: OwnReportInput, requestId: string) {
  requirePermission(actor, 'cases.own');
  const unit = (await listOwnUnits(deps, actor)).find((u) => u.unitId === input.unitId);
  if (!unit) throw new AppError('cases.not_own_unit', 403);
  return intakeCase(
    deps,
    { kind: 'owner', actor },
    {
      channel: 'residentWeb',
      categoryCode: input.categoryCode,
      attributes: input.attributes,
      description: input.description,
      unitId: unit.unitId,
      reporter: { name: actor.displayName, phone: input.phone },
      mediaUrls: [],
      photos: input.photos,
    },
    requestId,
  );
}

/** The cases the account reported, newest first, each with its public state. */
export async function listOwnCases(deps: Deps, actor: Actor, f: { cursor?: string; limit: number }) {
  requirePermission(actor, 'cases.own');
  const db = deps.database.db;
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const [rows, ref] = await Promise.all([
    repo.casesReportedBy(db, actor.userId, after, f.limit),
    caseReference(db),
  ]);
  const page = pageFrom(rows, f.limit, (r) => [r.created_at, r.id]);
  return {
    items: page.items.map((r) => {
      const state = STATUS_PUBLIC_STEP[r.status as CaseStatus];
      return {
        id: r.id,
        caseNo: r.case_no,
        title: r.title,
        description: r.description,
        categoryName: categoryName(ref, r.category_code),
        state,
        stateLabel: PUBLIC_STEP_LABELS[state],
        compoundName: r.compound_name ?? null,
        unitLabel: r.building_name && r.unit_number ? `${r.building_name} ${r.unit_number}` : null,
        createdAt: r.created_at,
        closedAt: r.closed_at,
      };
    }),
    nextCursor: page.nextCursor,
  };
}
