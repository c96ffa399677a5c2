// Display of instants in Asia/Shanghai for messages (the arithmetic lives in domain/calendar.ts).
import { formatShanghai } from '../../domain/calendar.js';

/** `2026-11-27 09:30` in Shanghai time. */
export function formatShanghaiMinute(instant: Date): string {
  return formatShanghai(instant).slice(0, 16).replace('T', ' ');
}
