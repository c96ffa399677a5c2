// Display of instants in Asia/Shanghai (UTC+8, no daylight saving).
const OFFSET_MS = 8 * 3_600_000;

/** `2026-11-27 09:30` in Shanghai time, for messages. */
export function formatShanghaiMinute(instant: Date): string {
  const d = new Date(instant.getTime() + OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
