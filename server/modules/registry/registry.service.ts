// Registry use cases. Each starts with its access check; writes are audited in their transaction.
import { naturalCompare, naturallySorted } from '../../../domain/natural-order.js';
import { maskIdNumber, maskPhone, ownerIdsOf } from '../../../domain/access.js';
import { formatAreaM2, parseAreaM2 } from '../../../domain/area.js';
import type { Actor } from '../../platform/http/context.js';
import { auditActor, requirePermission } from '../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { updateVersioned } from '../../platform/db/writes.js';
import { newId } from '../../platform/ids.js';
import * as repo from './registry.repo.js';
import { ownerListGrants, readGrants, requireWriteInDivision } from './registry.policy.js';

const area = (v: number | null) => (v === null || v === undefined ? null : formatAreaM2(v));

export async function listDivisions(deps: Deps, actor: Actor, filter: { parent?: string; level?: string }) {
  readGrants(actor);
  const rows = await repo.listDivisions(deps.database.db, filter);
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }));
}

type OrgRow = NonNullable<Awaited<ReturnType<typeof repo.findOrganisation>>>;
const presentOrganisation = (r: OrgRow, coverage?: string[]) => ({
  id: r.id,
  type: r.type,
  kind: r.kind,
  name: r.name,
  shortName: r.short_name,
  divisionCode: r.division_code,
  divisionName: r.division_name ?? null,
  parentId: r.parent_id,
  creditCode: r.credit_code,
  phone: r.phone,
  address: r.address,
  ...(coverage ? { coverage } : {}),
  version: r.version,
});

/** A division by its code, inside the caller's transaction (no access check: the division list is public). */
export const divisionByCode = (db: Executor, code: string) => repo.findDivision(db, code);

/** An organisation and its branches and project offices: who acts for a company (no access check: ids come from the caller's own grants). */
export function organisationsUnder(deps: Deps, orgIds: readonly string[]): Promise<string[]> {
  return orgIds.length ? repo.withDescendants(deps.database.db, orgIds) : Promise.resolve([]);
}

/** The organisation directory is public to every signed-in user (offices, departments, companies). */
export async function listOrganisations(
  deps: Deps,
  actor: Actor,
  f: { type?: string; division?: string; parent?: string; q?: string; cursor?: string; limit: number },
) {
  readGrants(actor);
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await repo.listOrganisations(deps.database.db, { ...f, after });
  const page = pageFrom(rows, f.limit, (r) => [r.name, r.id]);
  return { items: page.items.map((r) => presentOrganisation(r)), nextCursor: page.nextCursor };
}

export async function getOrganisation(deps: Deps, actor: Actor, id: string) {
  readGrants(actor);
  const row = await repo.findOrganisation(deps.database.db, id);
  if (!row) throw notFound('registry.organisation_not_found');
  return presentOrganisation(row, await repo.coverageOf(deps.database.db, id));
}

async function checkOrganisationRefs(
  db: Executor,
  input: { divisionCode?: string; parentId?: string | null; coverage?: string[] },
) {
  if (input.divisionCode && !(await repo.findDivision(db, input.divisionCode))) {
    throw badRequest('registry.division_unknown', { code: input.divisionCode });
  }
  if (input.parentId && !(await repo.findOrganisation(db, input.parentId)))
    throw badRequest('registry.parent_invalid');
  for (const code of input.coverage ?? []) {
    const d = await repo.findDivision(db, code);
    if (!d) throw badRequest('registry.division_unknown', { code });
  }
}

export async function createOrganisation(
  deps: Deps,
  actor: Actor,
  input: {
    type: string;
    kind: string | null;
    name: string;
    shortName: string | null;
    divisionCode: string;
    parentId: string | null;
    creditCode: string | null;
    phone: string | null;
    address: string | null;
    coverage: string[];
  },
  requestId: string,
) {
  requireWriteInDivision(actor, input.divisionCode);
  const id = newId();
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await checkOrganisationRefs(trx, input);
    const row = {
      id,
      type: input.type,
      kind: input.kind,
      name: input.name,
      short_name: input.shortName,
      division_code: input.divisionCode,
      parent_id: input.parentId,
      credit_code: input.creditCode,
      phone: input.phone,
      address: input.address,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertOrganisation(trx, row);
    await repo.replaceCoverage(trx, id, input.coverage);
    await audit({
      action: 'registry.organisation.create',
      targetType: 'organisation',
      targetId: id,
      after: { ...row, coverage: input.coverage },
    });
  });
  return getOrganisation(deps, actor, id);
}

