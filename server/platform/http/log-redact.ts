// What request logs may show of a URL: a phone number masked and a signed tracking token cut (the residents'
// tracking routes carry both in the query string).
import { maskPhone } from '../../../domain/access.js';

export function redactUrl(url: string): string {
  return url
    .replace(
      /([?&]phone=)([^&#]*)/gi,
      (_, k: string, v: string) => `${k}${maskPhone(decodeURIComponentSafe(v))}`,
    )
    .replace(/([?&](?:token|t)=)[^&#]*/gi, '$1…');
}

function decodeURIComponentSafe(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** Fastify's request serializer with the URL redacted. */
export function requestSerializer(req: {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.hostname,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
