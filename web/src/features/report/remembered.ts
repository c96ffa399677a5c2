// "Remember on this device": the signed tracking links of a resident's cases in localStorage (no phone number
// is stored), so they come back without retyping; each can be forgotten.
import { useCallback, useSyncExternalStore } from 'react';

export interface RememberedCase {
  caseNo: string;
  token: string;
  expiresAt: string;
}

const KEY = 'gongzhi.trackedCases';
const listeners = new Set<() => void>();

function read(): RememberedCase[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '[]') as RememberedCase[];
    const now = Date.now();
    return Array.isArray(raw) ? raw.filter((r) => r && r.token && Date.parse(r.expiresAt) > now) : [];
  } catch {
    return [];
  }
}

let snapshot: RememberedCase[] = typeof localStorage === 'undefined' ? [] : read();

function write(list: RememberedCase[]) {
  localStorage.setItem(KEY, JSON.stringify(list));
  snapshot = list;
  listeners.forEach((l) => l());
}

export function useRememberedCases() {
  const list = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
  const remember = useCallback((c: RememberedCase) => {
    write([c, ...read().filter((r) => r.caseNo !== c.caseNo)].slice(0, 20));
  }, []);
  const forget = useCallback((caseNo: string) => write(read().filter((r) => r.caseNo !== caseNo)), []);
  /** Keeps a remembered case's link fresh (each look at a case issues a new one). */
  const refresh = useCallback((c: RememberedCase) => {
    const current = read();
    if (current.some((r) => r.caseNo === c.caseNo && r.token !== c.token))
      write(current.map((r) => (r.caseNo === c.caseNo ? c : r)));
  }, []);
  return { list, remember, forget, refresh };
}
