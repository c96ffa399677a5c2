// The seeded world the demo case history happens in: compounds of the district (sized by their units, with a
// building or two to name), the street offices that dispatch (派遣方), the district office above them (督办方),
// and every organisation id (for the handlers' lookups). Read once before the history is written.
import type { Executor } from '../platform/db/database.js';

export interface HistoryCompound {
  id: string;
  name: string;
  streetCode: string;
  streetName: string;
  units: number;
  buildingIds: string[];
  /** The company serving it (current contract), if any. */
  companyId: string | null;
  firstDeliveryOn: string | null;
}

export interface HistoryStreet {
  code: string;
  name: string;
  officeId: string;
  officeName: string;
  /** The street's housing office (房管办), the lead where the list names one. */
  housingOfficeId: string | null;
}

export interface HistoryPlaces {
  districtCode: string;
  compounds: HistoryCompound[];
  streets: Map<string, HistoryStreet>;
  /** The district office that supervises the streets (督办): the district housing bureau. */
  supervisorOrgId: string | null;
  /** Every organisation's type, by id. */
  organisationTypes: Map<string, string>;
  organisationNames: Map<string, string>;
}

export async function loadPlaces(db: Executor, districtCode: string): Promise<HistoryPlaces> {
  const [compounds, units, buildings, contracts, orgs, divisions] = await Promise.all([
    db
      .selectFrom('compounds')
      .select(['id', 'name', 'street_code', 'first_delivery_on'])
      .where('district_code', '=', districtCode)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('units')
      .innerJoin('compounds', 'compounds.id', 'units.compound_id')
      .select(['units.compound_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('compounds.district_code', '=', districtCode)
      .groupBy('units.compound_id')
      .execute(),
    db
      .selectFrom('buildings')
      .innerJoin('compounds', 'compounds.id', 'buildings.compound_id')
      .select(['buildings.id', 'buildings.compound_id'])
      .where('compounds.district_code', '=', districtCode)
      .orderBy('buildings.id')
      .execute(),
    db
      .selectFrom('service_contracts')
      .select(['compound_id', 'company_id', 'starts_on'])
      .orderBy('starts_on')
      .execute(),
    db.selectFrom('organisations').select(['id', 'name', 'type', 'division_code']).orderBy('id').execute(),
    db.selectFrom('divisions').select(['code', 'name']).where('parent_code', '=', districtCode).execute(),
  ]);
  const unitCount = new Map(units.map((u) => [u.compound_id, Number(u.n)]));
  const buildingsOf = new Map<string, string[]>();
  for (const b of buildings)
    buildingsOf.set(b.compound_id, [...(buildingsOf.get(b.compound_id) ?? []), b.id]);
  // The latest contract, as routing's currentServiceProvider picks it.
  const companyOf = new Map<string, string>();
  for (const c of contracts) companyOf.set(c.compound_id, c.company_id);
  const streetName = new Map(divisions.map((d) => [d.code, d.name]));
  const streets = new Map<string, HistoryStreet>();
  for (const o of orgs) {
    if (o.type !== 'street_office' || !streetName.has(o.division_code)) continue;
    streets.set(o.division_code, {
      code: o.division_code,
      name: streetName.get(o.division_code)!,
      officeId: o.id,
      officeName: o.name,
      housingOfficeId:
        orgs.find((h) => h.type === 'housing_office' && h.division_code === o.division_code)?.id ?? null,
    });
  }
  return {
    districtCode,
    compounds: compounds
      .filter((c) => streets.has(c.street_code))
      .map((c) => ({
        id: c.id,
        name: c.name,
        streetCode: c.street_code,
        streetName: streetName.get(c.street_code)!,
        units: unitCount.get(c.id) ?? 1,
        buildingIds: buildingsOf.get(c.id) ?? [],
        companyId: companyOf.get(c.id) ?? null,
        firstDeliveryOn: c.first_delivery_on,
      })),
    streets,
    supervisorOrgId:
      orgs.find((o) => o.type === 'housing_bureau' && o.division_code === districtCode)?.id ?? null,
    organisationTypes: new Map(orgs.map((o) => [o.id, o.type])),
    organisationNames: new Map(orgs.map((o) => [o.id, o.name])),
  };
}
