// Governance screens read the one permission table (domain/access.ts); the server checks again on every call.
import { roleHas } from '../../../../domain/access';
import type { MeDto } from '../../api/types';

/** A committee member's own compound (a compound-scoped governance.manage grant), to open their workspace. */
export function committeeCompound(me: MeDto | null): string | null {
  const g = me?.roles.find((r) => r.scopeType === 'compound' && roleHas(r.role, 'governance.manage'));
  return g?.scopeId ?? null;
}
