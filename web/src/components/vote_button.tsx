// Support for an item whose kind takes votes: one toggle button with the
// count. Whether it can be pressed comes from the server's can.vote and
// can.unvote only; a visitor who clicks is asked to log in. The count and
// the pressed state follow the server's answer ({votes, voted}), not a guess.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t, tn } from '../i18n';
import { toast } from '../live';
import { useMe } from '../session';
import type { Item } from '../types';
import { kindRule } from '../vocabulary';
import { errorText } from './ui';

interface VoteAnswer {
  votes: number;
  voted: boolean;
}

export function VoteButton({ item, onChange }: { item: Item; onChange?: (answer: VoteAnswer) => void }) {
  const me = useMe();
  const [votes, setVotes] = useState(item.votes ?? 0);
  const [voted, setVoted] = useState(!!item.voted);
  const [may, setMay] = useState({ vote: !!item.can.vote, unvote: !!item.can.unvote });
  const [busy, setBusy] = useState(false);
  if (!kindRule(item.kind)?.takes_votes) return null;
  const allowed = voted ? may.unvote : may.vote;
  const closed = !!me && !may.vote && !may.unvote;

  async function toggle() {
    if (!me) {
      toast(t('vote.login'), '/login');
      return;
    }
    setBusy(true);
    try {
      const path = `/items/${encodeURIComponent(item.id)}/votes`;
      const answer = voted ? await api.del<VoteAnswer>(path) : await api.post<VoteAnswer>(path);
      setVotes(answer.votes);
      setVoted(answer.voted);
      setMay({ vote: !answer.voted, unvote: answer.voted });
      onChange?.(answer);
    } catch (e) {
      // The item left its open status since the page was drawn.
      if (e instanceof ApiError && e.code === 'voting_closed') setMay({ vote: false, unvote: false });
      toast(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  // The name stays the same; aria-pressed says whether it is given.
  return (
    <div class="vote" data-votes={votes}>
      <button
        type="button"
        class={voted ? 'vote-button on' : 'vote-button'}
        aria-pressed={voted}
        disabled={busy || (!!me && !allowed)}
        aria-describedby={`votes-${item.id}`}
        onClick={toggle}
      >
        {t('vote.support')}
      </button>
      <span class="vote-count" id={`votes-${item.id}`}>
        {tn('vote.count', votes)}
      </span>
      {closed && <span class="vote-closed muted small">{t('vote.closed')}</span>}
    </div>
  );
}
