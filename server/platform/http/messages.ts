// The message catalogue: every error code with its zh-CN and en text. `{name}` is replaced by params.
export type Locale = 'zh-CN' | 'en';

export type Catalogue = Record<string, { 'zh-CN': string; en: string }>;

const catalogue: Catalogue = {
  'common.validation': { 'zh-CN': '请求内容有误：{fields}', en: 'The request is invalid: {fields}' },
  'common.not_found': { 'zh-CN': '未找到请求的资源', en: 'The requested resource was not found' },
  'common.version_conflict': {
    'zh-CN': '该记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  'common.internal': {
    'zh-CN': '服务器内部错误，请稍后重试',
    en: 'Internal server error; please try again later',
  },
  'common.rate_limited': { 'zh-CN': '请求过于频繁，请稍后重试', en: 'Too many requests; please slow down' },
  'common.payload_too_large': { 'zh-CN': '上传内容过大', en: 'The upload is too large' },
  'auth.unauthenticated': { 'zh-CN': '请先登录', en: 'Please sign in' },
  'auth.forbidden': { 'zh-CN': '无权访问该资源', en: 'You are not allowed to access this resource' },
  'auth.invalid_credentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    'zh-CN': '连续登录失败次数过多，账号已锁定，请于 {until} 后再试',
    en: 'Too many failed sign-ins; the account is locked until {until}',
  },
  'auth.disabled': { 'zh-CN': '账号已停用', en: 'This account is disabled' },
  'auth.csrf': {
    'zh-CN': '安全校验失败，请刷新页面后重试',
    en: 'Security check failed; reload the page and try again',
  },
};

export function registerMessages(extra: Catalogue): void {
  for (const [code, texts] of Object.entries(extra)) catalogue[code] = texts;
}

export function hasMessage(code: string): boolean {
  return code in catalogue;
}

export function message(code: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const entry = catalogue[code];
  const template = entry ? entry[locale] : catalogue['common.internal'][locale];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

/** zh-CN first: English only when the client prefers it. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
