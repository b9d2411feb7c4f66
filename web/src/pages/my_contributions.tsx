// "My contributions" (/me/contributions): what the member gave and
// received, and their time bank: confirmed hours given and received, the
// balance, and the hours pledged or delivered but not yet confirmed.
import { t, tn } from '../i18n';
import { useResource, useTitle } from '../hooks';
import { useLocation } from '../router';
import { useMe } from '../session';
import type { TimeBalance } from '../types';
import { ContributionList } from '../exchange/ledger_list';
import { ErrorBox, Loading, PageHeader, Tabs } from '../components/ui';

function TimeBank({ handle }: { handle: string }) {
  const r = useResource<TimeBalance>(`/members/${encodeURIComponent(handle)}/time`);
  if (r.error) return <ErrorBox error={r.error} retry={r.reload} />;
  if (!r.data) return <Loading />;
  const b = r.data;
  return (
    <section class="card ledger-time" aria-labelledby="ledger-time-title">
      <h2 id="ledger-time-title" class="section-title">
        {t('ledger.mine.time_title')}
      </h2>
      <dl class="ledger-time-figures">
        <div>
          <dt>{t('ledger.mine.time_given')}</dt>
          <dd data-figure="given">{tn('ledger.amount.hours', b.given_hours)}</dd>
        </div>
        <div>
          <dt>{t('ledger.mine.time_received')}</dt>
          <dd data-figure="received">{tn('ledger.amount.hours', b.received_hours)}</dd>
        </div>
        <div>
          <dt>{t('ledger.mine.balance')}</dt>
          <dd data-figure="balance">{tn('ledger.amount.hours', b.balance)}</dd>
        </div>
      </dl>
      <p class="muted small">
        {t('ledger.mine.open', { given: tn('ledger.amount.hours', b.open.given_hours), received: tn('ledger.amount.hours', b.open.received_hours) })}
      </p>
    </section>
  );
}

export function MyContributionsPage() {
  useTitle(t('ledger.mine.title'));
  const me = useMe();
  const loc = useLocation();
  if (!me) return <Loading />;
  const role = loc.query.get('role') === 'received' ? 'received' : 'given';
  const base = '/me/contributions';
  return (
    <div class="ledger-mine">
      <PageHeader title={t('ledger.mine.title')} />
      <TimeBank handle={me.handle} />
      <Tabs
        current={role}
        tabs={[
          { key: 'given', href: `${base}?role=given`, label: t('ledger.mine.given') },
          { key: 'received', href: `${base}?role=received`, label: t('ledger.mine.received') },
        ]}
      />
      <ContributionList path={`/members/${encodeURIComponent(me.handle)}/contributions?role=${role}`} showItem />
    </div>
  );
}
