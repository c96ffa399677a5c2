// What residents of a Pudong compound report over a year, as data for the demo case history: how often each
// category of the taxonomy comes up, by month (burst and frozen pipes in winter, power cuts under the summer air-
// conditioning load, leaks and blocked drains in 梅雨 and the typhoon season, noise in summer), through which
// channels, in whose words — and the notes staff write on each step.
import type { ReturnReason } from '../../domain/case-lifecycle.js';
import type { Rng } from './synthetic.js';

export interface CategoryMix {
  code: string;
  /** Relative frequency over a year. */
  weight: number;
  /** Multipliers by month (1–12); months not named count 1. */
  season?: Partial<Record<number, number>>;
  /** Routing attributes to draw: each key's values with their weights. */
  attributes?: Record<string, [string | boolean, number][]>;
  /** Channels other than the hotline/resident mix that find it: grid inspection, property company, referral. */
  found?: ('gridInspection' | 'propertyCompany' | 'departmentReferral')[];
  texts: string[];
}

const WINTER = { 12: 2.2, 1: 2.8, 2: 2.2 };
const PLUM_RAIN = { 6: 2.6, 7: 2.2, 8: 1.6, 9: 1.5 };
const SUMMER = { 6: 1.4, 7: 2.4, 8: 2.4, 9: 1.3 };

export const CATEGORY_MIX: CategoryMix[] = [
  {
    code: 'repair.urgent.water_burst',
    weight: 5,
    season: WINTER,
    attributes: {
      // 《规定》 Art 60: the meter itself (冻裂的水表) is the utility's, like everything before it.
      meterPosition: [
        ['before', 1],
        ['at', 1],
        ['after', 3],
      ],
      part: [
        ['common', 2],
        ['own', 1],
      ],
    },
    found: ['propertyCompany'],
    texts: ['{b}水管爆裂，楼道里都是水', '寒潮后{b}水表附近管道冻裂漏水', '{b}地下车库进水管破裂，水流不止'],
  },
  {
    code: 'repair.urgent.water_outage',
    weight: 2.5,
    season: { ...WINTER, 7: 1.4, 8: 1.4 },
    texts: ['{b}突然停水，没有接到任何通知', '整栋楼停水已经半天了', '{b}高层水压不足，基本没有水'],
  },
  {
    code: 'repair.urgent.power_outage',
    weight: 3,
    season: SUMMER,
    attributes: {
      meterPosition: [
        ['before', 1],
        ['at', 0.5],
        ['after', 2],
      ],
    },
    texts: ['{b}整栋楼停电，电梯也停了', '高温天{b}频繁跳闸', '{b}楼道总闸跳闸，几户人家没电'],
  },
  {
    code: 'repair.urgent.drain_overflow',
    weight: 3,
    season: PLUM_RAIN,
    attributes: {
      part: [
        ['common', 3],
        ['own', 1],
      ],
    },
    found: ['propertyCompany'],
    texts: ['{b}化粪池满溢，气味很大', '下雨后{b}门口下水道倒灌', '{b}底楼污水管堵塞外溢'],
  },
  {
    code: 'repair.urgent.lift_trapped',
    weight: 2,
    texts: ['{b}电梯困人，已经十几分钟', '{b}电梯突然停在两层之间，有老人被困'],
  },
  {
    code: 'repair.urgent.gas_leak',
    weight: 0.6,
    season: WINTER,
    texts: ['{b}楼道里有很重的燃气味', '{b}燃气管道接口处疑似漏气'],
  },
  {
    code: 'repair.urgent.fire_facility',
    weight: 1.5,
    found: ['gridInspection', 'propertyCompany'],
    texts: ['{b}消火栓箱里没有水带', '{b}烟感报警器坏了一直响', '{b}消防应急灯全部不亮'],
  },
  {
    code: 'repair.urgent.facade_falling',
    weight: 1,
    season: { 8: 2.2, 9: 2.2 },
    found: ['gridInspection'],
    texts: ['台风过后{b}外墙瓷砖松动有掉落危险', '{b}空调外机支架锈蚀，随时可能坠落'],
  },
  {
    code: 'repair.urgent.roof_leak',
    weight: 2,
    season: PLUM_RAIN,
    texts: ['{b}顶楼屋面渗水，天花板在滴水', '连续下雨后{b}外墙渗漏严重'],
  },
  {
    code: 'repair.ordinary',
    weight: 14,
    attributes: {
      part: [
        ['common', 3],
        ['own', 1],
      ],
    },
    found: ['propertyCompany'],
    texts: [
      '{b}楼道灯坏了很久没人修',
      '{b}单元门门禁失灵',
      '{b}信报箱损坏',
      '小区路面破损积水',
      '{b}楼梯扶手松动',
    ],
  },
  {
    code: 'illegal_construction',
    weight: 6,
    season: { 3: 1.5, 4: 1.6, 5: 1.4 },
    attributes: {
      underConstruction: [
        [true, 1],
        [false, 2],
      ],
    },
    found: ['gridInspection', 'departmentReferral'],
    texts: [
      '{b}顶楼有人在搭建阳光房',
      '底楼住户私自扩建院子围墙',
      '{b}露台加盖彩钢板房',
      '有人在绿地上搭建棚屋',
    ],
  },
  {
    code: 'group_renting',
    weight: 4,
    found: ['gridInspection'],
    texts: ['{b}一套房子住了十几个人，进出频繁', '{b}房东把客厅隔成多间出租'],
  },
  {
    code: 'fire_lane',
    weight: 4,
    found: ['gridInspection', 'propertyCompany'],
    texts: ['消防通道长期被私家车占用', '{b}楼道堆满杂物，堵塞疏散通道'],
  },
  {
    code: 'noise',
    weight: 8,
    season: SUMMER,
    texts: [
      '楼上装修超时施工，晚上十点还在敲',
      '广场舞音响声音太大',
      '{b}空调外机噪声扰民',
      '夜间有人在小区里喧哗',
    ],
  },
  { code: 'dogs', weight: 3, texts: ['有人遛狗不牵绳，孩子被吓到', '{b}楼道里有狗粪无人清理'] },
  {
    code: 'rubbish_sorting',
    weight: 4,
    found: ['gridInspection'],
    texts: ['垃圾厢房满溢没人清运', '有人乱扔装修垃圾', '定时投放点经常不开'],
  },
  {
    code: 'lift',
    weight: 5,
    found: ['propertyCompany'],
    texts: ['{b}电梯经常故障停运', '{b}电梯运行有异响', '{b}电梯按钮失灵'],
  },
  {
    code: 'ebike_stairwell',
    weight: 4,
    season: WINTER,
    found: ['gridInspection'],
    texts: ['{b}有人把电瓶车推进楼道充电', '{b}楼道里飞线充电，很危险'],
  },
  {
    code: 'thrown_objects',
    weight: 1.5,
    texts: ['{b}有人从楼上往下扔垃圾', '{b}楼上掉下花盆，差点砸到人'],
  },
  {
    code: 'parking',
    weight: 7,
    found: ['propertyCompany'],
    texts: ['外来车辆随意停放', '小区车位分配不公开', '道闸坏了谁都能进'],
  },
  {
    // 《规定》 Arts 62, 88: routed to the district housing authority.
    code: 'parking_not_rented',
    weight: 1,
    texts: ['开发商地下车位只卖不租，业主想租都租不到', '开发商说剩余车位只售不租，要求业主买车位'],
  },
  {
    code: 'committee_complaint',
    weight: 2,
    texts: ['业委会账目不公开', '业委会换届迟迟不启动', '业委会擅自决定续聘物业'],
  },
  {
    code: 'property_service_complaint',
    weight: 7,
    texts: ['物业报修后一直没人来', '保洁不到位，楼道很脏', '保安不在岗，外人随便进出', '绿化长期没人修剪'],
  },
  {
    code: 'fee_price',
    weight: 3,
    season: { 1: 1.8, 12: 1.4 },
    texts: ['物业费突然上涨没有公示', '停车费收费标准不透明', '电梯维修费分摊有疑问'],
  },
  {
    code: 'water_quality',
    weight: 2,
    season: { 7: 1.5, 8: 1.5 },
    texts: ['{b}自来水发黄有异味', '二次供水水箱很久没清洗'],
  },
  { code: 'other', weight: 3, texts: ['小区里有流浪猫很多', '希望增加健身设施', '小区路灯太暗'] },
];

