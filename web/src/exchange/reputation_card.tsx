// What a member gave and received (confirmed by the receiver) and how they
// take part, on their profile: reputation without a score. The server
// counts only what the viewer may see (GET /members/{h}/reputation), so
// this shows its answer as it is and derives nothing.
import { useLanguage, t, tn } from '../i18n';
import { useResource } from '../hooks';
import type { ContributionTotal, MemberReputation } from '../types';

// Money is kept in cents; every other kind in its own unit (hours, items,
// and 1 for each time knowledge or support was given).
function amountText(total: ContributionTotal, lang: string): string {
  if (total.kind === 'money') {
    const amount = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(total.amount / 100);
    return t('reputation.amount.money', { amount });
  }
  return tn(`reputation.amount.${total.kind}`, total.amount);
}

function Totals({ side, title, totals, lang }: { side: string; title: string; totals: ContributionTotal[]; lang: string }) {
  const shown = totals.filter((x) => x.count > 0);
  return (
    <div class="reputation-side" data-side={side}>
      <h3 class="reputation-side-title">
        {title}
      </h3>
      {shown.length === 0 ? (
        <p class="muted small">{t('reputation.none')}</p>
      ) : (
        <ul class="reputation-totals">
          {shown.map((x) => (
            <li key={x.kind} data-kind={x.kind}>
              {amountText(x, lang)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ReputationCard({ handle }: { handle: string }) {
  const lang = useLanguage();
  const r = useResource<MemberReputation>(`/members/${encodeURIComponent(handle)}/reputation`);
  const rep = r.data;
  // The profile above already says when the member cannot be seen.
  if (!rep) return null;
  const type = rep.participation.type;
  return (
    <div class="reputation">
      <div>
        <h2 class="label-title">
          {t('reputation.takes_part_as')}
        </h2>
        <p class="reputation-type" data-type={type}>
          <strong>{t(`reputation.type.${type}`)}</strong> <span class="muted small">{t(`reputation.type_hint.${type}`)}</span>
        </p>
        <p class="muted small">{t('reputation.window', { n: rep.participation.window_days })}</p>
      </div>
      <div>
        <h2 class="label-title">
          {t('reputation.contributions')}
        </h2>
        <div class="reputation-sides">
          <Totals side="given" title={t('reputation.given')} totals={rep.contributions.given} lang={lang} />
          <Totals side="received" title={t('reputation.received')} totals={rep.contributions.received} lang={lang} />
        </div>
        <p class="muted small">{t('reputation.confirmed_note')}</p>
      </div>
    </div>
  );
}
