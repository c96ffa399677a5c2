// Owners' self-governance: decisions (业主共同决定) with their unit snapshot, invitation codes and ballots;
// assembly formation (业主大会筹备) with its working groups and objections; owners' committees with members,
// meetings and attendance; and one deadline table (gov_tasks) that feeds the street office's queue.
// Runs unchanged on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const versioned = (b: any) =>
    b
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));

  // --- Decisions and votes -------------------------------------------------------------------------------
  await versioned(
    db.schema
      .createTable('decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('scope', 'text', (c) => c.notNull()) // compound | buildings (部分共用部分, 《规定》 Art 69)
      .addColumn('building_ids_json', 'text', (c) => c.notNull()) // [] for the whole compound
      .addColumn('matter', 'text', (c) => c.notNull()) // domain/vote-tally.ts MATTERS
      .addColumn('method', 'text', (c) => c.notNull()) // meeting | written
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('opens_at', 'text', (c) => c.notNull())
      .addColumn('closes_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // draft | open | closed | published | cancelled
      .addColumn('notice_posted_on', 'text') // the meeting notice (≥ 15 days before opening)
      .addColumn('notice_days', 'integer', (c) => c.notNull()) // how long the result stays posted
      .addColumn('unit_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ballot_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('result_json', 'text') // frozen at closing: tally JSON + checks
      // The counting input as one document: the roll frozen at opening ([unit, owner, registered, surveyed,
      // contract] per unit) and the ballots frozen at closing ([owner, choice, channel]). Reading two texts
      // instead of ~20,000 rows keeps a 10,000-unit tally well under 100 ms.
      .addColumn('roll_json', 'text')
      .addColumn('ballots_json', 'text')
      .addColumn('opened_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('publish_due_on', 'text')
      .addColumn('published_at', 'text')
      .addColumn('notice_ends_on', 'text')
      .addColumn('created_by', 'text'),
  ).execute();
  await db.schema
    .createIndex('decisions_compound')
    .on('decisions')
    .columns(['compound_id', 'created_at'])
    .execute();
  await db.schema.createIndex('decisions_status').on('decisions').columns(['status', 'closes_at']).execute();

  // The roll (名册) frozen when the decision opens: counting uses these rows, never the live registry.
  await db.schema
    .createTable('decision_units')
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('building_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull()) // the vote owner key (解释 Art 9)
    .addColumn('developer', 'integer', (c) => c.notNull())
    .addColumn('registered_area', 'integer')
    .addColumn('surveyed_area', 'integer')
    .addColumn('contract_area', 'integer')
    .addColumn('invite_hash', 'text') // sha-256 of the unit's invitation code (the code itself is never stored)
    .addColumn('invite_issued_at', 'text')
    .addPrimaryKeyConstraint('decision_units_pk', ['decision_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('decision_units_invite')
    .on('decision_units')
    .column('invite_hash')
    .unique()
    .execute();
  await db.schema
    .createIndex('decision_units_owner')
    .on('decision_units')
    .columns(['decision_id', 'owner_id'])
    .execute();

  await db.schema
    .createTable('ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull()) // the unit (code) it was cast through
    .addColumn('choice', 'text', (c) => c.notNull()) // yes | no | abstain
    .addColumn('channel', 'text', (c) => c.notNull()) // web | desk | proxy
    .addColumn('proxy_name', 'text') // 代理人 (written authorisation, 《规定》 Art 18 ¶3)
    .addColumn('proxy_document', 'text')
    .addColumn('recorded_by', 'text') // user id for desk/proxy ballots; null for the owner's own web ballot
    .addColumn('recorded_by_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  // Each owner votes once: a concurrent double submission inserts one row, the other fails (→ 409).
  await db.schema
    .createIndex('ballots_decision_owner')
    .on('ballots')
    .columns(['decision_id', 'owner_id'])
    .unique()
    .execute();

  // --- Assembly formation --------------------------------------------------------------------------------
  await versioned(
    db.schema
      .createTable('gov_formations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('status', 'text', (c) => c.notNull()) // in_progress | completed | cancelled
      .addColumn('trigger_kind', 'text', (c) => c.notNull()) // area | two_years | owners_request
      .addColumn('trigger_on', 'text', (c) => c.notNull())
      .addColumn('report_kind', 'text') // developer | owners_request
      .addColumn('report_on', 'text')
      .addColumn('group_formed_on', 'text')
      .addColumn('member_list_posted_on', 'text')
      .addColumn('meeting_planned_on', 'text')
      .addColumn('meeting_notice_posted_on', 'text')
      .addColumn('first_meeting_on', 'text')
      .addColumn('note', 'text')
      .addColumn('created_by', 'text'),
  ).execute();
  // At most one formation under way per compound (two officers starting at once: one wins, one gets 409).
  await db.schema
    .createIndex('gov_formations_active')
    .on('gov_formations')
    .column('compound_id')
    .unique()
    .where(sql<boolean>`status = 'in_progress'`)
    .execute();

  await db.schema
    .createTable('gov_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // preparatory (筹备组) | reelection (换届改选小组)
    .addColumn('subject_id', 'text', (c) => c.notNull()) // formation id or committee id
    .addColumn('formed_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gov_groups_subject').on('gov_groups').column('subject_id').execute();
  await db.schema
    .createTable('gov_group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('gov_groups.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // owner | developer | street | residents_committee
    .addColumn('owner_id', 'text')
    .addColumn('leader', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('gov_group_members_pk', ['group_id', 'seq'])
    .execute();

  await versioned(
    db.schema
      .createTable('gov_objections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('formation_id', 'text', (c) => c.notNull().references('gov_formations.id'))
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('from_name', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('answered_on', 'text'),
  ).execute();
  await db.schema
    .createIndex('gov_objections_formation')
    .on('gov_objections')
    .column('formation_id')
    .execute();

  // --- Owners' committees --------------------------------------------------------------------------------
  await versioned(
    db.schema
      .createTable('committees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('term_no', 'integer', (c) => c.notNull()) // 届别
      .addColumn('seats', 'integer', (c) => c.notNull())
      .addColumn('elected_on', 'text', (c) => c.notNull())
      .addColumn('term_years', 'integer', (c) => c.notNull())
      .addColumn('term_ends_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // current | succeeded
      .addColumn('formation_id', 'text')
      .addColumn('election_decision_id', 'text')
      .addColumn('filing_status', 'text', (c) => c.notNull()) // none | submitted | accepted | rejected
      .addColumn('filing_submitted_on', 'text')
      .addColumn('filing_decided_on', 'text')
      .addColumn('filing_note', 'text')
      .addColumn('reelection_reported_on', 'text')
      .addColumn('created_by', 'text'),
  ).execute();
  await db.schema
    .createIndex('committees_current')
    .on('committees')
    .column('compound_id')
    .unique()
    .where(sql<boolean>`status = 'current'`)
    .execute();
  await db.schema
    .createIndex('committees_compound')
    .on('committees')
    .columns(['compound_id', 'term_no'])
    .execute();

  await versioned(
    db.schema
      .createTable('committee_members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('committee_id', 'text', (c) => c.notNull().references('committees.id'))
      .addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'text', (c) => c.notNull()) // chair | vice_chair | member
      .addColumn('undertaking_signed', 'integer', (c) => c.notNull())
      .addColumn('employed_by_manager', 'integer', (c) => c.notNull()) // declared (Art 20 ¶2)
      .addColumn('trained_on', 'text')
      .addColumn('joined_on', 'text', (c) => c.notNull())
      .addColumn('by_election', 'integer', (c) => c.notNull())
      .addColumn('ended_on', 'text')
      .addColumn('end_reason', 'text'),
  ).execute();
  await db.schema
    .createIndex('committee_members_committee')
    .on('committee_members')
    .column('committee_id')
    .execute();

  await db.schema
    .createTable('committee_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('committee_id', 'text', (c) => c.notNull().references('committees.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // regular | extraordinary
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('expected_count', 'integer', (c) => c.notNull())
    .addColumn('present_count', 'integer', (c) => c.notNull())
    .addColumn('quorate', 'integer', (c) => c.notNull())
    .addColumn('resolutions_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('committee_meetings_committee')
    .on('committee_meetings')
    .columns(['committee_id', 'held_on'])
    .execute();
  await db.schema
    .createTable('committee_attendance')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('committee_meetings.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('committee_members.id'))
    .addColumn('present', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('committee_attendance_pk', ['meeting_id', 'member_id'])
    .execute();

  // --- Deadlines (the street office's queue) -------------------------------------------------------------
  await versioned(
    db.schema
      .createTable('gov_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('district_code', 'text', (c) => c.notNull())
      .addColumn('street_code', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull()) // formation | committee | decision
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('responsible', 'text', (c) => c.notNull()) // developer | street | group | committee
      .addColumn('due_on', 'text', (c) => c.notNull()) // the last day (moved off days off)
      .addColumn('nominal_due_on', 'text', (c) => c.notNull())
      .addColumn('done_on', 'text')
      .addColumn('legal_ref', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('gov_tasks_subject_kind')
    .on('gov_tasks')
    .columns(['subject_id', 'kind'])
    .unique()
    .execute();
  await db.schema
    .createIndex('gov_tasks_street_due')
    .on('gov_tasks')
    .columns(['street_code', 'done_on', 'due_on'])
    .execute();
  await db.schema
    .createIndex('gov_tasks_compound')
    .on('gov_tasks')
    .columns(['compound_id', 'due_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'gov_tasks',
    'committee_attendance',
    'committee_meetings',
    'committee_members',
    'committees',
    'gov_objections',
    'gov_group_members',
    'gov_groups',
    'gov_formations',
    'ballots',
    'decision_units',
    'decisions',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
