// Where a report is: a point picked on a small map (click or tap; or move the
// map with the arrow keys under the crosshair and press "Use the centre"),
// coordinates typed in (two fields; "52.09, 5.10" pasted into the first
// fills both), or an address. There is no geocoder offline: an address
// suggests those already on items the member may read (GET /places), each
// with its point; an address that matches none is kept as typed, with the
// point from the map or the fields. The value is {lat, lon, address?} once
// both coordinates are numbers on the globe, else null.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n';
import type { ItemLocation, Item } from '../types';
import { baseLayer } from '../map/base_layer';
import { mapSettings } from '../map/instance';
import { L } from '../map/leaflet';
import { markerSvg } from '../map/marker_style';

interface Place {
  address: string;
  lat: number;
  lon: number;
}

interface Props {
  id: string;
  onChange: (location: ItemLocation | null) => void;
}

const FALLBACK_VIEW: [number, number, number] = [52.1, 5.1, 7];
const PICKED_ZOOM = 16;

function parseCoordinate(text: string, limit: number): number | null {
  const v = Number(text.trim().replace(/\s/g, ''));
  return text.trim() !== '' && Number.isFinite(v) && Math.abs(v) <= limit ? v : null;
}

// "52.09, 5.10" or "52.09 5.10" or "52.09;5.10".
export function splitCoordinates(text: string): [string, string] | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,; ]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  return m ? [m[1], m[2]] : null;
}

const round = (v: number) => String(Math.round(v * 1e6) / 1e6);

export function LocationPicker({ id, onChange }: Props) {
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [address, setAddress] = useState('');
  const [places, setPlaces] = useState<Place[]>([]);
  const [mapReady, setMapReady] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const lookup = useRef(0);

  const point = (() => {
    const la = parseCoordinate(lat, 90);
    const lo = parseCoordinate(lon, 180);
    return la === null || lo === null ? null : { lat: la, lon: lo };
  })();

  useEffect(() => {
    onChange(point ? { ...point, ...(address.trim() ? { address: address.trim() } : {}) } : null);
  }, [point?.lat, point?.lon, address]);

  // The small map, once the tile setting is known.
  useEffect(() => {
    let live = true;
    let created: L.Map | null = null;
    mapSettings().then(async (settings) => {
      if (!live || !box.current) return;
      const m = L.map(box.current, { zoomControl: false, attributionControl: !!settings.tiles });
      L.control.zoom({ zoomInTitle: t('map.zoom_in'), zoomOutTitle: t('map.zoom_out') }).addTo(m);
      if (settings.tiles) m.attributionControl.setPrefix(false);
      baseLayer(settings).addTo(m);
      m.getContainer().setAttribute('aria-label', t('location.map_label'));
      m.getContainer().setAttribute('aria-describedby', `${id}-map-help`);
      m.on('click', (e: L.LeafletMouseEvent) => pick(e.latlng.lat, e.latlng.lng));
      created = m;
      map.current = m;
      m.setView([FALLBACK_VIEW[0], FALLBACK_VIEW[1]], FALLBACK_VIEW[2]);
      setMapReady(true);
      // Start where the newest place on the instance is: the neighbourhood
      // this instance is about, more likely than anywhere else.
      const newest = await api.page<Item>('/items', { bbox: '-90,-180,90,180', limit: 1 }).catch(() => null);
      const at = newest?.items[0]?.location;
      if (live && at && !marker.current) m.setView([at.lat, at.lon], 14);
    });
    return () => {
      live = false;
      created?.remove();
      map.current = null;
      marker.current = null;
    };
  }, []);

  // The marker follows the typed or picked point.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!point) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const at: [number, number] = [point.lat, point.lon];
    if (!marker.current) {
      marker.current = L.marker(at, {
        icon: L.divIcon({ className: 'map-marker', html: markerSvg('report', 'new'), iconSize: [28, 28], iconAnchor: [14, 14] }),
        keyboard: false,
        interactive: false,
      }).addTo(m);
    } else {
      marker.current.setLatLng(at);
    }
    if (!m.getBounds().contains(at)) m.setView(at, Math.max(m.getZoom(), PICKED_ZOOM));
  }, [point?.lat, point?.lon, mapReady]);

  // Address suggestions, debounced; an older answer never replaces a newer one.
  useEffect(() => {
    const q = address.trim();
    const mine = ++lookup.current;
    if (q.length < 2) {
      setPlaces([]);
      return;
    }
    const timer = window.setTimeout(() => {
      api
        .get<{ places: Place[] }>('/places', { q })
        .then((r) => mine === lookup.current && setPlaces(r.places.filter((p) => p.address !== q)))
        .catch(() => mine === lookup.current && setPlaces([]));
    }, 250);
    return () => window.clearTimeout(timer);
  }, [address]);

  function pick(la: number, lo: number) {
    setLat(round(la));
    setLon(round(lo));
  }

  function typeLat(text: string) {
    const both = splitCoordinates(text);
    if (both) {
      setLat(both[0]);
      setLon(both[1]);
    } else {
      setLat(text);
    }
  }

  const latBad = lat.trim() !== '' && parseCoordinate(lat, 90) === null;
  const lonBad = lon.trim() !== '' && parseCoordinate(lon, 180) === null;
  return (
    <fieldset class="location-picker" data-testid="location-picker">
      <legend>{t('location.legend')}</legend>
      <div class="field">
        <label for={`${id}-address`}>{t('location.address')}</label>
        <input id={`${id}-address`} type="text" autoComplete="off" value={address} maxLength={300} aria-describedby={`${id}-address-help`} onInput={(e) => setAddress(e.currentTarget.value)} />
        <p id={`${id}-address-help`} class="small muted">
          {t('location.address_help')}
        </p>
        {places.length > 0 && (
          <ul class="place-suggestions" aria-label={t('location.suggestions')} data-testid="place-suggestions">
            {places.map((p) => (
              <li key={p.address}>
                <button
                  type="button"
                  class="chip chip-button"
                  onClick={() => {
                    setAddress(p.address);
                    pick(p.lat, p.lon);
                    setPlaces([]);
                  }}
                >
                  {p.address}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="location-fields">
        <div class="field">
          <label for={`${id}-lat`}>{t('location.lat')}</label>
          <input id={`${id}-lat`} type="text" inputMode="decimal" value={lat} aria-invalid={latBad} aria-describedby={`${id}-coord-help`} onInput={(e) => typeLat(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`${id}-lon`}>{t('location.lon')}</label>
          <input id={`${id}-lon`} type="text" inputMode="decimal" value={lon} aria-invalid={lonBad} aria-describedby={`${id}-coord-help`} onInput={(e) => setLon(e.currentTarget.value)} />
        </div>
      </div>
      <p id={`${id}-coord-help`} class={latBad || lonBad ? 'form-error' : 'small muted'}>
        {latBad || lonBad ? t('location.bad_coordinates') : t('location.coord_help')}
      </p>
      <div class="location-picker-map">
        <div ref={box} class="map-canvas" data-testid="picker-map" role="application" />
        <svg class="location-picker-crosshair" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 0v9M12 15v9M0 12h9M15 12h9" stroke="#1c2030" stroke-width="2" />
        </svg>
      </div>
      <p id={`${id}-map-help`} class="small muted">
        {t('location.map_help')}
      </p>
      <button
        type="button"
        class="btn btn-secondary btn-small"
        disabled={!mapReady}
        onClick={() => {
          const c = map.current?.getCenter();
          if (c) pick(c.lat, c.lng);
        }}
      >
        {t('location.use_centre')}
      </button>
    </fieldset>
  );
}
