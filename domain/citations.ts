// Legal references written as people cite them. Code and reference data keep a compact notation
// (`《规定》 Art 28 ¶1`, `民法典 Arts 201–203`, `《规定》 Art 32 ¶2 (二)`, with source grades such as `[P]`);
// users read `《上海市住宅物业管理规定》第二十八条第一款` (zh-CN) or
// `Shanghai Regulations on Residential Property Management, Art 28(1)` (en), and never a grade mark.

export type CitationLang = 'zh-CN' | 'en';

interface Law {
  /** How people cite it in Chinese, with its book-title marks. */
  zh: string;
  en: string;
}

/** The laws the code and reference data cite, under every short name they use. */
const LAWS: ReadonlyArray<{ names: readonly string[]; law: Law }> = [
  {
    names: ['《规定》', '《上海市住宅物业管理规定》', '上海市住宅物业管理规定'],
    law: { zh: '《上海市住宅物业管理规定》', en: 'Shanghai Regulations on Residential Property Management' },
  },
  {
    names: ['民法典', '《民法典》'],
    law: { zh: '《民法典》', en: 'Civil Code' },
  },
  {
    names: ['区分所有权解释', '《区分所有权解释》'],
    law: {
      zh: '《最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释》',
      en: 'Supreme People’s Court Interpretation on Building Condominium Ownership Disputes',
    },
  },
  {
    names: ['《物业管理条例》', '物业管理条例'],
    law: { zh: '《物业管理条例》', en: 'Property Management Regulations (State Council)' },
  },
  {
    names: ['《上海市拆除违法建筑若干规定》', '拆违规定', '拆违'],
    law: {
      zh: '《上海市拆除违法建筑若干规定》',
      en: 'Shanghai Provisions on the Demolition of Illegal Buildings',
    },
  },
  {
    names: ['《上海市供水管理条例》', '上海市供水管理条例'],
    law: { zh: '《上海市供水管理条例》', en: 'Shanghai Water Supply Regulations' },
  },
  {
    names: ['特种设备安全法', '《特种设备安全法》'],
    law: { zh: '《特种设备安全法》', en: 'Special Equipment Safety Law' },
  },
  {
    names: ['上海市消防条例', '《上海市消防条例》'],
    law: { zh: '《上海市消防条例》', en: 'Shanghai Fire Protection Regulations' },
  },
  {
    names: ['噪声污染防治法', '《噪声污染防治法》'],
    law: { zh: '《噪声污染防治法》', en: 'Noise Pollution Prevention and Control Law' },
  },
  {
    names: ['上海市非机动车安全管理条例', '《上海市非机动车安全管理条例》'],
    law: { zh: '《上海市非机动车安全管理条例》', en: 'Shanghai Regulations on Non-Motor Vehicle Safety' },
  },
  {
    names: ['上海市生活垃圾管理条例', '《上海市生活垃圾管理条例》'],
    law: { zh: '《上海市生活垃圾管理条例》', en: 'Shanghai Household Waste Management Regulations' },
  },
  {
    names: ['上海市养犬管理条例', '《上海市养犬管理条例》'],
    law: { zh: '《上海市养犬管理条例》', en: 'Shanghai Dog Management Regulations' },
  },
  {
    names: ['《电力供应与使用条例》', '电力供应与使用条例'],
    law: { zh: '《电力供应与使用条例》', en: 'Regulations on Electricity Supply and Use' },
  },
  {
    names: ['《上海市燃气管理条例》', '上海市燃气管理条例'],
    law: { zh: '《上海市燃气管理条例》', en: 'Shanghai Gas Management Regulations' },
  },
  {
    names: ['《上海市住房租赁条例》', '上海市住房租赁条例'],
    law: { zh: '《上海市住房租赁条例》', en: 'Shanghai Housing Rental Regulations' },
  },
];

