// Exact counting of an owners' vote (业主共同决定). Pure; no I/O.
//
// Law (see /work/shared/domain/RULES.md §1.1, §1.2, §2.4):
// - 民法典 Art 278 ¶2 / 《上海市住宅物业管理规定》 Art 18: a decision needs participation (参与表决) by owners
//   holding ≥ 2/3 of the exclusive-part area AND ≥ 2/3 of the owner count ("以上" includes the number,
//   民法典 Art 1259). Approval is then measured against the *participants*:
//     - items 6–8 of Art 278 ¶1 (筹集维修资金, 改建/重建, 改变共有部分用途或经营): ≥ 3/4 of participating area
//       AND ≥ 3/4 of participating persons;
//     - everything else: "过半数" = strictly more than 1/2 of participating area AND of participating persons.
//   《规定》 Art 10 (调整物业管理区域) uses the same quorum and the simple-majority approval.
// - 区分所有权解释 Art 8: a unit's area is the 不动产登记簿 area; if not registered, the surveyed (实测) area;
//   if not surveyed, the area in the sale contract. Modelled as registeredArea ?? surveyedArea ?? contractArea
//   (null and undefined both mean "missing"; a present 0 is taken and then rejected as not positive).
// - 区分所有权解释 Art 9: one exclusive part (专有部分) counts as one person, BUT the developer's unsold units
//   plus its sold-but-undelivered units count together as ONE person, and a buyer owning more than one unit
//   counts as ONE person (the area still sums).
//
// Persons are therefore the distinct `owner` ids among the units: one owner id = one person, whatever the
// number of units. There is deliberately no "developer" flag: the developer is simply one owner id that owns
// many units (the data preparer lists every unsold and every sold-but-not-yet-delivered unit under that id —
// a buyer only becomes an owner on registration or lawful delivery, 区分所有权解释 Art 1). Co-owners of a unit
// (e.g. spouses) must likewise share one owner id.
//
// Participants are the owners who returned a ballot: yes, no or abstain. Abstentions are participants (they
// count in the quorum and in the approval denominators) but not yes-votes. A participant's area is the sum of
// ALL their units' areas.
//
// Representation: areas are integer centi-m² (0.01 m², see ./area.ts) on input; totals in the result are
// `bigint` centi-m² so sums are exact for any size. All threshold tests are cross-multiplied integer
// comparisons (3·p ≥ 2·t, 4·y ≥ 3·p, 2·y > p) — no division, no floating point.

import { formatAreaM2, tryParseAreaM2 } from './area.js';

export const MATTERS = [
  'rules_of_procedure', // Art 278 ¶1 (一) 制定和修改业主大会议事规则
  'management_statute', // (二) 制定和修改管理规约
  'elect_committee', // (三) 选举业主委员会或者更换业主委员会成员
  'hire_or_dismiss_manager', // (四) 选聘和解聘物业服务企业或者其他管理人
  'use_fund', // (五) 使用建筑物及其附属设施的维修资金
  'raise_fund', // (六) 筹集建筑物及其附属设施的维修资金            → 3/4
  'rebuild', // (七) 改建、重建建筑物及其附属设施                   → 3/4
  'change_common_use', // (八) 改变共有部分的用途或者利用共有部分从事经营活动 → 3/4
  'adjust_management_area', // 《规定》 Art 10 调整物业管理区域 (majority)
  'other_major', // (九) 有关共有和共同管理权利的其他重大事项 (incl. 处分共有部分, 区分所有权解释 Art 7)
  'adjust_fees', // 调整物业收费标准 (《规定》 Art 28 ¶4 (二) names it; Art 278 (九), majority)
  'early_reelection', // 提前换届改选 (《规定》 Art 32 ¶2–3; Art 278 (三), majority)
] as const;
export type Matter = (typeof MATTERS)[number];

export type ApprovalRule = 'majority' | 'three_quarters';

export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

const THREE_QUARTER_MATTERS: ReadonlySet<Matter> = new Set<Matter>([
  'raise_fund',
  'rebuild',
  'change_common_use',
]);
const MATTER_SET: ReadonlySet<string> = new Set<string>(MATTERS);
const CHOICE_SET: ReadonlySet<string> = new Set<string>(CHOICES);

export function isMatter(value: unknown): value is Matter {
  return typeof value === 'string' && MATTER_SET.has(value);
}

export function isChoice(value: unknown): value is Choice {
  return typeof value === 'string' && CHOICE_SET.has(value);
}

