/*
 * A printable brief as data: what the print view shows and the browser prints on A4. Builders (the core's for zones
 * and tasks, a feature's for its own kinds) return a BriefDoc in one language; the view renders it, text from data
 * marked with its language (TextRun), never as markup. No feature imports here: the core and every feature share it.
 *
 * The features' hooks (FeatureDef.briefs, FeatureState.briefSections) are declared here, into the feature contract
 * (state/feature.ts): the state carries only the request, so the core's folders import each other without a cycle
 * (brief → import → state, never back).
 */
import type { TextRun } from '../import/runs.ts';
import type { Lang } from '../i18n/index.ts';
import type { AppState } from '../state/app.svelte.ts';
import type { BriefRequest } from '../state/brief-request.ts';
import type { FeatureState } from '../state/feature.ts';

/** Which brief: what the link's `brief=` key names (defined with the state, which carries it in the link). */
export type { BriefRequest } from '../state/brief-request.ts';

/** A numbered pin on the map excerpt. */
export interface BriefPin {
  lon: number;
  lat: number;
  /** Drawn in the pin: '1', '2'… */
  label: string;
}

/** What the brief's map excerpt shows. */
export interface BriefMapSpec {
  /** [west, south, east, north] to fit; or center+zoom */
  bounds?: [number, number, number, number];
  center?: [number, number];
  zoom?: number;
  pins?: BriefPin[];
  /** plan feature ids to outline/emphasise (e.g. the zone) */
  highlight?: string[];
  caption?: string;
}

export type BriefBlock =
  | { type: 'facts'; rows: { label: string; value: TextRun[] }[] }
  | { type: 'text'; runs: TextRun[] }
  | { type: 'list'; items: TextRun[][] }
  /** The plan's words: `zh` shown lang-tagged; an English reader gets `gloss` first. */
  | { type: 'quote'; task: number; zh: string; gloss?: string; place?: TextRun[] }
  /** Rules met (true), missed (false) or unknown (null). */
  | { type: 'checks'; items: { met: boolean | null; runs: TextRun[] }[] }
  | { type: 'table'; head: string[]; rows: TextRun[][][]; caption?: string };

export interface BriefSection {
  heading: string;
  blocks: BriefBlock[];
}

export interface BriefDoc {
  request: BriefRequest;
  title: TextRun[];
  subtitle?: string;
  /** the team's sample data is shown: print the sample-data mark */
  sample?: boolean;
  map?: BriefMapSpec;
  sections: BriefSection[];
  /** Where the brief's facts come from, one entry a line (the map's credits are printed besides). */
  sources: TextRun[][];
}

/**
 * The briefs a feature builds itself (the investors' view: a site, the shortlist). The print view loads the
 * feature's chunk (`load()`) before it asks, and shows "not found" for null. A feature that owns a kind should also
 * count `app.brief` of that kind in its `wanted`, so that its engine loads the data the brief is made of.
 */
export interface FeatureBriefs<S extends FeatureState = FeatureState> {
  kinds: readonly BriefRequest['kind'][];
  /** The brief in `lang`, or null when the request names nothing the feature has (an unknown listing, say). */
  build(app: AppState, state: S, request: BriefRequest, lang: Lang): Promise<BriefDoc | null>;
}

declare module '../state/feature.ts' {
  interface FeatureState {
    /**
     * What the feature adds to a printable brief it does not own (the monitor: the status of a task; the analysis:
     * its figures for a zone), in `lang`; [] when it has nothing to say. Asked as the brief is built, of every
     * feature whose state answers — a feature whose chunk (and so its data and messages) is not loaded answers [];
     * null says its data is on its way (a feature a brief makes wanted, as the monitor for tasks and zones), and the
     * brief waits for it a while. Its text from data comes as marked runs (`dataRun`), never markup.
     */
    briefSections?(request: BriefRequest, lang: Lang): BriefSection[] | null;
  }
  interface FeatureDef<S extends FeatureState = FeatureState> {
    /** The printable briefs the feature owns (see {@link FeatureBriefs}); the core builds zone and task briefs. */
    briefs?: FeatureBriefs<S>;
  }
}
