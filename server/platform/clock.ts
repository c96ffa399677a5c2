// The injectable clock: every timestamp the application stores comes from here (ISO-8601 UTC text).
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(d: Date): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
    set(d: Date) {
      current = new Date(d);
    },
  };
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
