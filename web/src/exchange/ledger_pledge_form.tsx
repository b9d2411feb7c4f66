// The pledge form on a request or an initiative: what kind is given, how
// much (euros for money, hours for time, a count for items), toward which
// goal when several count that kind, and a note. The server checks it all
// again; its refusals show beside the form.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n';
import { toast } from '../live';
import type { Contribution, ContributionKind, LedgerItem } from '../types';
import { InlineError } from '../components/ui';
import { amountFromInput, isCounted } from './ledger_amount';
import { goalName } from './ledger_progress';
import { vocabulary } from '../vocabulary';

// What an item takes, of the vocabulary's contribution kinds: an initiative
// its goals' kinds and the counted kinds; a request every kind.
function kindsFor(item: LedgerItem): ContributionKind[] {
  const all = (vocabulary().contribution_kinds ?? []) as ContributionKind[];
  const goals = item.goals ?? [];
  if (goals.length === 0) return all;
  return all.filter((k) => isCounted(k) || goals.some((g) => g.kind === k));
}

export function PledgeForm({ item, onPledged }: { item: LedgerItem; onPledged: (c: Contribution) => void }) {
  const kinds = kindsFor(item);
  const [kind, setKind] = useState<ContributionKind>(kinds[0]);
  const [amount, setAmount] = useState('');
  const [goal, setGoal] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [badAmount, setBadAmount] = useState(false);
  const [busy, setBusy] = useState(false);
  const goals = (item.goals ?? []).map((g, i) => ({ ...g, index: i })).filter((g) => g.kind === kind);
  const unitKey = kind === 'money' ? 'ledger.pledge.amount_euros' : kind === 'time' ? 'ledger.pledge.amount_hours' : 'ledger.pledge.amount_items';

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    setBadAmount(false);
    const body: Record<string, unknown> = { kind };
    if (!isCounted(kind)) {
      const value = amountFromInput(kind, amount);
      if (!Number.isFinite(value) || value <= 0) {
        setBadAmount(true);
        return;
      }
      body.amount = value;
    }
    if (goals.length > 1) body.goal = goal ?? goals[0].index;
    if (note.trim()) body.note = note.trim();
    setBusy(true);
    try {
      const made = await api.post<Contribution>(`/items/${encodeURIComponent(item.id)}/contributions`, body);
      setAmount('');
      setNote('');
      toast(t('ledger.pledge.done'));
      onPledged(made);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card ledger-pledge" onSubmit={submit} aria-labelledby="ledger-pledge-title">
      <h2 id="ledger-pledge-title" class="section-title">
        {t('ledger.pledge.title')}
      </h2>
      <label for="ledger-kind" class="form-label">
        {t('ledger.pledge.kind')}
      </label>
      <select
        id="ledger-kind"
        value={kind}
        onChange={(e) => {
          setKind(e.currentTarget.value as ContributionKind);
          setGoal(null);
        }}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`ledger.kind.${k}`)}
          </option>
        ))}
      </select>
      {!isCounted(kind) && (
        <>
          <label for="ledger-amount" class="form-label">
            {t(unitKey)}
          </label>
          <input id="ledger-amount" inputMode="decimal" required value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
        </>
      )}
      {goals.length > 1 && (
        <>
          <label for="ledger-goal" class="form-label">
            {t('ledger.pledge.goal')}
          </label>
          <select id="ledger-goal" value={String(goal ?? goals[0].index)} onChange={(e) => setGoal(Number(e.currentTarget.value))}>
            {goals.map((g) => (
              <option key={g.index} value={String(g.index)}>
                {goalName(g)}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="ledger-note" class="form-label">
        {t('ledger.pledge.note')}
      </label>
      <textarea id="ledger-note" rows={2} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      {badAmount && (
        <p class="form-error" role="alert">
          {t('ledger.pledge.bad_amount')}
        </p>
      )}
      <InlineError error={error} />
      <div class="row-actions">
        <button type="submit" class="btn btn-primary btn-small" disabled={busy}>
          {busy ? t('state.working') : t('ledger.pledge.submit')}
        </button>
      </div>
    </form>
  );
}
