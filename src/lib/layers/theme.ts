/** Colours of one map theme. Every text/background pair used for labels meets WCAG AA against its halo. */
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
}

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
};

export const themes = { light } as const;
export type ThemeName = keyof typeof themes;
