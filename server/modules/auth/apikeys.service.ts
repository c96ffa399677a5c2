// Integration API keys bound to an intake channel (hotline import, Open311). Only the hash is stored.
import type { AuditActor } from '../../platform/audit/audit.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { newId, randomToken } from '../../platform/ids.js';
import { sha256 } from './auth.service.js';

export const API_KEY_CHANNELS = [
  'open311',
  'hotline12345',
  'hotline962121',
  'hotline12319',
  'propertyCompany',
  'departmentReferral',
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
    await trx
      .insertInto('api_keys')
      .values({
        id,
        name: input.name,
        channel: input.channel,
        key_hash: sha256(key),
        key_prefix: key.slice(0, 7),
        created_by: actor.id,
        created_at: deps.clock.now().toISOString(),
        revoked_at: null,
      })
      .execute();
    await audit({
      action: 'auth.apikey.create',
      targetType: 'api_key',
      targetId: id,
      after: { name: input.name, channel: input.channel },
    });
  });
  return { id, key };
}
