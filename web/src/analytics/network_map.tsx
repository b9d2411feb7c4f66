// The network map: sigma.js (WebGL) drawing a graphology graph, laid out by
// ForceAtlas2 in a worker. Colour shows the community (or role), size the
// metric the analyst picks. Hovering shows a member's figures; clicking
// selects them and lights up their ego network. The canvas is for the
// mouse; the page offers the same selection by keyboard (find a member,
// the ranked list).
import Graph from 'graphology';
import Sigma from 'sigma';
import type { NodeDisplayData } from 'sigma/types';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { GraphNode, NetworkGraph } from '../types';
import { formatInt, formatMetric } from './format';
import { LayoutRunner, type LayoutState } from './layout';
import { layoutInput, metricOf, seedPositions, sizeScale, type ColourBy, type SizeMetric } from './model';
import { DIMMED_COLOUR, rankColour, roleColour } from './palette';

interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}

interface EdgeAttributes {
  size: number;
  color: string;
}

export interface MapProps {
  data: NetworkGraph;
  ranks: Map<number, number>;
  colourBy: ColourBy;
  sizeBy: SizeMetric;
  selected: string | null;
  onSelect: (handle: string | null) => void;
}

// Narrow maps (phones) draw smaller nodes.
function sizeFactor(el: HTMLElement | null): number {
  return Math.min(1, Math.max(0.55, (el?.clientWidth ?? 720) / 720));
}

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function nodeColour(node: GraphNode, colourBy: ColourBy, ranks: Map<number, number>): string {
  if (colourBy === 'role') return roleColour(node.role);
  return rankColour(node.community === null ? undefined : ranks.get(node.community));
}

function edgeColour(order: number): string {
  // Solid greys (sigma's WebGL blending makes translucent lines vanish on
  // some renderers); lighter on denser maps, so communities stay visible.
  return order > 2000 ? '#dcdfe8' : order > 500 ? '#d0d4df' : '#c3c8d6';
}

// A ring around the hovered node instead of sigma's label box: the tooltip
// already names the member.
function drawHoverRing(context: CanvasRenderingContext2D, data: { x: number; y: number; size: number }) {
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
  context.lineWidth = 2;
  context.strokeStyle = '#1c2030';
  context.stroke();
}

// From this many ties on, the map leaves them out while the layout runs:
// sigma re-processes every tie on each position update, which costs most of
// the frame and shows little while nodes move.
const LARGE_MAP_TIES = 20000;

interface Hover {
  handle: string;
  x: number;
  y: number;
}

