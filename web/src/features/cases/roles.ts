// What the signed-in user may do with cases, read from the one permission table (domain/access.ts) through
// the permissions /auth/me reports; the server checks again on every call.
import { HOTLINE_CHANNELS, intakeChannelsOf } from '../../../../domain/access';
import type { MeDto } from '../../api/types';

export { HOTLINE_CHANNELS };

const has = (me: MeDto | null, p: MeDto['permissions'][number]) => !!me?.permissions.includes(p);

/** Intake channels of the account: operators take hotline calls, inspectors report what they find, … */
export const intakeChannels = (me: MeDto | null): string[] => intakeChannelsOf(me?.permissions ?? []);

/** Handlers start with what waits for their signature; dispatchers with what waits for dispatch. */
export function defaultQueue(me: MeDto | null): 'toSign' | 'toDispatch' | 'all' {
  if (has(me, 'cases.dispatch')) return 'toDispatch';
  if (has(me, 'cases.handle')) return 'toSign';
  return 'all';
}
