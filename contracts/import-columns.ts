// The import columns of every registry import kind, in template order: plain data without zod, so the web
// can show a template's columns (and the server reads headers by them). Re-exported by contracts/transfer.ts.
export const IMPORT_KINDS = ['compounds', 'buildings', 'units', 'owners', 'organisations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * One import column. A header cell is recognised by its Chinese label, its key, its English label or an
 * alias — compared after NFKC, lower-casing and removing spaces, `_`, `-`, `*` and a trailing `(…)`
 * (so `建筑面积（㎡）`, `建筑面积(m²)`, `建筑面积` and `Building area (m²)` are the same column).
 */
export interface ImportColumn {
  key: string;
  zh: string;
  en: string;
  required: boolean;
  /** The value in the template's example row. */
  example: string;
  aliases?: readonly string[];
}

const col = (
  key: string,
  zh: string,
  en: string,
  required: boolean,
  example: string,
  aliases?: readonly string[],
): ImportColumn => ({ key, zh, en, required, example, ...(aliases ? { aliases } : {}) });

/** Unit use: Chinese label → stored code. */
/** The import columns of each kind, in template order. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  compounds: [
    col('code', '小区编码', 'Code', true, 'PD-HM-0001', ['compoundCode']),
    col('name', '小区名称', 'Name', true, '锦绣花园'),
    col('address', '地址', 'Address', true, '浦东新区锦绣路1000弄'),
    col('streetCode', '街镇代码', 'Street code', true, '310115016'),
    col('residentsCommittee', '居委会', 'Residents committee', false, ''),
    col('buildingArea', '建筑面积(㎡)', 'Building area (m²)', false, '52340.50'),
    col('firstDeliveryOn', '首次交付日期', 'First delivery on', false, '2005-06-30'),
    col('lat', '纬度', 'Latitude', false, '31.215', ['lat']),
    col('lng', '经度', 'Longitude', false, '121.545', ['lng', 'lon']),
    col('managementAreaName', '物业管理区域', 'Management area', false, '', ['managementAreaName']),
  ],
  buildings: [
    col('compoundCode', '小区编码', 'Compound code', true, 'PD-HM-0001'),
    col('name', '楼栋', 'Building', true, '1号楼', ['buildingName']),
    col('floors', '层数', 'Floors', true, '18'),
  ],
  units: [
    col('compoundCode', '小区编码', 'Compound code', true, 'PD-HM-0001'),
    col('building', '楼栋', 'Building', true, '1号楼', ['buildingName']),
    col('number', '房号', 'Number', true, '1201', ['unit', 'unitNumber']),
    col('use', '用途', 'Use', true, '住宅'),
    col('registeredArea', '登记面积', 'Registered area', false, '89.50'),
    col('surveyedArea', '实测面积', 'Surveyed area', false, ''),
    col('contractArea', '合同面积', 'Contract area', false, ''),
    col('deliveredOn', '交付日期', 'Delivered on', false, '2005-06-30'),
    col('entrance', '单元', 'Entrance', false, '1单元'),
  ],
  owners: [
    col('compoundCode', '小区编码', 'Compound code', true, 'PD-HM-0001'),
    col('building', '楼栋', 'Building', true, '1号楼', ['buildingName']),
    col('number', '房号', 'Number', true, '1201', ['unit', 'unitNumber']),
    col('name', '业主姓名', 'Name', true, '王伟', ['ownerName', '姓名']),
    col('kind', '类型', 'Kind', false, '个人', ['业主类型']),
    col('phone', '手机', 'Phone', false, '13800000000', ['电话', '手机号码', '联系电话']),
    col('idNumber', '证件号码', 'ID number', false, '310115199001011234', ['身份证号', '身份证号码']),
  ],
  organisations: [
    col('type', '类型', 'Type', true, '居委会', ['组织类型']),
    col('kind', '专业类别', 'Kind', false, ''),
    col('name', '名称', 'Name', true, '花木街道锦绣第1居民委员会', ['组织名称']),
    col('divisionCode', '行政区划代码', 'Division code', true, '310115016', ['区划代码']),
    col('parentName', '上级组织', 'Parent name', false, '', ['parent']),
    col('creditCode', '统一社会信用代码', 'Credit code', false, ''),
    col('phone', '电话', 'Phone', false, '021-58880000'),
    col('address', '地址', 'Address', false, '浦东新区锦绣路1000弄1号'),
    col('coverage', '覆盖街镇', 'Coverage', false, '', ['服务街镇', '管辖街镇']),
  ],
};
