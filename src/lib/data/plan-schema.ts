/**
 * The action plan's places as data: schema and types.
 *
 * Sources: hand-authored GeoJSON in `data/plan/*.geojson` plus zone definitions in `data/plan/zones.json`
 * (see docs/data.md). The build (`scripts/build-plan.ts`) validates them, derives the two zone outlines and
 * writes `public/data/plan.geojson` (located features) and `public/data/plan-unlocated.json` (records whose
 * location is not published).
 *
 * This module must stay free of Node imports: the app imports its types (and may import the label tables).
 */
import { z } from 'zod';
import { ENGLISH_PROSE, HAN } from './quotes.ts';

// The label tables live in the zod-free vocab module so the browser can read them without this file.
export { CLASS_LABELS, INDUSTRY_LABELS } from './vocab.ts';

/** What a feature is. `zone` features are derived by the build from their components; they never appear in sources. */
export const PLAN_CLASSES = [
  'zone',
  'zone_component',
  'university_science_park',
  'specialty_park',
  'incubator',
  'platform',
  'campus',
  'landmark',
  'landing_site',
  'drone_route',
] as const;
export type PlanClass = (typeof PLAN_CLASSES)[number];

/** Classes that may carry no plan task (they are only cited when the plan names them). */
export const CLASSES_WITHOUT_REQUIRED_TASK: readonly PlanClass[] = ['campus', 'landmark'];

/**
 * Closed industry vocabulary. Each tag maps to words of the plan (task numbers in `plan`);
 * a feature is tagged only where the plan (or, for zone components, the plan's text on their zone) states a focus.
 */
export const INDUSTRIES = [
  'digital_economy',
  'ai',
  'online_economy',
  'fintech',
  'smart_city',
  'low_altitude',
  'life_health',
  'biotech',
  'medical_devices',
  'marine_biomedicine',
  'sport_health',
  'green_low_carbon',
  'new_energy',
  'smart_energy',
  'advanced_materials',
  'tech_transfer',
  'basic_research',
] as const;
export type Industry = (typeof INDUSTRIES)[number];


export const STATUSES = ['operating', 'planned', 'demonstration'] as const;
export type PlanStatus = (typeof STATUSES)[number];


/** Highest drone altitude allowed by the schema: China's light/small UAV rules cap true height at 120 m. */
export const MAX_DRONE_ALTITUDE_M = 120;

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const requiredText = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `missing (${what} is required)` : `${what} must be a string`) })
    .trim()
    .min(1, { error: `${what} must not be empty` });

/**
 * A text a Chinese reader gets: Chinese characters, and no English prose left untranslated. Codes, file names, URLs
 * and short names stay as written (the card marks them as English).
 */
const chineseText = (what: string) =>
  requiredText(what)
    .refine((s) => HAN.test(s), { error: `${what} must be written in Chinese` })
    .refine((s) => !ENGLISH_PROSE.test(s), {
      error: (iss) => `${what} has untranslated English ("${ENGLISH_PROSE.exec(String(iss.input))?.[0]}"): translate the prose`,
    });

/** A text an English reader gets: mostly Latin letters; Chinese only for names and addresses quoted as written. */
const englishText = (what: string) =>
  requiredText(what).refine((s) => (s.match(/[A-Za-z]/g)?.length ?? 0) > (s.match(new RegExp(HAN.source, 'g'))?.length ?? 0), {
    error: `${what} must be written in English (Chinese only for names quoted as written)`,
  });

export const TaskNumberSchema = z.number().refine((n) => Number.isInteger(n) && n >= 1 && n <= 18, {
  error: (iss) => `task number ${JSON.stringify(iss.input)} is not an integer 1–18`,
});

/** Where a record comes from, said in both languages: the card shows the reader's. */
export const SourceSchema = z.strictObject({
  text: englishText('source text (English)'),
  text_zh: chineseText('source text_zh (Chinese)'),
  url: z.url({ error: 'source url must be an http(s) URL' }).optional(),
});
export type PlanSource = z.infer<typeof SourceSchema>;

const uniqueArray = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).refine((a) => new Set(a as unknown[]).size === a.length, { error: `${what} must not repeat` });

