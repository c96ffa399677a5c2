// Field types shared by the governance contracts.
import { z } from 'zod';

export const id = z.string().min(1).max(64);
export const date = z.iso.date();
export const instant = z.iso.datetime({ offset: true });
/** The version an action is based on (optimistic concurrency). */
export const v = { version: z.number().int() };
/** A file download (sent as text, never serialised). */
export const FileBody = z.any();
