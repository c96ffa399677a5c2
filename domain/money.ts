// Money in integer fen (分). Yuan amounts are decimals with at most two places — the same exact
// two-decimal arithmetic as areas in centi-m² (./area.ts), so the parser and formatter are shared.
import { formatAreaM2, tryParseAreaM2 } from './area.js';

/** "1280.5" → 128050 fen; null when not a non-negative decimal with at most two places. */
export function parseYuan(text: string): number | null {
  const r = tryParseAreaM2(text);
  return r.ok ? r.centi : null;
}

/** 128050 fen → "1280.50". */
export const formatYuan = (fen: number): string => formatAreaM2(fen);
