import type { Catalogue } from '../../platform/http/messages.js';

export const casesMessages: Catalogue = {
  'cases.not_found': { 'zh-CN': '未找到该案件，或无权查看', en: 'Case not found or not visible to you' },
  'cases.category_unknown': { 'zh-CN': '未知的问题类别：{code}', en: 'Unknown category: {code}' },
  'cases.location_required': {
    'zh-CN': '请指明问题所在的小区、楼栋、房屋或街镇',
    en: 'Give the compound, building, unit or street where the problem is',
  },
  'cases.building_not_in_compound': {
    'zh-CN': '所选楼栋不属于所选小区，请重新选择楼栋',
    en: 'The building chosen is not in the compound chosen; choose the building again',
  },
  'cases.unit_not_in_building': {
    'zh-CN': '所选房屋不属于所选楼栋，请重新选择房屋',
    en: 'The unit chosen is not in the building chosen; choose the unit again',
  },
  'cases.track_access_required': {
    'zh-CN': '请输入案件编号和报事时留下的手机号',
    en: 'Give the case number and the phone number of the report',
  },
  'cases.track_link_expired': {
    'zh-CN': '查询链接已过期，请输入案件编号和手机号查询',
    en: 'This link has expired; look the case up by its number and your phone number',
  },
  'cases.track_link_invalid': {
    'zh-CN': '查询链接无效，请输入案件编号和手机号查询',
    en: 'This link is not valid; look the case up by its number and your phone number',
  },
  'cases.not_own_unit': {
    'zh-CN': '只能为您名下的房屋报告问题',
    en: 'You can report problems only at units you own',
  },
  'cases.location_unknown': { 'zh-CN': '找不到指定的位置：{what}', en: 'Unknown location: {what}' },
  'cases.source_url_required': {
    'zh-CN': '网络舆情案件须填写来源链接（帖子或报道的网址）',
    en: 'An online-media case needs its source link (the address of the post or report)',
  },
  'cases.channel_not_allowed': {
    'zh-CN': '当前账号不能通过“{channel}”渠道登记案件',
    en: 'This account cannot record cases through the {channel} channel',
  },
  'cases.action_not_allowed': {
    'zh-CN': '当前状态下不能执行“{action}”',
    en: 'The action "{action}" is not possible in the current state',
  },
  'cases.action_forbidden': {
    'zh-CN': '您无权对该案件执行“{action}”',
    en: 'You may not "{action}" this case',
  },
  'cases.version_conflict': {
    'zh-CN': '该案件刚被他人处理，已为您刷新最新状态',
    en: 'Someone else acted on this case just now; here is its current state',
  },
  'cases.field_required': { 'zh-CN': '“{action}”需要填写：{field}', en: '"{action}" needs: {field}' },
  'cases.lead_invalid': {
    'zh-CN': '指定的主办单位不存在',
    en: 'The chosen lead organisation does not exist',
  },
  'cases.lead_unchanged': {
    'zh-CN': '改派需要选择另一个主办单位',
    en: 'Re-dispatching needs a different lead organisation',
  },
  'cases.similar_query_invalid': {
    'zh-CN': '查找相似案件需要问题类别或案件编号',
    en: 'Finding similar cases needs a category or a case number',
  },
  'cases.attributes_invalid': {
    'zh-CN': '问题属性格式不正确',
    en: 'The attributes are not valid',
  },
  'cases.merge_target_invalid': {
    'zh-CN': '合并目标案件 {caseNo} 不存在或已办结',
    en: 'The case {caseNo} to merge into does not exist or is finished',
  },
  'cases.track_not_found': {
    'zh-CN': '案件编号与手机号不匹配',
    en: 'The case number and phone number do not match',
  },
  'cases.photo_too_large': {
    'zh-CN': '照片过大（每张不超过 1.5 MB）',
    en: 'Photo too large (1.5 MB each at most)',
  },
  'cases.idempotency_key_reused': {
    'zh-CN':
      '该幂等键（工单号）已用于另一内容不同的请求，对应案件 {caseNo}；重试请发送相同内容，新工单请使用新的键',
    en: 'This idempotency key (work order number) was already used for a different request, case {caseNo}; retry with the same body, or use a new key for a new work order',
  },
  'cases.photo_not_image': {
    'zh-CN': '第 {n} 张照片不是有效的 PNG、JPEG 或 WebP 图片',
    en: 'Photo {n} is not a valid PNG, JPEG or WebP picture',
  },
  'cases.notice_date_invalid': {
    'zh-CN': '通告发布日期或告示期限届满日期不是有效日期（格式：YYYY-MM-DD）',
    en: 'The notice’s publication date or end date is not a valid date (YYYY-MM-DD)',
  },
  'cases.notice_too_short': {
    'zh-CN':
      '告示期限自通告发布之日起不少于{days}日（《上海市拆除违法建筑若干规定》第九条），期限最早可至 {earliest}',
    en: 'The notice period must run at least {days} days from publication (Shanghai Provisions on the Demolition of Illegal Buildings, Art 9); it may end on {earliest} at the earliest',
  },
};
