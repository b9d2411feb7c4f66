// One member in the network: who they are, their role and figures, and
// their ego network (their ties, and the ties among those they are tied
// to) drawn as a ring around them.
import { useMemo } from 'preact/hooks';
import { withQuery } from '../api';
import { t } from '../i18n';
import { useResource } from '../hooks';
import { Link } from '../router';
import type { Member, MemberNetwork, NodeMetrics } from '../types';
import { Avatar, ErrorBox, Loading } from '../components/ui';
import { formatDecimal, formatInt, formatMetric, formatPercent } from './format';
import { rankColour, roleColour } from './palette';
import { useNetworkResource } from './use_network';

// The figures the panel lists, in reading order, with how to show each.
const FIGURES: { key: keyof NodeMetrics; format: (v: number | null) => string }[] = [
  { key: 'degree', format: formatInt },
  { key: 'strength', format: (v) => formatDecimal(v, 1) },
  { key: 'pagerank', format: formatMetric },
  { key: 'betweenness', format: formatMetric },
  { key: 'closeness', format: formatMetric },
  { key: 'harmonic', format: (v) => formatDecimal(v, 1) },
  { key: 'eigenvector', format: formatMetric },
  { key: 'clustering', format: formatMetric },
  { key: 'core', format: formatInt },
  { key: 'constraint', format: formatMetric },
  { key: 'effective_size', format: (v) => formatDecimal(v, 1) },
];

const EGO_LIMIT = 60;

interface EgoProps {
  handle: string;
  ego: MemberNetwork['ego'];
  community: number | null;
  ranks: Map<number, number>;
  onSelect: (handle: string) => void;
}

function colourOf(community: number | null, ranks: Map<number, number>) {
  return rankColour(community === null ? undefined : ranks.get(community));
}