const BY_NAME = new Map(LAWS.flatMap(({ names, law }) => names.map((n) => [n, law] as const)));
/** Longest names first, so `《上海市住宅物业管理规定》` wins over a shorter name inside it. */
const NAMES = [...BY_NAME.keys()].sort((a, b) => b.length - a.length);

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 28 → 二十八, 105 → 一百零五, 278 → 二百七十八, 1259 → 一千二百五十九. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`chineseNumber: ${n} is not 0..9999`);
  if (n === 0) return DIGITS[0];
  const units = ['千', '百', '十', ''];
  const ds = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += DIGITS[0];
    zero = false;
    out += DIGITS[d] + units[i];
  });
  return n >= 10 && n < 20 ? out.replace(/^一十/, '十') : out;
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
const ITEM_ZH = '一二三四五六七八九十';

/** Grade marks and internal research pointers, never shown: `[P]`, `[U default]`, `(RULES §4.2)`. */
const HIDDEN = /\s*\[(?:P|S|U)[^\]]*\]|\s*\(?RULES §[\d.]+\)?(?:\s*\[[^\]]*\])?/g;

interface Article {
  law: Law | null;
  /** Article numbers as written: `28`, `25–26`, `60, 68`. */
  articles: number[];
  range: boolean;
  paragraph: number | null;
  /** 项, written `(二)`. */
  item: string | null;
  /** Free words after the reference (`: 24 小时内修复`). */
  rest: string;
}

const ART_RE =
  /^Arts?\s+(\d+)((?:\s*[–-]\s*\d+)|(?:\s*,\s*\d+)*)(?:\s*¶\s*(\d+))?(?:\s*[(（]([一二三四五六七八九十]+)[)）])?/;

/** A segment's law (by the longest name it starts with) and the text after the name. */
function splitLaw(segment: string): { law: Law | null; text: string } {
  const text = segment.trim();
  const name = NAMES.find((n) => text.startsWith(n));
  return name
    ? { law: BY_NAME.get(name) ?? null, text: text.slice(name.length).trim() }
    : { law: null, text };
}

/** An article reference at the start of `text`, or null when the text names no article. */
function parseArticle(law: Law | null, text: string): Article | null {
  const m = ART_RE.exec(text);
  if (!m) return null;
  const tail = m[2] ?? '';
  return {
    law,
    articles: [Number(m[1]), ...(tail.match(/\d+/g)?.map(Number) ?? [])],
    range: /[–-]/.test(tail),
    paragraph: m[3] ? Number(m[3]) : null,
    item: m[4] ?? null,
    rest: text.slice(m[0].length).trim(),
  };
}

function zhArticle(a: Article): string {
  const nums = a.articles.map(chineseNumber);
  const arts = a.range ? `第${nums[0]}条至第${nums[1]}条` : nums.map((n) => `第${n}条`).join('、');
  const para = a.paragraph ? `第${chineseNumber(a.paragraph)}款` : '';
  const item = a.item ? `第（${a.item}）项` : '';
  return `${a.law?.zh ?? ''}${arts}${para}${item}`;
}

function enArticle(a: Article): string {
  const many = a.articles.length > 1;
  const arts = a.range ? `${a.articles[0]}–${a.articles[1]}` : a.articles.join(', ');
  const para = a.paragraph ? `(${a.paragraph})` : '';
  const itemIndex = a.item ? ITEM_ZH.indexOf(a.item) : -1;
  const item = a.item ? `(${ROMAN[itemIndex] ?? a.item})` : '';
  const ref = `${many ? 'Arts' : 'Art'} ${arts}${para}${item}`;
  return a.law ? `${a.law.en}, ${ref}` : ref;
}

function restText(rest: string, lang: CitationLang): string {
  const words = rest.replace(/^[:：]\s*/, '').trim();
  if (!words) return '';
  return lang === 'zh-CN' ? `：${words}` : `: ${words}`;
}

