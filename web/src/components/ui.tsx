// Small building blocks every screen uses: states (loading, error, empty),
// avatars, member names, chips and the "load more" pager.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { t } from '../i18n';
import { Link } from '../router';
import type { Member } from '../types';

export function Loading({ label }: { label?: string }) {
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    const known = t(`error.${error.code}`);
    if (known !== `error.${error.code}`) return known;
    return error.message || t('error.generic');
  }
  return t('error.generic');
}

export function ErrorBox({ error, retry }: { error: unknown; retry?: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div class="state state-error" role="alert">
      <p class="state-title">{notFound ? t('error.not_found_title') : t('error.title')}</p>
      <p>{errorText(error)}</p>
      {retry && !notFound && (
        <button type="button" class="btn btn-secondary" onClick={retry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state state-empty">
      <svg class="state-art" viewBox="0 0 64 64" aria-hidden="true">
        <circle cx="32" cy="32" r="22" fill="none" stroke="currentColor" stroke-width="5" />
        <circle cx="32" cy="10" r="5" fill="var(--accent)" />
      </svg>
      <p class="state-title">{title}</p>
      {children && <div class="state-body">{children}</div>}
    </div>
  );
}

export function InlineError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p class="form-error" role="alert">
      {errorText(error)}
    </p>
  );
}

function hue(handle: string): number {
  let h = 0;
  for (let i = 0; i < handle.length; i++) h = (h * 31 + handle.charCodeAt(i)) % 360;
  return h;
}

// Initials are white on a colour from the handle's hue; at 45% saturation a
// lightness of 32% keeps every hue at 4.5:1 or more (yellow is the lightest,
// 4.8:1), so small initials pass WCAG AA too.
// A picture on another site loads only where the operator allows remote
// images (kring serve --allow-remote-images); elsewhere the page's CSP
// blocks it, the load fails and the initials show instead.
export function Avatar({ member, size = 40 }: { member: Member; size?: number }) {
  const [failed, setFailed] = useState('');
  const name = member.display_name || member.handle;
  const safeUrl = member.avatar_url && /^https:\/\//i.test(member.avatar_url) ? member.avatar_url : '';
  if (safeUrl && failed !== safeUrl) {
    return <img class="avatar" src={safeUrl} alt="" width={size} height={size} loading="lazy" referrerpolicy="no-referrer" onError={() => setFailed(safeUrl)} />;
  }
  const initials = name
    .split(/[\s_]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
  return (
    <span
      class="avatar avatar-initials"
      aria-hidden="true"
      style={{ width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size * 0.4)}px`, background: `hsl(${hue(member.handle)} 45% 32%)` }}
    >
      {initials || '?'}
    </span>
  );
}

export function MemberLink({ member }: { member: Member }) {
  return (
    <Link href={`/members/${member.handle}`} class="member-link">
      <span class="member-name">{member.display_name || member.handle}</span>{' '}
      <span class="member-handle">@{member.handle}</span>
    </Link>
  );
}

export function Chips({ values, href }: { values?: string[]; href?: (v: string) => string }) {
  if (!values || values.length === 0) return null;
  return (
    <ul class="chips">
      {values.map((v) => (
        <li key={v}>{href ? <Link href={href(v)} class="chip">{v}</Link> : <span class="chip">{v}</span>}</li>
      ))}
    </ul>
  );
}

export function LoadMore({ more, loading, onClick }: { more: boolean; loading: boolean; onClick: () => void }) {
  if (!more) return null;
  return (
    <div class="load-more">
      <button type="button" class="btn btn-secondary" onClick={onClick} disabled={loading}>
        {loading ? t('state.loading') : t('action.load_more')}
      </button>
    </div>
  );
}

export function Tabs({ tabs, current }: { tabs: { href: string; label: string; key: string }[]; current: string }) {
  return (
    <nav class="tabs" aria-label={t('nav.sections')}>
      {tabs.map((tab) => (
        <Link key={tab.key} href={tab.href} class={tab.key === current ? 'tab active' : 'tab'} aria-current={tab.key === current ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <header class="page-header">
      <h1 tabIndex={-1} class="page-title">
        {title}
      </h1>
      {children && <div class="page-actions">{children}</div>}
    </header>
  );
}
