// The ledger on a request's or an initiative's page: the progress per goal,
// the pledge form where the viewer may pledge, and the contributions.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n';
import { Link } from '../router';
import { useMe } from '../session';
import type { Item, LedgerItem } from '../types';
import { kindRule } from '../vocabulary';
import { ContributionList } from './ledger_list';
import { PledgeForm } from './ledger_pledge_form';
import { ProgressBars } from './ledger_progress';

export function LedgerPanel({ item, onItemChanged }: { item: LedgerItem; onItemChanged: (item: Item) => void }) {
  const me = useMe();
  const [version, setVersion] = useState(0);
  if (!kindRule(item.kind)?.takes_contributions) return null;
  const can = item.can as LedgerItem['can'] & { pledge?: boolean };
  // Progress moves with every pledge and decision: read the item again.
  const refresh = async () => {
    try {
      onItemChanged(await api.get<Item>(`/items/${encodeURIComponent(item.id)}`));
    } catch {
      // The list still shows the change; the bars catch up on the next visit.
    }
  };
  return (
    <section class="ledger" aria-labelledby="ledger-title">
      <h2 id="ledger-title" class="visually-hidden">
        {t('ledger.title')}
      </h2>
      {item.progress && <ProgressBars progress={item.progress} />}
      {can.pledge ? (
        <PledgeForm
          item={item}
          onPledged={() => {
            setVersion((v) => v + 1);
            void refresh();
          }}
        />
      ) : (
        !me && (
          <p class="muted">
            <Link href={`/login?next=/items/${item.id}`}>{t('ledger.pledge.login')}</Link>
          </p>
        )
      )}
      <h2 class="section-title">{t('ledger.list.title')}</h2>
      <ContributionList path={`/items/${encodeURIComponent(item.id)}/contributions`} version={version} onChanged={() => void refresh()} />
      {me && (
        <p class="small">
          <Link href="/me/contributions">{t('ledger.mine.link')}</Link>
        </p>
      )}
    </section>
  );
}
