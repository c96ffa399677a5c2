// Messages of the cases administration: errors, and row problems (`casesadmin.row.*`) rendered into each
// row error of a responsibility list.
import type { Catalogue } from '../../platform/http/messages.js';

export const casesAdminMessages: Catalogue = {
  'casesadmin.category_not_found': {
    'zh-CN': '问题类别 {code} 不存在',
    en: 'Category {code} does not exist',
  },
  'casesadmin.category_exists': { 'zh-CN': '问题类别 {code} 已存在', en: 'Category {code} already exists' },
  'casesadmin.list_not_found': {
    'zh-CN': '责任清单第 {version} 版不存在',
    en: 'Responsibility list version {version} does not exist',
  },
  'casesadmin.list_conflict': {
    'zh-CN': '另一版责任清单刚刚保存，请刷新后重试',
    en: 'Another version of the list was saved just now; reload and try again',
  },
  'casesadmin.invalid_rows': {
    'zh-CN': '责任清单中有 {count} 处错误，未保存任何内容；请按错误清单修改后重新提交',
    en: 'The responsibility list has {count} error(s); nothing was saved. Correct the rows listed and try again',
  },
  'casesadmin.file_required': {
    'zh-CN': '请上传 .xlsx 或 .csv 文件（表单字段 file）',
    en: 'Upload an .xlsx or .csv file (form field "file")',
  },
  'casesadmin.unsupported_format': {
    'zh-CN': '不支持的文件格式「{name}」：只支持 .xlsx 和 .csv',
    en: 'Unsupported file "{name}": only .xlsx and .csv are accepted',
  },
  'casesadmin.unreadable': {
    'zh-CN': '无法读取该 .xlsx 文件，文件可能已损坏或加密',
    en: 'The .xlsx file cannot be read; it may be damaged or encrypted',
  },
  'casesadmin.encoding': {
    'zh-CN': 'CSV 文件不是 UTF-8 编码，请另存为“CSV UTF-8”或 .xlsx 后重新上传',
    en: 'The CSV file is not UTF-8; save it as "CSV UTF-8" or .xlsx and upload again',
  },
  'casesadmin.empty_file': { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  'casesadmin.too_many_rows': {
    'zh-CN': '文件行数过多（最多 {max} 行）',
    en: 'Too many rows (at most {max})',
  },
  'casesadmin.header_missing': {
    'zh-CN': '无法识别表头，缺少必填列：{missing}',
    en: 'The header row is not recognised; required columns missing: {missing}',
  },
  'casesadmin.header_duplicate': {
    'zh-CN': '表头中「{column}」列出现了两次',
    en: 'The header has the column "{column}" twice',
  },
  'casesadmin.sla_not_found': { 'zh-CN': '时限规则 {id} 不存在', en: 'SLA policy {id} does not exist' },
  'casesadmin.sla_exists': { 'zh-CN': '时限规则 {id} 已存在', en: 'SLA policy {id} already exists' },
  'casesadmin.duration_invalid': {
    'zh-CN': '时限“{value}”无效：应为 <N>h、<N>d 或 <N>wd（如 24h、3d、5wd）',
    en: 'Invalid duration "{value}": use <N>h, <N>d or <N>wd (e.g. 24h, 3d, 5wd)',
  },
  'casesadmin.category_unknown': {
    'zh-CN': '未知的问题类别或前缀：{code}',
    en: 'Unknown category or prefix: {code}',
  },
  'casesadmin.condition_unknown': {
    'zh-CN': '条件“{key}”不是所选类别的属性',
    en: 'The condition "{key}" is not an attribute of the category',
  },
  'casesadmin.calendar_invalid': {
    'zh-CN': '{year} 年节假日安排有 {count} 处错误，未保存',
    en: 'The {year} schedule has {count} error(s); nothing was saved',
  },
  'casesadmin.calendar_year_missing': {
    'zh-CN': '{year} 年节假日安排尚未录入',
    en: 'The {year} public-holiday schedule has not been entered yet',
  },
  'casesadmin.calendar.date_invalid': {
    'zh-CN': '“{date}”不是有效日期（YYYY-MM-DD）',
    en: '"{date}" is not a valid date (YYYY-MM-DD)',
  },
  'casesadmin.calendar.outside_year': {
    'zh-CN': '{date} 不在 {year} 年内（仅允许跨年元旦前后数日）',
    en: '{date} is not in {year} (only the days around New Year may cross the year)',
  },
  'casesadmin.calendar.both': {
    'zh-CN': '{date} 同时列为放假日和调休上班日',
    en: '{date} is listed both as a holiday and as a working day',
  },
  'casesadmin.calendar.workday_not_weekend': {
    'zh-CN': '{date} 本是工作日，不必列为调休上班日',
    en: '{date} is a weekday already; only weekend days can be make-up working days',
  },
  'casesadmin.calendar.taken': {
    'zh-CN': '{date} 已列入 {other} 年的节假日安排',
    en: '{date} is already part of the {other} schedule',
  },
  // Row problems of a responsibility list.
  'casesadmin.row.id_invalid': {
    'zh-CN': '编号必填，只能包含字母、数字、点、下划线和连字符（最多 40 个字符）',
    en: 'The id is required: letters, digits, dots, underscores and hyphens (at most 40)',
  },
  'casesadmin.row.id_duplicate': {
    'zh-CN': '编号 {id} 与第 {first} 行重复',
    en: 'The id {id} repeats row {first}',
  },
  'casesadmin.row.priority_invalid': {
    'zh-CN': '优先级应为 0–9999 的整数',
    en: 'The priority must be a whole number from 0 to 9999',
  },
  'casesadmin.row.category_unknown': {
    'zh-CN': '未知的问题类别“{code}”（可填类别代码，或以 * 结尾的前缀）',
    en: 'Unknown category "{code}" (a category code, or a prefix ending in *)',
  },
  'casesadmin.row.conditions_format': {
    'zh-CN': '条件格式应为 属性=值;属性=值',
    en: 'Conditions must be written attribute=value;attribute=value',
  },
  'casesadmin.row.condition_unknown': {
    'zh-CN': '条件“{key}”不是类别“{code}”的属性',
    en: 'The condition "{key}" is not an attribute of "{code}"',
  },
  'casesadmin.row.district_unknown': {
    'zh-CN': '“{code}”不是区的代码',
    en: '"{code}" is not the code of a district',
  },
  'casesadmin.row.org_type_unknown': {
    'zh-CN': '未知的单位类型“{type}”',
    en: 'Unknown organisation type "{type}"',
  },
  'casesadmin.row.lead_not_statutory': {
    'zh-CN': '类别“{code}”的主办单位依法应为{leads}（{basis}）',
    en: 'By law the lead for "{code}" is {leads} ({basis})',
  },
  'casesadmin.row.org_kind_invalid': {
    'zh-CN': '单位专业“{kind}”格式不正确（字母开头的英文标识）',
    en: 'The organisation kind "{kind}" is malformed (an identifier starting with a letter)',
  },
  'casesadmin.row.cohandlers_format': {
    'zh-CN': '协办单位格式应为 类型:专业;类型:专业（专业可省略）',
    en: 'Co-handlers must be written type:kind;type:kind (kind optional)',
  },
  'casesadmin.row.cohandlers_too_many': {
    'zh-CN': '协办单位最多 5 个',
    en: 'At most 5 co-handlers',
  },
  'casesadmin.row.source_required': {
    'zh-CN': '请填写依据（法规或政策条文）',
    en: 'Give the source (the law or policy behind the row)',
  },
};
