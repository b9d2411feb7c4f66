// An initiative's progress per goal: what is pledged and what is confirmed
// beside the target, as two bars on one track and in words.
import { t } from '../i18n';
import type { GoalProgress } from '../types';
import { formatAmount } from './ledger_amount';

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.round((part * 100) / whole)) : 0;
}

export function goalName(goal: GoalProgress | { kind: string; label: string }): string {
  return goal.label || t(`ledger.goal.${goal.kind}`);
}

export function ProgressBars({ progress }: { progress: GoalProgress[] }) {
  if (progress.length === 0) return null;
  return (
    <section class="ledger-progress" aria-labelledby="ledger-progress-title">
      <h2 id="ledger-progress-title" class="section-title">
        {t('ledger.progress.title')}
      </h2>
      <ul class="ledger-goals">
        {progress.map((goal, i) => {
          const name = goalName(goal);
          const words = t('ledger.progress.goal', {
            pledged: formatAmount(goal.kind, goal.pledged, goal.label),
            confirmed: formatAmount(goal.kind, goal.confirmed, goal.label),
            target: formatAmount(goal.kind, goal.target, goal.label),
          });
          return (
            <li key={i} class="ledger-goal" data-goal={i} data-pledged={goal.pledged} data-confirmed={goal.confirmed}>
              <div class="ledger-goal-head">
                <strong>{name}</strong>
                <span class="muted small">{words}</span>
              </div>
              <div class="ledger-track" role="img" aria-label={`${name}: ${words}`}>
                <span class="ledger-bar ledger-bar-pledged" style={{ width: `${percent(goal.pledged, goal.target)}%` }} />
                <span class="ledger-bar ledger-bar-confirmed" style={{ width: `${percent(goal.confirmed, goal.target)}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
