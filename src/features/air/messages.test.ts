import { describe, expect, it } from 'vitest';
import { airLabelsEn, airLabelsZh } from './labels.ts';
import { airEn, airZh } from './messages.ts';

// The page's language rule, for the catalogues' own words: no Chinese in English, no run of three English words in Chinese.
const HAN = /[\u4e00-\u9fff]/;
const ENGLISH_RUN = /[A-Za-z]{2,}[ ,.;:'’-]+[A-Za-z]{2,}[ ,.;:'’-]+[A-Za-z]{2,}/;
const texts = (m: string | Record<string, string>) => (typeof m === 'string' ? [m] : Object.values(m));

describe('the air catalogues', () => {
  it.each([
    ['labels', airLabelsZh, airLabelsEn],
    ['messages', airZh, airEn],
  ])('%s: one language at a time, key for key', (_name, zh, en) => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, m] of Object.entries(en)) for (const text of texts(m)) expect(text, key).not.toMatch(HAN);
    for (const [key, m] of Object.entries(zh)) for (const text of texts(m)) expect(text, key).not.toMatch(ENGLISH_RUN);
  });
});
