import type { zh } from './zh.ts';

/** English messages. */
export const en: Record<keyof typeof zh, string> = {
  appTitle: 'Yangpu Innovation Map',
  appSubtitle: 'Zhangjiang Hi-tech Park Yangpu sub-park action plan 2024–2026',
  mapLabel: 'Interactive map of Yangpu District',
  language: 'Language',
  switchTo: '中文',
  switchToLabel: 'Switch to Chinese',
  layers: 'Layers',
  layersPanel: 'Layers and legend',
  groupContext: 'Basemap and context',
  groupZones: 'Plan zones',
  groupParks: 'Science parks and incubators',
  groupPlatforms: 'Platforms',
  groupLowAltitude: 'Low-altitude economy',
  featureCount: '{count} features',
  notAvailable: 'data missing',
  missingTitle: 'Some context layers are missing',
  missingLayers: 'Could not be built: {layers}. The rest of the map works.',
  schematicNote: 'The Huangpu River is a schematic band (the sources have no water polygon).',
  coverageNote: 'Detailed OpenStreetMap streets and buildings only inside the dashed boxes.',
  loadFailed: 'The basemap failed to load: {reason}',
  dismiss: 'Dismiss notice',
  loading: 'Loading the map…',
};
