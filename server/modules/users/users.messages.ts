// Messages of account administration.
import type { Catalogue } from '../../platform/http/messages.js';

export const usersMessages: Catalogue = {
  'users.not_found': { 'zh-CN': '未找到该账号', en: 'Account not found' },
  'users.username_taken': {
    'zh-CN': '用户名 {username} 已被使用',
    en: 'Username {username} is already taken',
  },
  'users.grant_invalid': {
    'zh-CN': '角色 {role} 不能绑定到数据范围 {scopeType}:{scopeId}',
    en: 'Role {role} cannot be bound to scope {scopeType}:{scopeId}',
  },
};
