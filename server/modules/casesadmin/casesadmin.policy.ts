// Who may administer the cases reference data: holders of cases.configure (the administrator role).
import type { Grant } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { requirePermission } from '../../platform/http/context.js';

export const requireConfigure = (actor: Actor): Grant[] => requirePermission(actor, 'cases.configure');
