// Network analytics: the figures of a network (the instance, a space or a
// tag), its map, and its structure over time. For whom the server's `can`
// says: on oneself (view_network: the instance and tags) and on a space
// (view_network: its hosts, and analysts who read it). Loaded on demand: sigma.js and
// graphology stay out of the main bundle.
import { useMemo, useState } from 'preact/hooks';
import { ApiError, withQuery } from '../api';
import { t } from '../i18n';
import { useResource, useTitle } from '../hooks';
import { Link, navigate, useLocation } from '../router';
import { seesInstanceNetwork, useMe } from '../session';
import type { NetworkCommunities, NetworkGraph, NetworkMetrics, Page, Space } from '../types';
import { Empty, ErrorBox, errorText, PageHeader } from '../components/ui';
import { CommunityChart, ChartCard, DegreeChart, HISTORY_FIGURES, HistoryChart, type HistoryFigure } from '../analytics/charts';
import { Dashboard } from '../analytics/dashboard';
import { formatDateTime, formatInt, formatMetric } from '../analytics/format';
import { MemberPanel } from '../analytics/member_panel';
import { metricOf, SIZE_METRICS, topBy, type ColourBy, type SizeMetric } from '../analytics/model';
import { NetworkMap } from '../analytics/network_map';
import { communityRanks, COMMUNITY_COLOURS, ROLE_COLOURS, ROLE_ORDER } from '../analytics/palette';
import { StillComputing, useNetworkResource, useNewerFigures } from '../analytics/use_network';

function seesSpaceNetwork(space: Space | null | undefined): boolean {
  return !!space?.can?.view_network;
}

type ScopeKind = 'instance' | 'space' | 'tag';

function parseScope(scope: string): { kind: ScopeKind; key: string } {
  if (scope.startsWith('space:')) return { kind: 'space', key: scope.slice(6) };
  if (scope.startsWith('tag:')) return { kind: 'tag', key: scope.slice(4) };
  return { kind: 'instance', key: '' };
}

function scopeTitle(scope: string, space: Space | null): string {
  const { kind, key } = parseScope(scope);
  if (kind === 'space') return t('analytics.scope_space', { name: space?.name ?? key });
  if (kind === 'tag') return t('analytics.scope_tag', { tag: key });
  return t('analytics.scope_instance');
}

