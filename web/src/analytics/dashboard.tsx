// The whole network in figures: one card per figure with a line on what it
// means, Metcalfe's potential beside the ties that exist, and the roles.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import type { NetworkMetrics } from '../types';
import { formatDecimal, formatInt, formatPercent } from './format';
import { ROLE_COLOURS, ROLE_ORDER } from './palette';

function Figure({ id, label, value, raw, children, wide }: { id: string; label: string; value: string; raw: number | null; children?: ComponentChildren; wide?: boolean }) {
  return (
    <div class={wide ? 'figure figure-wide' : 'figure'} data-figure={id} data-value={raw ?? ''}>
      <dt class="figure-label">{label}</dt>
      <dd class="figure-value">{value}</dd>
      {children && <dd class="figure-note">{children}</dd>}
    </div>
  );
}

function assortativityNote(r: number | null): string {
  if (r === null) return t('analytics.note.assortativity');
  if (r > 0.05) return t('analytics.note.assortative');
  if (r < -0.05) return t('analytics.note.disassortative');
  return t('analytics.note.neutral');
}

export function Dashboard({ metrics }: { metrics: NetworkMetrics }) {
  const g = metrics.graph;
  const potential = g.metcalfe_potential ?? (g.nodes * (g.nodes - 1)) / 2;
  const ratio = potential > 0 ? g.edges / potential : null;
  const largestShare = g.largest_component !== null && g.nodes > 0 ? g.largest_component / g.nodes : null;
  const largestCommunity = metrics.community_sizes[0] ?? null;
  const roleTotal = ROLE_ORDER.reduce((sum, r) => sum + (metrics.roles[r] ?? 0), 0);
  return (
    <dl class="figures" data-testid="dashboard">
      <Figure id="nodes" label={t('analytics.fig.members')} value={formatInt(g.nodes)} raw={g.nodes}>
        {t('analytics.note.members')}
      </Figure>
      <Figure id="edges" label={t('analytics.fig.ties')} value={formatInt(g.edges)} raw={g.edges}>
        {t('analytics.note.ties')}
      </Figure>
      <Figure id="density" label={t('analytics.fig.density')} value={formatPercent(g.density, 2)} raw={g.density}>
        {t('analytics.note.density')}
      </Figure>
      <Figure id="components" label={t('analytics.fig.components')} value={formatInt(g.components)} raw={g.components}>
        {largestShare !== null
          ? t('analytics.note.components', { n: formatInt(g.largest_component), share: formatPercent(largestShare, 0) })
          : t('analytics.note.components_none')}
      </Figure>
      <Figure id="metcalfe_potential" wide label={t('analytics.fig.metcalfe')} value={formatInt(potential)} raw={g.metcalfe_potential}>
        <span>{t('analytics.note.metcalfe', { ties: formatInt(g.edges), share: formatPercent(ratio, 2) })}</span>
        <span class="compare-bars" aria-hidden="true">
          <span class="compare-row">
            <span class="compare-name">{t('analytics.fig.potential_short')}</span>
            <span class="compare-track">
              <span class="compare-bar compare-potential" style={{ width: '100%' }} />
            </span>
          </span>
          <span class="compare-row">
            <span class="compare-name">{t('analytics.fig.ties')}</span>
            <span class="compare-track">
              <span class="compare-bar compare-actual" style={{ width: `${Math.max(ratio ?? 0, g.edges > 0 ? 0.005 : 0) * 100}%` }} />
            </span>
          </span>
        </span>
      </Figure>
      <Figure id="average_clustering" label={t('analytics.fig.clustering')} value={formatDecimal(g.average_clustering)} raw={g.average_clustering}>
        {t('analytics.note.clustering', { transitivity: formatDecimal(g.transitivity) })}
      </Figure>
      <Figure id="modularity" label={t('analytics.fig.modularity')} value={formatDecimal(g.modularity)} raw={g.modularity}>
        {t('analytics.note.modularity')}
      </Figure>
      <Figure id="communities" label={t('analytics.fig.communities')} value={formatInt(g.communities)} raw={g.communities}>
        {largestCommunity !== null ? t('analytics.note.communities', { n: formatInt(largestCommunity) }) : t('analytics.note.communities_none')}
      </Figure>
      <Figure id="average_path_length" label={t('analytics.fig.path_length')} value={formatDecimal(g.average_path_length, 2)} raw={g.average_path_length}>
        {g.distances_sampled ? t('analytics.note.path_length_sampled') : t('analytics.note.path_length')}
      </Figure>
      <Figure id="diameter" label={t('analytics.fig.diameter')} value={formatInt(g.diameter)} raw={g.diameter}>
        {t('analytics.note.diameter')}
      </Figure>
      <Figure id="assortativity" label={t('analytics.fig.assortativity')} value={formatDecimal(g.assortativity)} raw={g.assortativity}>
        {assortativityNote(g.assortativity)}
      </Figure>
      <div class="figure figure-full" data-figure="roles">
        <dt class="figure-label">{t('analytics.fig.roles')}</dt>
        <dd class="figure-note">
          {roleTotal > 0 && (
            <span class="role-bar" aria-hidden="true">
              {ROLE_ORDER.filter((r) => (metrics.roles[r] ?? 0) > 0).map((r) => (
                <span key={r} style={{ width: `${((metrics.roles[r] ?? 0) / roleTotal) * 100}%`, background: ROLE_COLOURS[r] }} />
              ))}
            </span>
          )}
          <ul class="role-legend">
            {ROLE_ORDER.map((r) => (
              <li key={r} data-role={r} title={t(`analytics.role_help.${r}`)}>
                <span class="swatch" style={{ background: ROLE_COLOURS[r] }} aria-hidden="true" />
                <span>{t(`analytics.role.${r}`)}</span> <strong data-count>{formatInt(metrics.roles[r] ?? 0)}</strong>
              </li>
            ))}
          </ul>
        </dd>
      </div>
    </dl>
  );
}
