import { analysisEn, analysisZh } from '../../features/analysis/messages.ts';
import { catalogues, translator, type Lang } from './index.ts';
import { investEn, investZh } from '../../features/invest/messages.ts';
import { importEn, importZh } from '../import/catalogue.ts';

/**
 * Messages of the panels loaded after the first view (the dispersion dashboard, the investors' view and its
 * import), merged with the first view's. Those panels import `t` from here rather than from index.ts, so their
 * catalogues travel in their chunks, not in the first page load.
 */
const zhAll = { ...catalogues.zh, ...analysisZh, ...investZh, ...importZh };
export type PanelMessageKey = keyof typeof zhAll;
const all: Record<Lang, Record<PanelMessageKey, string>> = { zh: zhAll, en: { ...catalogues.en, ...analysisEn, ...investEn, ...importEn } };

/** Looks up a message of the first view or of the later panels (see `t` in index.ts). */
export const t = translator<PanelMessageKey>(all);
