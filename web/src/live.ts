// The live part: unread notification count, kept current by the server's
// event stream (GET /api/v1/stream, Server-Sent Events) while signed in.
import { api } from './api';
import { createStore } from './store';
import type { Notification } from './types';

export const unread = createStore<number>(0);
// The newest notifications that arrived over the stream, newest first.
export const arrivals = createStore<Notification[]>([]);
export const toasts = createStore<{ id: number; text: string; href?: string }[]>([]);

let source: EventSource | null = null;
let toastSeq = 0;

export function toast(text: string, href?: string): void {
  const id = ++toastSeq;
  toasts.update((list) => [...list.slice(-2), { id, text, href }]);
  window.setTimeout(() => toasts.update((list) => list.filter((x) => x.id !== id)), 6000);
}

export async function refreshUnread(): Promise<void> {
  try {
    const page = await api.page<Notification>('/notifications', { limit: 1 });
    if (typeof page.unread_count === 'number') unread.set(page.unread_count);
  } catch {
    // The badge is a convenience; the notifications screen shows errors.
  }
}

// `stream`: the member's `can.open_stream`; without it (a suspended
// account) the badge is read once and not kept current.
export function startLive(onNotification: (n: Notification) => void, stream: boolean): void {
  stopLive();
  void refreshUnread();
  if (!stream || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/stream');
  source.addEventListener('unread', (event) => {
    try {
      const data = JSON.parse((event as MessageEvent<string>).data) as { unread_count?: number };
      if (typeof data.unread_count === 'number') unread.set(data.unread_count);
    } catch {
      // A malformed event is dropped; the next one corrects the count.
    }
  });
  source.addEventListener('notification', (event) => {
    try {
      const n = JSON.parse((event as MessageEvent<string>).data) as Notification;
      arrivals.update((list) => (list.some((x) => x.id === n.id) ? list : [n, ...list].slice(0, 50)));
      if (!n.read) unread.update((c) => c + 1);
      onNotification(n);
    } catch {
      // ignore
    }
  });
}

export function stopLive(): void {
  if (source) source.close();
  source = null;
  unread.set(0);
  arrivals.set([]);
}