export async function updateOrganisation(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: Partial<Parameters<typeof createOrganisation>[2]> & { version: number },
  requestId: string,
) {
  requirePermission(actor, 'registry.write');
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const before = await repo.findOrganisation(trx, id);
    if (!before) throw notFound('registry.organisation_not_found');
    requireWriteInDivision(actor, before.division_code);
    if (patch.divisionCode) requireWriteInDivision(actor, patch.divisionCode);
    await checkOrganisationRefs(trx, patch);
    const changes = {
      ...(patch.type !== undefined && { type: patch.type }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.shortName !== undefined && { short_name: patch.shortName }),
      ...(patch.divisionCode !== undefined && { division_code: patch.divisionCode }),
      ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
      ...(patch.creditCode !== undefined && { credit_code: patch.creditCode }),
      ...(patch.phone !== undefined && { phone: patch.phone }),
      ...(patch.address !== undefined && { address: patch.address }),
    };
    await updateVersioned(
      trx,
      'organisations',
      id,
      patch.version,
      { ...changes, updated_at: now },
      presentOrganisation(before),
    );
    if (patch.coverage) await repo.replaceCoverage(trx, id, patch.coverage);
    await audit({
      action: 'registry.organisation.update',
      targetType: 'organisation',
      targetId: id,
      before,
      after: { ...changes, coverage: patch.coverage },
    });
  });
  return getOrganisation(deps, actor, id);
}

type CompoundListRow = Awaited<ReturnType<typeof repo.listCompounds>>[number];
const presentCompoundListItem = (r: CompoundListRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  address: r.address,
  districtCode: r.district_code,
  districtName: r.district_name,
  streetCode: r.street_code,
  streetName: r.street_name,
  buildingArea: formatAreaM2(r.building_area),
  unitCount: Number(r.unit_count ?? 0),
  propertyCompanyName: r.company_name ?? null,
});

export async function listCompounds(
  deps: Deps,
  actor: Actor,
  f: { district?: string; street?: string; q?: string; cursor?: string; limit: number },
) {
  const grants = readGrants(actor);
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const db = deps.database.db;
  const [rows, total] = await Promise.all([
    repo.listCompounds(db, grants, { ...f, after }),
    repo.countCompounds(db, grants, f),
  ]);
  const page = pageFrom(rows, f.limit, (r) => [r.name, r.id]);
  return { items: page.items.map(presentCompoundListItem), nextCursor: page.nextCursor, total };
}

export async function getCompound(deps: Deps, actor: Actor, id: string) {
  const grants = readGrants(actor);
  const db = deps.database.db;
  const row = await repo.findCompound(db, grants, id);
  if (!row) throw notFound('registry.compound_not_found');
  const contracts = await repo.contractsOfCompound(db, id);
  return {
    ...presentCompoundListItem(row),
    residentsCommitteeId: row.residents_committee_id,
    residentsCommitteeName: row.rc_name ?? null,
    gridCellId: row.grid_cell_id,
    gridCellName: row.grid_name ?? null,
    lat: row.lat,
    lng: row.lng,
    firstDeliveryOn: row.first_delivery_on,
    managementAreaName: row.management_area_name,
    buildingCount: Number(row.building_count ?? 0),
    ownerCount: Number(row.owner_count ?? 0),
    contracts: contracts.map((c) => ({
      id: c.id,
      companyId: c.company_id,
      companyName: c.company_name,
      projectOfficeName: c.project_office_name ?? null,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      serviceLevel: c.service_level,
    })),
    version: row.version,
  };
}

async function requireStreet(db: Executor, code: string) {
  const street = await repo.findDivision(db, code);
  if (!street) throw badRequest('registry.division_unknown', { code });
  if (!['street', 'town', 'township'].includes(street.level) || !street.parent_code) {
    throw badRequest('registry.street_required', { code });
  }
  return street;
}

async function checkResidentsCommittee(db: Executor, id: string | null | undefined, streetCode: string) {
  if (!id) return;
  const rc = await repo.findOrganisation(db, id);
  if (!rc || rc.type !== 'residents_committee' || rc.division_code !== streetCode) {
    throw badRequest('registry.residents_committee_invalid');
  }
}

