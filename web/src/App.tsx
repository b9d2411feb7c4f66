// The shell: skip link, header and navigation, the live unread badge, the
// routed screen, and toasts. Screens that need a member redirect to log in.
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, useLanguage } from './i18n';
import { startLive, stopLive, toast, toasts, unread } from './live';
import { Link, match, navigate, useLocation } from './router';
import { logOut, seesInstanceNetwork, seesInstanceReports, useSession } from './session';
import { useStore } from './store';
import { useVocabularyState } from './vocabulary';
import { notificationHref, notificationText } from './components/notification';
import { Avatar, ErrorBox, Loading } from './components/ui';
import { HomePage, ExplorePage, TagPage } from './pages/feeds';
import { LoginPage, SignupPage } from './pages/auth';
import { DirectoryPage } from './pages/directory';
import { ProfilePage } from './pages/profile';
import { ProfileEditPage } from './pages/profile_edit';
import { NetworkPage } from './pages/network';
import { SpacesPage, SpaceNewPage } from './pages/spaces';
import { SpacePage } from './pages/space';
import { IdeasPage } from './pages/ideas';
import { EventsPage } from './pages/events';
import { ExchangePage } from './pages/exchange';
import { ReportQueuePage } from './pages/report_queue';
import { ItemPage } from './pages/item';
import { NotificationsPage } from './pages/notifications';
import { MyContributionsPage } from './pages/my_contributions';
import { SearchPage } from './pages/search';
import { SettingsPage } from './pages/settings';
import { NotFoundPage } from './pages/not_found';
import { ModerationPage } from './pages/moderation';
import { MyLoansPage } from './pages/my_loans';
import { lazyScreen } from './components/lazy';

// sigma.js and graphology load with the analytics screen, not before.
const AnalyticsPage = lazyScreen(() => import('./pages/analytics').then((m) => m.AnalyticsPage));
// Leaflet loads with the map and the report form's location picker.
const MapPage = lazyScreen(() => import('./pages/map').then((m) => m.MapPage));
const ReportFormPage = lazyScreen(() => import('./pages/report_form').then((m) => m.ReportFormPage));

type Params = Record<string, string>;
interface Route {
  pattern: string;
  // Params come from the pattern, so each screen gets the names it declares.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component: ComponentType<any>;
  member?: boolean; // needs a signed-in member
}

const ROUTES: Route[] = [
  { pattern: '/', component: HomePage },
  { pattern: '/explore', component: ExplorePage },
  { pattern: '/login', component: LoginPage },
  { pattern: '/signup', component: SignupPage },
  { pattern: '/members', component: DirectoryPage },
  { pattern: '/members/:handle', component: ProfilePage },
  { pattern: '/members/:handle/:tab', component: ProfilePage },
  { pattern: '/profile/edit', component: ProfileEditPage, member: true },
  { pattern: '/network', component: NetworkPage, member: true },
  { pattern: '/spaces', component: SpacesPage },
  { pattern: '/spaces/new', component: SpaceNewPage, member: true },
  { pattern: '/spaces/:slug', component: SpacePage },
  { pattern: '/spaces/:slug/ideas', component: IdeasPage },
  { pattern: '/spaces/:slug/events', component: EventsPage },
  { pattern: '/spaces/:slug/queue', component: ReportQueuePage },
  { pattern: '/spaces/:slug/map', component: MapPage },
  { pattern: '/spaces/:slug/report', component: ReportFormPage, member: true },
  { pattern: '/map', component: MapPage },
  { pattern: '/events', component: EventsPage },
  { pattern: '/exchange', component: ExchangePage },
  { pattern: '/spaces/:slug/exchange', component: ExchangePage },
  { pattern: '/spaces/:slug/:tab', component: SpacePage },
  { pattern: '/items/:id', component: ItemPage },
  { pattern: '/tags/:tag', component: TagPage },
  { pattern: '/notifications', component: NotificationsPage, member: true },
  { pattern: '/me/contributions', component: MyContributionsPage, member: true },
  { pattern: '/search', component: SearchPage },
  { pattern: '/settings', component: SettingsPage, member: true },
  { pattern: '/moderation', component: ModerationPage, member: true },
  { pattern: '/analytics', component: AnalyticsPage, member: true },
  { pattern: '/me/loans', component: MyLoansPage, member: true },
];

function resolve(path: string): { route: Route | null; params: Params } {
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params) return { route, params };
  }
  return { route: null, params: {} };
}

function NavLink({ href, label, current, badge }: { href: string; label: string; current: boolean; badge?: number }) {
  return (
    <Link href={href} class={current ? 'nav-link active' : 'nav-link'} aria-current={current ? 'page' : undefined}>
      <span>{label}</span>
      {badge ? (
        <span class="badge" data-testid="unread-badge" aria-label={t('nav.unread', { n: badge })}>
          {badge > 99 ? '99+' : badge}
        </span>
      ) : null}
    </Link>
  );
}

