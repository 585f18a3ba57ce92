/*
 * The zone brief (未来谷 or 杨数浦) from the plan's data: the zone's figures, its components, the other places in it,
 * the plan's tasks for it in the plan's words, and the map excerpt that frames it. Pure: the plan's features and
 * records in, a BriefDoc in one language out. Features' figures come in as `extra` sections (see
 * FeatureState.briefSections).
 */
import type { PlanOutputFeature, PlanRecord } from '../data/plan-schema.ts';
import { splitTaskQuotes } from '../data/quotes.ts';
import { TASKS } from '../data/tasks.ts';
import { CLASS_LABELS, STATUS_LABELS } from '../data/vocab.ts';
import { localName, t, type Lang } from '../i18n/index.ts';
import './messages.ts';
import { nameRun, numbered, pinPoint, pinsOf, placesBox, placesTable, pointInArea, textRuns, unlocatedList } from './places.ts';
import { ZONE_CODES } from '../data/zones.ts';
import { type BriefBlock, type BriefDoc, type BriefSection } from './types.ts';

export interface ZoneBriefInput {
  zone: 'fv' | 'ysp';
  /** The plan's located features (public/data/plan.geojson). */
  features: readonly PlanOutputFeature[];
  /** The plan's records whose location is not published. */
  unlocated: readonly PlanRecord[];
  lang: Lang;
  /** Sections the loaded features add (the monitor's, the analysis'), placed before the sources. */
  extra?: readonly BriefSection[];
}

/** The zone brief, or null when the plan's data has no such zone. */
export function zoneBrief({ zone: code, features, unlocated, lang, extra = [] }: ZoneBriefInput): BriefDoc | null {
  const zoneId = ZONE_CODES[code];
  const zone = features.find((f) => f.properties.id === zoneId);
  if (!zone) return null;
  const z = zone.properties;
  const componentIds = new Set([...(z.components ?? []), ...features.filter((f) => f.properties.zones?.includes(zoneId)).map((f) => f.properties.id)]);
  const components = features.filter((f) => componentIds.has(f.properties.id));
  const tied = (p: { parent?: string; zones?: string[] }) =>
    p.parent === zoneId || (p.parent !== undefined && componentIds.has(p.parent)) || Boolean(p.zones?.includes(zoneId));
  const others = features.filter((f) => {
    const p = f.properties;
    if (p.class === 'zone' || componentIds.has(p.id)) return false;
    const at = pinPoint(f.geometry);
    return tied(p) || (at !== undefined && pointInArea(at, zone.geometry));
  });
  const unpublished = unlocated.filter((r) => tied(r));

  const componentPlaces = numbered(components);
  const otherPlaces = numbered(others, components.length + 1);

  // Counts per kind over everything listed: components and the places in the zone.
  const counts = new Map<string, number>();
  for (const f of [...components, ...others]) counts.set(f.properties.class, (counts.get(f.properties.class) ?? 0) + 1);
  for (const r of unpublished) counts.set(r.class, (counts.get(r.class) ?? 0) + 1);

  const facts: BriefBlock = {
    type: 'facts',
    rows: [
      { label: t(lang, 'brief.zoneName'), value: [nameRun(z, lang)] },
      ...(z.area_km2 !== undefined ? [{ label: t(lang, 'brief.areaDrawn'), value: [{ text: t(lang, 'brief.km2', { value: z.area_km2 }) }] }] : []),
      ...(z.area_km2_stated !== undefined
        ? [{ label: t(lang, 'brief.areaStated'), value: [{ text: t(lang, 'brief.km2', { value: z.area_km2_stated }) }] }]
        : []),
      { label: t(lang, 'brief.status'), value: [{ text: STATUS_LABELS[z.status][lang] }] },
      {
        label: t(lang, 'brief.tasks'),
        value: [{ text: t(lang, 'brief.taskList', { count: z.plan_tasks.length, list: z.plan_tasks.join(t(lang, 'listSeparator')) }) }],
      },
    ],
  };
  const countRows: BriefBlock = {
    type: 'facts',
    rows: [...counts].map(([cls, count]) => ({
      label: CLASS_LABELS[cls as keyof typeof CLASS_LABELS][lang],
      value: [{ text: t(lang, 'brief.count', { count }) }],
    })),
  };

  const split = splitTaskQuotes(z.summary_zh, z.summary_en, z.plan_tasks);
  const taskBlocks: BriefBlock[] = z.plan_tasks.flatMap((n): BriefBlock[] => {
    const task = TASKS.find((x) => x.n === n);
    const part = split.tasks.find((q) => q.task === n);
    const heading: BriefBlock = { type: 'text', runs: [{ text: t(lang, 'brief.taskHeading', { n, title: task ? task[`title_${lang}`] : '' }) }] };
    const zh = part ? part.quotes.map((q) => `「${q}」`).join('') : (split.zh ?? '');
    const gloss = part ? (part.gloss ?? undefined) : (split.en ?? undefined);
    return [heading, { type: 'quote', task: n, zh, gloss, place: [nameRun(z, lang)] }];
  });

  const sections: BriefSection[] = [
    { heading: t(lang, 'brief.overview'), blocks: [facts, { type: 'text', runs: [{ text: t(lang, 'brief.outlineIndicative') }] }] },
    { heading: t(lang, 'brief.countsHeading'), blocks: [countRows] },
    { heading: t(lang, 'brief.components'), blocks: [placesTable(componentPlaces, lang)] },
    {
      heading: t(lang, 'brief.placesInZone'),
      blocks: [
        { type: 'text', runs: [{ text: t(lang, 'brief.placesInZoneNote') }] },
        others.length ? placesTable(otherPlaces, lang) : { type: 'text', runs: [{ text: t(lang, 'brief.noPlaces') }] },
        ...(unpublished.length ? [unlocatedList(unpublished, lang)] : []),
      ],
    },
    { heading: t(lang, 'brief.planTasks'), blocks: taskBlocks },
    ...extra,
  ];

  const name = localName(z, lang);
  return {
    request: { kind: 'zone', id: code },
    title: [nameRun(z, lang)],
    subtitle: t(lang, 'brief.kind.zone'),
    map: {
      bounds: placesBox([zone, ...components]),
      pins: pinsOf([...componentPlaces, ...otherPlaces]),
      highlight: [zoneId],
      caption: t(lang, 'brief.mapCaptionZone', { name }),
    },
    sections,
    sources: [
      [{ text: t(lang, 'brief.planDoc') }],
      textRuns(lang, lang === 'zh' ? z.source.text_zh : z.source.text),
      [{ text: t(lang, 'brief.derivation') }, ...textRuns(lang, lang === 'zh' ? z.derivation_zh : z.derivation)],
    ],
  };
}
