// When, where and what is reported over the demo year: each day's reports per category by its seasonal weight
// (fewer on days off), in compounds drawn by their size, through the channels that find such problems, at
// plausible hours — plus, in the last weeks, the open work of the demo accounts' queues (花木 and 张江 streets,
// the demo property company's compounds, the 城管 bureau's categories).
import { addDays, fromShanghaiWallClock, isWorkingDay, shanghaiDate } from '../../domain/calendar.js';
import type { CaseReference } from '../modules/cases/cases.reference.js';
import {
  CATEGORY_MIX,
  FOUND_SHARE,
  RESIDENT_CHANNELS,
  weighted,
  type CategoryMix,
} from './case-history.data.js';
import type { HistoryCompound, HistoryPlaces } from './case-history.places.js';
import { prng, type Rng } from './synthetic.js';

export interface PlannedIntake {
  at: Date;
  channel: string;
  categoryCode: string;
  attributes: Record<string, string | boolean>;
  description: string;
  compound: HistoryCompound;
  buildingId: string | undefined;
  /** Extra open work for a demo account's queue. */
  focus: boolean;
}

export interface PlanOptions {
  seed: number;
  start: Date;
  end: Date;
  perCompoundYear: number;
  /** The demo property company (`wuye`): its compounds get open work too. */
  focusCompanyId: string | null;
}

export const FOCUS_STREETS = ['310115016', '310115125']; // 花木街道, 张江镇 (the `huamu` and `zhangjiang` accounts)
const HUAMU = '310115016';
const CHENGGUAN_CATEGORIES = ['illegal_construction', 'rubbish_sorting', 'ebike_stairwell'];
const COMPANY_CATEGORIES = [
  'repair.ordinary',
  'repair.urgent.drain_overflow',
  'repair.urgent.roof_leak',
  'lift',
  'parking',
];
const FOCUS_DAYS = 25;

const seasonOf = (m: CategoryMix, month: number) => m.season?.[month] ?? 1;

/** Compounds drawn by their number of units. */
function compoundPicker(compounds: readonly HistoryCompound[]) {
  const cumulative: number[] = [];
  let total = 0;
  for (const c of compounds) cumulative.push((total += c.units));
  return (r: Rng) => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return compounds[lo];
  };
}

function channelOf(r: Rng, m: CategoryMix, c: HistoryCompound, workingDay: boolean): string {
  for (const found of m.found ?? []) {
    if (found === 'gridInspection' && !workingDay) continue;
    if (found === 'propertyCompany' && !c.companyId) continue;
    if (r.chance(FOUND_SHARE[found])) return found;
  }
  const channel = weighted(r, RESIDENT_CHANNELS);
  // 962121 is the housing-repair hotline, 12319 the urban-construction one: other matters go to 12345.
  if (channel === 'hotline962121' && !m.code.startsWith('repair') && m.code !== 'lift') return 'hotline12345';
  if (channel === 'hotline12319' && !['water_quality', 'repair.urgent.drain_overflow'].includes(m.code))
    return 'hotline12345';
  return channel;
}

/** The minute of the day (Shanghai) a report comes in: office hours for staff, 07:00–23:00 for residents. */
function minuteOf(r: Rng, channel: string, urgent: boolean): number {
  if (channel === 'gridInspection' || channel === 'propertyCompany' || channel === 'departmentReferral')
    return 9 * 60 + r.int(0, 8 * 60);
  if (urgent && r.chance(0.15)) return r.int(0, 24 * 60 - 1);
  return 7 * 60 + Math.floor(((r.next() + r.next() + r.next()) / 3) * 16 * 60);
}

