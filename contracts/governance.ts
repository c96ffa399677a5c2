// Owners' self-governance contract, one file per sub-domain under ./governance/ (decisions and ballots,
// the street's task queue and overview, assembly formation, owners' committees, the committee's records, the
// compound's page). Import from here.
export * from './governance/decisions.js';
export * from './governance/overview.js';
export * from './governance/formation.js';
export * from './governance/committees.js';
export * from './governance/records.js';
export * from './governance/compound.js';
export * from './governance/duties.js';
export * from './governance/law.js';
