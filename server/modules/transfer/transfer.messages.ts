// Messages of the transfer module: file-level errors (error codes) and row-level problems
// (`transfer.row.*`, rendered into each RowError's message).
import type { Catalogue } from '../../platform/http/messages.js';

export const transferMessages: Catalogue = {
  'transfer.invalid_rows': {
    'zh-CN': '文件中有 {count} 处数据错误，未导入任何数据；请按错误清单修改后重新上传',
    en: 'The file has {count} error(s); nothing was imported. Correct the rows listed and upload again',
  },
  'transfer.file_required': {
    'zh-CN': '请上传 .xlsx 或 .csv 文件（表单字段 file）',
    en: 'Upload an .xlsx or .csv file (form field "file")',
  },
  'transfer.unsupported_format': {
    'zh-CN': '不支持的文件格式「{name}」：只支持 .xlsx 和 .csv（旧版 .xls 请在 Excel 中另存为 .xlsx）',
    en: 'Unsupported file "{name}": only .xlsx and .csv are accepted (save old .xls files as .xlsx)',
  },
  'transfer.unreadable': {
    'zh-CN': '无法读取该 .xlsx 文件，文件可能已损坏或加密',
    en: 'The .xlsx file cannot be read; it may be damaged or encrypted',
  },
  'transfer.encoding': {
    'zh-CN':
      'CSV 文件不是 UTF-8 编码（可能是 GBK）。请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”或 .xlsx 后重新上传',
    en: 'The CSV file is not UTF-8 (perhaps GBK). In Excel use "Save as → CSV UTF-8" or .xlsx and upload again',
  },
  'transfer.empty_file': {
    'zh-CN': '文件中没有数据行（第 1 行应为表头）',
    en: 'The file has no data rows (row 1 must be the header)',
  },
  'transfer.header_unrecognised': {
    'zh-CN':
      '无法识别表头，缺少必填列：{missing}。请使用导入模板的列名（中文或英文）；CSV 文件请使用 UTF-8 编码',
    en: 'The header row is not recognised; required columns missing: {missing}. Use the column names of the import template (Chinese or English); CSV files must be UTF-8',
  },
  'transfer.header_duplicate': {
    'zh-CN': '表头中「{column}」列出现了两次',
    en: 'The header has the column "{column}" twice',
  },
  'transfer.too_many_rows': {
    'zh-CN': '文件有 {count} 行数据，超过单个文件 {max} 行的上限；请拆分为多个文件',
    en: 'The file has {count} data rows, more than the limit of {max} per file; split it into several files',
  },
  'transfer.conflict': {
    'zh-CN': '导入期间相同的记录已被他人创建（例如同时导入了同一文件），未导入任何数据；请刷新后重试',
    en: 'Some of these records were created by someone else meanwhile (e.g. the same file imported twice at once); nothing was imported. Try again',
  },
  'transfer.export_too_large': {
    'zh-CN': '导出超过 {max} 行的上限，请先缩小筛选范围',
    en: 'The export exceeds {max} rows; narrow the filters first',
  },
  'transfer.compound_required': {
    'zh-CN': '导出业主名册需要指定小区（参数 compound）',
    en: 'Exporting owners needs a compound (parameter "compound")',
  },
  'transfer.period_required': {
    'zh-CN': '导出考核结果需要指定考核周期（参数 period）',
    en: 'Exporting assessment results needs a period (parameter "period")',
  },

  // Row-level problems.
  'transfer.row.required': { 'zh-CN': '必填', en: 'is required' },
  'transfer.row.too_long': { 'zh-CN': '不能超过 {max} 个字符', en: 'must be at most {max} characters' },
  'transfer.row.too_short': { 'zh-CN': '至少需要 {min} 个字符', en: 'must have at least {min} characters' },
  'transfer.row.invalid_format': { 'zh-CN': '格式不正确：{value}', en: 'has an invalid format: {value}' },
  'transfer.row.not_integer': {
    'zh-CN': '应为 {min} 至 {max} 之间的整数：{value}',
    en: 'must be a whole number from {min} to {max}: {value}',
  },
  'transfer.row.out_of_range': {
    'zh-CN': '应为 {min} 至 {max} 之间的数字：{value}',
    en: 'must be a number from {min} to {max}: {value}',
  },
  'transfer.row.invalid_date': {
    'zh-CN': '不是有效日期（格式 YYYY-MM-DD）：{value}',
    en: 'is not a valid date (YYYY-MM-DD): {value}',
  },
  'transfer.row.invalid_choice': {
    'zh-CN': '应为 {choices} 之一：{value}',
    en: 'must be one of {choices}: {value}',
  },
  'transfer.row.area_not_a_number': {
    'zh-CN': '不是有效的面积数值（平方米，最多两位小数）：{value}',
    en: 'is not an area in m² with at most two decimals: {value}',
  },
  'transfer.row.area_too_many_decimals': {
    'zh-CN': '面积最多保留两位小数：{value}',
    en: 'an area has at most two decimals: {value}',
  },
  'transfer.row.area_negative': {
    'zh-CN': '面积不能为负数：{value}',
    en: 'an area cannot be negative: {value}',
  },
  'transfer.row.area_zero': { 'zh-CN': '面积必须大于 0', en: 'an area must be greater than 0' },
  'transfer.row.area_too_large': { 'zh-CN': '面积过大：{value}', en: 'the area is too large: {value}' },
  'transfer.row.area_missing': {
    'zh-CN': '登记面积、实测面积、合同面积至少填写一项',
    en: 'at least one of registered, surveyed or contract area is required',
  },
  'transfer.row.id_number_as_number': {
    'zh-CN': '证件号码被 Excel 保存为数字，后几位已丢失；请将该列设为“文本”格式后重新填写',
    en: 'Excel stored the ID number as a number and lost its last digits; format the column as Text and re-enter it',
  },
  'transfer.row.date_in_text': {
    'zh-CN': 'Excel 把该值识别成了日期（{value}）；请将该列设为“文本”格式后重新填写',
    en: 'Excel turned this value into a date ({value}); format the column as Text and re-enter it',
  },
  'transfer.row.duplicate_in_file': {
    'zh-CN': '与第 {other} 行重复：{value}',
    en: 'duplicates row {other}: {value}',
  },
  'transfer.row.division_unknown': {
    'zh-CN': '行政区划代码 {value} 不存在',
    en: 'unknown division code {value}',
  },
  'transfer.row.not_street': {
    'zh-CN': '{value} 不是街道或镇的代码',
    en: '{value} is not the code of a street or town',
  },
  'transfer.row.out_of_scope': {
    'zh-CN': '{value} 不在您的导入数据范围内',
    en: '{value} is outside your import data scope',
  },
  'transfer.row.compound_code_taken': {
    'zh-CN': '小区编码 {value} 已存在',
    en: 'compound code {value} already exists',
  },
  'transfer.row.compound_unknown': {
    'zh-CN': '小区编码 {value} 不存在，或不在您的导入数据范围内',
    en: 'compound code {value} does not exist or is outside your import data scope',
  },
  'transfer.row.rc_unknown': {
    'zh-CN': '该街镇下没有名为「{value}」的居委会',
    en: 'the street has no residents\' committee named "{value}"',
  },
  'transfer.row.rc_ambiguous': {
    'zh-CN': '该街镇下有多个名为「{value}」的居委会',
    en: 'the street has several residents\' committees named "{value}"',
  },
  'transfer.row.building_taken': {
    'zh-CN': '该小区已有楼栋「{value}」',
    en: 'the compound already has a building "{value}"',
  },
  'transfer.row.building_unknown': {
    'zh-CN': '该小区没有楼栋「{value}」（请先导入楼栋）',
    en: 'the compound has no building "{value}" (import the buildings first)',
  },
  'transfer.row.unit_taken': {
    'zh-CN': '该楼栋已有房号「{value}」',
    en: 'the building already has a unit "{value}"',
  },
  'transfer.row.unit_unknown': {
    'zh-CN': '该楼栋没有房号「{value}」（请先导入房屋）',
    en: 'the building has no unit "{value}" (import the units first)',
  },
  'transfer.row.owner_linked': {
    'zh-CN': '「{value}」已登记为该房屋的业主',
    en: '"{value}" is already registered as an owner of this unit',
  },
  'transfer.row.owner_name_mismatch': {
    'zh-CN': '证件号码 {value} 已登记为另一姓名的业主',
    en: 'ID number {value} is registered to an owner with another name',
  },
  'transfer.row.owner_name_mismatch_in_file': {
    'zh-CN': '证件号码 {value} 在第 {other} 行对应另一个姓名',
    en: 'ID number {value} has another name in row {other}',
  },
  'transfer.row.organisation_taken': {
    'zh-CN': '已存在同类型、同名称的组织「{value}」',
    en: 'an organisation of this type named "{value}" already exists',
  },
  'transfer.row.parent_unknown': {
    'zh-CN': '未找到名为「{value}」的上级组织',
    en: 'no parent organisation named "{value}"',
  },
  'transfer.row.parent_ambiguous': {
    'zh-CN': '有多个名为「{value}」的组织，无法确定上级组织',
    en: 'several organisations are named "{value}"; the parent is ambiguous',
  },
  'transfer.row.parent_cycle': {
    'zh-CN': '上级组织关系形成循环：{value}',
    en: 'the parent organisations form a cycle: {value}',
  },
  'transfer.row.credit_code': {
    'zh-CN': '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）：{value}',
    en: 'a unified social credit code has 18 digits or capital letters (no I, O, Z, S, V): {value}',
  },
  'transfer.row.coverage_unknown': {
    'zh-CN': '覆盖街镇代码 {value} 不存在或不是街镇',
    en: 'coverage code {value} is unknown or not a street/town',
  },
};
