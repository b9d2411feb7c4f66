// The operator's settings the map needs (GET /api/v1/instance), fetched once
// per page load. A server without the route draws the plain base layer.
import { api } from '../api';

export interface MapSettings {
  tiles: string | null; // URL template with {z}/{x}/{y}; null: no tile source
  attribution: string; // plain text
}

interface Instance {
  map: MapSettings;
}

const NO_TILES: MapSettings = { tiles: null, attribution: '' };
let pending: Promise<MapSettings> | null = null;

export function mapSettings(): Promise<MapSettings> {
  pending ??= api.get<Instance>('/instance').then(
    (i) => i.map ?? NO_TILES,
    () => NO_TILES,
  );
  return pending;
}
