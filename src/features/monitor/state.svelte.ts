import type { GeoJSONSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { EMPTY_COLLECTION } from '../../lib/layers/style.ts';
import type { BriefRequest, BriefSection } from '../../lib/brief/types.ts';
import type { Lang } from '../../lib/i18n/index.ts';
import type { FeatureState } from '../../lib/state/feature.ts';
import type { ImportMessage } from '../../lib/import/types.ts';
import type { IndicatorDataset, IndicatorId, MonitorSnapshot, Observation, TaskProgress } from './types.ts';
import type { MonitorLink } from './link.ts';

/** The indicator the monitor shows first: the 1,400 亿元 target. */
export const DEFAULT_INDICATOR: IndicatorId = 'leading_industries_revenue';
/** The registry row of the monitor's map symbols. */
export const MONITOR_ROW = 'monitor_symbols';

/**
 * The plan monitor's part of the application state (`app.features.monitor`). The figures and the
 * tasks' progress live in the browser (IndexedDB) and are loaded by the monitor's own chunk when it is wanted;
 * a snapshot link shows its own frozen copy instead, read-only.
 */
export class MonitorState implements FeatureState<MonitorLink> {
  /** The indicator the chart and the map's symbols show. */
  indicator = $state<IndicatorId>(DEFAULT_INDICATOR);
  /** The year the map's symbols show; null means the latest year with figures. */
  year = $state<number | null>(null);
  /** A snapshot from a link, still encoded; while set, the monitor shows it, read-only. */
  snapshot = $state<string | null>(null);
  /** The snapshot, decoded (null until decoded, or when the link's snapshot is broken). */
  snapshotData = $state.raw<MonitorSnapshot | null>(null);
  /** Why the link's snapshot could not be read, as a message; null when it could. */
  snapshotProblem = $state.raw<ImportMessage | null>(null);

  /** The planner's own imported indicator files, oldest first. */
  datasets = $state.raw<IndicatorDataset[]>([]);
  /** The planner's own task progress (tasks without a record are not started). */
  tasks = $state.raw<TaskProgress[]>([]);
  /** Whether the planner's data is loaded from the browser's storage. */
  load = $state<'idle' | 'loading' | 'ready'>('idle');
  /** A problem with the browser's storage (unavailable, full, failed), shown in the panel. */
  storageProblem = $state.raw<ImportMessage | null>(null);
  /** The map's symbols: figures for places, for the chosen indicator and year; null when there are none. */
  overlay = $state.raw<FeatureCollection | null>(null);

  /**
   * The monitor's words for a printable brief (brief.ts), handed over by its chunk when it runs: the first view
   * carries none of them. Null until then.
   */
  briefWords: ((request: BriefRequest, lang: Lang) => BriefSection[]) | null = null;

  /**
   * The status of a brief's tasks, once the monitor's chunk has run and its records (or a snapshot) are read; null
   * until then for a task's or zone's brief, which makes the monitor wanted and waits for it.
   */
  briefSections(request: BriefRequest, lang: Lang): BriefSection[] | null {
    const loaded = this.readOnly ? this.snapshotData !== null : this.load === 'ready';
    if (loaded && this.briefWords) return this.briefWords(request, lang);
    return request.kind === 'task' || request.kind === 'zone' ? null : [];
  }

  /** Whether the monitor shows a snapshot from a link (and nothing can be edited). */
  get readOnly(): boolean {
    return this.snapshot !== null;
  }

  /** The figures shown: the snapshot's, or the planner's own from every dataset. */
  get observations(): Observation[] {
    if (this.readOnly) return this.snapshotData?.observations ?? [];
    return this.datasets.flatMap((d) => d.observations);
  }

  /** The task progress shown: the snapshot's, or the planner's own. */
  get progress(): TaskProgress[] {
    return this.readOnly ? (this.snapshotData?.tasks ?? []) : this.tasks;
  }

  /** Whether something asks for the monitor's code and data (its panel, a snapshot, a chosen indicator or year). */
  wanted(panel: string): boolean {
    return panel === 'monitor' || this.toLink() !== undefined;
  }

  sources(): Record<string, GeoJSONSourceSpecification> {
    return { monitor: { type: 'geojson', data: this.overlay ?? EMPTY_COLLECTION } };
  }

  /** The monitor's part of a link: only what differs from the defaults. */
  toLink(): MonitorLink | undefined {
    const out: MonitorLink = {};
    if (this.indicator !== DEFAULT_INDICATOR) out.indicator = this.indicator;
    if (this.year !== null) out.year = this.year;
    if (this.snapshot) out.snapshot = this.snapshot;
    return Object.keys(out).length ? out : undefined;
  }

  /** Restores the monitor's part of a link (defaults where the link is silent). */
  apply(link: MonitorLink | undefined): void {
    this.indicator = link?.indicator ?? DEFAULT_INDICATOR;
    this.year = link?.year ?? null;
    const snapshot = link?.snapshot ?? null;
    if (snapshot !== this.snapshot) {
      this.snapshot = snapshot;
      this.snapshotData = null;
      this.snapshotProblem = null;
    }
  }
}
