// An event on its item page: when and where, how full it is, the viewer's
// answer (going with guests, or their place on the waiting list) and, for
// the organisers and the space's hosts, who is going and waiting with a
// check-in toggle per member. Every control shows only where the event's
// `can` (or a row's) says; the server decides who fits (social/events).
import { useState } from 'preact/hooks';
import { api, enc } from '../api';
import { t, tn, useLanguage } from '../i18n';
import { toast } from '../live';
import { usePaged } from '../hooks';
import type { Attendee, EventItem, Item } from '../types';
import { Avatar, errorText, InlineError, LoadMore, MemberLink } from '../components/ui';

const MAX_GUESTS = 20; // social/rsvp_capacity.h kMaxGuests

export function formatWhen(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'full', timeStyle: 'short' });
}

// "Saturday 5 December 2026 at 10:00 – 12:00", or the start alone.
export function EventWhen({ item }: { item: EventItem }) {
  const lang = useLanguage();
  if (!item.starts_at) return null;
  return (
    <span class="event-when">
      <time dateTime={item.starts_at}>{formatWhen(item.starts_at, lang)}</time>
      {item.ends_at && (
        <>
          {' – '}
          <time dateTime={item.ends_at}>{formatWhen(item.ends_at, lang)}</time>
        </>
      )}
    </span>
  );
}

function CapacityBar({ going, capacity }: { going: number; capacity: number | null }) {
  if (capacity === null) return <p class="event-places">{tn('events.going_unlimited', going)}</p>;
  const label = t('events.places_taken', { n: going, capacity });
  return (
    <div class="event-places">
      <progress class="capacity-bar" max={capacity} value={Math.min(going, capacity)} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

function MyAnswer({ item }: { item: EventItem }) {
  const r = item.rsvp!;
  if (r.my_state === 'going') {
    return <p class="notice event-mine" data-rsvp-state="going">{r.my_guests ? tn('events.you_go_with', r.my_guests) : t('events.you_go')}</p>;
  }
  if (r.my_state === 'waitlisted') {
    return (
      <p class="notice notice-warn event-mine" data-rsvp-state="waitlisted">
        {t('events.you_wait', { n: r.my_position ?? 0 })}
      </p>
    );
  }
  return null;
}

function RsvpForm({ item, onChanged }: { item: EventItem; onChanged: () => void }) {
  const r = item.rsvp!;
  const [guests, setGuests] = useState(String(r.my_guests ?? 0));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const answered = r.my_state !== null;
  const id = `rsvp-guests-${item.id}`;
  async function send(run: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    try {
      await run();
      toast(done);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      class="rsvp-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send(() => api.post(`/items/${enc(item.id)}/rsvp`, { guests: Number(guests) }), answered ? t('events.updated') : t('events.answered'));
      }}
    >
      {item.can.rsvp && (
        <>
          <label for={id}>{t('events.guests')}</label>
          <input id={id} type="number" min={0} max={MAX_GUESTS} step={1} inputMode="numeric" value={guests} onInput={(e) => setGuests(e.currentTarget.value)} />
          <button type="submit" class="btn btn-primary btn-small" disabled={busy}>
            {busy ? t('state.working') : answered ? t('events.update') : t('events.rsvp')}
          </button>
        </>
      )}
      {answered && item.can.cancel_rsvp && (
        <button type="button" class="btn btn-secondary btn-small" disabled={busy} onClick={() => void send(() => api.del(`/items/${enc(item.id)}/rsvp`), t('events.withdrawn'))}>
          {t('events.cancel')}
        </button>
      )}
      <InlineError error={error} />
    </form>
  );
}

function AttendeeRow({ itemId, row, onChanged }: { itemId: string; row: Attendee; onChanged: (a: Attendee) => void }) {
  const [busy, setBusy] = useState(false);
  const who = row.member.display_name || row.member.handle;
  const checkedIn = row.checked_in_at !== null;
  const may = checkedIn ? row.can.undo_check_in : row.can.check_in;
  return (
    <li class="attendee" data-handle={row.member.handle}>
      <Avatar member={row.member} size={28} />
      <MemberLink member={row.member} />
      {row.guests > 0 && <span class="muted small">{tn('events.plus_guests', row.guests)}</span>}
      {row.state === 'going' && (may || checkedIn) && (
        <button
          type="button"
          class={checkedIn ? 'chip chip-on' : 'chip'}
          aria-pressed={checkedIn}
          aria-label={t('events.check_in_who', { who })}
          disabled={busy || !may}
          onClick={async () => {
            setBusy(true);
            try {
              const path = `/items/${enc(itemId)}/attendees/${enc(row.member.handle)}/check-in`;
              onChanged(checkedIn ? await api.del<Attendee>(path) : await api.post<Attendee>(path));
            } catch (e) {
              toast(errorText(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          {checkedIn ? t('events.checked_in') : t('events.check_in')}
        </button>
      )}
    </li>
  );
}

function AttendeeList({ item, state, title }: { item: EventItem; state: 'going' | 'waitlisted'; title: string }) {
  const list = usePaged<Attendee>(`/items/${enc(item.id)}/attendees?state=${state}`, 50);
  const headingId = `attendees-${state}-${item.id}`;
  return (
    <section class="attendees" aria-labelledby={headingId}>
      <h3 id={headingId} class="section-title">
        {title}
      </h3>
      {list.items.length === 0 && !list.loading ? (
        <p class="muted">{state === 'going' ? t('events.nobody_going') : t('events.nobody_waiting')}</p>
      ) : (
        <ol class="attendee-list">
          {list.items.map((row) => (
            <AttendeeRow key={row.member.handle} itemId={item.id} row={row} onChanged={(a) => list.setItems((rows) => rows.map((x) => (x.member.handle === a.member.handle ? a : x)))} />
          ))}
        </ol>
      )}
      <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
    </section>
  );
}

// Mounted on every item page; draws nothing for a kind without RSVPs.
export function EventPanel({ item, onChanged }: { item: Item; onChanged: (item: Item) => void }) {
  const event = item as EventItem;
  const [version, setVersion] = useState(0);
  if (!event.rsvp) return null;
  const r = event.rsvp;
  const reload = async () => {
    try {
      onChanged(await api.get<Item>(`/items/${enc(item.id)}`));
      setVersion((v) => v + 1);
    } catch (e) {
      toast(errorText(e));
    }
  };
  return (
    <section class="card event-panel" aria-labelledby={`event-${item.id}`}>
      <h2 id={`event-${item.id}`} class="section-title">
        {t('events.panel')}
      </h2>
      <dl class="event-facts">
        <div>
          <dt>{t('events.when')}</dt>
          <dd>
            <EventWhen item={event} />
          </dd>
        </div>
        {event.location?.address && (
          <div>
            <dt>{t('events.where')}</dt>
            <dd>{event.location.address}</dd>
          </div>
        )}
      </dl>
      <CapacityBar going={r.going} capacity={r.capacity} />
      {r.waitlisted > 0 && <p class="muted small">{tn('events.waiting_count', r.waitlisted)}</p>}
      <MyAnswer item={event} />
      <RsvpForm key={`${r.my_state}-${r.my_guests}-${version}`} item={event} onChanged={reload} />
      {event.can.view_attendees && <AttendeeList key={`going-${version}`} item={event} state="going" title={t('events.going_list')} />}
      {event.can.view_attendance && <AttendeeList key={`waiting-${version}`} item={event} state="waitlisted" title={t('events.waiting_list')} />}
    </section>
  );
}
