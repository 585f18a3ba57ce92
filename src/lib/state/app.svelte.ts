import type { PlanRecord } from '../data/plan-schema.ts';
import { initialLang, langTag, type Lang } from '../i18n/index.ts';
import { defaultVisibility, REGISTRY } from '../layers/registry.ts';

/** What the basemap archive says about itself: which layers it has and which are missing, and why. */
export interface BasemapInfo {
  layers: string[];
  missing: { layer: string; reason: string }[];
  schematicRiver: boolean;
}

/** The application's state: one place, with runes; the map and the panels read and write it. */
export class AppState {
  lang = $state<Lang>('zh');
  visible = $state<Record<string, boolean>>(defaultVisibility());
  basemap = $state<BasemapInfo | null>(null);
  /** The plan's places whose location is not published: listed, never drawn. */
  unlocated = $state<PlanRecord[]>([]);
  loadError = $state<string | null>(null);
  noticeDismissed = $state(false);
  mapReady = $state(false);

  readonly registry = REGISTRY;

  constructor(search = '', languages: readonly string[] = []) {
    this.lang = initialLang(new URLSearchParams(search).get('lang'), languages);
  }

  get langTag(): string {
    return langTag(this.lang);
  }

  /** Registry rows whose every source layer is absent from the basemap. */
  get unavailable(): Set<string> {
    const info = this.basemap;
    if (!info) return new Set();
    const have = new Set(info.layers);
    return new Set(this.registry.filter((d) => d.source === 'basemap' && !d.sourceLayers.some((l) => have.has(l))).map((d) => d.id));
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  toggle(id: string, on = !this.visible[id]): void {
    this.visible[id] = on;
  }
}
