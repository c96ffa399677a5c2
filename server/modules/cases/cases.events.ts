// A case's event log (one event per step, numbered by the case's event_count) and the photos attached to an
// event. Written inside the transaction that changes the case.
import { PHOTO_LIMITS } from '../../../contracts/cases.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { sniffImage, stripImageMetadata } from '../../platform/images.js';
import type { Tx } from '../../platform/db/database.js';
import type { CaseTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import * as repo from './cases.repo.js';

/** Who an event is by: a user (with the organisation it acts for), a resident, or the system. */
export interface EventActor {
  id: string | null;
  name: string;
  orgId: string | null;
}

/** Appends the next event (the case's status is its to-status) and counts it on `c`; returns its seq. */
export async function appendEvent(
  trx: Tx,
  c: CaseTable,
  actor: EventActor,
  action: string,
  from: string | null,
  data: Record<string, unknown>,
  at: string,
): Promise<number> {
  const seq = c.event_count + 1;
  c.event_count = seq;
  await repo.insertEvent(trx, {
    id: newId(),
    case_id: c.id,
    seq,
    at,
    actor_id: actor.id,
    actor_name: actor.name,
    actor_org_id: actor.orgId,
    action,
    from_status: from,
    to_status: c.status,
    data_json: JSON.stringify(data),
  });
  return seq;
}

/**
 * Stores uploaded photos (data: URLs, 1.5 MB each at most) with the event they belong to. Only real PNG, JPEG
 * or WebP bytes are stored, under the type the bytes show (whatever was declared), without their metadata
 * (EXIF GPS position and the like): 422 cases.photo_not_image otherwise, nothing written.
 */
export async function savePhotos(
  trx: Tx,
  caseId: string,
  seq: number,
  dataUrls: readonly string[],
  now: string,
) {
  for (const [index, url] of dataUrls.entries()) {
    const match = /^data:image\/(?:png|jpeg|webp);base64,(.*)$/s.exec(url);
    const decoded = match ? Buffer.from(match[1], 'base64') : null;
    if (decoded && decoded.length > PHOTO_LIMITS.maxBytes) throw badRequest('cases.photo_too_large');
    const mime = decoded && sniffImage(decoded);
    const content = mime && stripImageMetadata(mime, decoded);
    if (!mime || !content) throw new AppError('cases.photo_not_image', 422, { n: index + 1 });
    const id = newId();
    await repo.insertPhoto(trx, {
      id,
      case_id: caseId,
      event_seq: seq,
      mime,
      bytes: content.length,
      content,
      url: `/api/v1/case-photos/${id}`,
      created_at: now,
    });
  }
}

/** Records links to media held elsewhere (a hotline system's attachments). */
export async function saveMediaUrls(
  trx: Tx,
  caseId: string,
  seq: number,
  urls: readonly string[],
  now: string,
) {
  for (const url of urls) {
    await repo.insertPhoto(trx, {
      id: newId(),
      case_id: caseId,
      event_seq: seq,
      mime: 'url',
      bytes: 0,
      content: null,
      url,
      created_at: now,
    });
  }
}
