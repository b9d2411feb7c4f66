// A listing of contributions (an item's, or a member's given or received)
// with the moves the viewer may make on each, as its `can` says: deliver
// and withdraw for the giver, confirm and decline for the organisers.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { formatDate, t } from '../i18n';
import { toast } from '../live';
import { Link } from '../router';
import type { Contribution, ContributionMove, ContributionPage } from '../types';
import { Empty, ErrorBox, errorText, LoadMore, Loading, MemberLink } from '../components/ui';
import { formatAmount } from './ledger_amount';

const MOVES: ContributionMove[] = ['deliver', 'confirm', 'decline', 'withdraw'];

function Row({ c, showItem, onChanged }: { c: Contribution; showItem: boolean; onChanged: (c: Contribution) => void }) {
  const [busy, setBusy] = useState(false);
  async function act(move: ContributionMove) {
    setBusy(true);
    try {
      const moved = await api.post<Contribution>(`/contributions/${encodeURIComponent(c.id)}/${move}`);
      toast(t(`ledger.moved.${move}`));
      onChanged(moved);
    } catch (e) {
      toast(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  const moves = MOVES.filter((m) => c.can[m]);
  return (
    <li class="card ledger-row" data-contribution-id={c.id} data-status={c.status}>
      <div class="ledger-row-head">
        {c.giver && <MemberLink member={c.giver} />}
        <span>{formatAmount(c.kind, c.amount)}</span>
        <span class={`chip ledger-status ledger-status-${c.status}`}>{t(`ledger.status.${c.status}`)}</span>
        <time class="muted small" dateTime={c.created_at}>
          {formatDate(c.created_at)}
        </time>
      </div>
      {showItem && (
        <p class="small">
          <Link href={`/items/${encodeURIComponent(c.item.id)}`}>{c.item.title || t('ledger.untitled')}</Link>
          {c.receiver && (
            <>
              {' · '}
              {t('ledger.to')} <MemberLink member={c.receiver} />
            </>
          )}
        </p>
      )}
      {c.note && <p class="ledger-note">{c.note}</p>}
      {c.decision_note && <p class="ledger-note muted">{c.decision_note}</p>}
      {moves.length > 0 && (
        <div class="row-actions">
          {moves.map((m) => (
            <button key={m} type="button" class={m === 'decline' || m === 'withdraw' ? 'btn btn-ghost btn-small danger' : 'btn btn-secondary btn-small'} disabled={busy} onClick={() => act(m)}>
              {t(`ledger.move.${m}`)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

// `version` changes when something outside (a new pledge) should reload the list.
export function ContributionList({ path, showItem = false, version = 0, onChanged }: { path: string; showItem?: boolean; version?: number; onChanged?: () => void }) {
  const [rows, setRows] = useState<Contribution[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  async function load(after: string | null) {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<ContributionPage>(path, { limit: 20, cursor: after });
      setRows((old) => (after ? [...old, ...page.items] : page.items));
      setCursor(page.next_cursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => {
    void load(null);
  }, [path, version]);

  if (error && rows.length === 0) return <ErrorBox error={error} retry={() => load(null)} />;
  if (loading && rows.length === 0) return <Loading />;
  if (rows.length === 0) return <Empty title={t('ledger.list.none')} />;
  return (
    <>
      <ul class="ledger-list">
        {rows.map((c) => (
          <Row
            key={c.id}
            c={c}
            showItem={showItem}
            onChanged={(moved) => {
              setRows((list) => list.map((x) => (x.id === moved.id ? moved : x)));
              onChanged?.();
            }}
          />
        ))}
      </ul>
      <LoadMore more={!!cursor} loading={loading} onClick={() => load(cursor)} />
    </>
  );
}
