/**
 * Colours of the interface: text, surfaces, borders, controls and the states they show. Every text colour meets
 * WCAG AA on the surfaces it is written on. Components read them as CSS custom properties (`--ui-text`…, see
 * {@link themeProperties}), never as literals.
 */
export interface UiPalette {
  text: string;
  /** Headings of sections, labels of facts, secondary text. */
  textSecondary: string;
  textMuted: string;
  placeholder: string;
  /** Text on the accent, on the header bar and on other dark fills. */
  onAccent: string;
  surface: string;
  /** Table heads, the cards' buttons, quiet panels. */
  surfaceSubtle: string;
  hover: string;
  /** The current item of a list. */
  selected: string;
  /** The active option of the search's list, the drone profile's altitude band. */
  highlight: string;
  border: string;
  /** Rules between rows. */
  divider: string;
  /** Borders of buttons and tags. */
  borderStrong: string;
  /** Borders of form fields. */
  field: string;
  /** Links, outlined buttons, pressed toggles, the current route. */
  accent: string;
  accentText: string;
  accentHover: string;
  accentSoft: string;
  focus: string;
  /** The focus ring on the dark header bar. */
  focusOnDark: string;
  /** The selected tab's underline, the exported image's rule and north arrow. */
  brand: string;
  bar: string;
  barButton: string;
  barText: string;
  /** Failures: the map's load error, a failed chart, a refused action. */
  danger: string;
  dangerText: string;
  dangerSurface: string;
  dangerBorder: string;
  dangerSoft: string;
  /** Problems to fix in what the user gave: a refused value, an import's problems, a storage failure. */
  problem: string;
  problemDeep: string;
  problemSurface: string;
  problemBorder: string;
  problemSoft: string;
  /** Notices about the data (schematic river, missing layers), work under way. */
  warning: string;
  warningStrong: string;
  warningSurface: string;
  warningBorder: string;
  warningText: string;
  hint: string;
  hintSurface: string;
  /** The team's sample data, amber wherever it appears so that it never passes for a real offer. */
  sample: string;
  sampleLine: string;
  sampleText: string;
  success: string;
  successText: string;
  successSurface: string;
  /** The monitor's teal, as its symbols on the map. */
  teal: string;
  tealText: string;
  tealSoft: string;
  shadowCard: string;
  shadowMenu: string;
  shadowSheet: string;
  shadowNote: string;
  backdrop: string;
}

/** Colours of the plan's layers; zones by id, the rest by class. */
export interface PlanPalette {
  futureValley: string;
  belt: string;
  /** The zones' faint tints (map and legend): the dashed outline carries the colour. */
  futureValleyFill: string;
  beltFill: string;
  component: string;
  componentFill: string;
  sciencePark: string;
  incubator: string;
  platform: string;
  campus: string;
  campusFill: string;
  landmark: string;
  drone: string;
  droneSelected: string;
  droneLabel: string;
  landingFill: string;
}

/** Colours of the investors' listings: imported offers in a strong blue, the team's sample in amber. */
export interface ListingPalette {
  imported: string;
  importedText: string;
  importedLine: string;
  sample: string;
  sampleLine: string;
  sampleText: string;
  area: string;
  areaLegendFill: string;
  vertexFill: string;
}

/** Colours of the dispersion overlays and charts: apart from the plan's classes, AA where they are text. */
export interface AnalysisPalette {
  tree: string;
  stations: string;
  stationsFill: string;
  campuses: string;
  campusesFill: string;
  area: string;
  areaFill: string;
  clustersFill: string;
  /** Clusters cycle through these by number, so that neighbouring clusters rarely share one. */
  clusters: readonly string[];
  vertexFill: string;
  scenarioA: string;
  scenarioB: string;
  /** The band of random placements behind a chart's observed line. */
  envelope: string;
  /** A proposed consolidation hub and the spokes that join its parks to it. */
  hub: string;
}

/** The visitor's own position ("near me"): the blue dot every map app uses, in a ring of its accuracy. */
export interface NearPalette {
  dot: string;
  dotLine: string;
  accuracyFill: string;
  accuracyLine: string;
}

/** Colours of the monitor's symbols and charts: a teal apart from the plan's classes. */
export interface MonitorPalette {
  fill: string;
  line: string;
  text: string;
  halo: string;
  target: string;
  /** The target's row in a chart's table: darker than the line, for text. */
  targetText: string;
  derivedFill: string;
}