/** Properties shared by every record, located or not. */
export const PlanPropertiesSchema = z.strictObject({
  id: z
    .string({ error: 'id must be a string' })
    .regex(KEBAB_ID, { error: (iss) => `id ${JSON.stringify(iss.input)} is not kebab-case` }),
  name_zh: requiredText('name_zh (Chinese name)'),
  name_en: requiredText('name_en (English name)'),
  class: z.enum(PLAN_CLASSES, { error: (iss) => `class ${JSON.stringify(iss.input)} is not one of ${PLAN_CLASSES.join(', ')}` }),
  plan_tasks: uniqueArray(TaskNumberSchema, 'plan_tasks'),
  summary_zh: requiredText('summary_zh'),
  summary_en: requiredText('summary_en'),
  industries: uniqueArray(
    z.enum(INDUSTRIES, { error: (iss) => `industry ${JSON.stringify(iss.input)} is not in the closed list` }),
    'industries',
  ),
  status: z.enum(STATUSES, { error: (iss) => `status ${JSON.stringify(iss.input)} is not one of ${STATUSES.join(', ')}` }),
  source: SourceSchema,
  /** How far (m) the true place may be from the drawn geometry; null only for records without geometry. */
  precision_m: z.number({ error: 'precision_m must be a number (or null without geometry)' }).positive().nullable(),
  /** True for any geometry drawn from descriptions, anchored to another place, or guessed. */
  indicative: z.boolean({ error: 'indicative must be true or false' }),
  /** False only for records without geometry (the place's location is not published). */
  location_published: z.boolean({ error: 'location_published must be true or false' }),
  address_zh: z.string().trim().min(1).optional(),
  /** address_zh in English ("11 Guotai Road"); set by the data build from the basemap's road names, never hand-authored. */
  address_en: z.string().trim().min(1).optional(),
  /** How the geometry was obtained, in English and in Chinese. */
  derivation: englishText('derivation (English)'),
  derivation_zh: chineseText('derivation_zh (Chinese)'),
  /** Gazetteer rows (../shared/data/gazetteer/places.csv) the record relies on. */
  gazetteer_ids: z.array(z.string().regex(/^[a-z]\d{2}$/)).optional(),
  /** Member ids, for zones. */
  components: z.array(z.string()).min(1).optional(),
  /** [min, max] flight altitude band in metres, for drone routes (an assumption; see docs/data.md). */
  altitude_m: z.tuple([z.number().min(0), z.number().positive()]).optional(),
  /** The feature this one belongs to or is anchored to (e.g. a science park's campus). */
  parent: z.string().optional(),
  /** Zones this feature is a component of; set by the build from zones.json, never hand-authored. */
  zones: z.array(z.string()).optional(),
  /** Area of the drawn polygon (km², computed with @turf/area, 2 decimals). */
  area_km2: z.number().positive().optional(),
  /** Area stated by the cited source (km²). */
  area_km2_stated: z.number().positive().optional(),
  /** Length of the drawn line (km, @turf/length, 2 decimals). */
  length_km: z.number().positive().optional(),
  /** Length stated by the cited source (km). */
  length_km_stated: z.number().positive().optional(),
});
export type PlanProperties = z.infer<typeof PlanPropertiesSchema>;
/** A record as the app gets it in plan-unlocated.json (geometry-less) — same properties as a feature's. */
export type PlanRecord = PlanProperties;

const finite = z.number({ error: 'coordinate must be a number' }).refine(Number.isFinite, { error: 'coordinate must be finite' });
export const PositionSchema = z.array(finite).min(2, { error: 'a position needs [lon, lat]' }).max(3);
const LinearRing = z.array(PositionSchema);

export const PointSchema = z.strictObject({ type: z.literal('Point'), coordinates: PositionSchema });
export const LineStringSchema = z.strictObject({ type: z.literal('LineString'), coordinates: z.array(PositionSchema) });
export const PolygonSchema = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(LinearRing).min(1) });
export const MultiPolygonSchema = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(LinearRing).min(1)).min(1),
});
export const GEOMETRY_TYPES = ['Point', 'LineString', 'Polygon', 'MultiPolygon'] as const;
export const GeometrySchema = z.discriminatedUnion('type', [PointSchema, LineStringSchema, PolygonSchema, MultiPolygonSchema], {
  error: (iss) =>
    iss.code === 'invalid_union'
      ? `geometry type must be one of ${GEOMETRY_TYPES.join(', ')} (or null)`
      : 'geometry must be an object or null',
});
export type PlanGeometry = z.infer<typeof GeometrySchema>;

/** One feature of a source file. */
export const PlanSourceFeatureSchema = z.strictObject({
  type: z.literal('Feature', { error: 'type must be "Feature"' }),
  properties: PlanPropertiesSchema,
  geometry: GeometrySchema.nullable(),
});
export type PlanSourceFeature = z.infer<typeof PlanSourceFeatureSchema>;

/** A source file. */
export const PlanSourceFileSchema = z.object({
  type: z.literal('FeatureCollection', { error: 'file must be a GeoJSON FeatureCollection' }),
  features: z.array(z.unknown()),
});

/**
 * A zone as defined in data/plan/zones.json: everything but the geometry and the fields the build computes
 * (precision_m, indicative, location_published, derivation and derivation_zh, area_km2).
 */
export const ZoneDefinitionSchema = PlanPropertiesSchema.omit({
  precision_m: true,
  indicative: true,
  location_published: true,
  derivation: true,
  derivation_zh: true,
  area_km2: true,
  components: true,
  class: true,
}).extend({
  class: z.literal('zone', { error: 'zones.json defines class "zone" only' }),
  components: z.array(z.string()).min(2, { error: 'a zone needs at least two components' }),
});
export type ZoneDefinition = z.infer<typeof ZoneDefinitionSchema>;

export const ZonesFileSchema = z.strictObject({ zones: z.array(z.unknown()) });

/** A feature of public/data/plan.geojson: numeric top-level id (MapLibre feature-state), string id in properties. */
export interface PlanOutputFeature {
  type: 'Feature';
  id: number;
  properties: PlanProperties;
  geometry: PlanGeometry;
}
export interface PlanOutputCollection {
  type: 'FeatureCollection';
  features: PlanOutputFeature[];
}
