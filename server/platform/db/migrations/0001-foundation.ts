// Foundation schema: registry, accounts, audit, jobs. Runs unchanged on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = (b: any) => b.addColumn('created_at', 'text', (c: any) => c.notNull());
  const versioned = (b: any) =>
    b
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));

  await db.schema
    .createTable('divisions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('table_version', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('divisions_parent').on('divisions').column('parent_code').execute();

  await versioned(
    db.schema
      .createTable('organisations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('kind', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text')
      .addColumn('division_code', 'text', (c) => c.notNull().references('divisions.code'))
      .addColumn('parent_id', 'text', (c) => c.references('organisations.id'))
      .addColumn('credit_code', 'text')
      .addColumn('phone', 'text')
      .addColumn('address', 'text'),
  ).execute();
  await db.schema
    .createIndex('organisations_division')
    .on('organisations')
    .columns(['division_code', 'type'])
    .execute();
  await db.schema
    .createIndex('organisations_type_name')
    .on('organisations')
    .columns(['type', 'name'])
    .execute();
  await db.schema.createIndex('organisations_parent').on('organisations').column('parent_id').execute();

  await db.schema
    .createTable('organisation_coverage')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('division_code', 'text', (c) => c.notNull().references('divisions.code'))
    .addPrimaryKeyConstraint('organisation_coverage_pk', ['organisation_id', 'division_code'])
    .execute();
  await db.schema
    .createIndex('organisation_coverage_division')
    .on('organisation_coverage')
    .column('division_code')
    .execute();

  await ts(
    db.schema
      .createTable('grid_cells')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('street_code', 'text', (c) => c.notNull().references('divisions.code')),
  ).execute();

  await versioned(
    db.schema
      .createTable('compounds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('district_code', 'text', (c) => c.notNull().references('divisions.code'))
      .addColumn('street_code', 'text', (c) => c.notNull().references('divisions.code'))
      .addColumn('residents_committee_id', 'text', (c) => c.references('organisations.id'))
      .addColumn('grid_cell_id', 'text', (c) => c.references('grid_cells.id'))
      .addColumn('lat', 'double precision')
      .addColumn('lng', 'double precision')
      .addColumn('building_area', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('first_delivery_on', 'text')
      .addColumn('management_area_name', 'text'),
  ).execute();
  await db.schema
    .createIndex('compounds_street_name')
    .on('compounds')
    .columns(['street_code', 'name', 'id'])
    .execute();
  await db.schema
    .createIndex('compounds_district_name')
    .on('compounds')
    .columns(['district_code', 'name', 'id'])
    .execute();
  await db.schema.createIndex('compounds_name').on('compounds').columns(['name', 'id']).execute();
  await db.schema.createIndex('compounds_rc').on('compounds').column('residents_committee_id').execute();

  await versioned(
    db.schema
      .createTable('buildings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('floors', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('buildings_compound')
    .on('buildings')
    .columns(['compound_id', 'name'])
    .unique()
    .execute();

  await versioned(
    db.schema
      .createTable('units')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('use', 'text', (c) => c.notNull())
      .addColumn('registered_area', 'integer')
      .addColumn('surveyed_area', 'integer')
      .addColumn('contract_area', 'integer')
      .addColumn('delivered_on', 'text'),
  ).execute();
  await db.schema
    .createIndex('units_building_number')
    .on('units')
    .columns(['building_id', 'number'])
    .unique()
    .execute();
  await db.schema.createIndex('units_compound').on('units').column('compound_id').execute();

  await versioned(
    db.schema
      .createTable('owners')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('id_number', 'text'),
  ).execute();
  await db.schema.createIndex('owners_id_number').on('owners').column('id_number').execute();

  await db.schema
    .createTable('unit_owners')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
    .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
    .addPrimaryKeyConstraint('unit_owners_pk', ['unit_id', 'owner_id'])
    .execute();
  await db.schema
    .createIndex('unit_owners_owner')
    .on('unit_owners')
    .columns(['owner_id', 'compound_id'])
    .execute();
  await db.schema
    .createIndex('unit_owners_compound')
    .on('unit_owners')
    .columns(['compound_id', 'owner_id'])
    .execute();

  await versioned(
    db.schema
      .createTable('service_contracts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('company_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('project_office_id', 'text', (c) => c.references('organisations.id'))
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addColumn('service_level', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('service_contracts_company')
    .on('service_contracts')
    .columns(['company_id', 'compound_id'])
    .execute();
  await db.schema
    .createIndex('service_contracts_compound')
    .on('service_contracts')
    .column('compound_id')
    .execute();

  await versioned(
    db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();

  await ts(
    db.schema
      .createTable('user_roles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('scope_type', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('user_roles_user').on('user_roles').column('user_id').execute();

  await ts(
    db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await ts(
    db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('key_prefix', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('revoked_at', 'text'),
  ).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.unique()) // chain position, assigned when sealed
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('request_id', 'text')
    .addColumn('prev_hash', 'text')
    .addColumn('hash', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema
    .createIndex('audit_log_target')
    .on('audit_log')
    .columns(['target_type', 'target_id'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The audit log is append-only: the database itself refuses deletes, and updates other than sealing
  // (setting seq, prev_hash and hash once on a record that has none).
  if (isPostgres(db)) {
    await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and old.hash is null and new.hash is not null
           and (to_jsonb(new) - array['seq','prev_hash','hash']) = (to_jsonb(old) - array['seq','prev_hash','hash'])
        then return new; end if;
        raise exception 'audit_log is append-only';
      end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      when old.hash is not null or new.hash is null or new.id is not old.id or new.at is not old.at
        or new.actor_id is not old.actor_id or new.actor_name is not old.actor_name or new.action is not old.action
        or new.target_type is not old.target_type or new.target_id is not old.target_id
        or new.before_json is not old.before_json or new.after_json is not old.after_json
        or new.request_id is not old.request_id
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Down migrations are not supported: restore a backup instead.');
}
