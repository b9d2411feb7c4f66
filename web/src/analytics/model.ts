// From the API's graph to what the map draws: which metric sizes a node,
// a first position per node (communities as discs, hubs in the middle), and
// the flat arrays the layout works on.
import type { GraphNode, NetworkGraph } from '../types';
import type { LayoutInput } from './layout_core';

export const SIZE_METRICS = ['degree', 'strength', 'pagerank', 'betweenness', 'eigenvector', 'closeness', 'harmonic', 'core', 'effective_size', 'clustering'] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];

export type ColourBy = 'community' | 'role';

export function metricOf(node: GraphNode, metric: SizeMetric): number | null {
  const v = node[metric];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

// Node radii in screen pixels: smaller on large maps so hubs do not cover
// their neighbourhood, and on narrow screens (scale < 1). The square root makes area, not radius, follow the
// metric.
export function sizeScale(nodes: GraphNode[], metric: SizeMetric, scale = 1): (node: GraphNode) => number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const n of nodes) {
    const v = metricOf(n, metric);
    if (v === null) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const [small, large] = (nodes.length <= 50 ? [5, 16] : nodes.length <= 500 ? [3.5, 16] : nodes.length <= 2000 ? [2.5, 12] : [1.5, 9]).map((r) => r * scale);
  const span = hi - lo;
  return (node) => {
    const v = metricOf(node, metric);
    if (v === null || !(span > 0)) return small + (large - small) * 0.25;
    return small + (large - small) * Math.sqrt((v - lo) / span);
  };
}

const GOLDEN = Math.PI * (3 - Math.sqrt(5));

// Each community a sunflower disc (best-connected members at its centre),
// the discs on a spiral, largest first. ForceAtlas2 starts close to its
// result this way and the map reads as communities from the first frame.
export function seedPositions(nodes: GraphNode[]): Float32Array {
  const groups = new Map<number, number[]>();
  nodes.forEach((n, i) => {
    const key = n.community ?? -1;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const xy = new Float32Array(nodes.length * 2);
  let before = 0;
  ordered.forEach((members, k) => {
    members.sort((a, b) => (nodes[b].degree ?? 0) - (nodes[a].degree ?? 0));
    const radius = Math.sqrt(members.length);
    const distance = k === 0 ? 0 : 2.2 * Math.sqrt(before + members.length / 2);
    const cx = distance * Math.cos(k * GOLDEN * 1.3);
    const cy = distance * Math.sin(k * GOLDEN * 1.3);
    members.forEach((i, j) => {
      const r = radius * Math.sqrt((j + 0.5) / members.length);
      xy[2 * i] = cx + r * Math.cos(j * GOLDEN);
      xy[2 * i + 1] = cy + r * Math.sin(j * GOLDEN);
    });
    before += members.length;
  });
  return xy;
}

export function layoutInput(data: NetworkGraph, xy: Float32Array): LayoutInput {
  const n = data.nodes.length;
  const kept = data.edges.filter(([a, b]) => a !== b && a >= 0 && b >= 0 && a < n && b < n);
  const edges = new Uint32Array(kept.length * 2);
  const weights = new Float32Array(kept.length);
  kept.forEach(([a, b, w], e) => {
    edges[2 * e] = a;
    edges[2 * e + 1] = b;
    weights[e] = Number.isFinite(w) && w > 0 ? w : 1;
  });
  return { xy, edges, weights };
}

// The members with the highest value of a metric, for the list beside the map.
export function topBy(nodes: GraphNode[], metric: SizeMetric, count: number): GraphNode[] {
  return nodes
    .filter((n) => metricOf(n, metric) !== null)
    .sort((a, b) => (metricOf(b, metric) ?? 0) - (metricOf(a, metric) ?? 0) || a.id.localeCompare(b.id))
    .slice(0, count);
}
