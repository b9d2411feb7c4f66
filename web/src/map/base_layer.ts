// The layer under the markers: the operator's tiles when set, else a plain
// graticule drawn by the browser (lines every tile, so a moved map is seen
// to move) that makes no network request at all.
import { L } from './leaflet';
import type { MapSettings } from './instance';

// Leaflet writes attribution as HTML; the operator's text is text.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const Graticule = L.GridLayer.extend({
  createTile(): HTMLElement {
    const tile = document.createElement('div');
    tile.className = 'map-graticule-tile';
    return tile;
  },
});

export function baseLayer(settings: MapSettings): L.Layer {
  if (settings.tiles) {
    return L.tileLayer(settings.tiles, { attribution: escapeHtml(settings.attribution), maxZoom: 19 });
  }
  return new (Graticule as unknown as new (options: L.GridLayerOptions) => L.GridLayer)({ maxZoom: 19 });
}
