// One error type for the whole server. Codes are namespaced by module (`registry.compound_not_found`);
// messages live in the catalogue (messages.ts) in zh-CN and en.
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (code: string, params?: Record<string, string | number>) =>
  new AppError(code, 404, params);
export const forbidden = (code = 'auth.forbidden') => new AppError(code, 403);
export const badRequest = (code: string, params?: Record<string, string | number>, details?: unknown) =>
  new AppError(code, 400, params, details);
export const conflict = (code = 'common.version_conflict', details?: unknown) =>
  new AppError(code, 409, {}, details);