const toCenti = (v: string | number) => {
  try {
    return parseAreaM2(v);
  } catch {
    throw badRequest('common.validation', { fields: 'buildingArea' });
  }
};

export interface CompoundInput {
  code: string;
  name: string;
  address: string;
  streetCode: string;
  residentsCommitteeId: string | null;
  lat: number | null;
  lng: number | null;
  buildingArea: string | number;
  firstDeliveryOn: string | null;
  managementAreaName: string | null;
}

export async function createCompound(deps: Deps, actor: Actor, input: CompoundInput, requestId: string) {
  requireWriteInDivision(actor, input.streetCode);
  const id = newId();
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const street = await requireStreet(trx, input.streetCode);
    await checkResidentsCommittee(trx, input.residentsCommitteeId, input.streetCode);
    if (await repo.compoundIdByCode(trx, input.code))
      throw new AppError('registry.compound_code_taken', 409, { code: input.code });
    const row = {
      id,
      code: input.code,
      name: input.name,
      address: input.address,
      district_code: street.parent_code!,
      street_code: input.streetCode,
      residents_committee_id: input.residentsCommitteeId,
      grid_cell_id: null,
      lat: input.lat,
      lng: input.lng,
      building_area: toCenti(input.buildingArea),
      first_delivery_on: input.firstDeliveryOn,
      management_area_name: input.managementAreaName,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertCompound(trx, row);
    await audit({ action: 'registry.compound.create', targetType: 'compound', targetId: id, after: row });
  });
  return getCompound(deps, actor, id);
}

export async function updateCompound(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: Partial<Omit<CompoundInput, 'code'>> & { version: number },
  requestId: string,
) {
  const grants = readGrants(actor);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const visible = await repo.findCompound(trx, grants, id);
    if (!visible) throw notFound('registry.compound_not_found');
    const before = (await repo.findCompoundRow(trx, id))!;
    requireWriteInDivision(actor, before.street_code);
    const streetCode = patch.streetCode ?? before.street_code;
    let districtCode = before.district_code;
    if (patch.streetCode) {
      requireWriteInDivision(actor, patch.streetCode);
      districtCode = (await requireStreet(trx, patch.streetCode)).parent_code!;
    }
    if (patch.residentsCommitteeId !== undefined || patch.streetCode) {
      await checkResidentsCommittee(
        trx,
        patch.residentsCommitteeId ?? before.residents_committee_id,
        streetCode,
      );
    }
    const changes = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.address !== undefined && { address: patch.address }),
      ...(patch.streetCode !== undefined && { street_code: streetCode, district_code: districtCode }),
      ...(patch.residentsCommitteeId !== undefined && { residents_committee_id: patch.residentsCommitteeId }),
      ...(patch.lat !== undefined && { lat: patch.lat }),
      ...(patch.lng !== undefined && { lng: patch.lng }),
      ...(patch.buildingArea !== undefined && { building_area: toCenti(patch.buildingArea) }),
      ...(patch.firstDeliveryOn !== undefined && { first_delivery_on: patch.firstDeliveryOn }),
      ...(patch.managementAreaName !== undefined && { management_area_name: patch.managementAreaName }),
    };
    await updateVersioned(
      trx,
      'compounds',
      id,
      patch.version,
      { ...changes, updated_at: now },
      {
        currentVersion: before.version,
      },
    );
    await audit({
      action: 'registry.compound.update',
      targetType: 'compound',
      targetId: id,
      before,
      after: changes,
    });
  });
  return getCompound(deps, actor, id);
}

export async function listBuildings(deps: Deps, actor: Actor, compoundId: string) {
  const grants = readGrants(actor);
  const db = deps.database.db;
  if (!(await repo.findCompound(db, grants, compoundId))) throw notFound('registry.compound_not_found');
  const rows = naturallySorted(await repo.buildingsOfCompound(db, compoundId), (b) => b.name);
  return rows.map((b) => ({
    id: b.id,
    compoundId: b.compound_id,
    name: b.name,
    floors: b.floors,
    unitCount: Number(b.unit_count ?? 0),
  }));
}

