import type { faultsZh } from './faults.ts';

/** English messages about faults, and the map controls' labels. */
export const faultsEn: Record<keyof typeof faultsZh, string> = {
  faultTitle: 'The basemap cannot be shown',
  faultMissing: 'The basemap file is not on the site (HTTP 404).',
  faultHttp: 'The server refused the basemap (HTTP {status}).',
  faultNetwork: 'The network failed before the basemap had downloaded.',
  faultCorrupt: 'The basemap file is damaged or incomplete and cannot be read.',
  faultBrowser: 'This browser cannot unpack the basemap file (it lacks DecompressionStream). Please update the browser.',
  faultChanged: 'The basemap was replaced on the server while it loaded; please try again.',
  faultNoRange:
    'The site’s server does not support partial downloads (HTTP Range requests), which the basemap needs; at {size} it is over the {limit} limit for downloading it whole. The site’s administrator should enable Range requests.',
  faultNoRangeUnknown:
    'The site’s server does not support partial downloads (HTTP Range requests), which the basemap needs, and did not say how large the file is, so it was not downloaded whole. The site’s administrator should enable Range requests.',
  faultStillWorks: 'The plan’s layers, search, the list and the panels still work.',
  faultRetry: 'Load the basemap again',
  faultServedWhole:
    'The site’s server does not support partial downloads (HTTP Range requests), so the whole basemap ({size}) was downloaded at once. The map works, but opens more slowly; the site’s administrator should enable Range requests.',
  faultSlowNetwork: 'Still loading the map… the network is slow. Search and the panels already work.',
  faultSlowDevice: 'Still loading the map… this device is busy drawing the map. Search and the panels already work.',
  faultTiles: 'Some map tiles could not be shown ({count}); the rest of the map is fine.',
  faultDetail: 'Technical detail',
  faultMapError: 'The map reported an error: {reason}. Everything else still works.',
  faultMapCode: 'The map’s code could not be downloaded ({reason}). Check the connection and reload the page; everything else still works.',
  faultReload: 'Reload the page',
  mapZoomIn: 'Zoom in',
  mapZoomOut: 'Zoom out',
  mapCompass: 'Drag to rotate the map, click to reset north',
  mapCredits: 'Show or hide the map’s credits',
};