function intake(
  r: Rng,
  m: CategoryMix,
  c: HistoryCompound,
  day: string,
  cal: CaseReference['calendar'],
  focus: boolean,
): PlannedIntake {
  const urgent = m.code.startsWith('repair.urgent');
  const channel = channelOf(r, m, c, isWorkingDay(cal, day));
  const minute = minuteOf(r, channel, urgent);
  const at = new Date(
    fromShanghaiWallClock(`${day}T00:00`).getTime() + minute * 60_000 + r.int(0, 59) * 1000,
  );
  const attributes: Record<string, string | boolean> = {};
  for (const [key, values] of Object.entries(m.attributes ?? {})) attributes[key] = weighted(r, values);
  const buildingId = c.buildingIds.length ? r.pick(c.buildingIds) : undefined;
  const building = buildingId ? `${c.buildingIds.indexOf(buildingId) + 1}号楼` : '';
  const description = r.pick(m.texts).replace('{b}', building);
  return { at, channel, categoryCode: m.code, attributes, description, compound: c, buildingId, focus };
}

export function planIntakes(ref: CaseReference, places: HistoryPlaces, o: PlanOptions): PlannedIntake[] {
  const r = prng(o.seed * 7919 + 17);
  const mix = CATEGORY_MIX.filter((m) => ref.categories.get(m.code)?.active);
  const pick = compoundPicker(places.compounds);
  const perYear = o.perCompoundYear * places.compounds.length;
  const yearWeight = mix.reduce((s, m) => {
    let months = 0;
    for (let month = 1; month <= 12; month++) months += seasonOf(m, month);
    return s + (m.weight * months) / 12;
  }, 0);
  const out: PlannedIntake[] = [];
  const lastDay = shanghaiDate(new Date(o.end.getTime() - 1));
  for (let day = shanghaiDate(o.start); day <= lastDay; day = addDays(day, 1)) {
    const month = Number(day.slice(5, 7));
    const dayFactor = isWorkingDay(ref.calendar, day) ? 1.1 : 0.75;
    for (const m of mix) {
      const expected = ((perYear / 365) * dayFactor * m.weight * seasonOf(m, month)) / yearWeight;
      const n = Math.floor(expected) + (r.next() < expected % 1 ? 1 : 0);
      for (let i = 0; i < n; i++) out.push(intake(r, m, pick(r), day, ref.calendar, false));
    }
  }
  out.push(...focusIntakes(r, ref, places, o, mix));
  return out
    .filter((p) => p.at < o.end && p.at >= o.start)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.compound.id.localeCompare(b.compound.id));
}

/** The open work each demo account finds in its queue on first start. */
function focusIntakes(
  r: Rng,
  ref: CaseReference,
  places: HistoryPlaces,
  o: PlanOptions,
  mix: CategoryMix[],
): PlannedIntake[] {
  const byCode = new Map(mix.map((m) => [m.code, m]));
  const groups: [HistoryCompound[], CategoryMix[], number][] = [
    ...FOCUS_STREETS.map(
      (s) =>
        [places.compounds.filter((c) => c.streetCode === s), mix, 45] as [
          HistoryCompound[],
          CategoryMix[],
          number,
        ],
    ),
    [
      places.compounds.filter((c) => o.focusCompanyId && c.companyId === o.focusCompanyId),
      COMPANY_CATEGORIES.flatMap((code) => byCode.get(code) ?? []),
      55,
    ],
    [
      places.compounds.filter((c) => c.streetCode === HUAMU),
      CHENGGUAN_CATEGORIES.flatMap((code) => byCode.get(code) ?? []),
      24,
    ],
    [places.compounds, CHENGGUAN_CATEGORIES.flatMap((code) => byCode.get(code) ?? []), 14],
  ];
  const out: PlannedIntake[] = [];
  for (const [compounds, categories, count] of groups) {
    if (!compounds.length || !categories.length) continue;
    for (let i = 0; i < count; i++) {
      const day = addDays(shanghaiDate(o.end), -1 - r.int(0, FOCUS_DAYS - 1));
      out.push(intake(r, r.pick(categories), r.pick(compounds), day, ref.calendar, true));
    }
  }
  return out;
}