/** Colours of the low-altitude overlays and the drones panel. */
export interface AirPalette {
  corridor: string;
  corridorFill: string;
  corridorEdge: string;
  sketch: string;
  sketchCorridor: string;
  vertexFill: string;
  conflict: string;
  conflictLine: string;
  conflictMark: string;
  /** The kinds of conflict, as the panel's list marks them. */
  conflictElevated: string;
  conflictCorridor: string;
  conflictSensitive: string;
  bandFill: string;
  bandLine: string;
}

/** Colours of the exported image's title bar, legend, scale bar, north arrow and attribution. */
export interface ExportPalette {
  ink: string;
  muted: string;
  subtitle: string;
  attribution: string;
  panel: string;
  panelLine: string;
  rule: string;
  north: string;
  south: string;
  scaleLight: string;
}

/**
 * Colours of one theme: the map's, its overlays', the interface's and the exported image's. Every text/background
 * pair used for labels meets WCAG AA against its halo.
 */
export interface Theme {
  name: 'light';
  background: string;
  land: string;
  focusFill: string;
  focusLine: string;
  districtLine: string;
  subdistrictLine: string;
  water: string;
  waterLine: string;
  waterLabel: string;
  green: string;
  campus: string;
  campusLine: string;
  building: string;
  buildingLine: string;
  road: string;
  roadCasing: string;
  elevated: string;
  elevatedCasing: string;
  coverageLine: string;
  label: string;
  labelMuted: string;
  halo: string;
  stationFill: string;
  stationLine: string;
  /** Shanghai Metro's line colours, keyed by route number. */
  metro: Record<string, string>;
  metroDefault: string;
  /** The ring of a selected or hovered place, whatever its colour. */
  selectedLine: string;
  campusLabel: string;
  elevatedLabel: string;
  plan: PlanPalette;
  listings: ListingPalette;
  analysis: AnalysisPalette;
  monitor: MonitorPalette;
  near: NearPalette;
  air: AirPalette;
  ui: UiPalette;
  export: ExportPalette;
}

const ui: UiPalette = {
  text: '#1f2933',
  textSecondary: '#3e4c59',
  textMuted: '#52606d',
  placeholder: '#616e7c',
  onAccent: '#ffffff',
  surface: '#ffffff',
  surfaceSubtle: '#f8fafc',
  hover: '#f1f5f9',
  selected: '#e0e7ff',
  highlight: '#dbeafe',
  border: '#cbd2d9',
  divider: '#e4e7eb',
  borderStrong: '#9aa5b1',
  field: '#7b8794',
  accent: '#1d4ed8',
  accentText: '#1e3a8a',
  accentHover: '#1e40af',
  accentSoft: '#eff6ff',
  focus: '#1d4ed8',
  focusOnDark: '#fbbf24',
  brand: '#c2410c',
  bar: '#1f2933',
  barButton: '#323f4b',
  barText: '#d9e2ec',
  danger: '#b91c1c',
  dangerText: '#991b1b',
  dangerSurface: '#fef2f2',
  dangerBorder: '#fca5a5',
  dangerSoft: '#fee2e2',
  problem: '#9a3412',
  problemDeep: '#7c2d12',
  problemSurface: '#fff7ed',
  problemBorder: '#fdba74',
  problemSoft: '#ffedd5',
  warning: '#d97706',
  warningStrong: '#b45309',
  warningSurface: '#fffbeb',
  warningBorder: '#fcd34d',
  warningText: '#78350f',
  hint: '#ca8a04',
  hintSurface: '#fefce8',
  sample: '#fef3c7',
  sampleLine: '#92400e',
  sampleText: '#78350f',
  success: '#15803d',
  successText: '#14532d',
  successSurface: '#dcfce7',
  teal: '#0f766e',
  tealText: '#134e4a',
  tealSoft: '#ccfbf1',
  shadowCard: '0 4px 16px rgb(15 23 42 / 0.18)',
  shadowMenu: '0 4px 16px rgb(0 0 0 / 0.25)',
  shadowSheet: '0 2px 10px rgb(0 0 0 / 0.2)',
  shadowNote: '0 1px 4px rgb(0 0 0 / 0.15)',
  backdrop: 'rgb(15 23 42 / 0.45)',
};