export function NetworkMap({ data, ranks, colourBy, sizeBy, selected, onSelect }: MapProps) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const graphRef = useRef<Graph<NodeAttributes, EdgeAttributes> | null>(null);
  const runner = useRef<LayoutRunner | null>(null);
  const focus = useRef<{ selected: string | null; hovered: string | null; around: Set<string> }>({ selected, hovered: null, around: new Set() });
  const latest = useRef({ colourBy, sizeBy, ranks, onSelect });
  latest.current = { colourBy, sizeBy, ranks, onSelect };
  const [hover, setHover] = useState<Hover | null>(null);
  const [layout, setLayout] = useState<{ state: LayoutState; iteration: number; of: number }>({ state: 'running', iteration: 0, of: 0 });
  const [failed, setFailed] = useState(false);
  const byId = useMemo(() => new Map(data.nodes.map((n) => [n.id, n])), [data]);
  // Neighbours from the data, not the drawn graph, which may be without ties.
  const adjacency = useMemo(() => {
    const around = new Map<string, string[]>();
    for (const [a, b] of data.edges) {
      const s = data.nodes[a]?.id;
      const d = data.nodes[b]?.id;
      if (!s || !d || s === d) continue;
      (around.get(s) ?? around.set(s, []).get(s)!).push(d);
      (around.get(d) ?? around.set(d, []).get(d)!).push(s);
    }
    return around;
  }, [data]);

  // Which nodes stay lit: the focused member and their neighbours.
  function refocus() {
    const graph = graphRef.current;
    const f = focus.current;
    const centre = f.hovered ?? f.selected;
    f.around = new Set();
    if (graph && centre && graph.hasNode(centre)) {
      f.around.add(centre);
      for (const n of adjacency.get(centre) ?? []) f.around.add(n);
    }
    sigmaRef.current?.refresh({ skipIndexation: true });
  }

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const { colourBy: c0, sizeBy: s0, ranks: r0 } = latest.current;
    const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
    const xy = seedPositions(data.nodes);
    const size = sizeScale(data.nodes, s0, sizeFactor(el));
    data.nodes.forEach((n, i) => {
      graph.addNode(n.id, { x: xy[2 * i], y: xy[2 * i + 1], size: size(n), color: nodeColour(n, c0, r0), label: n.id });
    });
    const ec = edgeColour(data.nodes.length);
    const showTies = (show: boolean) => {
      if (!show) {
        if (graph.size > 0) graph.clearEdges();
        return;
      }
      if (graph.size > 0) return;
      for (const [a, b, w] of data.edges) {
        const s = data.nodes[a]?.id;
        const d = data.nodes[b]?.id;
        if (!s || !d || s === d || graph.hasEdge(s, d)) continue;
        graph.addEdge(s, d, { size: Math.min(1 + Math.log1p(w) * 0.4, 3), color: ec });
      }
    };
    const large = data.edges.length > LARGE_MAP_TIES && data.nodes.length > 1;
    showTies(!large);
    graphRef.current = graph;

    let sigma: Sigma<NodeAttributes, EdgeAttributes>;
    try {
      sigma = new Sigma(graph, el, {
        renderEdgeLabels: false,
        labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
        labelSize: 12,
        labelWeight: '600',
        labelColor: { color: '#1c2030' },
        labelRenderedSizeThreshold: data.nodes.length > 2000 ? 9 : 7,
        labelDensity: 0.6,
        zIndex: true,
        hideEdgesOnMove: data.edges.length > LARGE_MAP_TIES,
        minCameraRatio: 0.02,
        maxCameraRatio: 4,
        stagePadding: 40, // room for the labels of nodes at the edge
        defaultDrawNodeHover: drawHoverRing,
        nodeReducer: (node, attrs) => {
          const f = focus.current;
          const out: Partial<NodeDisplayData> = { ...attrs };
          if (f.around.size > 0) {
            if (!f.around.has(node)) {
              out.color = DIMMED_COLOUR;
              out.label = null;
              out.zIndex = 0;
            } else {
              out.zIndex = 1;
              if (node === f.selected || node === f.hovered || f.around.size <= 25) out.forceLabel = true;
            }
          }
          if (node === f.selected) out.highlighted = true;
          return out;
        },
        edgeReducer: (edge, attrs) => {
          const f = focus.current;
          const centre = f.hovered ?? f.selected;
          if (f.around.size === 0 || !centre) return attrs;
          if (!graph.hasExtremity(edge, centre)) return { ...attrs, hidden: true };
          return { ...attrs, color: '#6b7189', zIndex: 1 };
        },
      });
    } catch {
      setFailed(true);
      return;
    }
    sigmaRef.current = sigma;
    refocus();

    sigma.on('enterNode', ({ node, event }) => {
      focus.current.hovered = node;
      refocus();
      setHover({ handle: node, x: event.x, y: event.y });
      el.style.cursor = 'pointer';
    });
    sigma.on('leaveNode', () => {
      focus.current.hovered = null;
      refocus();
      setHover(null);
      el.style.cursor = '';
    });
    sigma.on('clickNode', ({ node }) => latest.current.onSelect(node));
    sigma.on('clickStage', () => latest.current.onSelect(null));

    const run = new LayoutRunner(
      layoutInput(data, xy),
      {
        positions: (pos) => {
          let i = 0;
          graph.updateEachNodeAttributes(
            (_node, attr) => {
              attr.x = pos[2 * i];
              attr.y = pos[2 * i + 1];
              i++;
              return attr;
            },
            { attributes: ['x', 'y'] },
          );
        },
        state: (state, iteration, of) => {
          if (large) showTies(state !== 'running');
          setLayout((old) => ({ state, iteration: iteration || old.iteration, of: of || old.of }));
        },
      },
      !reducedMotion(),
    );
    runner.current = run;
    if (data.nodes.length > 1) run.start();
    else setLayout({ state: 'done', iteration: 0, of: 0 });

    const resize = new ResizeObserver(() => sigma.refresh());
    resize.observe(el);
    return () => {
      resize.disconnect();
      run.stop();
      runner.current = null;
      sigma.kill();
      sigmaRef.current = null;
      graphRef.current = null;
    };
  }, [data]);

  useEffect(() => {
    const graph = graphRef.current;
    if (!graph) return;
    const size = sizeScale(data.nodes, sizeBy, sizeFactor(container.current));
    graph.updateEachNodeAttributes(
      (node, attr) => {
        const n = byId.get(node);
        if (n) attr.size = size(n);
        return attr;
      },
      { attributes: ['size'] },
    );
  }, [sizeBy, data]);

  useEffect(() => {
    const graph = graphRef.current;
    if (!graph) return;
    graph.updateEachNodeAttributes(
      (node, attr) => {
        const n = byId.get(node);
        if (n) attr.color = nodeColour(n, colourBy, ranks);
        return attr;
      },
      { attributes: ['color'] },
    );
  }, [colourBy, ranks, data]);

  useEffect(() => {
    focus.current.selected = selected;
    refocus();
    const sigma = sigmaRef.current;
    if (!sigma || !selected) return;
    // Frame the member and everyone they are tied to.
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const id of focus.current.around.size ? focus.current.around : [selected]) {
      const d = sigma.getNodeDisplayData(id);
      if (!d) continue;
      x0 = Math.min(x0, d.x);
      y0 = Math.min(y0, d.y);
      x1 = Math.max(x1, d.x);
      y1 = Math.max(y1, d.y);
    }
    if (!Number.isFinite(x0)) return;
    // Camera coordinates are normalised: ratio 1 shows the whole map.
    const ratio = Math.min(1, Math.max(0.08, Math.max(x1 - x0, y1 - y0) * 1.25));
    void sigma.getCamera().animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: reducedMotion() ? 0 : 450 });
  }, [selected, data]);

  const camera = (action: 'in' | 'out' | 'reset') => {
    const c = sigmaRef.current?.getCamera();
    if (!c) return;
    const duration = reducedMotion() ? 0 : 250;
    if (action === 'in') void c.animatedZoom({ duration });
    else if (action === 'out') void c.animatedUnzoom({ duration });
    else void c.animatedReset({ duration });
  };

  const hovered = hover ? byId.get(hover.handle) : undefined;
  const shown = data.nodes.length;
  const running = layout.state === 'running';

  return (
    <div class="map-frame">
      <div class="map-toolbar">
        <p class="map-status" role="status" data-testid="map-status" data-layout={layout.state}>
          {shown < data.total_nodes
            ? t('analytics.map_status_partial', { shown: formatInt(shown), total: formatInt(data.total_nodes), ties: formatInt(data.edges.length) })
            : t('analytics.map_status', { shown: formatInt(shown), ties: formatInt(data.edges.length) })}{' '}
          <span class="muted">{running ? t('analytics.layout_running') : layout.state === 'paused' ? t('analytics.layout_paused') : t('analytics.layout_done')}</span>
        </p>
        <div class="map-buttons">
          {!failed && shown > 1 && (
            <button
              type="button"
              class="btn btn-secondary btn-small"
              aria-pressed={!running}
              onClick={() => (running ? runner.current?.pause() : runner.current?.resume())}
            >
              {running ? t('analytics.layout_pause') : t('analytics.layout_resume')}
            </button>
          )}
          <button type="button" class="btn btn-secondary btn-small map-zoom" aria-label={t('analytics.zoom_in')} title={t('analytics.zoom_in')} onClick={() => camera('in')} disabled={failed}>
            +
          </button>
          <button type="button" class="btn btn-secondary btn-small map-zoom" aria-label={t('analytics.zoom_out')} title={t('analytics.zoom_out')} onClick={() => camera('out')} disabled={failed}>
            −
          </button>
          <button type="button" class="btn btn-secondary btn-small" onClick={() => camera('reset')} disabled={failed}>
            {t('analytics.zoom_reset')}
          </button>
        </div>
      </div>
      <div class="map-canvas-wrap">
        <div
          ref={container}
          class="network-map"
          role="img"
          aria-label={t('analytics.map_label', { shown: formatInt(shown), ties: formatInt(data.edges.length) })}
          data-testid="network-map"
        />
        {failed && (
          <div class="map-fallback" role="alert">
            <p class="state-title">{t('analytics.no_webgl_title')}</p>
            <p>{t('analytics.no_webgl')}</p>
          </div>
        )}
        {hover && hovered && (
          <div class="map-tooltip" style={{ left: `${hover.x + 14}px`, top: `${hover.y + 14}px` }} data-testid="map-tooltip">
            <strong>@{hovered.id}</strong>
            <span>
              {t(`analytics.role.${hovered.role ?? 'member'}`)}
              {hovered.community !== null && <> · {t('analytics.community_n', { n: (ranks.get(hovered.community) ?? hovered.community) + 1 })}</>}
            </span>
            <span>
              {t(`analytics.metric.${sizeBy}`)}: {formatMetric(metricOf(hovered, sizeBy))}
            </span>
          </div>
        )}
      </div>
    </div>
  );
}
