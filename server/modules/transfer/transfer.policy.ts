// Who may import and export what. Row-level scope: the importer's `registry.import` grants must cover the
// row's street/division (for rows that reference a compound: the compound's street).
import type { Grant } from '../../../domain/access.js';
import type { ExportList } from '../../../contracts/transfer.js';
import type { Actor } from '../../platform/http/context.js';
import { requirePermission } from '../../platform/http/context.js';
import { divisionInScope } from '../../platform/scope.js';

/** The grants carrying `registry.import`; 403 when there are none. */
export const importGrants = (actor: Actor): Grant[] => requirePermission(actor, 'registry.import');

/** Whether a row located in this division (street code, or a district/city code for organisations) may be imported. */
export const rowInScope = (grants: readonly Grant[], divisionCode: string): boolean =>
  divisionInScope(grants, divisionCode);

/**
 * Registry lists need `registry.export` on top of what the list itself checks (its service applies the
 * read scope). Users and audit exports are checked by their services (users.manage, audit.read).
 */
export function requireExport(actor: Actor, list: ExportList): void {
  if (list === 'compounds' || list === 'organisations' || list === 'owners') {
    requirePermission(actor, 'registry.export');
  }
}
