// Data scope → SQL. A grant's scope (city, district, street, compound, company, department, own units)
// becomes a condition on a compound's id/district/street columns. Every scoped query goes through here.
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import { covers, isLocationGrant, placeOfDivision, type Grant } from '../../domain/access.js';

export interface CompoundColumns {
  id: string;
  district: string;
  street: string;
}

/** null = unrestricted (a city-wide grant). An empty grant list yields a condition that is always false. */
export function compoundScopeCondition(
  // Typed loosely: the condition is used from queries over many table combinations.
  eb: ExpressionBuilder<any, any>,
  grants: readonly Grant[],
  cols: CompoundColumns,
): Expression<SqlBool> | null {
  if (grants.some((g) => g.scopeType === 'city')) return null;
  const ref = (c: string) => eb.ref(c as any);
  const parts: Expression<SqlBool>[] = grants.map((g) => {
    switch (g.scopeType) {
      case 'district':
        return eb(ref(cols.district), '=', g.scopeId);
      case 'street':
        return eb(ref(cols.street), '=', g.scopeId);
      case 'compound':
        return eb(ref(cols.id), '=', g.scopeId);
      case 'company':
        return eb(
          ref(cols.id),
          'in',
          eb
            .selectFrom('service_contracts')
            .select('service_contracts.compound_id')
            .where((w) =>
              w.or([
                w('service_contracts.company_id', '=', g.scopeId),
                w('service_contracts.project_office_id', '=', g.scopeId),
              ]),
            ),
        );
      case 'department':
        return eb(
          ref(cols.street),
          'in',
          eb
            .selectFrom('organisation_coverage')
            .select('organisation_coverage.division_code')
            .where('organisation_coverage.organisation_id', '=', g.scopeId),
        );
      case 'own_units':
        return eb(
          ref(cols.id),
          'in',
          eb
            .selectFrom('unit_owners')
            .select('unit_owners.compound_id')
            .where('unit_owners.owner_id', '=', g.scopeId),
        );
      default:
        return eb.lit(false) as unknown as Expression<SqlBool>;
    }
  });
  if (parts.length === 0) return eb.lit(false) as unknown as Expression<SqlBool>;
  return parts.length === 1 ? parts[0] : eb.or(parts);
}

/** Whether a division code lies inside the grants' division scope (for writes on organisations and divisions). */
export function divisionInScope(grants: readonly Grant[], code: string): boolean {
  const place = placeOfDivision(code);
  return grants.some((g) => isLocationGrant(g) && covers(g, place));
}
