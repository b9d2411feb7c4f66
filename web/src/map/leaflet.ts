// Leaflet with marker clustering, and their styles. Only the lazily loaded
// map screens import this file, so neither library is in the main bundle.
// leaflet.markercluster extends the global L that Leaflet sets on load.
import * as L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './map.css';

export { L };
