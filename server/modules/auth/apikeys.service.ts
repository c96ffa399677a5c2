// Integration API keys bound to an intake channel (hotline import, Open311). Only the hash is stored.
import type { AuditActor } from '../../platform/audit/audit.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { newId, randomToken } from '../../platform/ids.js';
import { forgetApiKeys, sha256 } from './auth.service.js';
import * as repo from './auth.repo.js';

export const API_KEY_CHANNELS = [
  'open311',
  'hotline12345',
  'hotline962121',
  'hotline12319',
  'propertyCompany',
  'departmentReferral',
  'onlineMedia', // a 舆情 monitoring feed
] as const;

export async function createApiKey(
  deps: Deps,
  actor: AuditActor,
  input: { channel: string; name: string },
  requestId: string | null,
): Promise<{ id: string; key: string }> {
  const id = newId();
  const key = `gz_${randomToken(24)}`;
  await writeTx(deps, actor, requestId, async (trx, audit) => {
    await repo.insertApiKey(trx, {
      id,
      name: input.name,
      channel: input.channel,
      key_hash: sha256(key),
      key_prefix: key.slice(0, 7),
      created_by: actor.id,
      created_at: deps.clock.now().toISOString(),
      revoked_at: null,
    });
    await audit({
      action: 'auth.apikey.create',
      targetType: 'api_key',
      targetId: id,
      after: { name: input.name, channel: input.channel },
    });
  });
  return { id, key };
}

/** Every key with its state; the key itself is never stored, only its first characters. */
export async function listApiKeys(deps: Deps) {
  return repo.listApiKeys(deps.database.db);
}

/**
 * Revokes a key: this instance refuses it from the next request on; other processes within
 * REFERENCE_FRESHNESS_MS (5 s), their cache of active keys (auth.service resolveApiKey). Returns false
 * when no active key has that id.
 */
export async function revokeApiKey(
  deps: Deps,
  actor: AuditActor,
  id: string,
  requestId: string | null,
): Promise<boolean> {
  let revoked = false;
  await writeTx(deps, actor, requestId, async (trx, audit) => {
    revoked = await repo.revokeApiKey(trx, id, deps.clock.now().toISOString());
    if (revoked) await audit({ action: 'auth.apikey.revoke', targetType: 'api_key', targetId: id });
  });
  if (revoked) forgetApiKeys(deps);
  return revoked;
}
