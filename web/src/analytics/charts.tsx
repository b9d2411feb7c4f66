// Small charts drawn as SVG by Preact (no chart library, nothing inline that
// the CSP forbids): the degree distribution on log-log axes, community
// sizes as bars, and the figures over time. Each chart has its numbers in
// a table underneath, for screen readers and for anyone who wants them.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../i18n';
import type { Community, HistoryPoint } from '../types';
import { formatDateTime, formatInt, formatMetric, formatShortDate, formatTime } from './format';
import { OTHER_COLOUR, rankColour } from './palette';

const HEIGHT = 240;
const PAD = { left: 48, right: 16, top: 12, bottom: 40 };

// The chart's width follows its box, so text stays at its real size on a
// phone instead of shrinking with a viewBox.
function useWidth(): [preact.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(480);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.floor(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details class="chart-data">
      <summary>{t('analytics.show_numbers')}</summary>
      {/* A region that scrolls takes focus, so the keyboard can scroll it too. */}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function ChartCard({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ComponentChildren }) {
  return (
    <section class="card chart-card" aria-labelledby={`${id}-title`} data-chart={id}>
      <h3 id={`${id}-title`} class="chart-title">
        {title}
      </h3>
      {lead && <p class="small muted chart-lead">{lead}</p>}
      {children}
    </section>
  );
}

// Ticks 1, 2, 5, 10, 20, 50 … on a short range, powers of ten on a long one.
function logTicks(max: number): number[] {
  const decades = Math.log10(Math.max(max, 1));
  const steps = decades <= 2 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let p = 1; p <= max * 1.0001; p *= 10) {
    for (const s of steps) if (p * s <= max * 1.0001) out.push(p * s);
  }
  return out;
}

export function DegreeChart({ distribution }: { distribution: { degree: number; count: number }[] }) {
  const [ref, width] = useWidth();
  const points = distribution.filter((d) => d.degree > 0 && d.count > 0);
  const isolates = distribution.find((d) => d.degree === 0)?.count ?? 0;
  const maxDegree = Math.max(1, ...points.map((p) => p.degree));
  const maxCount = Math.max(1, ...points.map((p) => p.count));
  // At least one decade on each axis, so a small network does not fill
  // the chart with two points at its corners.
  const xMax = Math.max(Math.log10(maxDegree), 1);
  const yMax = Math.max(Math.log10(maxCount), 1);
  const innerW = width - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (k: number) => PAD.left + (Math.log10(k) / (xMax * 1.05)) * innerW;
  const y = (c: number) => PAD.top + innerH - (Math.log10(c) / (yMax * 1.08)) * innerH;
  const caption = t('analytics.degree_caption');
  return (
    <div ref={ref} class="chart" data-testid="degree-chart">
      {points.length === 0 ? (
        <p class="muted">{t('analytics.no_ties')}</p>
      ) : (
        <svg width={width} height={HEIGHT} role="img" aria-label={t('analytics.degree_label', { max: maxDegree })}>
          <g class="axis">
            {logTicks(10 ** xMax).map((k) => (
              <g key={`x${k}`}>
                <line x1={x(k)} x2={x(k)} y1={PAD.top} y2={PAD.top + innerH} class="grid" />
                <text x={x(k)} y={HEIGHT - PAD.bottom + 16} text-anchor="middle">
                  {formatInt(k)}
                </text>
              </g>
            ))}
            {logTicks(10 ** yMax).map((c) => (
              <g key={`y${c}`}>
                <line x1={PAD.left} x2={PAD.left + innerW} y1={y(c)} y2={y(c)} class="grid" />
                <text x={PAD.left - 8} y={y(c) + 4} text-anchor="end">
                  {formatInt(c)}
                </text>
              </g>
            ))}
            <text x={PAD.left + innerW / 2} y={HEIGHT - 4} text-anchor="middle" class="axis-title">
              {t('analytics.axis_degree')}
            </text>
            <text transform={`translate(12 ${PAD.top + innerH / 2}) rotate(-90)`} text-anchor="middle" class="axis-title">
              {t('analytics.axis_members')}
            </text>
          </g>
          <g class="points">
            {points.map((p) => (
              <circle key={p.degree} cx={x(p.degree)} cy={y(p.count)} r={4}>
                <title>{t('analytics.degree_point', { degree: p.degree, count: p.count })}</title>
              </circle>
            ))}
          </g>
        </svg>
      )}
      {isolates > 0 && <p class="small muted">{tn('analytics.isolates_note', isolates, { n: formatInt(isolates) })}</p>}
      <DataTable caption={caption} head={[t('analytics.axis_degree'), t('analytics.axis_members')]} rows={distribution.map((d) => [d.degree, d.count])} />
    </div>
  );
}

const SHOWN_COMMUNITIES = 12;

export function CommunityChart({ communities, sizes, onSelect }: { communities: Community[] | null; sizes: number[]; onSelect: (handle: string) => void }) {
  // The communities list (with ids and members) when it has come; the bare
  // sizes from the metrics until then.
  const items: Community[] = communities ?? sizes.map((size, i) => ({ id: i, size, top_members: [] }));
  if (items.length === 0) return <p class="muted">{t('analytics.no_communities')}</p>;
  const shown = items.slice(0, SHOWN_COMMUNITIES);
  const rest = items.slice(SHOWN_COMMUNITIES);
  const restMembers = rest.reduce((s, c) => s + c.size, 0);
  const max = Math.max(1, ...items.map((c) => c.size));
  return (
    <div class="chart" data-testid="community-chart">
      <ol class="bars">
        {shown.map((c, rank) => (
          <li key={c.id} class="bar-row" data-size={c.size}>
            <span class="bar-label">
              <span class="swatch" style={{ background: rankColour(rank) }} aria-hidden="true" />
              {t('analytics.community_n', { n: rank + 1 })}
            </span>
            <span class="bar-track" aria-hidden="true">
              <span class="bar" style={{ width: `${(c.size / max) * 100}%`, background: rankColour(rank) }} />
            </span>
            <span class="bar-value">{formatInt(c.size)}</span>
            {c.top_members.length > 0 && (
              <span class="bar-members">
                <span class="visually-hidden">{t('analytics.central_members')}: </span>
                {c.top_members.slice(0, 3).map((h, i) => (
                  <span key={h}>
                    {i > 0 && ', '}
                    <button type="button" class="link-button" onClick={() => onSelect(h)}>
                      @{h}
                    </button>
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
        {rest.length > 0 && (
          <li class="bar-row">
            <span class="bar-label">
              <span class="swatch" style={{ background: OTHER_COLOUR }} aria-hidden="true" />
              {t('analytics.smaller_communities', { n: formatInt(rest.length) })}
            </span>
            <span class="bar-track" aria-hidden="true">
              <span class="bar" style={{ width: `${Math.min(1, restMembers / max) * 100}%`, background: OTHER_COLOUR }} />
            </span>
            <span class="bar-value">{formatInt(restMembers)}</span>
          </li>
        )}
      </ol>
    </div>
  );
}

export const HISTORY_FIGURES = ['nodes', 'edges', 'density', 'average_clustering', 'modularity', 'communities', 'components', 'average_path_length', 'isolates'] as const;
export type HistoryFigure = (typeof HISTORY_FIGURES)[number];

const COUNT_FIGURES = new Set<HistoryFigure>(['nodes', 'edges', 'communities', 'components', 'isolates']);

// Round tick values (1, 2 or 5 times a power of ten) around [lo, hi]; whole
// numbers for counts. Heckbert 1990, "Nice numbers for graph labels".
export function niceScale(min: number, max: number, integer: boolean): { lo: number; hi: number; ticks: number[] } {
  let lo = min;
  let hi = max;
  if (!(hi > lo)) {
    const pad = integer ? Math.max(1, Math.ceil(Math.abs(hi) * 0.1)) : Math.abs(hi) * 0.1 || 0.1;
    lo -= pad;
    hi += pad;
    if (min >= 0 && lo < 0) lo = 0;
  }
  const rough = (hi - lo) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  let step = (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * power;
  if (integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= last + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { lo: first, hi: last, ticks };
}

export function HistoryChart({ history, figure }: { history: HistoryPoint[]; figure: HistoryFigure }) {
  const [ref, width] = useWidth();
  const points = history
    .map((h) => ({ at: new Date(h.computed_at).getTime(), value: h[figure] as number | null, iso: h.computed_at }))
    .filter((p): p is { at: number; value: number; iso: string } => p.value !== null && Number.isFinite(p.value) && Number.isFinite(p.at));
  const label = t(`analytics.history.${figure}`);
  const innerW = width - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const { lo, hi, ticks } = niceScale(
    Math.min(...points.map((p) => p.value)),
    Math.max(...points.map((p) => p.value)),
    COUNT_FIGURES.has(figure),
  );
  const t0 = Math.min(...points.map((p) => p.at));
  const t1 = Math.max(...points.map((p) => p.at));
  const x = (at: number) => (t1 > t0 ? PAD.left + ((at - t0) / (t1 - t0)) * innerW : PAD.left + innerW / 2);
  const y = (v: number) => PAD.top + innerH - ((v - lo) / (hi - lo)) * innerH;
  const xTicks = t1 > t0 ? [t0, (t0 + t1) / 2, t1] : [t0];
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)} ${y(p.value).toFixed(1)}`).join(' ');
  return (
    <div ref={ref} class="chart" data-testid="history-chart">
      {points.length === 0 ? (
        <p class="muted">{t('analytics.no_history')}</p>
      ) : (
        <svg width={width} height={HEIGHT} role="img" aria-label={t('analytics.history_label', { figure: label, n: points.length })}>
          <g class="axis">
            {ticks.map((v, i) => (
              <g key={`y${i}`}>
                <line x1={PAD.left} x2={PAD.left + innerW} y1={y(v)} y2={y(v)} class="grid" />
                <text x={PAD.left - 8} y={y(v) + 4} text-anchor="end">
                  {formatMetric(v)}
                </text>
              </g>
            ))}
            {xTicks.map((at, i) => (
              <text key={`x${i}`} x={x(at)} y={HEIGHT - PAD.bottom + 16} text-anchor={xTicks.length === 1 ? 'middle' : i === 0 ? 'start' : i === 2 ? 'end' : 'middle'}>
                {t1 - t0 < 2 * 86400000 ? formatTime(new Date(at).toISOString()) : formatShortDate(new Date(at).toISOString())}
              </text>
            ))}
          </g>
          {points.length > 1 && <path d={path} class="line" />}
          <g class="points">
            {points.map((p, i) => (
              <circle key={i} cx={x(p.at)} cy={y(p.value)} r={points.length > 40 ? 2.5 : 4}>
                <title>
                  {formatDateTime(p.iso)}: {formatMetric(p.value)}
                </title>
              </circle>
            ))}
          </g>
        </svg>
      )}
      {points.length === 1 && <p class="small muted">{t('analytics.history_one')}</p>}
      <DataTable caption={label} head={[t('analytics.history_when'), label]} rows={points.map((p) => [formatDateTime(p.iso), formatMetric(p.value)])} />
    </div>
  );
}
