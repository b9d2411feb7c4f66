// The items on a Leaflet map, clustered (leaflet.markercluster keeps
// thousands of markers fast). Every marker and cluster is a focusable button
// with a name (kind, title, status; "N items, zoom in"); Enter opens a
// marker's popup with a link to the item. The parent learns the box in view
// after each move, and may ask to show an item (pan, zoom out of its cluster,
// open its popup).
import { useEffect, useRef } from 'preact/hooks';
import type { MutableRef } from 'preact/hooks';
import { t, tn } from '../i18n';
import type { Item } from '../types';
import { baseLayer } from './base_layer';
import type { MapSettings } from './instance';
import { L } from './leaflet';
import { markerName, markerSvg, phaseOfItem, shapeOf, kindLabel, statusLabel } from './marker_style';

// min_lat,min_lon,max_lat,max_lon, clamped to the globe, for GET /items?bbox=.
export function boxOf(bounds: L.LatLngBounds): string {
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
  const sw = bounds.getSouthWest();
  const ne = bounds.getNorthEast();
  const wide = ne.lng - sw.lng >= 360;
  const parts = [clamp(sw.lat, 90), wide ? -180 : clamp(sw.lng, 180), clamp(ne.lat, 90), wide ? 180 : clamp(ne.lng, 180)];
  return parts.map((v) => v.toFixed(6)).join(',');
}

export interface MapHandle {
  show: (id: string) => void;
  fit: (items: Item[]) => void;
}

interface Props {
  settings: MapSettings;
  items: Item[];
  onMove: (box: string) => void;
  handle: MutableRef<MapHandle | null>;
  label: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function icon(item: Item): L.DivIcon {
  const name = escapeHtml(markerName(item));
  return L.divIcon({
    className: 'map-marker',
    html: `${markerSvg(shapeOf(item.kind), phaseOfItem(item))}<span class="visually-hidden">${name}</span>`,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    popupAnchor: [0, -12],
  });
}

function popup(item: Item): HTMLElement {
  const box = document.createElement('div');
  const link = document.createElement('a');
  link.href = `/items/${encodeURIComponent(item.id)}`;
  link.className = 'map-popup-title';
  link.textContent = item.title || t('map.untitled');
  const facts = document.createElement('p');
  facts.textContent = [kindLabel(item.kind), statusLabel(item.status), item.location?.address].filter(Boolean).join(' · ');
  box.append(link, facts);
  return box;
}

function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const n = cluster.getChildCount();
  const size = n < 10 ? 34 : n < 100 ? 40 : 48;
  return L.divIcon({
    className: 'map-cluster',
    html: `<span class="map-cluster-count" aria-hidden="true">${n}</span><span class="visually-hidden">${escapeHtml(tn('map.cluster_name', n))}</span>`,
    iconSize: [size, size],
  });
}

export function ItemsMap({ settings, items, onMove, handle, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const cluster = useRef<L.MarkerClusterGroup | null>(null);
  const markers = useRef(new Map<string, L.Marker>());
  const drawn = useRef(new Map<string, string>()); // what each marker shows
  const move = useRef(onMove);
  move.current = onMove;

  useEffect(() => {
    const m = L.map(box.current!, {
      center: [52.1, 5.1],
      zoom: 7,
      worldCopyJump: false,
      zoomControl: false,
      attributionControl: !!settings.tiles,
    });
    L.control.zoom({ zoomInTitle: t('map.zoom_in'), zoomOutTitle: t('map.zoom_out') }).addTo(m);
    if (settings.tiles) m.attributionControl.setPrefix(false);
    baseLayer(settings).addTo(m);
    const group = L.markerClusterGroup({ iconCreateFunction: clusterIcon, showCoverageOnHover: false, chunkedLoading: true });
    group.addTo(m);
    m.on('moveend', () => move.current(boxOf(m.getBounds())));
    m.getContainer().setAttribute('aria-label', label);
    map.current = m;
    cluster.current = group;
    handle.current = {
      show(id) {
        const marker = markers.current.get(id);
        if (!marker) return;
        group.zoomToShowLayer(marker, () => {
          marker.openPopup();
        });
      },
      fit(list) {
        const points = list.filter((i) => i.location).map((i) => [i.location!.lat, i.location!.lon] as [number, number]);
        if (points.length > 0) m.fitBounds(L.latLngBounds(points), { maxZoom: 16, padding: [24, 24] });
      },
    };
    return () => {
      handle.current = null;
      m.remove();
      map.current = null;
      markers.current.clear();
    };
  }, [settings.tiles]);

  // Markers follow the items: those gone (or moved, or in another status)
  // are removed, new ones added, so a reload after a move does not redraw
  // the ones that stay.
  useEffect(() => {
    const group = cluster.current;
    if (!group) return;
    const drawnAs = (i: Item) => `${i.status ?? ''}|${i.location!.lat}|${i.location!.lon}|${i.title ?? ''}`;
    const wanted = new Map(items.filter((i) => i.location).map((i) => [i.id, i]));
    const gone: L.Marker[] = [];
    for (const [id, marker] of markers.current) {
      const item = wanted.get(id);
      if (!item || drawn.current.get(id) !== drawnAs(item)) {
        gone.push(marker);
        markers.current.delete(id);
      }
    }
    group.removeLayers(gone);
    const added: L.Marker[] = [];
    for (const [id, item] of wanted) {
      if (markers.current.has(id)) continue;
      const marker = L.marker([item.location!.lat, item.location!.lon], { icon: icon(item), keyboard: true, riseOnHover: true });
      marker.bindPopup(() => popup(item));
      markers.current.set(id, marker);
      drawn.current.set(id, drawnAs(item));
      added.push(marker);
    }
    group.addLayers(added);
  }, [items]);

  return <div ref={box} class="map-canvas" data-testid="items-map" role="region" />;
}
