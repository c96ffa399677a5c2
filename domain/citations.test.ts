import { describe, expect, it } from 'vitest';
import { chineseNumber, citationBasis, formatCitation } from './citations.js';
import { PERIODS } from './governance.js';

describe('chineseNumber', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [28, '二十八'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [203, '二百零三'],
    [278, '二百七十八'],
    [1001, '一千零一'],
    [1254, '一千二百五十四'],
  ])('%i → %s', (n, zh) => expect(chineseNumber(n)).toBe(zh));

  it('refuses what is not an article number', () => {
    expect(() => chineseNumber(1.5)).toThrow(RangeError);
    expect(() => chineseNumber(-1)).toThrow(RangeError);
  });
});

describe('formatCitation', () => {
  it('writes the regulation in full with article and paragraph (the issue’s example)', () => {
    expect(formatCitation('《规定》 Art 28 ¶1')).toBe('《上海市住宅物业管理规定》第二十八条第一款');
    expect(formatCitation('《规定》 Art 28 ¶1', 'en')).toBe(
      'Shanghai Regulations on Residential Property Management, Art 28(1)',
    );
  });

  it('items, ranges, lists and several laws', () => {
    expect(formatCitation('《规定》 Art 32 ¶2 (二)')).toBe(
      '《上海市住宅物业管理规定》第三十二条第二款第（二）项',
    );
    expect(formatCitation('《规定》 Art 32 ¶2 (二)', 'en')).toBe(
      'Shanghai Regulations on Residential Property Management, Art 32(2)(ii)',
    );
    expect(formatCitation('民法典 Arts 201–203')).toBe('《民法典》第二百零一条至第二百零三条');
    expect(formatCitation('民法典 Arts 201–203', 'en')).toBe('Civil Code, Arts 201–203');
    expect(formatCitation('《规定》 Arts 59, 84 [P]')).toBe(
      '《上海市住宅物业管理规定》第五十九条、第八十四条',
    );
    expect(formatCitation('民法典 Art 280 ¶2; 区分所有权解释 Art 12')).toBe(
      '《民法典》第二百八十条第二款；《最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释》第十二条',
    );
  });

  it('keeps the words after a reference and drops grade marks and research pointers', () => {
    expect(
      formatCitation('《上海市住宅物业管理规定》 Art 60: 分户计量表和表前管线由供水单位维修养护 [P]'),
    ).toBe('《上海市住宅物业管理规定》第六十条：分户计量表和表前管线由供水单位维修养护');
    expect(formatCitation('表位不明：物业先行处置，供水单位协办 [U default]')).toBe(
      '表位不明：物业先行处置，供水单位协办',
    );
    expect(formatCitation('Seed speech: 急修 2 小时到场 [U] (RULES §4.2)')).toBe(
      'Seed speech: 急修 2 小时到场',
    );
    expect(formatCitation('《上海市燃气管理条例》; 《规定》 Art 60 [P]')).toBe(
      '《上海市燃气管理条例》；《上海市住宅物业管理规定》第六十条',
    );
  });

  it('every statutory period of governance is written without notation', () => {
    for (const [name, period] of Object.entries(PERIODS)) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = formatCitation(period.ref, lang);
        expect(text, name).not.toMatch(lang === 'zh-CN' ? /Art|¶|\[/ : /¶|\[|《/);
        expect(text, name).not.toBe('');
      }
    }
  });

  it('a period the law leaves open is shown as the product default it is (issue 14 item 26)', () => {
    expect(formatCitation(PERIODS.decisionResultNotice.ref)).toBe(
      '《上海市住宅物业管理规定》第二十七条第二款（具体期限为本系统默认设置，法规未作规定）',
    );
    expect(formatCitation('《规定》 Art 27 ¶2 (product default); 民法典 Art 280', 'en')).toBe(
      'Shanghai Regulations on Residential Property Management, Art 27(2) (the period is this product’s default; the law sets none); Civil Code, Art 280',
    );
    expect(formatCitation(PERIODS.resolutionNotice.ref)).not.toMatch(/默认/);
  });

  it('a segment that names no law is in the law of the segment before it (issue 14 item 31)', () => {
    expect(formatCitation('上海市消防条例 Art 43 ¶1 (四); Art 18 ¶1 (四) [P]')).toBe(
      '《上海市消防条例》第四十三条第一款第（四）项；《上海市消防条例》第十八条第一款第（四）项',
    );
    expect(formatCitation('《上海市燃气管理条例》 Art 29; Art 28 ¶2', 'en')).toBe(
      'Shanghai Gas Management Regulations, Art 29; Shanghai Gas Management Regulations, Art 28(2)',
    );
    // Free words are no article: they do not inherit.
    expect(formatCitation('《规定》 Art 60; 管水到表')).toBe('《上海市住宅物业管理规定》第六十条；管水到表');
  });

  it('local practice and the owner’s duty are said in words, never as if an article said them', () => {
    expect(formatCitation('表位不明：物业先行处置 [U default] (local practice)')).toBe(
      '表位不明：物业先行处置（本地工作惯例，非法规规定）',
    );
    expect(formatCitation('表位不明：物业先行处置 (local practice)', 'en')).toBe(
      '表位不明：物业先行处置 (local practice, not set by law)',
    );
    expect(formatCitation("《规定》 Art 68 (一): 专有部分 (owner's duty); Art 73 ¶1")).toBe(
      '《上海市住宅物业管理规定》第六十八条第（一）项：专有部分（属业主自身责任：业主自行维修，也可委托物业服务企业有偿维修）；《上海市住宅物业管理规定》第七十三条第一款',
    );
  });

  it('citationBasis: statutory only when every segment names a law and an article', () => {
    expect(citationBasis('上海市消防条例 Art 43 ¶1 (四); Art 18 ¶1 (四)')).toEqual({
      statutory: true,
      articles: ['《上海市消防条例》第四十三条', '《上海市消防条例》第十八条'],
      markers: [],
    });
    expect(citationBasis('《规定》 Arts 60, 68').articles).toEqual([
      '《上海市住宅物业管理规定》第六十条',
      '《上海市住宅物业管理规定》第六十八条',
    ]);
    expect(citationBasis('《上海市燃气管理条例》; 《规定》 Art 60').statutory).toBe(false); // a law without article
    expect(citationBasis('RULES §6 管水到表 [S]').statutory).toBe(false);
    expect(citationBasis('街镇负责 (local practice)')).toEqual({
      statutory: false,
      articles: [],
      markers: ['local practice'],
    });
    expect(citationBasis(null)).toEqual({ statutory: false, articles: [], markers: [] });
  });

  it('empty in, empty out; unknown text passes through', () => {
    expect(formatCitation(null)).toBe('');
    expect(formatCitation('')).toBe('');
    expect(formatCitation('街镇负责')).toBe('街镇负责');
  });
});