export function EgoNetwork({ handle, ego, community, ranks, onSelect }: EgoProps) {
  const view = useMemo(() => {
    const weight = new Map<string, number>();
    for (const [a, b, w] of ego.edges) {
      if (a === handle) weight.set(b, w);
      else if (b === handle) weight.set(a, w);
    }
    const strongest = [...ego.nodes].sort((a, b) => (weight.get(b.id) ?? 0) - (weight.get(a.id) ?? 0) || a.id.localeCompare(b.id));
    const shown = strongest.slice(0, EGO_LIMIT);
    // Around the ring by community, so each community forms an arc.
    const ring = [...shown].sort((a, b) => (ranks.get(a.community ?? -1) ?? 999) - (ranks.get(b.community ?? -1) ?? 999) || a.id.localeCompare(b.id));
    const centre = 150;
    const radius = 112;
    const at = new Map<string, { x: number; y: number }>();
    ring.forEach((n, i) => {
      const angle = (i / Math.max(ring.length, 1)) * Math.PI * 2 - Math.PI / 2;
      at.set(n.id, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) });
    });
    const maxWeight = Math.max(1, ...shown.map((n) => weight.get(n.id) ?? 1));
    let among = 0;
    const chords: [{ x: number; y: number }, { x: number; y: number }][] = [];
    for (const [a, b] of ego.edges) {
      if (a === handle || b === handle) continue;
      among++;
      const pa = at.get(a);
      const pb = at.get(b);
      if (pa && pb) chords.push([pa, pb]);
    }
    const d = ego.nodes.length;
    return { weight, strongest, ring, at, maxWeight, among, possible: (d * (d - 1)) / 2, chords, centre };
  }, [ego, handle, ranks]);

  if (ego.nodes.length === 0) return <p class="muted">{t('analytics.ego_empty')}</p>;
  const { centre } = view;
  return (
    <div class="ego" data-testid="ego-network">
      <svg class="ego-svg" viewBox="0 0 300 300" role="img" aria-label={t('analytics.ego_label', { handle, n: ego.nodes.length, among: view.among })}>
        <g class="ego-chords">
          {view.chords.map(([a, b], i) => (
            <line key={i} x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
          ))}
        </g>
        <g class="ego-spokes">
          {view.ring.map((n) => {
            const p = view.at.get(n.id)!;
            const w = view.weight.get(n.id) ?? 1;
            return <line key={n.id} x1={centre} y1={centre} x2={p.x} y2={p.y} stroke-width={0.6 + (2.4 * w) / view.maxWeight} />;
          })}
        </g>
        {view.ring.map((n) => {
          const p = view.at.get(n.id)!;
          const w = view.weight.get(n.id) ?? 1;
          return (
            <circle
              key={n.id}
              class="ego-node"
              cx={p.x}
              cy={p.y}
              r={3.5 + 4 * Math.sqrt(w / view.maxWeight)}
              fill={colourOf(n.community, ranks)}
              onClick={() => onSelect(n.id)}
            >
              <title>@{n.id}</title>
            </circle>
          );
        })}
        <circle cx={centre} cy={centre} r={11} fill={colourOf(community, ranks)} stroke="#1c2030" stroke-width={2.5} />
      </svg>
      <p class="small muted">
        {t('analytics.ego_closure', { among: formatInt(view.among), possible: formatInt(view.possible), share: formatPercent(view.possible ? view.among / view.possible : 0) })}
        {ego.nodes.length > EGO_LIMIT && <> {t('analytics.ego_limited', { n: EGO_LIMIT, total: formatInt(ego.nodes.length) })}</>}
      </p>
      <h4 class="panel-subtitle">{t('analytics.strongest_ties')}</h4>
      <ul class="tie-list">
        {view.strongest.slice(0, 8).map((n) => (
          <li key={n.id}>
            <span class="swatch" style={{ background: colourOf(n.community, ranks) }} aria-hidden="true" />
            <button type="button" class="link-button" onClick={() => onSelect(n.id)}>
              @{n.id}
            </button>
            <span class="muted small">{t('analytics.tie_weight', { w: formatDecimal(view.weight.get(n.id) ?? null, 1) })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface PanelProps {
  handle: string;
  scope: string;
  ranks: Map<number, number>;
  onSelect: (handle: string | null) => void;
}

export function MemberPanel({ handle, scope, ranks, onSelect }: PanelProps) {
  const network = useNetworkResource<MemberNetwork>(withQuery(`/network/members/${encodeURIComponent(handle)}`, { scope }));
  const profile = useResource<Member>(`/members/${encodeURIComponent(handle)}`);
  const m = network.data?.metrics;
  const member: Member = profile.data ?? { id: handle, handle, created_at: '' };
  const community = m?.community ?? null;
  return (
    <section
      class="card member-panel"
      aria-labelledby="member-panel-title"
      data-testid="member-panel"
      data-handle={handle}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onSelect(null);
      }}
    >
      <div class="member-panel-head">
        <Avatar member={member} size={44} />
        <div class="member-panel-name">
          <h3 id="member-panel-title" class="panel-title">
            {member.display_name || handle}
          </h3>
          <Link href={`/members/${encodeURIComponent(handle)}`} class="small">
            @{handle}
          </Link>
        </div>
        <button type="button" class="btn btn-ghost btn-small panel-close" onClick={() => onSelect(null)} aria-label={t('analytics.close_member')}>
          ✕
        </button>
      </div>
      {network.error ? (
        <ErrorBox error={network.error} retry={network.reload} />
      ) : !m ? (
        <Loading label={network.computing ? t('analytics.computing_short') : undefined} />
      ) : (
        <>
          <p class="member-panel-tags">
            <span class="role-pill" style={{ borderColor: roleColour(m.role), color: roleColour(m.role) }} data-testid="member-role">
              {t(`analytics.role.${m.role ?? 'member'}`)}
            </span>
            {community !== null && (
              <span class="community-pill">
                <span class="swatch" style={{ background: colourOf(community, ranks) }} aria-hidden="true" />
                {t('analytics.community_n', { n: (ranks.get(community) ?? community) + 1 })}
              </span>
            )}
          </p>
          <p class="small muted">{t(`analytics.role_help.${m.role ?? 'member'}`)}</p>
          <dl class="metric-list" data-testid="member-metrics">
            {FIGURES.map((f) => (
              <div key={f.key} data-metric={f.key}>
                <dt>{t(`analytics.metric.${f.key}`)}</dt>
                <dd>{f.format(m[f.key] as number | null)}</dd>
              </div>
            ))}
          </dl>
          <h4 class="panel-subtitle">{t('analytics.ego_title')}</h4>
          <EgoNetwork handle={handle} ego={network.data!.ego} community={community} ranks={ranks} onSelect={(h) => onSelect(h)} />
        </>
      )}
    </section>
  );
}
