import { describe, expect, it } from 'vitest';
import { englishName, romanize } from '../../scripts/lib/names.ts';

describe('englishName', () => {
  it('keeps a given English name', () => {
    expect(englishName('五角场', 'Wujiaochang')).toBe('Wujiaochang');
  });
  it('translates generic endings and directions', () => {
    expect(englishName('杨高北路')).toBe('Yanggao North Road');
    expect(englishName('中环路')).toBe('Zhonghuan Road');
    expect(englishName('逸仙高架路')).toBe('Yixian Elevated Road');
    expect(englishName('江浦公园')).toBe('Jiangpu Park');
    expect(englishName('长阳大道')).toBe('Changyang Avenue');
  });
  it('drops line qualifiers and romanises the rest', () => {
    expect(englishName('国权路(10号线)')).toBe('Guoquan Road');
    expect(englishName('鞍山')).toBe('Anshan');
    expect(romanize('长阳')).toBe('Changyang');
  });
  it('does not treat a lone ending as a name', () => {
    expect(englishName('路')).toBe('Lu');
  });
});

describe('englishName, special cases', () => {
  it('uses official names pinyin cannot give', () => {
    expect(englishName('上海财经大学')).toBe('Shanghai University of Finance and Economics');
  });
  it('translates the road inside a subdistrict name', () => {
    expect(englishName('四平路街道')).toBe('Siping Road Subdistrict');
    expect(englishName('延吉中路')).toBe('Yanji Middle Road');
  });
});

describe('readings pinyin-pro gets wrong', () => {
  it('reads 行 as hang in Yangpu’s and Minhang’s names', () => {
    expect(englishName('殷行街道')).toBe('Yinhang Subdistrict');
    expect(romanize('闵行')).toBe('Minhang');
  });
  it('keeps 中 in a short stem', () => {
    expect(englishName('场中路')).toBe('Changzhong Road');
  });
});
