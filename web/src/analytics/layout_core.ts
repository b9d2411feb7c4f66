// ForceAtlas2 on flat arrays (Jacomy et al. 2014, "ForceAtlas2, a
// continuous graph layout algorithm", PLoS ONE), through graphology's
// kernel. Shared by the layout worker and the main-thread fallback.
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import iterate from 'graphology-layout-forceatlas2/iterate.js';

// The kernel's matrix layout: 10 floats per node, 3 per edge.
export const PPN = 10;
export const PPE = 3;

export interface LayoutInput {
  xy: Float32Array; // 2 per node
  edges: Uint32Array; // 2 per edge: node indices
  weights: Float32Array; // 1 per edge
}

export interface LayoutJob {
  nodes: Float32Array;
  edges: Float32Array;
  settings: ForceAtlas2Settings;
  iterations: number;
}

// Settings as graphology's inferSettings, plus Barnes-Hut from 1,000 nodes:
// O(n log n) repulsion is what keeps 10k nodes interactive.
export function settingsFor(order: number): ForceAtlas2Settings {
  return {
    barnesHutOptimize: order > 1000,
    barnesHutTheta: 0.6,
    strongGravityMode: true,
    gravity: 0.1,
    scalingRatio: 10,
    slowDown: 1 + Math.log(Math.max(order, 1)),
    edgeWeightInfluence: 0.5,
  };
}

// A bounded run: many iterations while they are cheap, fewer on large
// networks, where the community-seeded start is already close.
export function iterationsFor(order: number): number {
  if (order <= 500) return 600;
  if (order <= 2000) return 400;
  if (order <= 10000) return 250;
  return 150;
}

export function makeJob(input: LayoutInput): LayoutJob {
  const n = input.xy.length / 2;
  const m = input.weights.length;
  const nodes = new Float32Array(n * PPN);
  for (let i = 0; i < n; i++) {
    nodes[i * PPN] = input.xy[2 * i];
    nodes[i * PPN + 1] = input.xy[2 * i + 1];
    nodes[i * PPN + 6] = 1; // mass: 1 + weighted degree, below
    nodes[i * PPN + 7] = 1; // convergence
    nodes[i * PPN + 8] = 1; // size
  }
  const edges = new Float32Array(m * PPE);
  for (let e = 0; e < m; e++) {
    const s = input.edges[2 * e] * PPN;
    const t = input.edges[2 * e + 1] * PPN;
    const w = input.weights[e];
    edges[e * PPE] = s;
    edges[e * PPE + 1] = t;
    edges[e * PPE + 2] = w;
    nodes[s + 6] += w;
    nodes[t + 6] += w;
  }
  return { nodes, edges, settings: settingsFor(n), iterations: iterationsFor(n) };
}

export function step(job: LayoutJob): void {
  iterate(job.settings, job.nodes, job.edges);
}

export function positions(job: LayoutJob): Float32Array {
  const n = job.nodes.length / PPN;
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    xy[2 * i] = job.nodes[i * PPN];
    xy[2 * i + 1] = job.nodes[i * PPN + 1];
  }
  return xy;
}
