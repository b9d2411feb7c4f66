import { useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n';
import { toast } from '../live';
import { useMe } from '../session';
import type { ReactionKind } from '../types';
import { vocabulary } from '../vocabulary';
import { Icon, isIconName } from './icons';
import { errorText } from './ui';

interface Props {
  // "/items/1" or "/replies/7": the reactions live under it.
  base: string;
  reactions: Record<ReactionKind, number>;
  mine: string[];
  // The object's can.react: when false the counts show but cannot be changed.
  canReact: boolean;
  compact?: boolean;
}

// Toggle buttons, one per reaction kind the server publishes, with counts;
// compact shows the first kind and those given already. Optimistic: the
// count moves at once and moves back if the server says no. A visitor who
// clicks is asked to log in; a member the server lets not react sees the
// buttons disabled.
export function ReactionBar({ base, reactions, mine, canReact, compact }: Props) {
  const me = useMe();
  const [counts, setCounts] = useState(reactions);
  const [selected, setSelected] = useState(new Set(mine));
  const [busy, setBusy] = useState<string | null>(null);
  const all = vocabulary().reactions;
  const kinds = compact ? all.filter((k, i) => i === 0 || (counts[k] ?? 0) > 0 || selected.has(k)) : all;

  async function toggle(kind: ReactionKind) {
    if (!me) {
      toast(t('reaction.login'), '/login');
      return;
    }
    const on = !selected.has(kind);
    const apply = (add: boolean) => {
      setSelected((s) => {
        const n = new Set(s);
        if (add) n.add(kind);
        else n.delete(kind);
        return n;
      });
      setCounts((c) => ({ ...c, [kind]: Math.max(0, (c[kind] ?? 0) + (add ? 1 : -1)) }));
    };
    apply(on);
    setBusy(kind);
    try {
      if (on) await api.put(`${base}/reactions/${kind}`);
      else await api.del(`${base}/reactions/${kind}`);
    } catch (e) {
      apply(!on);
      toast(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div class="reactions" role="group" aria-label={t('reaction.group')}>
      {kinds.map((kind) => {
        const n = counts[kind] ?? 0;
        return (
          <button
            key={kind}
            type="button"
            class={selected.has(kind) ? 'reaction on' : 'reaction'}
            aria-pressed={selected.has(kind)}
            disabled={busy === kind || (!!me && !canReact)}
            data-reaction={kind}
            title={t(`reaction.${kind}`)}
            onClick={() => toggle(kind)}
          >
            {isIconName(kind) && <Icon name={kind} size={16} />}
            <span class={compact ? 'visually-hidden' : 'reaction-label'}>{t(`reaction.${kind}`)}</span>
            {n > 0 && <span class="reaction-count">{n}</span>}
          </button>
        );
      })}
    </div>
  );
}