/** How reports reach the system, for cases residents report (grid, company and referral aside). */
export const RESIDENT_CHANNELS: [string, number][] = [
  ['hotline12345', 58],
  ['residentWeb', 16],
  ['open311', 12],
  ['hotline962121', 10],
  ['hotline12319', 4],
];

/** Share of a category's cases found by the units that work in the compound, when they can find it. */
export const FOUND_SHARE = { gridInspection: 0.3, propertyCompany: 0.18, departmentReferral: 0.1 };

export const NOTES = {
  decline: ['经核实不属于受理范围，已告知来电人', '诉求为咨询类，已当场解答'],
  recall: ['派遣单位有误，撤回重新研判'],
  redispatch: ['经核实应由属地街道牵头协调，改派'],
  returnCase: [
    '经现场核实不属于本单位职责',
    '诉求描述不清，无法处置',
    '该部位属于业主自用部位，非本单位负责',
  ],
  requestExtension: ['需等待配件到货', '涉及多个部门，需要协调时间', '需业主配合入户，时间另约'],
  refuseExtension: ['延期理由不充分，请按期办结'],
  suspend: ['等待业主大会表决使用维修资金', '当事人外出，暂时无法入户'],
  parkLongTerm: ['历史遗留问题，需纳入区级统筹解决', '涉及规划调整，短期内无法解决'],
  unpark: ['统筹方案已落实，恢复办理'],
  supervise: ['请加快办理，按时反馈', '群众反映强烈，请尽快处置'],
  comment: ['已电话联系报告人，约定上门时间', '已现场查看，正在制定方案'],
  reportBack: ['已现场处置完毕', '已维修完成，恢复正常', '已约谈当事人并责令整改', '已清理完毕'],
  reportUnresolved: ['已到场处置，问题需长期治理'],
  verifyFail: ['现场复核问题仍然存在，请继续处置'],
  merge: ['同一问题重复反映，合并办理'],
  // The duties the law names (拆违规定第五条、第九条; 《上海市住宅物业管理规定》第五十九条).
  feedBackReporter: [
    '已电话告知举报人查处情况：已立案调查，责令当事人限期拆除',
    '已书面告知举报人：经现场核查属违法搭建，已下达责令限期改正通知书',
  ],
  dissuasionFailed: ['现场劝阻无效，当事人拒不停止施工', '书面告知并制止无效，当事人继续搭建'],
  reportViolation: [
    '已向业主委员会和街道城管中队书面报告违法搭建情况（附现场照片）',
    '已报告街道房管办及城管执法中队，并告知业委会',
  ],
};

export const RETURN_REASONS_USED: ReturnReason[] = [
  'not_our_jurisdiction',
  'wrong_category',
  'insufficient_information',
];

/** Draws a value by weight. */
export function weighted<T>(r: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}
