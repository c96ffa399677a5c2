// Cached registry lookups for the intake hot path (location and routing). Compounds, contracts and
// organisation coverage change rarely; a routing decision made on data up to 5 s old is acceptable
// and is recorded on the case with the rule that made it. One cache set per database handle.
import type { Executor } from '../../../platform/db/database.js';
import { REFERENCE_FRESHNESS_MS, ttlCache, type TtlCache } from '../../../platform/cache.js';
import * as repo from '../cases.repo.js';
import * as intakeRepo from './intake.repo.js';

const TTL_MS = REFERENCE_FRESHNESS_MS;

type Loaded<F extends (...args: any[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

interface Caches {
  compound: TtlCache<Loaded<typeof repo.compoundLocation>>;
  provider: TtlCache<Loaded<typeof intakeRepo.currentServiceProvider>>;
  covering: TtlCache<Loaded<typeof intakeRepo.organisationsCovering>>;
  organisation: TtlCache<Loaded<typeof repo.organisationsByIds>[number] | undefined>;
}

const byDatabase = new WeakMap<object, Caches>();

function caches(db: Executor): Caches {
  let c = byDatabase.get(db);
  if (!c) {
    c = {
      compound: ttlCache(TTL_MS),
      provider: ttlCache(TTL_MS),
      covering: ttlCache(TTL_MS),
      organisation: ttlCache(TTL_MS),
    };
    byDatabase.set(db, c);
  }
  return c;
}

export const compoundLocation = (db: Executor, id: string) =>
  caches(db).compound.get(id, () => repo.compoundLocation(db, id));

export const currentServiceProvider = (db: Executor, compoundId: string) =>
  caches(db).provider.get(compoundId, () => intakeRepo.currentServiceProvider(db, compoundId));

export const organisationsCovering = (
  db: Executor,
  orgType: string,
  orgKind: string | null,
  streetCode: string,
) =>
  caches(db).covering.get(`${orgType}|${orgKind ?? ''}|${streetCode}`, () =>
    intakeRepo.organisationsCovering(db, orgType, orgKind, streetCode),
  );

export const organisation = (db: Executor, id: string) =>
  caches(db).organisation.get(id, async () => (await repo.organisationsByIds(db, [id]))[0]);
