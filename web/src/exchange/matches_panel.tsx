// The "Matches" panel on a request's or an offer's page (GET
// /items/{id}/matches): who could help and why ("has the skill carpentry",
// "in Lombok", "friend of a friend via Ann"), and the offers or requests
// that fit, linked. The server decides who sees it (the item's author and
// its space's hosts); for anyone else it answers an error and the panel
// shows nothing.
import { enc } from '../api';
import { t } from '../i18n';
import { Link } from '../router';
import { useResource } from '../hooks';
import type { Item, ItemMatch, MatchReason, Matches, MemberMatch } from '../types';
import { Avatar, MemberLink } from '../components/ui';

// The kinds that take skills (the item carries `skills`, even empty) are
// the ones matched: requests and offers. Asking only for them keeps other
// item pages free of a refused request.
// Only those the server lets see the matches ask for them (can.view_matches).
function matched(item: Item): boolean {
  const can = item.can as (typeof item.can & { view_matches?: boolean }) | undefined;
  return Array.isArray((item as Item & { skills?: unknown }).skills) && can?.view_matches === true;
}

function name(m: { display_name?: string | null; handle: string }): string {
  return m.display_name || m.handle;
}

// One reason as a sentence; the via members as links.
function Reason({ reason }: { reason: MatchReason }) {
  switch (reason.kind) {
    case 'skill':
      return <>{t('matches.reason.skill', { skill: reason.skill ?? '' })}</>;
    case 'near':
      return <>{t('matches.reason.near', { space: reason.space?.name ?? '' })}</>;
    case 'network':
      if (reason.distance === 1) return <>{t('matches.reason.tied')}</>;
      if (!reason.via || reason.via.length === 0) return <>{t('matches.reason.friend_of_friend')}</>;
      return (
        <>
          {t('matches.reason.friend_of_friend_via')}{' '}
          {reason.via.map((v, n) => (
            <span key={v.handle}>
              {n > 0 && ', '}
              <Link href={`/members/${enc(v.handle)}`}>{name(v)}</Link>
            </span>
          ))}
        </>
      );
    case 'words':
      return <>{t('matches.reason.words', { words: (reason.words ?? []).join(', ') })}</>;
    case 'distance':
      return <>{t('matches.reason.distance', { km: (reason.km ?? 0).toLocaleString(undefined, { maximumFractionDigits: 1 }) })}</>;
    case 'space':
      return <>{t('matches.reason.space', { space: reason.space?.name ?? '' })}</>;
    default:
      return null;
  }
}

function Reasons({ reasons }: { reasons: MatchReason[] }) {
  return (
    <ul class="match-reasons small muted">
      {reasons.map((r, n) => (
        <li key={n} data-reason={r.kind}>
          <Reason reason={r} />
        </li>
      ))}
    </ul>
  );
}

function MemberRow({ match }: { match: MemberMatch }) {
  return (
    <li class="match" data-member={match.member.handle}>
      <Avatar member={match.member} size={32} />
      <div>
        <MemberLink member={match.member} />
        <Reasons reasons={match.reasons} />
      </div>
    </li>
  );
}

function ItemRow({ match }: { match: ItemMatch }) {
  return (
    <li class="match" data-item-id={match.item.id}>
      <div>
        <Link href={`/items/${enc(match.item.id)}`}>{match.item.title || t('map.untitled')}</Link>{' '}
        <span class="small muted">{t('matches.by', { who: name(match.item.author) })}</span>
        <Reasons reasons={match.reasons} />
      </div>
    </li>
  );
}

function List<T>({ title, id, empty, rows, render }: { title: string; id: string; empty: string; rows: T[]; render: (row: T) => preact.ComponentChild }) {
  return (
    <div class="match-group">
      <h3 id={id}>
        {title}
      </h3>
      {rows.length === 0 ? (
        <p class="small muted">{empty}</p>
      ) : (
        <ul class="match-list" aria-labelledby={id}>
          {rows.map(render)}
        </ul>
      )}
    </div>
  );
}

export function MatchesPanel({ item }: { item: Item }) {
  const asked = matched(item);
  const answer = useResource<Matches>(asked ? `/items/${enc(item.id)}/matches` : null, [item.status]);
  if (!asked || !answer.data) return null;
  const m = answer.data;
  return (
    <section class="card matches" aria-labelledby="matches-title" data-testid="matches-panel">
      <h2 id="matches-title" class="section-title">
        {t('matches.title')}
      </h2>
      {m.members && (
        <List
          title={t('matches.members')}
          id="matches-members"
          empty={t('matches.no_members')}
          rows={m.members}
          render={(row) => <MemberRow key={row.member.handle} match={row} />}
        />
      )}
      {m.offers && (
        <List title={t('matches.offers')} id="matches-offers" empty={t('matches.no_offers')} rows={m.offers} render={(row) => <ItemRow key={row.item.id} match={row} />} />
      )}
      {m.requests && (
        <List title={t('matches.requests')} id="matches-requests" empty={t('matches.no_requests')} rows={m.requests} render={(row) => <ItemRow key={row.item.id} match={row} />} />
      )}
    </section>
  );
}

