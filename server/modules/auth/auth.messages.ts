// Messages of sign-in and passwords (the basic auth.* codes live in the platform catalogue).
import type { Catalogue } from '../../platform/http/messages.js';

export const authMessages: Catalogue = {
  'auth.password_too_short': {
    'zh-CN': '密码至少需要 {min} 个字符',
    en: 'The password needs at least {min} characters',
  },
  'auth.password_common': {
    'zh-CN': '该密码过于常见或容易被猜到（如 12345678、password、产品名“共治/gongzhi”加数字），请换一个',
    en: 'This password is too common or easy to guess (like 12345678, password, or the product name gongzhi with digits); choose another',
  },
};
