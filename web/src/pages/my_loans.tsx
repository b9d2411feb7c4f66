// My loans: what I borrowed and what I lent, open (reserved or lent, with
// due dates and an overdue badge) or past (returned, given, cancelled).
import { formatDate, t } from '../i18n';
import { usePaged, useTitle } from '../hooks';
import { Link, useLocation } from '../router';
import type { LoanEntry } from '../types';
import { OverdueBadge } from '../exchange/lending_panel';
import { Empty, ErrorBox, LoadMore, Loading, MemberLink, PageHeader } from '../components/ui';

const SIDES = ['borrowed', 'lent'] as const;
const STATES = ['open', 'past'] as const;

function when(e: LoanEntry): string | null {
  return e.returned_at ?? e.given_at ?? e.cancelled_at ?? e.lent_at ?? e.reserved_at;
}

// One of two rows of links (whose loans, which of them), each its own labelled navigation.
function Choice({ label, current, options }: { label: string; current: string; options: { key: string; href: string; label: string }[] }) {
  return (
    <nav class="tabs" aria-label={label}>
      {options.map((o) => (
        <Link key={o.key} href={o.href} class={o.key === current ? 'tab active' : 'tab'} aria-current={o.key === current ? 'page' : undefined}>
          {o.label}
        </Link>
      ))}
    </nav>
  );
}

export function MyLoansPage() {
  useTitle(t('lending.my_loans'));
  const q = useLocation().query;
  // Which side of my loans the list shows (the API's `role` parameter).
  const side = q.get('role') === 'lent' ? 'lent' : 'borrowed';
  const state = q.get('state') === 'past' ? 'past' : 'open';
  const list = usePaged<LoanEntry>(`/me/loans?role=${side}&state=${state}`);
  const href = (r: string, s: string) => `/me/loans?role=${r}&state=${s}`;
  return (
    <>
      <PageHeader title={t('lending.my_loans')} />
      <Choice label={t('lending.role_nav')} current={side} options={SIDES.map((r) => ({ key: r, href: href(r, state), label: t(`lending.role.${r}`) }))} />
      <Choice label={t('lending.state_nav')} current={state} options={STATES.map((s) => ({ key: s, href: href(side, s), label: t(`lending.state.${s}`) }))} />
      {list.error && list.items.length === 0 ? (
        <ErrorBox error={list.error} retry={list.reload} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty title={t('lending.none')} />
      ) : (
        <ul class="loan-list">
          {list.items.map((e) => {
            const at = when(e);
            return (
              <li key={e.id} class="card loan" data-loan-id={e.id} data-loan-state={e.state}>
                <p>
                  {e.item ? <Link href={`/items/${e.item.id}`}>{e.item.title || t('lending.untitled')}</Link> : <span class="muted">{t('lending.unreadable')}</span>}{' '}
                  <span class="status-badge">{t(`lending.loan_state.${e.state}`)}</span> {e.overdue && <OverdueBadge />}
                </p>
                <p class="small muted">
                  {side === 'lent' && e.holder && (
                    <>
                      {t('lending.borrower')} <MemberLink member={e.holder} />{' '}
                    </>
                  )}
                  {side === 'borrowed' && e.item && (
                    <>
                      {t('lending.lender')} <MemberLink member={e.item.author} />{' '}
                    </>
                  )}
                  {e.due_at && e.state === 'lent' ? (
                    <>
                      {t('lending.due_at')} <time dateTime={e.due_at}>{formatDate(e.due_at)}</time>
                    </>
                  ) : (
                    at && <time dateTime={at}>{formatDate(at)}</time>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
    </>
  );
}
