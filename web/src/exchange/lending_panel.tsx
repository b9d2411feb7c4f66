// An offer's lending panel: what is offered (help, lend, give), where it
// stands, its loan (holder, due date, an overdue badge) and the verbs the
// viewer may take now, each shown only where the offer's `can` says.
// Renders nothing for an item that takes no loans (no `loan` key).
import { useState } from 'preact/hooks';
import { api } from '../api';
import { formatDate, t } from '../i18n';
import { toast } from '../live';
import { Link } from '../router';
import type { Item, OfferItem } from '../types';
import { InlineError, MemberLink } from '../components/ui';

// The due date picked (a calendar day) as the end of that day, local time.
export function dueAt(day: string): string | null {
  const m = day.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 0).toISOString();
}

function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function OverdueBadge() {
  return <span class="status-badge lending-overdue">{t('lending.overdue')}</span>;
}

export function LendingPanel({ item, onChanged }: { item: Item; onChanged: (item: Item) => void }) {
  const offer = item as OfferItem;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [due, setDue] = useState(() => isoDay(new Date(Date.now() + 14 * 86400000)));
  if (!('loan' in offer)) return null;
  const can = offer.can;
  const loan = offer.loan ?? null;
  const dueId = `lending-due-${item.id}`;

  async function act(method: 'POST' | 'DELETE', verb: string, body: unknown, done: string) {
    setBusy(true);
    setError(null);
    try {
      const updated = method === 'POST' ? await api.post<Item>(`/items/${item.id}/${verb}`, body) : await api.del<Item>(`/items/${item.id}/${verb}`);
      onChanged(updated);
      toast(t(done));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card lending-panel" aria-labelledby={`lending-title-${item.id}`}>
      <h2 id={`lending-title-${item.id}`} class="section-title">
        {t('lending.title')}
      </h2>
      <dl class="lending-facts">
        {offer.offer && (
          <>
            <dt>{t('lending.mode')}</dt>
            <dd data-offer-mode={offer.offer}>{t(`lending.mode.${offer.offer}`)}</dd>
          </>
        )}
        {item.status && (
          <>
            <dt>{t('lending.status')}</dt>
            <dd data-offer-status={item.status}>{t(`item.status.${item.status}`)}</dd>
          </>
        )}
        {loan?.holder && (
          <>
            <dt>{loan.lent_at ? t('lending.borrower') : t('lending.holder')}</dt>
            <dd>
              <MemberLink member={loan.holder} />
            </dd>
          </>
        )}
        {loan && (
          <>
            <dt>{t('lending.reserved_at')}</dt>
            <dd>
              <time dateTime={loan.reserved_at}>{formatDate(loan.reserved_at)}</time>
            </dd>
          </>
        )}
        {loan?.due_at && (
          <>
            <dt>{t('lending.due_at')}</dt>
            <dd>
              <time dateTime={loan.due_at}>{formatDate(loan.due_at)}</time> {loan.overdue && <OverdueBadge />}
            </dd>
          </>
        )}
      </dl>
      <InlineError error={error} />
      <div class="row-actions">
        {can.reserve && (
          <button type="button" class="btn btn-primary btn-small" disabled={busy} onClick={() => act('POST', 'reservation', undefined, 'lending.reserved')}>
            {t('lending.reserve')}
          </button>
        )}
        {can.cancel_reservation && (
          <button type="button" class="btn btn-secondary btn-small" disabled={busy} onClick={() => act('DELETE', 'reservation', undefined, 'lending.cancelled')}>
            {t('lending.cancel_reservation')}
          </button>
        )}
        {can.give && (
          <button type="button" class="btn btn-primary btn-small" disabled={busy} onClick={() => act('POST', 'give', undefined, 'lending.given')}>
            {t('lending.give')}
          </button>
        )}
        {can.return && (
          <button type="button" class="btn btn-primary btn-small" disabled={busy} onClick={() => act('POST', 'return', undefined, 'lending.returned')}>
            {t('lending.confirm_return')}
          </button>
        )}
      </div>
      {can.lend && (
        <form
          class="lending-lend"
          onSubmit={(e) => {
            e.preventDefault();
            const at = dueAt(due);
            if (at) void act('POST', 'lend', { due_at: at }, 'lending.lent');
          }}
        >
          <label for={dueId} class="form-label">
            {t('lending.due_label')}
          </label>
          <input id={dueId} type="date" required min={isoDay(new Date())} value={due} onInput={(e) => setDue(e.currentTarget.value)} />
          <button type="submit" class="btn btn-primary btn-small" disabled={busy || !dueAt(due)}>
            {t('lending.lend')}
          </button>
        </form>
      )}
      <p class="small">
        <Link href="/me/loans">{t('lending.my_loans')}</Link>
      </p>
    </section>
  );
}
