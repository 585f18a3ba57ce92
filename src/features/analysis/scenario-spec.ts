// A scenario as data (its classes, zones and canonical form): the link codec and the state need it with the first
// view, without the selection code and its geometry (scenario.ts).

/** Plan classes a scenario can count as park space, with their short codes in links. */
export const SCENARIO_CLASSES = {
  university_science_park: 'sp',
  incubator: 'inc',
  platform: 'pf',
  zone_component: 'zc',
  campus: 'cam',
} as const;
export type ScenarioClass = keyof typeof SCENARIO_CLASSES;
export const SCENARIO_CLASS_IDS = Object.keys(SCENARIO_CLASSES) as ScenarioClass[];

/** Where the counted places must lie. */
export const SCENARIO_ZONES = ['any', 'future_valley', 'yangshupu', 'either'] as const;
export type ScenarioZone = (typeof SCENARIO_ZONES)[number];

/** The plan's two zones, by feature id. */
export const ZONE_IDS = { future_valley: 'zone-future-valley', yangshupu: 'zone-yangshupu-belt' } as const;

/** One selection of parks: by class, by zone, inside the drawn polygon, minus parks the user unticked. */
export interface Scenario {
  classes: ScenarioClass[];
  zone: ScenarioZone;
  /** Only places inside the polygon the user drew (ignored while there is none). */
  inArea: boolean;
  /** Ids the user took out one by one. */
  off: string[];
}

/** A scenario in canonical form (classes in registry order, unique; offs sorted), so equal choices give equal links. */
export function normaliseScenario(s: Scenario): Scenario {
  const classes = SCENARIO_CLASS_IDS.filter((c) => s.classes.includes(c));
  return { classes, zone: s.zone, inArea: s.inArea, off: [...new Set(s.off)].sort() };
}

/** Today's park space: every located science park, incubator and platform. */
export const SCENARIO_TODAY: Scenario = { classes: ['university_science_park', 'incubator', 'platform'], zone: 'any', inArea: false, off: [] };
/** The plan's consolidation: the same places, counted only inside 未来谷 or 杨数浦. */
export const SCENARIO_CONSOLIDATED: Scenario = { ...SCENARIO_TODAY, zone: 'either' };
