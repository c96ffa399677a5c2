import type { PublicStep } from '../../../domain/case-public-steps';

/** Public steps (domain/case-public-steps.ts) that ask something of the resident, or finish well, in colour. */
export const PUBLIC_STEP_COLOURS: Record<PublicStep, string> = {
  received: 'default',
  assigned: 'blue',
  inProgress: 'blue',
  resultReported: 'gold',
  reworking: 'blue',
  resolved: 'green',
  closed: 'gold',
  rated: 'green',
  paused: 'default',
  declined: 'default',
  merged: 'default',
  fedBack: 'blue',
};
