// Open311 texts: error descriptions (the spec's `description`, meant for the user) and notices.
import type { Catalogue } from '../../platform/http/messages.js';

export const open311Messages: Catalogue = {
  'open311.api_key_missing': {
    'zh-CN': '未提供 api_key，无法提交诉求',
    en: 'No api_key received -- cannot create the request',
  },
  'open311.api_key_invalid': {
    'zh-CN': 'api_key 无效、已吊销或不属于 Open311 渠道，无法提交诉求',
    en: 'Invalid api_key received (unknown, revoked or not an Open311 key) -- cannot create the request',
  },
  'open311.service_not_found': {
    'zh-CN': '未找到服务类型（service_code）：{code}',
    en: 'service_code not found: {code}',
  },
  'open311.request_not_found': {
    'zh-CN': '未找到诉求（service_request_id）：{id}',
    en: 'service_request_id not found: {id}',
  },
  'open311.token_not_found': { 'zh-CN': '未找到 token：{token}', en: 'token not found: {token}' },
  'open311.not_found': {
    'zh-CN': '未找到请求的 Open311 资源',
    en: 'The requested Open311 resource does not exist',
  },
  'open311.param_missing': { 'zh-CN': '未提供参数 {field}', en: '{field} was not provided' },
  'open311.param_invalid': { 'zh-CN': '参数 {field} 无效', en: '{field} is invalid' },
  'open311.location_required': {
    'zh-CN': '请提供位置：lat 与 long，或 address_string，或 address_id',
    en: 'Required location information was not provided: lat and long, address_string or address_id',
  },
  'open311.lat_long_pair': {
    'zh-CN': 'lat 与 long 须同时提供',
    en: 'lat and long must be sent together',
  },
  'open311.location_no_compound': {
    'zh-CN': '坐标（{lat}, {long}）1 公里范围内没有登记的小区；请提供 address_string 或 address_id',
    en: 'No registered compound within 1 km of ({lat}, {long}); send address_string or address_id',
  },
  'open311.address_not_found': {
    'zh-CN': '找不到与地址“{address}”对应的小区',
    en: 'No compound matches the address "{address}"',
  },
  'open311.address_ambiguous': {
    'zh-CN': '地址“{address}”对应 {count} 个小区，请提供更具体的地址或坐标',
    en: 'The address "{address}" matches {count} compounds; send a more specific address or lat/long',
  },
  'open311.address_id_not_found': {
    'zh-CN': '找不到 address_id 对应的小区：{id}',
    en: 'No compound with address_id {id}',
  },
  'open311.attribute_unknown': {
    'zh-CN': '服务类型 {service} 没有属性 {code}',
    en: 'The service {service} has no attribute {code}',
  },
  'open311.attribute_value_invalid': {
    'zh-CN': '属性 {code} 的取值无效：{value}（可选：{allowed}）',
    en: 'Invalid value for attribute {code}: {value} (allowed: {allowed})',
  },
  'open311.date_invalid': {
    'zh-CN': '{field} 须为带时区的 ISO 8601 时间，例如 2026-11-01T00:00:00+08:00',
    en: '{field} must be an ISO 8601 datetime with a time zone, e.g. 2026-11-01T00:00:00+08:00',
  },
  'open311.date_range_too_long': {
    'zh-CN': '查询时间范围不能超过 90 天',
    en: 'The date range may not span more than 90 days',
  },
  'open311.date_range_reversed': {
    'zh-CN': 'start_date 不能晚于 end_date',
    en: 'start_date must not be after end_date',
  },
  'open311.status_invalid': {
    'zh-CN': 'status 只能是 open 或 closed：{status}',
    en: 'status must be open or closed: {status}',
  },
  'open311.too_many_ids': {
    'zh-CN': '一次最多查询 {max} 个 service_request_id',
    en: 'At most {max} service_request_id values per query',
  },
  'open311.general_error': {
    'zh-CN': '服务处理出错，请稍后重试；如持续出现请联系我们',
    en: 'General service error; please try again later and notify us if it persists',
  },
  'open311.created_notice': {
    'zh-CN': '诉求已受理，案件编号 {caseNo}；将按责任清单派遣至责任单位处置。',
    en: 'Your request was received as case {caseNo}; it will be dispatched to the responsible organisation.',
  },
  'open311.created_notice_urgent': {
    'zh-CN': '急修诉求已受理，案件编号 {caseNo}；将优先派遣处置。',
    en: 'Your urgent repair request was received as case {caseNo}; it will be dispatched with priority.',
  },
  'open311.expected_notice': {
    'zh-CN': '预计于 {at} 前办结',
    en: 'Expected to be resolved by {at}',
  },
  'open311.discovery_contact': {
    'zh-CN': '共治平台运维组',
    en: 'Gongzhi platform operations',
  },
  'open311.discovery_key_service': {
    'zh-CN': '请联系平台管理员申请绑定 open311 渠道的 API Key（gongzhi apikey create --channel open311）',
    en: 'Ask the platform administrator for an API key bound to channel open311 (gongzhi apikey create --channel open311)',
  },
};