const plan: PlanPalette = {
  futureValley: '#6d28d9',
  belt: '#0f766e',
  futureValleyFill: '#ddd6fe',
  beltFill: '#ccfbf1',
  component: '#7c3aed',
  componentFill: '#ede9fe',
  sciencePark: '#b45309',
  incubator: '#be185d',
  platform: '#1d4ed8',
  campus: '#7e22ce',
  campusFill: '#f3e8ff',
  landmark: '#374151',
  drone: '#dc2626',
  droneSelected: '#7f1d1d',
  droneLabel: '#991b1b',
  landingFill: '#ffffff',
};

export const light: Theme = {
  name: 'light',
  background: '#dce6ec',
  land: '#f3f1ec',
  focusFill: '#fffaf2',
  focusLine: '#c2410c',
  districtLine: '#8d99a6',
  subdistrictLine: '#a8957f',
  water: '#a8cde6',
  waterLine: '#5b93bb',
  waterLabel: '#1f5d8a',
  green: '#d4e9c8',
  campus: '#efe4f4',
  campusLine: '#9f73bd',
  building: '#e2ddd5',
  buildingLine: '#c9c1b5',
  road: '#ffffff',
  roadCasing: '#cfc8bd',
  elevated: '#f6c26b',
  elevatedCasing: '#b7791f',
  coverageLine: '#475569',
  label: '#1f2933',
  labelMuted: '#52606d',
  halo: '#ffffff',
  stationFill: '#ffffff',
  stationLine: '#1f2933',
  metro: {
    '1': '#e4002b',
    '2': '#97d700',
    '3': '#ffd100',
    '3-4': '#ffd100',
    '4': '#5f259f',
    '6': '#d71671',
    '8': '#009edb',
    '9': '#71c5e8',
    '10': '#c1a7e2',
    '12': '#007b5f',
    '14': '#827a04',
    '18': '#d6a461',
  },
  metroDefault: '#7b8794',
  selectedLine: '#111827',
  campusLabel: '#6b3f8a',
  elevatedLabel: '#7a4a0c',
  plan,
  listings: {
    imported: '#0369a1',
    importedText: '#ffffff',
    importedLine: '#ffffff',
    sample: '#fde68a',
    sampleLine: ui.sampleLine,
    sampleText: ui.sampleText,
    area: '#1d4ed8',
    areaLegendFill: 'rgba(29, 78, 216, 0.12)',
    vertexFill: '#ffffff',
  },
  analysis: {
    tree: '#111827',
    stations: '#0369a1',
    stationsFill: '#bae6fd',
    campuses: '#7e22ce',
    campusesFill: '#f3e8ff',
    area: '#b91c1c',
    areaFill: '#fee2e2',
    clustersFill: '#fde68a',
    clusters: ['#d97706', '#059669', '#2563eb', '#db2777', '#65a30d', '#7c3aed'],
    vertexFill: '#ffffff',
    scenarioA: ui.accent,
    scenarioB: ui.warningStrong,
    envelope: '#d9dee4',
    hub: '#0f5f73',
  },
  monitor: { fill: ui.teal, line: '#ffffff', text: ui.tealText, halo: '#ffffff', target: ui.warningStrong, targetText: ui.sampleLine, derivedFill: '#ffffff' },
  near: { dot: '#1a73e8', dotLine: '#ffffff', accuracyFill: '#1a73e8', accuracyLine: '#1a73e8' },
  air: {
    corridor: plan.drone,
    corridorFill: '#fecaca',
    corridorEdge: plan.droneLabel,
    sketch: '#5b21b6',
    sketchCorridor: '#7c3aed',
    vertexFill: '#ffffff',
    conflict: '#f59e0b',
    conflictLine: ui.sampleText,
    conflictMark: ui.text,
    conflictElevated: ui.warningStrong,
    conflictCorridor: '#7c3aed',
    conflictSensitive: ui.danger,
    bandFill: ui.highlight,
    bandLine: '#93c5fd',
  },
  ui,
  export: {
    ink: ui.text,
    muted: ui.textMuted,
    subtitle: ui.textSecondary,
    attribution: ui.barButton,
    panel: '#ffffff',
    panelLine: ui.text,
    rule: ui.brand,
    north: ui.brand,
    south: ui.borderStrong,
    scaleLight: '#ffffff',
  },
};

export const themes = { light } as const;
export type ThemeName = keyof typeof themes;
