// Who may do what in the registry, beyond the plain permission check.
import type { Grant } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { requirePermission } from '../../platform/http/context.js';
import { divisionInScope } from '../../platform/scope.js';
import { AppError } from '../../platform/http/errors.js';

/** Grants allowing to read the registry (compounds, buildings, units) within their scope. */
export const readGrants = (actor: Actor): Grant[] => requirePermission(actor, 'registry.read');

/** Reading other people's owner records needs a staff scope: an owner's own-unit grant does not show neighbours. */
export function ownerListGrants(actor: Actor): Grant[] {
  const grants = readGrants(actor).filter((g) => g.scopeType !== 'own_units');
  if (grants.length === 0) throw new AppError('auth.forbidden', 403);
  return grants;
}

/** Writing a registry record located in a division (street code) requires that division in scope. */
export function requireWriteInDivision(actor: Actor, divisionCode: string): Grant[] {
  const grants = requirePermission(actor, 'registry.write');
  if (!divisionInScope(grants, divisionCode)) throw new AppError('auth.forbidden', 403);
  return grants;
}
