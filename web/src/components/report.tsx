import { useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n';
import { toast } from '../live';
import { InlineError } from './ui';

// "Report" opens a small inline form; the report goes to the moderators.
export function ReportButton({ targetType, targetId, small }: { targetType: 'item' | 'reply' | 'member'; targetId: string; small?: boolean }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = `report-${targetType}-${targetId}`;
  if (!open) {
    return (
      <button type="button" class={small ? 'link-button' : 'btn btn-ghost'} onClick={() => setOpen(true)}>
        {t('report.open')}
      </button>
    );
  }
  return (
    <form
      class="report-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await api.post('/reports', { target_type: targetType, target_id: targetId, reason: reason.trim() });
          setOpen(false);
          setReason('');
          toast(t('report.sent'));
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label for={id}>{t('report.reason')}</label>
      <textarea id={id} rows={2} required maxLength={1000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <InlineError error={error} />
      <div class="row-actions">
        <button type="button" class="btn btn-secondary" onClick={() => setOpen(false)}>
          {t('action.cancel')}
        </button>
        <button type="submit" class="btn btn-danger" disabled={busy}>
          {t('report.submit')}
        </button>
      </div>
    </form>
  );
}
