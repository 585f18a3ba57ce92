import type { GeoJSONSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
import { EMPTY_COLLECTION } from '../../lib/layers/style.ts';
import type { FeatureState } from '../../lib/state/feature.ts';
import type { Fix } from './near.ts';
import { accuracyRing } from './ring.ts';

/**
 * Where asking for the position stands. `unsupported`: the browser has no geolocation here (an insecure page, an
 * old browser); the three failures are the Geolocation API's own.
 */
export type NearStatus = 'idle' | 'locating' | 'located' | 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** How long a fix may take, and how old a cached one may be (a walk of a minute changes little). */
export const GEOLOCATION_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 };

/**
 * "Near me"'s part of the application state (`app.features.near`). The position is asked for only when the user
 * presses the button, and it stays here: it is never written into a link, never stored, never sent (the map draws
 * it from a GeoJSON source in the page; nothing is fetched with it).
 */
export class NearState implements FeatureState<undefined> {
  status = $state<NearStatus>('idle');
  fix = $state.raw<Fix | null>(null);
  /** Counts the requests so that only the answer to the latest one counts (a second press while the first waits). */
  private request = 0;

  /** Asks the browser for the position; the answer (or the failure) lands in `fix` and `status`. */
  locate(geolocation: Geolocation | undefined = globalThis.navigator?.geolocation): void {
    const id = ++this.request;
    if (!geolocation || globalThis.isSecureContext === false) {
      this.status = 'unsupported';
      return;
    }
    this.status = 'locating';
    geolocation.getCurrentPosition(
      (p) => {
        if (id !== this.request) return;
        const { longitude: lon, latitude: lat, accuracy } = p.coords;
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
          this.status = 'unavailable';
          return;
        }
        this.fix = { lon, lat, accuracy: Number.isFinite(accuracy) && accuracy >= 0 ? accuracy : Infinity };
        this.status = 'located';
      },
      (err) => {
        if (id !== this.request) return;
        this.status = err.code === err.PERMISSION_DENIED ? 'denied' : err.code === err.TIMEOUT ? 'timeout' : 'unavailable';
      },
      GEOLOCATION_OPTIONS,
    );
  }

  /** Forgets the position (and any answer still on its way). */
  clear(): void {
    this.request++;
    this.fix = null;
    this.status = 'idle';
  }

  /** The position and its accuracy ring, for the map. */
  sources(): Record<string, GeoJSONSourceSpecification> {
    const fix = this.fix;
    if (!fix) return { near: { type: 'geojson', data: EMPTY_COLLECTION } };
    const features: Feature[] = [{ type: 'Feature', properties: { part: 'dot' }, geometry: { type: 'Point', coordinates: [fix.lon, fix.lat] } }];
    if (Number.isFinite(fix.accuracy) && fix.accuracy > 0) features.unshift({ type: 'Feature', properties: { part: 'ring' }, geometry: accuracyRing(fix) });
    return { near: { type: 'geojson', data: { type: 'FeatureCollection', features } } };
  }

  // The position never enters a link.
  toLink(): undefined {
    return undefined;
  }
  apply(): void {}
}