/**
 * Markers after a reference, shown to users in words and never as if the article said them:
 * - `(product default)`: a period the law leaves open ("及时公布") whose figure the product chose;
 * - `(local practice)`: a routing choice no statute makes (属地 practice, a default of this product) — a source
 *   that is not a statute says so;
 * - `(owner's duty)`: the law puts the matter on the owner (专有部分, 《规定》 Art 68 (一)); any organisation
 *   named only offers a paid service the owner may choose.
 */
export const CITATION_MARKERS = ['product default', 'local practice', "owner's duty"] as const;
export type CitationMarker = (typeof CITATION_MARKERS)[number];
const MARKER_RE = /\s*\((product default|local practice|owner's duty)\)\s*$/;
const MARKER_WORDS: Record<CitationMarker, Record<CitationLang, string>> = {
  'product default': {
    'zh-CN': '（具体期限为本系统默认设置，法规未作规定）',
    en: ' (the period is this product’s default; the law sets none)',
  },
  'local practice': {
    'zh-CN': '（本地工作惯例，非法规规定）',
    en: ' (local practice, not set by law)',
  },
  "owner's duty": {
    'zh-CN': '（属业主自身责任：业主自行维修，也可委托物业服务企业有偿维修）',
    en: ' (the owner’s own duty: the owner repairs, or may pay the property company to)',
  },
};

interface Segment {
  law: Law | null;
  article: Article | null;
  /** The segment's text after its law name (the whole segment when it names none). */
  text: string;
  marker: CitationMarker | null;
}

/**
 * The segments of a reference (split at `;`), each with its law and article. A segment that starts with an
 * article and names no law (`上海市消防条例 Art 18 ¶1 (四); Art 43 (四)`) is in the law of the one before.
 */
function segments(ref: string): Segment[] {
  let previous: Law | null = null;
  return ref
    .replace(HIDDEN, '')
    .split(/\s*[;；]\s*/)
    .map((segment) => segment.trim())
    .filter(Boolean)
    .map((raw) => {
      const marker = (MARKER_RE.exec(raw)?.[1] as CitationMarker | undefined) ?? null;
      const split = splitLaw(raw.replace(MARKER_RE, ''));
      const law = split.law ?? (ART_RE.test(split.text) ? previous : null);
      previous = law;
      return { law, article: parseArticle(law, split.text), text: split.text, marker };
    });
}

/**
 * A reference in the compact notation, as people cite it. Unknown text passes through (without grade
 * marks), so a free-text source written by an administrator is still shown.
 */
export function formatCitation(ref: string | null | undefined, lang: CitationLang = 'zh-CN'): string {
  if (!ref) return '';
  return segments(ref)
    .map(({ law, article, text, marker }) => {
      const tail = marker ? MARKER_WORDS[marker][lang] : '';
      if (article)
        return (
          (lang === 'zh-CN' ? zhArticle(article) : enArticle(article)) + restText(article.rest, lang) + tail
        );
      if (law) return (lang === 'zh-CN' ? law.zh : law.en) + restText(text, lang) + tail;
      return text + tail;
    })
    .join(lang === 'zh-CN' ? '；' : '; ');
}

/** What a reference rests on: the statutes and articles it names, and its markers. */
export interface CitationBasis {
  /** Every segment names a known law and an article of it. */
  statutory: boolean;
  /** The articles named, as `《law》第N条` (zh), in order. */
  articles: string[];
  markers: CitationMarker[];
}

export function citationBasis(ref: string | null | undefined): CitationBasis {
  const parts = ref ? segments(ref) : [];
  return {
    statutory: parts.length > 0 && parts.every((p) => p.law !== null && p.article !== null),
    articles: parts.flatMap((p) =>
      p.law && p.article ? p.article.articles.map((n) => `${p.law!.zh}第${chineseNumber(n)}条`) : [],
    ),
    markers: parts.flatMap((p) => (p.marker ? [p.marker] : [])),
  };
}
