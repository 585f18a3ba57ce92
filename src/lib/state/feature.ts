import type { GeoJSONSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Component } from 'svelte';
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
}

/** What a feature's lazy chunk brings: its panel, and an engine mounted while the feature is wanted. */
export interface FeatureView {
  /** The sheet tab's content. */
  Panel?: Component;
  /** Loads, computes and hands the map what the feature draws; may show the card of a selection of its own. */
  Sync?: Component;
}

/** One capability, as the composition root registers it. */
export interface FeatureDef<S extends FeatureState = FeatureState> {
  /** The feature's name: its key in `app.features`, in a parsed link, and (when it has one) its panel's id. */
  id: string;
  /** Whether it adds a tab to the sheet (named by the message `tab.<id>`). */
  panel: boolean;
  /** Its tab's pictogram: an SVG path on a 24-unit grid, drawn as a round 2-unit stroke (see ui/icons.ts). */
  icon?: string;
  /** Its layer rows; the composition root places them in the registry's drawing order. */
  rows: readonly LayerDef[];
  link: LinkPart;
  /** Selections it owns (`listing:<id>`), so that a link may carry them. */
  selection?: RegExp;
  /** Its map sources that answer the pointer. */
  pickable?: readonly Pickable[];
  /** The drawing target it owns: while `app.drawing` is this, map clicks add its vertices. */
  draws?: string;
  createState(app: AppState): S;
  /** Whether the feature's chunk is needed now: its panel, a link's part, a visible row, a selection. */
  wanted(app: AppState, state: S): boolean;
  /** Runs as the feature's panel opens (by a tab or a link), in the same update. */
  opened?(app: AppState, state: S): void;
  /** The feature's lazy chunk (one dynamic import). */
  load(): Promise<FeatureView>;
}

/** The feature states the composition root registers, by id; each feature adds its own entry by augmentation. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureStates {}
