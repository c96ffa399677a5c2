// Runs the migrations in ./migrations (listed explicitly so the order is code, not file-system luck).
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-cases.js';
import * as m0003 from './migrations/0003-governance.js';
import * as m0004 from './migrations/0004-cases-admin.js';
import * as m0005 from './migrations/0005-governance-records.js';
import * as m0006 from './migrations/0006-security.js';
import * as m0007 from './migrations/0007-audit-queues.js';
import * as m0010 from './migrations/0010-resident-messages.js';
import * as m0011 from './migrations/0011-owner-reports.js';
import * as m0012 from './migrations/0012-rate-limits.js';
import * as m0013 from './migrations/0013-category-keywords.js';
import * as m0014 from './migrations/0014-case-law-clocks.js';
import * as m0015 from './migrations/0015-routing-law.js';
import * as m0016 from './migrations/0016-governance-duties.js';
import * as m0017 from './migrations/0017-governance-law.js';
import * as m0021 from './migrations/0021-fund.js';
import * as m0022 from './migrations/0022-industry.js';
import * as m0023 from './migrations/0023-coordination.js';
import * as m0024 from './migrations/0024-mediation.js';
import * as m0025 from './migrations/0025-fund-applications.js';
import * as m0026 from './migrations/0026-fund-emergency.js';
import * as m0027 from './migrations/0027-action-plan.js';
import * as m0028 from './migrations/0028-assessment.js';

const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-cases': m0002,
  '0003-governance': m0003,
  '0004-cases-admin': m0004,
  '0005-governance-records': m0005,
  '0006-security': m0006,
  '0007-audit-queues': m0007,
  '0010-resident-messages': m0010,
  '0011-owner-reports': m0011,
  '0012-rate-limits': m0012,
  '0013-category-keywords': m0013,
  '0014-case-law-clocks': m0014,
  '0015-routing-law': m0015,
  '0016-governance-duties': m0016,
  '0017-governance-law': m0017,
  '0021-fund': m0021,
  '0022-industry': m0022,
  '0023-coordination': m0023,
  '0024-mediation': m0024,
  '0025-fund-applications': m0025,
  '0026-fund-emergency': m0026,
  '0027-action-plan': m0027,
  '0028-assessment': m0028,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(database: Database, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider,
    // Migrations are independent of each other (each its own tables or columns); a branch's migration merged
    // after a later-numbered one still runs (numbers are reserved per branch).
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
