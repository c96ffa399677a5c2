// Queries of the residents' tracking pages: the photos of one event, and one photo with its event.
import type { Executor } from '../../../platform/db/database.js';

export async function photosOfEvent(db: Executor, caseId: string, seq: number) {
  return db
    .selectFrom('case_photos')
    .select(['id'])
    .where('case_id', '=', caseId)
    .where('event_seq', '=', seq)
    .where('content', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A stored photo with the action of the event it belongs to. */
export async function photoWithEvent(db: Executor, photoId: string) {
  return db
    .selectFrom('case_photos')
    .innerJoin('case_events', (j) =>
      j
        .onRef('case_events.case_id', '=', 'case_photos.case_id')
        .onRef('case_events.seq', '=', 'case_photos.event_seq'),
    )
    .select(['case_photos.case_id', 'case_photos.mime', 'case_photos.content', 'case_events.action'])
    .where('case_photos.id', '=', photoId)
    .executeTakeFirst();
}
