import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { airLabelsEn, airLabelsZh } from '../../src/features/air/labels.ts';
import { airEn, airZh } from '../../src/features/air/messages.ts';
import { analysisLabelsEn, analysisLabelsZh } from '../../src/features/analysis/labels.ts';
import { analysisEn, analysisZh } from '../../src/features/analysis/messages.ts';
import { significanceEn, significanceZh } from '../../src/features/analysis/significance-messages.ts';
import { investLabelsEn, investLabelsZh } from '../../src/features/invest/labels.ts';
import { investEn, investZh } from '../../src/features/invest/messages.ts';
import { finderEn, finderZh } from '../../src/features/invest/finder/messages.ts';
import { investBriefEn, investBriefZh } from '../../src/features/invest/brief-messages.ts';
import { monitorImportEn, monitorImportZh } from '../../src/features/monitor/import-catalogue.ts';
import { monitorLabelsEn, monitorLabelsZh } from '../../src/features/monitor/labels.ts';
import { monitorEn, monitorZh } from '../../src/features/monitor/messages.ts';
import { nearLabelsEn, nearLabelsZh } from '../../src/features/near/labels.ts';
import { nearEn, nearZh } from '../../src/features/near/messages.ts';
import { briefEn, briefZh } from '../../src/lib/brief/messages.ts';
import { en } from '../../src/lib/i18n/en.ts';
// Registers the two English catalogues checked below (the first view's and the faults'), as one chunk.
import '../../src/lib/i18n/english.ts';
import { faultsZh } from '../../src/lib/i18n/faults.ts';
import { faultsEn } from '../../src/lib/i18n/faults-en.ts';
import type { Message } from '../../src/lib/i18n/index.ts';
import { panelsEn, panelsZh } from '../../src/lib/i18n/panels.ts';
import { zh } from '../../src/lib/i18n/zh.ts';
import { importEn, importZh } from '../../src/lib/import/catalogue.ts';
import { aboutEn, aboutZh } from '../../src/lib/ui/about-messages.ts';
import { navigateEn, navigateZh } from '../../src/lib/ui/card/navigate-messages.ts';
import { embedEn, embedZh } from '../../src/lib/ui/embed-messages.ts';
import { shareEn, shareZh } from '../../src/lib/ui/share-messages.ts';
import { ROOT, walk } from '../support/imports.ts';
import { expectOneLanguage } from '../support/language.ts';

// Written in the other language on purpose: the other title in the page's title, and the language button's
// name for the other language (shown with its own `lang`).
const BILINGUAL = new Set(['appTitleOther', 'switchTo']);
const own = (c: Record<string, Message>) => Object.fromEntries(Object.entries(c).filter(([k]) => !BILINGUAL.has(k)));

describe('every catalogue keeps to its language, key for key', () => {
  it.each([
    ['first view', zh, en],
    ['faults', faultsZh, faultsEn],
    ['panels', panelsZh, panelsEn],
    ['briefs', briefZh, briefEn],
    ['about', aboutZh, aboutEn],
    ['import kernel', importZh, importEn],
    ['air labels', airLabelsZh, airLabelsEn],
    ['air', airZh, airEn],
    ['analysis labels', analysisLabelsZh, analysisLabelsEn],
    ['analysis', analysisZh, analysisEn],
    ['significance', significanceZh, significanceEn],
    ['invest labels', investLabelsZh, investLabelsEn],
    ['invest', investZh, investEn],
    ['site finder', finderZh, finderEn],
    ['site and shortlist briefs', investBriefZh, investBriefEn],
    ['monitor labels', monitorLabelsZh, monitorLabelsEn],
    ['monitor', monitorZh, monitorEn],
    ['monitor import', monitorImportZh, monitorImportEn],
    ['near labels', nearLabelsZh, nearLabelsEn],
    ['near', nearZh, nearEn],
    ['navigate', navigateZh, navigateEn],
    ['embed', embedZh, embedEn],
    ['share', shareZh, shareEn],
  ] as [string, Record<string, Message>, Record<string, Message>][])('%s', (_name, zhCatalogue, enCatalogue) => {
    expectOneLanguage(own(zhCatalogue), own(enCatalogue));
  });
});

// A catalogue this file does not import would escape the check above.
it('checks every catalogue the site registers', () => {
  const registering = walk(resolve(ROOT, 'src'))
    .filter((f) => /\.(ts|svelte)$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('src/lib/i18n/index.ts'))
    .filter((f) => /\bregisterMessages\(\{/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f).replace(/\\/g, '/'));
  const self = readFileSync(resolve(ROOT, 'tests/unit/catalogue-language.test.ts'), 'utf8');
  expect(registering.length).toBeGreaterThan(10);
  expect(registering.filter((f) => !self.includes(`'../../${f}'`))).toEqual([]);
});