function ScopePicker({ scope, analyst, spaces }: { scope: string; analyst: boolean; spaces: Space[] }) {
  const current = parseScope(scope);
  const [choice, setChoice] = useState(current.kind === 'tag' ? 'tag' : scope);
  const [tag, setTag] = useState(current.kind === 'tag' ? current.key : '');
  const options = useMemo(() => {
    const list = spaces.filter(seesSpaceNetwork);
    if (current.kind === 'space' && !list.some((s) => s.slug === current.key)) list.unshift({ slug: current.key, name: current.key } as Space);
    return list;
  }, [spaces, analyst, scope]);
  const target = choice === 'tag' ? (tag.trim() ? `tag:${tag.trim().replace(/^#/, '').toLowerCase()}` : '') : choice;
  return (
    <form
      class="card scope-form"
      aria-label={t('analytics.scope_form')}
      onSubmit={(e) => {
        e.preventDefault();
        if (target && target !== scope) navigate(withQuery('/analytics', { scope: target }));
      }}
    >
      <div class="field">
        <label for="scope-select">{t('analytics.scope_label')}</label>
        <select id="scope-select" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          {analyst && <option value="instance">{t('analytics.scope_instance')}</option>}
          {options.length > 0 && (
            <optgroup label={t('analytics.scope_spaces')}>
              {options.map((s) => (
                <option key={s.slug} value={`space:${s.slug}`}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          )}
          {analyst && <option value="tag">{t('analytics.scope_tag_option')}</option>}
        </select>
      </div>
      {choice === 'tag' && (
        <div class="field">
          <label for="scope-tag">{t('analytics.tag_label')}</label>
          <input id="scope-tag" value={tag} placeholder={t('analytics.tag_placeholder')} onInput={(e) => setTag(e.currentTarget.value)} required />
        </div>
      )}
      <div class="scope-actions">
        <button type="submit" class="btn btn-primary" disabled={!target || target === scope}>
          {t('analytics.show')}
        </button>
      </div>
    </form>
  );
}

// Why the page shows nothing: the analyst role is needed (or hosting the space).
function NeedsRole({ spaces, kind }: { spaces: Space[]; kind: ScopeKind }) {
  const hosted = spaces.filter(seesSpaceNetwork);
  return (
    <div class="state state-empty needs-role" data-testid="analytics-forbidden">
      <svg class="state-art" viewBox="0 0 64 64" aria-hidden="true">
        <circle cx="20" cy="22" r="7" fill="none" stroke="currentColor" stroke-width="4" />
        <circle cx="44" cy="22" r="7" fill="none" stroke="currentColor" stroke-width="4" />
        <circle cx="32" cy="46" r="7" fill="none" stroke="currentColor" stroke-width="4" />
        <path d="M26 25l3 15M38 25l-3 15M27 22h10" stroke="currentColor" stroke-width="4" />
      </svg>
      <h2 class="state-title">{kind === 'space' ? t('analytics.forbidden_space_title') : t('analytics.forbidden_title')}</h2>
      <p>{kind === 'space' ? t('analytics.forbidden_space_body') : t('analytics.forbidden_body')}</p>
      <p>{t('analytics.forbidden_own')}</p>
      {hosted.length > 0 && (
        <div class="state-body">
          <p>{t('analytics.forbidden_hosted')}</p>
          <ul class="hosted-list">
            {hosted.map((s) => (
              <li key={s.slug}>
                <Link class="btn btn-secondary btn-small" href={withQuery('/analytics', { scope: `space:${s.slug}` })}>
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="row-actions">
        <Link href="/network" class="btn btn-secondary">
          {t('analytics.to_your_network')}
        </Link>
      </div>
    </div>
  );
}

// Waiting, and when the server is computing (it answered 202), why.
function Computing({ computing, label }: { computing: boolean; label?: string }) {
  return (
    <div class="state state-loading computing" role="status" aria-live="polite" aria-busy="true" data-testid="computing">
      <span class="spinner" aria-hidden="true" />
      <span>
        <strong>{computing ? t('analytics.computing') : (label ?? t('state.loading'))}</strong>
        {computing && (
          <>
            <br />
            <span class="small">{t('analytics.computing_body')}</span>
          </>
        )}
      </span>
    </div>
  );
}

function FailedBox({ error, retry }: { error: unknown; retry: () => void }) {
  if (error instanceof StillComputing) {
    return (
      <div class="state state-error" role="alert">
        <p class="state-title">{t('analytics.too_long_title')}</p>
        <p>{t('analytics.too_long')}</p>
        <button type="button" class="btn btn-secondary" onClick={retry}>
          {t('action.retry')}
        </button>
      </div>
    );
  }
  return <ErrorBox error={error} retry={retry} />;
}

const MAP_SIZES = [1000, 5000, 10000, 20000];

function FindMember({ nodes, onSelect }: { nodes: NetworkGraph['nodes']; onSelect: (h: string) => void }) {
  const [q, setQ] = useState('');
  const [matches, setMatches] = useState<string[] | null>(null);
  return (
    <form
      class="find-member"
      onSubmit={(e) => {
        e.preventDefault();
        const needle = q.trim().replace(/^@/, '').toLowerCase();
        if (!needle) return;
        const exact = nodes.find((n) => n.id.toLowerCase() === needle);
        const found = exact ? [exact.id] : nodes.filter((n) => n.id.toLowerCase().includes(needle)).slice(0, 8).map((n) => n.id);
        if (found.length === 1) {
          onSelect(found[0]);
          setMatches(null);
        } else setMatches(found);
      }}
    >
      <label for="find-member">{t('analytics.find_label')}</label>
      <div class="input-row">
        <input id="find-member" type="search" value={q} placeholder="@handle" onInput={(e) => setQ(e.currentTarget.value)} />
        <button type="submit" class="btn btn-secondary">
          {t('analytics.find')}
        </button>
      </div>
      {matches && (
        <div class="find-results" role="status">
          {matches.length === 0 ? (
            <p class="small muted">{t('analytics.find_none')}</p>
          ) : (
            <ul class="chips">
              {matches.map((h) => (
                <li key={h}>
                  <button type="button" class="chip chip-button" onClick={() => onSelect(h)}>
                    @{h}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}

function Legend({ colourBy, communities }: { colourBy: ColourBy; communities: NetworkCommunities | null }) {
  if (colourBy === 'role') {
    return (
      <ul class="legend" aria-label={t('analytics.legend')}>
        {ROLE_ORDER.map((r) => (
          <li key={r}>
            <span class="swatch" style={{ background: ROLE_COLOURS[r] }} aria-hidden="true" />
            {t(`analytics.role.${r}`)}
          </li>
        ))}
      </ul>
    );
  }
  const items = communities?.items ?? [];
  return (
    <ul class="legend" aria-label={t('analytics.legend')}>
      {items.slice(0, COMMUNITY_COLOURS.length).map((c, rank) => (
        <li key={c.id}>
          <span class="swatch" style={{ background: COMMUNITY_COLOURS[rank] }} aria-hidden="true" />
          {t('analytics.community_n', { n: rank + 1 })} <span class="muted">({formatInt(c.size)})</span>
        </li>
      ))}
      {items.length > COMMUNITY_COLOURS.length && (
        <li>
          <span class="swatch swatch-mixed" aria-hidden="true" />
          {t('analytics.smaller_communities', { n: formatInt(items.length - COMMUNITY_COLOURS.length) })}
        </li>
      )}
    </ul>
  );
}

interface MapSectionProps {
  scope: string;
  members: number; // in the whole network, of which the map may show a part
  communities: NetworkCommunities | null;
  selected: string | null;
  onSelect: (handle: string | null) => void;
}

function MapSection({ scope, members, communities, selected, onSelect: select }: MapSectionProps) {
  const [sizeBy, setSizeBy] = useState<SizeMetric>('degree');
  const [colourBy, setColourBy] = useState<ColourBy>('community');
  const [maxNodes, setMaxNodes] = useState(5000);
  const graph = useNetworkResource<NetworkGraph>(withQuery('/network/graph', { scope, max_nodes: maxNodes }));
  const ranks = useMemo(() => communityRanks(communities?.items ?? []), [communities]);
  const top = useMemo(() => (graph.data ? topBy(graph.data.nodes, sizeBy, 10) : []), [graph.data, sizeBy]);

  return (
    <section class="section" aria-labelledby="map-title">
      <h2 id="map-title" class="section-title">
        {t('analytics.map_title')}
      </h2>
      <div class="map-controls card">
        <div class="field-inline">
          <label for="size-by">{t('analytics.size_by')}</label>
          <select id="size-by" value={sizeBy} onChange={(e) => setSizeBy(e.currentTarget.value as SizeMetric)}>
            {SIZE_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`analytics.metric.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field-inline">
          <label for="colour-by">{t('analytics.colour_by')}</label>
          <select id="colour-by" value={colourBy} onChange={(e) => setColourBy(e.currentTarget.value as ColourBy)}>
            <option value="community">{t('analytics.colour_community')}</option>
            <option value="role">{t('analytics.colour_role')}</option>
          </select>
        </div>
        {members > MAP_SIZES[0] && (
          <div class="field-inline">
            <label for="max-nodes">{t('analytics.max_nodes')}</label>
            <select id="max-nodes" value={String(maxNodes)} onChange={(e) => setMaxNodes(Number(e.currentTarget.value))}>
              {MAP_SIZES.map((n) => (
                <option key={n} value={String(n)}>
                  {formatInt(n)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {graph.error ? (
        <FailedBox error={graph.error} retry={graph.reload} />
      ) : !graph.data ? (
        <Computing computing={graph.computing} label={t('analytics.loading_map')} />
      ) : (
        <div class={selected ? 'map-layout with-panel' : 'map-layout'}>
          <div class="map-main">
            <NetworkMap data={graph.data} ranks={ranks} colourBy={colourBy} sizeBy={sizeBy} selected={selected} onSelect={select} />
            <Legend colourBy={colourBy} communities={communities} />
          </div>
          <aside class="map-aside" id="member-panel-anchor" aria-label={t('analytics.member_details')}>
            {selected ? (
              <MemberPanel key={selected} handle={selected} scope={scope} ranks={ranks} onSelect={select} />
            ) : (
              <div class="card map-hint">
                <p class="small muted">{t('analytics.map_hint')}</p>
              </div>
            )}
            <FindMember nodes={graph.data.nodes} onSelect={select} />
            <div class="card top-members">
              <h3 class="panel-title">{t('analytics.top_by', { metric: t(`analytics.metric.${sizeBy}`) })}</h3>
              <ol class="top-list" data-testid="top-members">
                {top.map((n) => (
                  <li key={n.id}>
                    <button type="button" class="link-button" aria-pressed={selected === n.id} onClick={() => select(n.id)}>
                      @{n.id}
                    </button>
                    <span class="muted small">{formatMetric(metricOf(n, sizeBy))}</span>
                  </li>
                ))}
              </ol>
            </div>
          </aside>
        </div>
      )}
    </section>
  );
}

function ScopeView({ scope, spaces }: { scope: string; spaces: Space[] }) {
  const path = withQuery('/network/metrics', { scope });
  const metrics = useNetworkResource<NetworkMetrics>(path);
  const ready = metrics.data !== null;
  const communities = useNetworkResource<NetworkCommunities>(ready ? withQuery('/network/communities', { scope }) : null);
  const newer = useNewerFigures(path, metrics.data);
  const [generation, setGeneration] = useState(0);
  const [historyFigure, setHistoryFigure] = useState<HistoryFigure>('nodes');
  const [selected, setSelected] = useState<string | null>(null);

  const error = metrics.error;
  // The server has the last word: a 403 here shows the same explanation.
  if (error instanceof ApiError && error.status === 403) return <NeedsRole spaces={spaces} kind={parseScope(scope).kind} />;
  if (error instanceof ApiError && error.status === 400) {
    return (
      <p class="form-error" role="alert">
        {errorText(error)}
      </p>
    );
  }
  if (error) return <FailedBox error={error} retry={metrics.reload} />;
  if (!metrics.data) return <Computing computing={metrics.computing} />;
  const m = metrics.data;
  const select = (handle: string | null, scroll = false) => {
    setSelected(handle);
    if (!handle) return;
    // From the charts below, bring the map and the member's panel into view;
    // on a phone the panel sits under the map, so show the panel.
    const narrow = window.matchMedia('(max-width: 960px)').matches;
    if (scroll || narrow) {
      requestAnimationFrame(() => document.getElementById(narrow ? 'member-panel-anchor' : 'map-title')?.scrollIntoView({ block: 'start' }));
    }
  };

  return (
    <>
      <p class="analytics-meta" data-testid="analytics-meta">
        <span>{t('analytics.computed_at', { when: formatDateTime(m.computed_at) })}</span>
        {m.graph.betweenness_sampled && <span class="pill">{t('analytics.sampled')}</span>}
      </p>
      {m.stale && (
        <div class="notice notice-warn notice-card" role="status" data-testid="stale">
          <p>{newer ? t('analytics.newer') : t('analytics.stale')}</p>
          {newer && (
            <button
              type="button"
              class="btn btn-secondary btn-small"
              onClick={() => {
                setSelected(null);
                setGeneration((g) => g + 1);
                metrics.reload();
                communities.reload();
              }}
            >
              {t('analytics.refresh')}
            </button>
          )}
        </div>
      )}
      {m.graph.nodes === 0 ? (
        <Empty title={t('analytics.empty_title')}>
          <p>{parseScope(scope).kind === 'tag' ? t('analytics.empty_tag') : t('analytics.empty_body')}</p>
        </Empty>
      ) : (
        <>
          <section class="section" aria-labelledby="figures-title">
            <h2 id="figures-title" class="section-title">
              {t('analytics.figures_title')}
            </h2>
            <Dashboard metrics={m} />
          </section>
          <MapSection key={generation} scope={scope} members={m.graph.nodes} communities={communities.data} selected={selected} onSelect={select} />
          <section class="section" aria-labelledby="structure-title">
            <h2 id="structure-title" class="section-title">
              {t('analytics.structure_title')}
            </h2>
            <div class="chart-grid">
              <ChartCard id="degree" title={t('analytics.degree_title')} lead={t('analytics.degree_lead')}>
                <DegreeChart distribution={m.degree_distribution} />
              </ChartCard>
              <ChartCard id="communities" title={t('analytics.communities_title')} lead={t('analytics.communities_lead', { modularity: formatMetric(m.graph.modularity) })}>
                <CommunityChart communities={communities.data?.items ?? null} sizes={m.community_sizes} onSelect={(h) => select(h, true)} />
              </ChartCard>
              <ChartCard id="history" title={t('analytics.history_title')} lead={t('analytics.history_lead')}>
                <div class="field-inline chart-control">
                  <label for="history-figure">{t('analytics.history_figure')}</label>
                  <select id="history-figure" value={historyFigure} onChange={(e) => setHistoryFigure(e.currentTarget.value as HistoryFigure)}>
                    {HISTORY_FIGURES.map((f) => (
                      <option key={f} value={f}>
                        {t(`analytics.history.${f}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <HistoryChart history={m.history} figure={historyFigure} />
              </ChartCard>
            </div>
          </section>
        </>
      )}
    </>
  );
}

export function AnalyticsPage() {
  useTitle(t('analytics.title'));
  const me = useMe();
  const analyst = seesInstanceNetwork(me);
  const loc = useLocation();
  const scope = loc.query.get('scope') || 'instance';
  const { kind, key } = parseScope(scope);
  const spaces = useResource<Page<Space>>('/spaces?limit=100');
  const space = useResource<Space>(kind === 'space' && key ? `/spaces/${encodeURIComponent(key)}` : null);
  const spaceList = spaces.data?.items ?? [];

  // The server decides; asking only when it can say yes keeps a member's
  // console free of 403s. A 403 it gives anyway shows the same explanation.
  let body;
  if (kind === 'space' && space.error) {
    body =
      space.error instanceof ApiError && space.error.status === 404 ? (
        <Empty title={t('space.not_found')}>
          <Link href="/spaces" class="btn btn-secondary">
            {t('nav.spaces')}
          </Link>
        </Empty>
      ) : (
        <ErrorBox error={space.error} retry={space.reload} />
      );
  } else if (kind === 'space' && !space.data) {
    body = <Computing computing={false} />;
  } else if (kind === 'space' ? !seesSpaceNetwork(space.data) : !analyst) {
    body = <NeedsRole spaces={spaceList} kind={kind} />;
  } else {
    body = <ScopeView key={scope} scope={scope} spaces={spaceList} />;
  }

  const mayPick = analyst || spaceList.some(seesSpaceNetwork);
  return (
    <>
      <PageHeader title={t('analytics.title')}>
        {kind === 'space' && space.data && (
          <Link href={`/spaces/${encodeURIComponent(key)}`} class="btn btn-secondary">
            {t('analytics.back_to_space', { name: space.data.name })}
          </Link>
        )}
      </PageHeader>
      <p class="lead">{t('analytics.lead')}</p>
      {mayPick && <ScopePicker key={scope} scope={scope} analyst={analyst} spaces={spaceList} />}
      <h2 class="scope-heading" data-testid="scope-heading">
        {scopeTitle(scope, space.data)}
      </h2>
      {body}
    </>
  );
}
