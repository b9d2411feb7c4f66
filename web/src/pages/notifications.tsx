// Notifications, newest first; new ones arrive live over the event stream.
import { useEffect, useMemo } from 'preact/hooks';
import { api } from '../api';
import { formatDate, t } from '../i18n';
import { arrivals, refreshUnread, unread } from '../live';
import { usePaged, useTitle } from '../hooks';
import { Link } from '../router';
import { useStore } from '../store';
import type { Notification } from '../types';
import { notificationHref, notificationText } from '../components/notification';
import { Icon, type IconName } from '../components/icons';
import { FollowUpAnswer } from '../components/follow_up_answer';
import { Avatar, Empty, ErrorBox, LoadMore, Loading, PageHeader } from '../components/ui';

const ICON: Record<string, IconName> = {
  reply: 'reply',
  mention: 'mention',
  reaction: 'like',
  follow: 'follow',
  connection_request: 'connect',
  connection_accepted: 'check',
  join_request: 'door',
  invitation: 'mail',
  status_changed: 'check',
  fixed_check: 'check',
  rsvp_promoted: 'check',
  event_cancelled: 'check',
  contribution_pledged: 'check',
  contribution_confirmed: 'check',
  contribution_declined: 'check',
  initiative_minimum_reached: 'check',
  initiative_minimum_missed: 'check',
  match_found: 'connect',
};

export function NotificationsPage() {
  useTitle(t('notifications.title'));
  const list = usePaged<Notification>('/notifications', 30);
  const live = useStore(arrivals);
  const count = useStore(unread);
  const all = useMemo(() => {
    const seen = new Set(list.items.map((n) => n.id));
    return [...live.filter((n) => !seen.has(n.id)), ...list.items];
  }, [live, list.items]);

  async function markAllRead() {
    const newest = all[0];
    if (!newest) return;
    try {
      await api.post('/notifications/read', { up_to: newest.id });
      list.setItems((items) => items.map((n) => ({ ...n, read: true })));
      arrivals.update((items) => items.map((n) => ({ ...n, read: true })));
      unread.set(0);
      void refreshUnread();
    } catch {
      // The badge stays; the person can try again.
    }
  }

  // Looking at the list marks it read, once it has loaded.
  useEffect(() => {
    if (!list.loading && all.some((n) => !n.read)) {
      const timer = window.setTimeout(markAllRead, 1500);
      return () => window.clearTimeout(timer);
    }
  }, [list.loading, all.length]);

  return (
    <>
      <PageHeader title={t('notifications.title')}>
        <button type="button" class="btn btn-secondary" onClick={markAllRead} disabled={count === 0 && !all.some((n) => !n.read)}>
          {t('notifications.mark_read')}
        </button>
      </PageHeader>
      {list.error && all.length === 0 ? (
        <ErrorBox error={list.error} retry={list.reload} />
      ) : list.loading && all.length === 0 ? (
        <Loading />
      ) : all.length === 0 ? (
        <Empty title={t('notifications.empty')}>
          <p>{t('notifications.empty_body')}</p>
        </Empty>
      ) : (
        <>
          <ul class="notification-list" aria-live="polite">
            {all.map((n) => (
              <li key={n.id} class={n.read ? 'card notification' : 'card notification unread'} data-kind={n.kind}>
                <span class="notification-icon">
                  <Icon name={ICON[n.kind] ?? 'reply'} size={20} />
                </span>
                {n.actor && <Avatar member={n.actor} size={36} />}
                <div class="notification-body">
                  <Link href={notificationHref(n)}>{notificationText(n)}</Link>
                  {n.kind === 'fixed_check' && n.item_id && <FollowUpAnswer itemId={n.item_id} />}
                  <p class="muted small">
                    <time dateTime={n.created_at}>{formatDate(n.created_at)}</time>
                    {!n.read && <span class="visually-hidden"> · {t('notifications.unread')}</span>}
                  </p>
                </div>
                {!n.read && <span class="dot" aria-hidden="true" />}
              </li>
            ))}
          </ul>
          <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
        </>
      )}
    </>
  );
}