/** 民法典 Art 278 ¶2: 3/4 for items 6–8, "过半数" for everything else. */
export function ruleFor(matter: Matter): ApprovalRule {
  return THREE_QUARTER_MATTERS.has(matter) ? 'three_quarters' : 'majority';
}

/** One 专有部分. Areas in integer centi-m²; the first of registered/surveyed/contract that is not null/undefined is used. */
export interface TallyUnit {
  id: string;
  owner: string;
  registeredArea?: number | null;
  surveyedArea?: number | null;
  contractArea?: number | null;
}

export interface TallyBallot {
  owner: string;
  choice: Choice;
}

export interface TallyInput {
  matter: Matter;
  units: readonly TallyUnit[];
  ballots: readonly TallyBallot[];
}

/** Areas are exact bigint centi-m²; persons are counts of distinct owner ids. */
export interface TallyResult {
  matter: Matter;
  rule: ApprovalRule;
  totalArea: bigint;
  totalPersons: number;
  participatingArea: bigint;
  participatingPersons: number;
  yesArea: bigint;
  yesPersons: number;
  quorumMet: boolean;
  passed: boolean;
}

/** The result as JSON (the `gongzhi tally` output): areas as m² strings with exactly two decimals. */
export interface TallyResultJson {
  matter: Matter;
  rule: ApprovalRule;
  totalArea: string;
  totalPersons: number;
  participatingArea: string;
  participatingPersons: number;
  yesArea: string;
  yesPersons: number;
  quorumMet: boolean;
  passed: boolean;
}

export const TALLY_PROBLEM_CODES = [
  'tally.invalid_shape', // not an object / not an array / missing required field
  'tally.invalid_id', // unit id, unit owner or ballot owner not a non-empty string
  'tally.unknown_field', // a key the format does not define (a misspelt area field must not fall through silently)
  'tally.unknown_matter',
  'tally.unknown_choice',
  'tally.empty_units',
  'tally.duplicate_unit_id',
  'tally.invalid_area', // not a non-negative number with at most two decimals (m²) / not a safe integer (centi-m²)
  'tally.unit_without_area',
  'tally.unit_area_not_positive',
  'tally.ballot_unknown_owner',
  'tally.duplicate_ballot',
] as const;
export type TallyProblemCode = (typeof TALLY_PROBLEM_CODES)[number];

/**
 * One thing wrong with a tally input. `path` locates it (`units[3].registeredArea`, `ballots[0].owner`,
 * `matter`; '' = the whole document); `message` is English and names the offending id; `params` carries the
 * values a translated message needs.
 */
export interface TallyProblem {
  path: string;
  code: TallyProblemCode;
  message: string;
  params?: Record<string, string | number>;
}

export type TallyValidation = { ok: true; value: TallyInput } | { ok: false; problems: TallyProblem[] };