export async function listUnits(deps: Deps, actor: Actor, buildingId: string) {
  const grants = readGrants(actor);
  const db = deps.database.db;
  if (!(await repo.findBuilding(db, grants, buildingId))) throw notFound('registry.building_not_found');
  const units = naturallySorted(await repo.unitsOfBuilding(db, buildingId), (u) => u.number);
  const owners = await repo.ownersOfUnits(
    db,
    units.map((u) => u.id),
  );
  // Owners' names are shown to staff; an owner-scoped user sees only their own name beside their units.
  const staff = actor.grants.some((g) => g.scopeType !== 'own_units');
  const ownId = actor.grants.find((g) => g.scopeType === 'own_units')?.scopeId;
  return units.map((u) => ({
    id: u.id,
    buildingId: u.building_id,
    number: u.number,
    use: u.use,
    registeredArea: area(u.registered_area),
    surveyedArea: area(u.surveyed_area),
    contractArea: area(u.contract_area),
    deliveredOn: u.delivered_on,
    entrance: u.entrance,
    owners: owners
      .filter((o) => o.unit_id === u.id && (staff || o.id === ownId))
      .map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
  }));
}

/**
 * The signed-in owner's own units (owners → units → buildings → compound), sorted naturally by compound,
 * building and number. Only an account with an own-units grant has any; staff get 403 (they have lists).
 */
export async function listOwnUnits(deps: Deps, actor: Actor) {
  readGrants(actor);
  const ownerIds = ownerIdsOf(actor.grants);
  if (ownerIds.length === 0) throw new AppError('auth.forbidden', 403);
  const rows = await repo.ownUnitsOf(deps.database.db, ownerIds);
  const sorted = [...rows].sort(
    (a, b) =>
      naturalCompare(a.compound_name, b.compound_name) ||
      naturalCompare(a.building_name, b.building_name) ||
      naturalCompare(a.number, b.number),
  );
  return sorted.map((u) => ({
    unitId: u.unit_id,
    unitNumber: u.number,
    buildingId: u.building_id,
    buildingName: u.building_name,
    compoundId: u.compound_id,
    compoundName: u.compound_name,
    streetName: u.street_name,
    label: `${u.building_name} ${u.number}`,
  }));
}

export async function listOwners(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  f: { q?: string; cursor?: string; limit: number },
) {
  const grants = ownerListGrants(actor);
  const db = deps.database.db;
  if (!(await repo.findCompound(db, grants, compoundId))) throw notFound('registry.compound_not_found');
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await repo.listOwnersOfCompound(db, compoundId, { ...f, after });
  const page = pageFrom(rows, f.limit, (r) => [r.name, r.id]);
  const labels = await repo.unitLabelsOfOwners(
    db,
    page.items.map((o) => o.id),
    compoundId,
  );
  return {
    items: page.items.map((o) => ({
      id: o.id,
      kind: o.kind,
      name: o.name,
      phone: maskPhone(o.phone),
      idNumber: maskIdNumber(o.id_number),
      units: labels
        .filter((l) => l.owner_id === o.id)
        .map((l) => ({ id: l.id, label: `${l.building_name} ${l.number}` })),
    })),
    nextCursor: page.nextCursor,
  };
}

/** Unmasked phone and ID number: needs pii.reveal within scope, and every reveal is audited. */
export async function revealOwner(deps: Deps, actor: Actor, ownerId: string, requestId: string) {
  const grants = requirePermission(actor, 'pii.reveal');
  return writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const owner = await repo.findOwnerInScope(trx, grants, ownerId);
    if (!owner) throw notFound('registry.owner_not_found');
    await audit({
      action: 'registry.owner.reveal',
      targetType: 'owner',
      targetId: ownerId,
      after: { fields: ['phone', 'idNumber'] },
    });
    return { id: owner.id, phone: owner.phone, idNumber: owner.id_number };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Bulk import (transfer module): the registry is the only writer of its tables.

/** A registry row to insert, validated by the importer. */
export interface RegistryInsert {
  table: repo.RegistryTable;
  row: Record<string, unknown>;
}

/**
 * Writes validated import rows inside the importer's transaction, parents first. The importer (transfer)
 * has already checked `registry.import` and each row's scope; it audits the import as one record.
 */
export async function insertImportedRows(database: Database, trx: Executor, rows: readonly RegistryInsert[]) {
  await repo.bulkInsert(database, trx, rows);
}
