// Open items like the one being written (GET /items/similar: the same
// category within radius_m, or similar text), each with "Follow this one
// instead" and, for kinds that take votes, the vote button. A server without
// the route (404) or a failed look-up shows nothing: the form works without.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, enc } from '../api';
import { t, tn } from '../i18n';
import { Link } from '../router';
import type { Item } from '../types';
import { errorText } from './ui';
import { VoteButton } from './vote_button';
import { toast } from '../live';

export interface SimilarItem extends Item {
  following?: boolean;
  followers?: number;
  can: Item['can'] & { follow?: boolean };
}

interface Similar {
  items: SimilarItem[];
  radius_m: number;
}

export interface SimilarQuery {
  kind: string;
  space: string;
  category: string;
  lat?: number;
  lon?: number;
  text: string;
}

const DEBOUNCE_MS = 400;

// Looks up once the text has a few letters or the place and category are
// set; never without a kind (a form whose kind has nothing to compare).
export function useSimilar(q: SimilarQuery): Similar | null {
  const [answer, setAnswer] = useState<Similar | null>(null);
  const text = q.text.trim();
  const ready = !!q.kind && (text.length >= 3 || (q.lat !== undefined && !!q.category));
  useEffect(() => {
    if (!ready) {
      setAnswer(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      api
        .get<Similar>('/items/similar', { kind: q.kind, space: q.space, category: q.category, lat: q.lat, lon: q.lon, text })
        .then((r) => live && setAnswer(r))
        .catch(() => live && setAnswer(null));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [ready, q.kind, q.space, q.category, q.lat, q.lon, text]);
  return answer;
}

function FollowButton({ item }: { item: SimilarItem }) {
  const [following, setFollowing] = useState(!!item.following);
  const [followers, setFollowers] = useState(item.followers ?? 0);
  const [busy, setBusy] = useState(false);
  if (!item.can.follow && !following) return null;
  async function toggle() {
    setBusy(true);
    try {
      const path = `/items/${enc(item.id)}/follow`;
      const answer = following ? await api.del<{ following?: boolean; followers?: number } | undefined>(path) : await api.put<{ following?: boolean; followers?: number } | undefined>(path);
      const now = answer?.following ?? !following;
      setFollowing(now);
      setFollowers(answer?.followers ?? Math.max(0, followers + (now ? 1 : -1)));
    } catch (e) {
      toast(e instanceof ApiError ? errorText(e) : t('error.generic'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="similar-follow">
      <button type="button" class={following ? 'btn btn-secondary btn-small' : 'btn btn-primary btn-small'} disabled={busy} onClick={toggle}>
        {following ? t('similar.following') : t('similar.follow_instead')}
      </button>
      <span class="small muted" data-testid="followers">
        {tn('similar.followers', followers)}
      </span>
    </div>
  );
}

export function SimilarItems({ answer, kindName }: { answer: Similar | null; kindName: string }) {
  if (!answer || answer.items.length === 0) return null;
  return (
    <section class="card similar" aria-labelledby="similar-title" data-testid="similar-items">
      <h2 id="similar-title" class="section-title">
        {t('similar.title', { kind: kindName })}
      </h2>
      <p class="small muted">{t('similar.lead', { m: answer.radius_m })}</p>
      <ul class="similar-list">
        {answer.items.map((item) => (
          <li key={item.id} data-item-id={item.id}>
            <div>
              <Link href={`/items/${enc(item.id)}`}>{item.title || t('map.untitled')}</Link>
              <p class="small muted">{[item.status ? t(`item.status.${item.status}`) : '', item.location?.address ?? ''].filter(Boolean).join(' · ')}</p>
            </div>
            <FollowButton item={item} />
            <VoteButton item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}