/** Thrown by {@link tallyVote} when given an input with problems; validate first to avoid it. */
export class TallyInputError extends Error {
  readonly problems: readonly TallyProblem[];
  constructor(problems: readonly TallyProblem[]) {
    super(
      `invalid tally input: ${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
    );
    this.name = 'TallyInputError';
    this.problems = problems;
  }
}

const AREA_FIELDS = ['registeredArea', 'surveyedArea', 'contractArea'] as const;
type AreaField = (typeof AREA_FIELDS)[number];

/** The area used for a unit (区分所有权解释 Art 8): registered, else surveyed, else contract. */
export function unitArea(unit: TallyUnit): { field: AreaField; centi: number } | null {
  for (const field of AREA_FIELDS) {
    const v = unit[field];
    if (v !== null && v !== undefined) return { field, centi: v };
  }
  return null;
}

interface Analysis {
  problems: TallyProblem[];
  result: TallyResult | null;
}

// Validation and counting in one pass over the units and one over the ballots (Maps; O(units + ballots)).
// Sums are accumulated as doubles, which is exact while the total stays ≤ Number.MAX_SAFE_INTEGER (all
// addends are non-negative safe integers, so every partial sum is ≤ the total); beyond that — ≈ 9×10^13 m²,
// never for real data — the sums are recomputed with bigint.
function analyse(input: TallyInput): Analysis {
  const problems: TallyProblem[] = [];
  const { matter, units, ballots } = input;
  if (!isMatter(matter)) {
    problems.push({
      path: 'matter',
      code: 'tally.unknown_matter',
      message: `unknown matter ${show(matter)} (expected one of: ${MATTERS.join(', ')})`,
      params: { matter: String(matter) },
    });
  }
  if (units.length === 0) {
    problems.push({ path: 'units', code: 'tally.empty_units', message: 'the units list is empty' });
  }

  const unitIndexById = new Map<string, number>();
  const ownerArea = new Map<string, number>();
  let totalArea = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const prev = unitIndexById.get(u.id);
    if (prev !== undefined) {
      problems.push({
        path: `units[${i}].id`,
        code: 'tally.duplicate_unit_id',
        message: `unit id ${show(u.id)} appears more than once (units[${prev}] and units[${i}])`,
        params: { unitId: u.id, first: prev, index: i },
      });
    } else {
      unitIndexById.set(u.id, i);
    }
    let centi = 0;
    const chosen = unitArea(u);
    if (chosen === null) {
      problems.push({
        path: `units[${i}]`,
        code: 'tally.unit_without_area',
        message: `unit ${show(u.id)} has no area (registeredArea, surveyedArea and contractArea are all missing)`,
        params: { unitId: u.id },
      });
    } else if (!Number.isSafeInteger(chosen.centi) || chosen.centi < 0) {
      problems.push({
        path: `units[${i}].${chosen.field}`,
        code: 'tally.invalid_area',
        message: `unit ${show(u.id)}: ${chosen.field} ${String(chosen.centi)} is not a non-negative whole number of centi-m²`,
        params: { unitId: u.id, field: chosen.field },
      });
    } else if (chosen.centi === 0) {
      problems.push({
        path: `units[${i}].${chosen.field}`,
        code: 'tally.unit_area_not_positive',
        message: `unit ${show(u.id)}: ${chosen.field} is 0; a unit must have a positive area to be counted`,
        params: { unitId: u.id, field: chosen.field },
      });
    } else {
      centi = chosen.centi;
    }
    totalArea += centi;
    ownerArea.set(u.owner, (ownerArea.get(u.owner) ?? 0) + centi);
  }

  const ballotIndexByOwner = new Map<string, number>();
  let participatingArea = 0;
  let yesArea = 0;
  let participatingPersons = 0;
  let yesPersons = 0;
  for (let i = 0; i < ballots.length; i++) {
    const b = ballots[i];
    let ok = true;
    if (!isChoice(b.choice)) {
      ok = false;
      problems.push({
        path: `ballots[${i}].choice`,
        code: 'tally.unknown_choice',
        message: `ballot ballots[${i}] of owner ${show(b.owner)} has unknown choice ${show(b.choice)} (expected yes, no or abstain)`,
        params: { owner: String(b.owner), index: i, choice: String(b.choice) },
      });
    }
    const area = ownerArea.get(b.owner);
    if (area === undefined) {
      problems.push({
        path: `ballots[${i}].owner`,
        code: 'tally.ballot_unknown_owner',
        message: `ballot ballots[${i}] is for owner ${show(b.owner)}, who owns no unit`,
        params: { owner: b.owner, index: i },
      });
      continue;
    }
    const prev = ballotIndexByOwner.get(b.owner);
    if (prev !== undefined) {
      problems.push({
        path: `ballots[${i}].owner`,
        code: 'tally.duplicate_ballot',
        message: `owner ${show(b.owner)} has more than one ballot (ballots[${prev}] and ballots[${i}])`,
        params: { owner: b.owner, first: prev, index: i },
      });
      continue;
    }
    ballotIndexByOwner.set(b.owner, i);
    if (!ok) continue;
    participatingPersons++;
    participatingArea += area;
    if (b.choice === 'yes') {
      yesPersons++;
      yesArea += area;
    }
  }

  if (problems.length > 0 || !isMatter(matter)) return { problems, result: null };

  let total = BigInt(totalArea);
  let participating = BigInt(participatingArea);
  let yes = BigInt(yesArea);
  if (totalArea > Number.MAX_SAFE_INTEGER) [total, participating, yes] = exactSums(input);

  const totalPersons = ownerArea.size;
  const rule = ruleFor(matter);
  const quorumMet = 3n * participating >= 2n * total && 3 * participatingPersons >= 2 * totalPersons;
  const approved =
    participatingPersons > 0 &&
    (rule === 'three_quarters'
      ? 4n * yes >= 3n * participating && 4 * yesPersons >= 3 * participatingPersons
      : 2n * yes > participating && 2 * yesPersons > participatingPersons);
  return {
    problems,
    result: {
      matter,
      rule,
      totalArea: total,
      totalPersons,
      participatingArea: participating,
      participatingPersons,
      yesArea: yes,
      yesPersons,
      quorumMet,
      passed: quorumMet && approved,
    },
  };
}

/** [total, participating, yes] area in bigint, for a *valid* input whose total exceeds 2^53 − 1 centi-m². */
function exactSums(input: TallyInput): [bigint, bigint, bigint] {
  const ownerArea = new Map<string, bigint>();
  let total = 0n;
  for (const u of input.units) {
    const a = BigInt(unitArea(u)!.centi);
    total += a;
    ownerArea.set(u.owner, (ownerArea.get(u.owner) ?? 0n) + a);
  }
  let participating = 0n;
  let yes = 0n;
  for (const b of input.ballots) {
    const a = ownerArea.get(b.owner)!;
    participating += a;
    if (b.choice === 'yes') yes += a;
  }
  return [total, participating, yes];
}

/** Semantic problems of an already-typed input (duplicates, missing areas, unknown owners, …); [] when valid. */
export function checkTallyInput(input: TallyInput): TallyProblem[] {
  return analyse(input).problems;
}

/**
 * Counts a vote. Throws {@link TallyInputError} (with typed problems) when the input is invalid; use
 * {@link validateTallyInput} / {@link checkTallyInput} first to get the problems without throwing.
 * Passed = quorum met AND approval met; nobody participating never passes.
 */
export function tallyVote(input: TallyInput): TallyResult {
  const { problems, result } = analyse(input);
  if (result === null) throw new TallyInputError(problems);
  return result;
}

export function tallyResultToJson(r: TallyResult): TallyResultJson {
  return {
    matter: r.matter,
    rule: r.rule,
    totalArea: formatAreaM2(r.totalArea),
    totalPersons: r.totalPersons,
    participatingArea: formatAreaM2(r.participatingArea),
    participatingPersons: r.participatingPersons,
    yesArea: formatAreaM2(r.yesArea),
    yesPersons: r.yesPersons,
    quorumMet: r.quorumMet,
    passed: r.passed,
  };
}

const UNIT_KEYS: ReadonlySet<string> = new Set(['id', 'owner', ...AREA_FIELDS]);
const BALLOT_KEYS: ReadonlySet<string> = new Set(['owner', 'choice']);
const TOP_KEYS: ReadonlySet<string> = new Set(['matter', 'units', 'ballots']);

/**
 * Parses the JSON document shape used by `gongzhi tally` (areas in m² as JSON numbers with at most two
 * decimals; a decimal string is also accepted) into a {@link TallyInput} with centi-m² areas, and runs all the
 * semantic checks. On success {@link tallyVote} on `value` will not throw.
 *
 * Note: `JSON.parse` has already turned the number text into a double, so "at most two decimals" is checked on
 * the number's shortest round-trip form `String(n)` (12.345 → rejected; 1e3 → "1000", accepted here — callers
 * holding the original text can check it, as the CLI does).
 */
export function validateTallyInput(raw: unknown): TallyValidation {
  const problems: TallyProblem[] = [];
  if (!isRecord(raw)) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          code: 'tally.invalid_shape',
          message: `the input must be a JSON object, not ${kind(raw)}`,
        },
      ],
    };
  }
  unknownKeys(raw, TOP_KEYS, '', 'the input', problems);

  const matter = raw.matter;
  if (matter === undefined) {
    problems.push({ path: 'matter', code: 'tally.invalid_shape', message: 'the input has no "matter"' });
  } else if (!isMatter(matter)) {
    problems.push({
      path: 'matter',
      code: 'tally.unknown_matter',
      message: `unknown matter ${show(matter)} (expected one of: ${MATTERS.join(', ')})`,
      params: { matter: String(matter) },
    });
  }

  const units: TallyUnit[] = [];
  let unitsOk = true;
  if (!Array.isArray(raw.units)) {
    unitsOk = false;
    problems.push({
      path: 'units',
      code: 'tally.invalid_shape',
      message: `"units" must be an array, not ${kind(raw.units)}`,
    });
  } else {
    raw.units.forEach((u: unknown, i: number) => {
      const unit = parseUnit(u, i, problems);
      if (unit) units.push(unit);
      else unitsOk = false;
    });
  }

  const ballots: TallyBallot[] = [];
  let ballotsOk = true;
  if (!Array.isArray(raw.ballots)) {
    ballotsOk = false;
    problems.push({
      path: 'ballots',
      code: 'tally.invalid_shape',
      message: `"ballots" must be an array, not ${kind(raw.ballots)}`,
    });
  } else {
    raw.ballots.forEach((b: unknown, i: number) => {
      const ballot = parseBallot(b, i, problems);
      if (ballot) ballots.push(ballot);
      else ballotsOk = false;
    });
  }

  // Semantic checks need complete, well-typed lists (indices in messages must match the input's).
  if (unitsOk && ballotsOk) {
    for (const p of checkTallyInput({ matter: MATTERS[0], units, ballots })) problems.push(p);
  } else if (unitsOk && units.length === 0) {
    problems.push({ path: 'units', code: 'tally.empty_units', message: 'the units list is empty' });
  }
  if (problems.length > 0 || !isMatter(matter)) return { ok: false, problems };
  return { ok: true, value: { matter, units, ballots } };
}

function parseUnit(u: unknown, i: number, problems: TallyProblem[]): TallyUnit | null {
  const path = `units[${i}]`;
  if (!isRecord(u)) {
    problems.push({
      path,
      code: 'tally.invalid_shape',
      message: `${path} must be an object, not ${kind(u)}`,
    });
    return null;
  }
  let ok = true;
  const idOk = isId(u.id);
  const label = idOk ? `unit ${show(u.id)}` : path;
  if (!idOk) {
    ok = false;
    problems.push({
      path: `${path}.id`,
      code: 'tally.invalid_id',
      message: `${path}: "id" must be a non-empty string, not ${kind(u.id)}`,
      params: { index: i },
    });
  }
  if (!isId(u.owner)) {
    ok = false;
    problems.push({
      path: `${path}.owner`,
      code: 'tally.invalid_id',
      message: `${label}: "owner" must be a non-empty string, not ${kind(u.owner)}`,
      params: { index: i },
    });
  }
  unknownKeys(u, UNIT_KEYS, path, label, problems);
  const unit: TallyUnit = { id: u.id as string, owner: u.owner as string };
  for (const field of AREA_FIELDS) {
    if (!(field in u)) continue;
    const v = u[field];
    if (v === null || v === undefined) {
      unit[field] = null;
      continue;
    }
    if (typeof v !== 'number' && typeof v !== 'string') {
      ok = false;
      problems.push({
        path: `${path}.${field}`,
        code: 'tally.invalid_area',
        message: `${label}: ${field} must be a number of m² or null, not ${kind(v)}`,
        params: { unitId: idOk ? (u.id as string) : '', index: i, field },
      });
      continue;
    }
    const r = tryParseAreaM2(v);
    if (!r.ok) {
      ok = false;
      problems.push({
        path: `${path}.${field}`,
        code: 'tally.invalid_area',
        message: `${label}: ${field} ${r.message}`,
        params: { unitId: idOk ? (u.id as string) : '', index: i, field, reason: r.reason },
      });
      continue;
    }
    unit[field] = r.centi;
  }
  return ok ? unit : null;
}

function parseBallot(b: unknown, i: number, problems: TallyProblem[]): TallyBallot | null {
  const path = `ballots[${i}]`;
  if (!isRecord(b)) {
    problems.push({
      path,
      code: 'tally.invalid_shape',
      message: `${path} must be an object, not ${kind(b)}`,
    });
    return null;
  }
  let ok = true;
  if (!isId(b.owner)) {
    ok = false;
    problems.push({
      path: `${path}.owner`,
      code: 'tally.invalid_id',
      message: `${path}: "owner" must be a non-empty string, not ${kind(b.owner)}`,
      params: { index: i },
    });
  }
  const label = ok ? `ballot ${path} of owner ${show(b.owner)}` : path;
  unknownKeys(b, BALLOT_KEYS, path, label, problems);
  if (!isChoice(b.choice)) {
    ok = false;
    problems.push({
      path: `${path}.choice`,
      code: 'tally.unknown_choice',
      message: `${label} has unknown choice ${show(b.choice)} (expected yes, no or abstain)`,
      params: { index: i, choice: String(b.choice) },
    });
  }
  return ok ? { owner: b.owner as string, choice: b.choice as Choice } : null;
}

function unknownKeys(
  obj: Record<string, unknown>,
  allowed: ReadonlySet<string>,
  path: string,
  label: string,
  problems: TallyProblem[],
): void {
  for (const key of Object.keys(obj)) {
    // Extra descriptive fields (a unit's building, a file's title) are tolerated; only a key that looks
    // like a misspelt area field is refused, because it would silently fall through to the next area.
    if (allowed.has(key) || !/area/i.test(key)) continue;
    problems.push({
      path: path ? `${path}.${key}` : key,
      code: 'tally.unknown_field',
      message: `${label} has an unknown field ${JSON.stringify(key)} (allowed: ${[...allowed].join(', ')})`,
      params: { field: key },
    });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return `a${typeof v === 'object' ? 'n' : ''} ${typeof v}`;
}

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
