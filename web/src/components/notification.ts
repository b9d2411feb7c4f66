import { t } from '../i18n';
import type { Notification } from '../types';

// What a notification says, and where it leads.
export function notificationText(n: Notification): string {
  const who = n.actor?.display_name || n.actor?.handle || t('notification.someone');
  const space = n.space?.name ?? '';
  const key = `notification.${n.kind}`;
  const text = t(key, { who, space });
  return text === key ? t('notification.other', { who }) : text;
}

export function notificationHref(n: Notification): string {
  if (n.item_id) return `/items/${encodeURIComponent(n.item_id)}${n.reply_id ? `#reply-${n.reply_id}` : ''}`;
  if (n.kind === 'join_request' && n.space) return `/spaces/${n.space.slug}/requests`;
  if (n.space) return `/spaces/${n.space.slug}`;
  if (n.kind === 'connection_request') return '/network';
  if (n.actor) return `/members/${n.actor.handle}`;
  return '/notifications';
}