function Header({ path }: { path: string }) {
  const s = useSession();
  const count = useStore(unread);
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  useEffect(() => setOpen(false), [path]);
  const me = s.status === 'member' ? s.me : null;
  const section = (prefix: string) => (prefix === '/' ? path === '/' : path === prefix || path.startsWith(prefix + '/'));
  return (
    <header class="site-header">
      <div class="header-row">
        <Link href="/" class="brand" aria-label={t('nav.brand_home')}>
          <svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
            <circle cx="32" cy="34" r="22" fill="none" stroke="currentColor" stroke-width="7" />
            <circle cx="32" cy="10" r="7" fill="var(--accent)" />
          </svg>
          <span>kring</span>
        </Link>
        <form
          class="header-search"
          role="search"
          aria-label={t('search.label')}
          onSubmit={(e) => {
            e.preventDefault();
            if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
          }}
        >
          <label for="site-search" class="visually-hidden">
            {t('search.label')}
          </label>
          <input id="site-search" type="search" placeholder={t('search.placeholder')} value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </form>
        {me && (
          <Link href="/notifications" class="header-bell" aria-label={count ? t('nav.notifications_unread', { n: count }) : t('nav.notifications')}>
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" fill="currentColor" />
            </svg>
            {count > 0 && (
              <span class="badge badge-float" data-testid="header-unread">
                {count > 99 ? '99+' : count}
              </span>
            )}
          </Link>
        )}
        <button type="button" class="menu-button" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen(!open)}>
          <span aria-hidden="true">☰</span>
          <span class="visually-hidden">{t('nav.menu')}</span>
        </button>
      </div>
      <nav id="site-nav" class={open ? 'site-nav open' : 'site-nav'} aria-label={t('nav.main')}>
        <NavLink href="/" label={t('nav.home')} current={section('/')} />
        <NavLink href="/explore" label={t('nav.explore')} current={section('/explore')} />
        <NavLink href="/spaces" label={t('nav.spaces')} current={section('/spaces')} />
        <NavLink href="/map" label={t('nav.map')} current={section('/map')} />
        <NavLink href="/events" label={t('events.nav')} current={section('/events')} />
        <NavLink href="/exchange" label={t('nav.exchange')} current={section('/exchange')} />
        <NavLink href="/members" label={t('nav.people')} current={section('/members') && !(me && path.startsWith(`/members/${me.handle}`))} />
        {me && <NavLink href="/network" label={t('nav.network')} current={section('/network')} />}
        {me && <NavLink href="/notifications" label={t('nav.notifications')} current={section('/notifications')} badge={count} />}
        {seesInstanceNetwork(me) && <NavLink href="/analytics" label={t('nav.analytics')} current={section('/analytics')} />}
        {seesInstanceReports(me) && <NavLink href="/moderation" label={t('moderation.title')} current={section('/moderation')} />}
        <span class="nav-spacer" />
        {me ? (
          <>
            <Link href={`/members/${me.handle}`} class="nav-link nav-me" aria-current={path === `/members/${me.handle}` ? 'page' : undefined}>
              <Avatar member={me} size={26} />
              <span>{me.display_name || me.handle}</span>
            </Link>
            <NavLink href="/settings" label={t('nav.settings')} current={section('/settings')} />
            <button
              type="button"
              class="nav-link nav-button"
              onClick={async () => {
                await logOut().catch(() => undefined);
                navigate('/');
              }}
            >
              {t('nav.logout')}
            </button>
          </>
        ) : (
          s.status !== 'loading' && (
            <>
              <NavLink href="/login" label={t('nav.login')} current={section('/login')} />
              <Link href="/signup" class="btn btn-primary nav-cta">
                {t('nav.signup')}
              </Link>
            </>
          )
        )}
      </nav>
    </header>
  );
}

function Toasts() {
  const list = useStore(toasts);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {list.map((x) => (
        <div class="toast" key={x.id}>
          {x.href ? <Link href={x.href}>{x.text}</Link> : x.text}
        </div>
      ))}
    </div>
  );
}

function RedirectToLogin({ path }: { path: string }) {
  useEffect(() => navigate(`/login?next=${encodeURIComponent(path)}`, { replace: true }), [path]);
  return <Loading />;
}

export function App() {
  useLanguage(); // re-render everything when the language changes
  const loc = useLocation();
  const s = useSession();
  const vocab = useVocabularyState(); // screens read vocabulary() once it is here
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const memberHandle = s.status === 'member' ? s.me.handle : null;
  const stream = s.status === 'member' && !!s.me.can?.open_stream;

  useEffect(() => {
    if (!memberHandle) {
      stopLive();
      return;
    }
    startLive((n) => toast(notificationText(n), notificationHref(n)), stream);
    return () => stopLive();
  }, [memberHandle, stream]);

  // After navigation, move focus to the new screen so keyboard and screen
  // reader users start at its top.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [loc.path]);

  const { route, params } = resolve(loc.path);
  let screen;
  if (s.status === 'loading' || vocab.status === 'loading') screen = <Loading />;
  else if (s.status === 'error') screen = <ErrorBox error={new Error(s.message)} retry={() => window.location.reload()} />;
  else if (vocab.status === 'error') screen = <ErrorBox error={new Error(vocab.message)} retry={() => window.location.reload()} />;
  else if (!route) screen = <NotFoundPage />;
  else if (route.member && s.status !== 'member') screen = <RedirectToLogin path={loc.path + (window.location.search || '')} />;
  else {
    const Screen = route.component;
    screen = <Screen key={route.pattern + JSON.stringify(params)} {...params} />;
  }

  return (
    <>
      <a href="#main" class="skip-link">
        {t('nav.skip')}
      </a>
      <Header path={loc.path} />
      <main id="main" ref={main} tabIndex={-1} class="main">
        {screen}
      </main>
      <footer class="site-footer">
        <p>{t('footer.text')}</p>
      </footer>
      <Toasts />
    </>
  );
}
