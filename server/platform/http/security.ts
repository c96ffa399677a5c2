// Browser-facing protections: the Content-Security-Policy of the web app, `Cache-Control: no-store` on API
// JSON, and the API docs behind sign-in in production mode.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import { AppError } from './errors.js';

/**
 * The web app's policy: scripts only from this origin (the Vite bundle has no inline script); styles from
 * this origin plus inline, because antd writes its CSS-in-JS into <style> elements at run time; pictures from
 * here and from data:/blob: URLs (photo previews); API calls to this origin only; no framing, no plugins.
 * Maps (Leaflet) draw vector layers; tiles only from a configured MAP_TILE_URL (contentSecurityPolicy adds its
 * origin). Charts (ECharts) draw on canvas: no eval, no inline script, no worker source beyond blob: needed.
 */
export const CONTENT_SECURITY_POLICY: FastifyHelmetOptions['contentSecurityPolicy'] = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** The policy, with the origin of a configured map tile server added to the picture sources. */
export function contentSecurityPolicy(mapTileUrl?: string): FastifyHelmetOptions['contentSecurityPolicy'] {
  if (!mapTileUrl) return CONTENT_SECURITY_POLICY;
  const base = CONTENT_SECURITY_POLICY as { useDefaults: boolean; directives: Record<string, string[]> };
  // {s} subdomain templates become a wildcard host.
  const origin = new URL(mapTileUrl.replace(/\{s\}\./, 'sub.').replace(/\{[a-z]\}/g, '0')).origin;
  const host = mapTileUrl.includes('{s}.') ? origin.replace('//sub.', '//*.') : origin;
  return { ...base, directives: { ...base.directives, imgSrc: [...base.directives.imgSrc, host] } };
}

/** `Cache-Control: no-store` on JSON answered to a signed-in caller or under /api/ (unless a route set one). */
export function registerNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.hasHeader('cache-control')) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('application/json') && (req.actor || req.url.startsWith('/api/')))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}

/**
 * Guard of the API docs (page, its assets, the OpenAPI document): in production mode only for a signed-in
 * user — the page sends a browser to the sign-in page, everything else answers 401.
 */
export function docsGuard(mode: 'demo' | 'production') {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (mode !== 'production' || req.actor?.via === 'session') return;
    if (req.method === 'GET' && /\/docs\/?(?:static\/index\.html)?(?:\?|$)/.test(req.url))
      return reply.redirect('/login');
    throw new AppError('auth.unauthenticated', 401);
  };
}
