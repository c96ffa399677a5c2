// Messages of the in-app notifications.
import type { Catalogue } from '../../platform/http/messages.js';

export const notificationsMessages: Catalogue = {
  'notifications.not_found': { 'zh-CN': '未找到该通知', en: 'Notification not found' },
};
