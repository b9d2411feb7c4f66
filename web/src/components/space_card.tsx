import type { ComponentChildren } from 'preact';
import { t, tn } from '../i18n';
import { Link } from '../router';
import type { Space } from '../types';

export function SpaceBadges({ space }: { space: Space }) {
  return (
    <span class="space-badges">
      <span class="pill">{t(`space.kind.${space.kind}`)}</span>
      <span class={`pill pill-${space.visibility}`}>{t(`space.visibility.${space.visibility}`)}</span>
      {space.archived && <span class="pill pill-warn">{t('space.archived')}</span>}
      {space.my_role && <span class="pill pill-ok">{t(`space.role.${space.my_role}`)}</span>}
      {space.my_status && <span class="pill">{t(`space.status.${space.my_status}`)}</span>}
    </span>
  );
}

// The name is a heading one level below the list's own heading: h3 under
// the sections of the spaces screen, h2 where the list follows the page's h1.
export function SpaceCard({ space, children, level = 3 }: { space: Space; children?: ComponentChildren; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <li class="card space-card" data-slug={space.slug}>
      <div class="space-icon" aria-hidden="true">
        {space.name.slice(0, 1).toUpperCase()}
      </div>
      <div class="space-card-body">
        <Heading class="space-name">
          <Link href={`/spaces/${space.slug}`}>{space.name}</Link>
        </Heading>
        <SpaceBadges space={space} />
        {space.description && <p class="space-desc">{space.description.length > 180 ? space.description.slice(0, 177) + '…' : space.description}</p>}
        <p class="muted small">{tn('space.members_count', space.member_count ?? 0)}</p>
      </div>
      {children && <div class="space-card-actions">{children}</div>}
    </li>
  );
}
