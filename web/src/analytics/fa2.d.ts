// graphology-layout-forceatlas2 ships no types for its single-iteration
// kernel, which the layout worker runs on flat Float32Arrays.
declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  export default function iterate(settings: ForceAtlas2Settings, nodes: Float32Array, edges: Float32Array): unknown;
}
