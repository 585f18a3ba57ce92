import type { GeoJSONSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Component } from 'svelte';
import type { Bilingual, MessageKey } from '../i18n/index.ts';
import type { LayerDef } from '../layers/types.ts';
import type { AppState } from './app.svelte.ts';

/*
 * How a capability (a folder of src/features/) plugs into the shared core without the core importing it. The app's
 * composition root hands the core a list of FeatureDefs; the core keeps each feature's state, its part of the link,
 * its layer rows, its sheet tab and what it draws, and loads the feature's chunk when something asks for it.
 */

/** A feature's part of a link: it reads its own query keys and writes only what differs from its defaults. */
export interface LinkPart<L = unknown> {
  parse(q: URLSearchParams): L | undefined;
  write(link: L, q: URLSearchParams): void;
}

/** What a pointer on one of a feature's map sources means: its circle layers answer before the plan's. */
export interface Pickable {
  /** A GeoJSON source of the feature's; a clustered one opens up on click. */
  source: string;
  /** The selection a clicked point stands for, or null for none. */
  selection(properties: Record<string, unknown>): string | null;
}

/** A feature's part of the application state, as the core sees it. */
export interface FeatureState<L = unknown> {
  /** The feature's part of a link: only what differs from its defaults; undefined when nothing does. */
  toLink(): L | undefined;
  /** Restores the feature's part of a link (its defaults where the link is silent). */
  apply(link: L | undefined): void;
  /** The GeoJSON sources the feature draws, by id, data included. */
  sources?(): Record<string, GeoJSONSourceSpecification>;
  /** The map feature that shows a selection of the feature's (marked through feature-state), if any. */
  marked?(selection: string | null): { source: string; id: number } | undefined;
  /** Adds a vertex to the drawing the feature owns (see {@link FeatureDef.draws}). */
  addDrawPoint?(point: [number, number]): void;
  /**
   * Places of the feature's a visitor may go to (listings, say), for "near me"; null while the feature's data is not
   * loaded. Asked only while `app.nearbyWanted` holds, which also makes a feature that has such places wanted.
   */
  nearby?(): readonly NearbyPlace[] | null;
  // A feature's part of a printable brief (briefSections) is declared by lib/brief/types.ts into this interface.
}

/** A place a feature offers to "near me": where it is, what it is called, and the selection that opens its card. */
export interface NearbyPlace {
  selection: string;
  /** Its name in each language (an operator's name may be the same in both). */
  name: Bilingual;
  /** What kind of place it is, in each language ("Office listing"). */
  kind: Bilingual;
  lon: number;
  lat: number;
  /** The team's sample data, not a real place or offer: said beside it. */
  sample?: boolean;
}

/**
 * A button of the feature's on the map, under the map's own controls: a pictogram with an accessible name. Its
 * click runs `activate` (in the click's task, so that what it asks of the browser counts as the user's gesture). The
 * button is there from the first view, before the feature may be defined.
 */
export interface MapControl {
  /** An SVG path on a 24-unit grid, drawn as a round 2-unit stroke (see ui/icons.ts). */
  icon: string;
  /** The button's accessible name and tooltip: a message of the first view's catalogue. */
  label: MessageKey;
  activate(app: AppState): void;
}

/** What a feature's lazy chunk brings: its panel, and an engine mounted while the feature is wanted. */
export interface FeatureView {
  /** The sheet tab's content. */
  Panel?: Component;
  /** Loads, computes and hands the map what the feature draws; may show the card of a selection of its own. */
  Sync?: Component;
}

/**
 * What the first view knows of a capability: its tab, what a link may name of it (a panel, a selection), the map
 * sources that answer the pointer, and its drawing target. A feature whose definition comes later (see
 * {@link DeferredFeature}) is only this until then.
 */
export interface FeatureHead {
  /** The feature's name: its key in `app.features`, in a parsed link, and (when it has one) its panel's id. */
  id: string;
  /** Whether it has a panel in the sheet (titled by the message `tab.<id>`). */
  panel: boolean;
  /** False: the panel has no tab; it opens from the feature's map control (or a link). Default true. */
  tab?: boolean;
  /** Its tab's pictogram: an SVG path on a 24-unit grid, drawn as a round 2-unit stroke (see ui/icons.ts). */
  icon?: string;
  /** Selections it owns (`listing:<id>`), so that a link may carry them. */
  selection?: RegExp;
  /** Its map sources that answer the pointer. */
  pickable?: readonly Pickable[];
  /** The drawing target it owns: while `app.drawing` is this, map clicks add its vertices. */
  draws?: string;
  /** A button on the map (see {@link MapControl}). */
  control?: MapControl;
}

/** One capability, as the composition root registers it. */
export interface FeatureDef<S extends FeatureState = FeatureState> extends FeatureHead {
  /** Its layer rows; the composition root places them in the registry's drawing order. */
  rows: readonly LayerDef[];
  link: LinkPart;
  createState(app: AppState): S;
  /** Whether the feature's chunk is needed now: its panel, a link's part, a visible row, a selection. */
  wanted(app: AppState, state: S): boolean;
  /** Runs as the feature's panel opens (by a tab or a link), in the same update. */
  opened?(app: AppState, state: S): void;
  /** The feature's lazy chunk (one dynamic import). */
  load(): Promise<FeatureView>;
  // The briefs it owns (briefs) are declared by lib/brief/types.ts into this interface.
}

/**
 * A feature whose definition (its rows, state, link codec) is a chunk of its own, loaded after the first view or as
 * soon as something needs it (see AppState.featuresWanted): the first view carries only its head, the ids and
 * defaults of its rows, and the query keys of its part of a link, which a link keeps as written until then.
 */
export interface DeferredFeature extends FeatureHead {
  /** The query keys its part of a link may use. */
  linkKeys: readonly string[];
  /** Its layer rows' default visibility, by id: a link may switch them before they are loaded. */
  rowDefaults: Readonly<Record<string, boolean>>;
  /** Its definition (one dynamic import). */
  define(): Promise<FeatureDef>;
}

/** A feature as the composition root hands it to the core: defined, or to be defined later. */
export type FeatureDoor = FeatureDef | DeferredFeature;

export const isDeferred = (door: FeatureDoor): door is DeferredFeature => 'define' in door;

/** What a deferred feature's definition shares with its door: the head, without what only the door needs. */
export function headOf(door: DeferredFeature): FeatureHead {
  const { linkKeys: _keys, rowDefaults: _rows, define: _define, ...head } = door;
  return head;
}

/** The feature states the composition root registers, by id; each feature adds its own entry by augmentation. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureStates {}
