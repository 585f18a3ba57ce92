/*
 * The features' doors (see feature.ts) as the application state reads them while some features are not yet
 * defined: what a link may name of each, the default visibility of the rows still to come, and what asks for them.
 */
import { isDeferred, type FeatureDef, type FeatureDoor } from './feature.ts';
import { RawLinkPart, rawLinkPart, type LinkFeature } from './permalink.ts';

/** The default visibility of the rows of the features still to be defined, by row id. */
export function deferredRowDefaults(doors: readonly FeatureDoor[]): Record<string, boolean> {
  return Object.assign({}, ...doors.map((d) => (isDeferred(d) ? d.rowDefaults : {}))) as Record<string, boolean>;
}

/** What a link may name of each feature: a defined one's codec, or the keys of one still to come, kept as written. */
export function linkFeatures(doors: readonly FeatureDoor[], defined: readonly FeatureDef[]): LinkFeature[] {
  return doors.map(
    (d) => defined.find((f) => f.id === d.id) ?? { id: d.id, panel: d.panel, selection: d.selection, link: rawLinkPart(isDeferred(d) ? d.linkKeys : []) },
  );
}

/** A feature's part of a link as its codec reads it: a part kept as written (read before it was defined) is read now. */
export const readPart = (def: FeatureDef, part: unknown): unknown => (part instanceof RawLinkPart ? def.link.parse(part.query()) : part);

/** What the state shows that may ask for a feature. */
export interface Asking {
  panel: string;
  selection: string | null;
  visible: Readonly<Record<string, boolean>>;
}

/** Whether a feature still to be defined is asked for: its panel open, a link's part of it, a selection or a row of its. */
export function asksFor(door: FeatureDoor, state: Asking, kept: RawLinkPart | undefined): boolean {
  if (!isDeferred(door)) return false;
  const sel = state.selection;
  return (
    state.panel === door.id ||
    kept !== undefined ||
    (sel !== null && door.selection?.test(sel) === true) ||
    Object.entries(door.rowDefaults).some(([id, on]) => (state.visible[id] ?? on) !== on)
  );
}
