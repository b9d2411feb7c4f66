// The one-click answer to a follow-up question ("is it fixed?"): yes keeps
// the report solved, no reopens it. The server decides whether the member
// may still answer; its refusal (answered already, moved on) is shown as is.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t } from '../i18n';

export function FollowUpAnswer({ itemId }: { itemId: number | string }) {
  const [state, setState] = useState<'ask' | 'busy' | 'yes' | 'no'>('ask');
  const [error, setError] = useState('');

  async function answer(fixed: boolean) {
    setState('busy');
    setError('');
    try {
      await api.post(`/items/${encodeURIComponent(String(itemId))}/fixed`, { fixed });
      setState(fixed ? 'yes' : 'no');
    } catch (e) {
      setState('ask');
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  if (state === 'yes' || state === 'no') {
    return <p class="small" role="status">{t(state === 'yes' ? 'follow_up.thanks_fixed' : 'follow_up.thanks_reopened')}</p>;
  }
  return (
    <div class="follow-up-answer" role="group" aria-label={t('follow_up.question')}>
      <button type="button" class="btn btn-secondary btn-small" data-fixed="yes" disabled={state === 'busy'} onClick={() => answer(true)}>
        {t('follow_up.yes')}
      </button>
      <button type="button" class="btn btn-secondary btn-small" data-fixed="no" disabled={state === 'busy'} onClick={() => answer(false)}>
        {t('follow_up.no')}
      </button>
      {error && <p class="small error" role="alert">{error}</p>}
    </div>
  );
}
