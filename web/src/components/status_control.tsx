// Where an item stands in its kind's workflow, the moves the viewer may make
// (only those the server lists in can.move_status), and the item's status
// history, collapsed. Renders nothing for a kind without workflow.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { formatDate, t } from '../i18n';
import { toast } from '../live';
import { usePaged } from '../hooks';
import type { Item, Member } from '../types';
import { kindRule } from '../vocabulary';
import { ErrorBox, InlineError, LoadMore, Loading, MemberLink } from './ui';

// The item as the server sends it: `can.move_status` lists the statuses the
// viewer may move it to now.
type WithMoves = Item & { can?: { move_status?: string[] } };

interface StatusChange {
  id: string;
  from: string;
  to: string;
  note: string;
  actor: Member | null; // null when the reader no longer sees what they do
  changed_at: string;
}

const NOTE_MAX = 1000;
// The status at which an item points at its original (duplicate_of), as the
// server names it (social/item_view.h kDuplicateStatus).
const DUPLICATE = 'duplicate';

// The original's id from what a moderator typed: the id itself or a link to
// the item (…/items/<id>); null when neither.
export function originalId(text: string): string | null {
  const m = text.trim().match(/^(?:.*\/items\/)?(\d+)\/?(?:[?#].*)?$/);
  return m ? m[1] : null;
}

function StatusHistory({ itemId }: { itemId: string }) {
  const r = usePaged<StatusChange>(`/items/${encodeURIComponent(itemId)}/status-history`);
  if (r.loading && r.items.length === 0) return <Loading />;
  if (r.error && r.items.length === 0) return <ErrorBox error={r.error} retry={r.reload} />;
  if (r.items.length === 0) return <p class="muted small">{t('status.history_empty')}</p>;
  return (
    <>
      <ol class="status-history">
        {r.items.map((c) => (
          <li key={c.id} data-status-change={c.id}>
            <p class="small">
              {c.actor ? <MemberLink member={c.actor} /> : t('notification.someone')}{' '}
              {t('status.changed', { from: t(`item.status.${c.from}`), to: t(`item.status.${c.to}`) })}{' '}
              <time class="muted" dateTime={c.changed_at}>
                {formatDate(c.changed_at)}
              </time>
            </p>
            {c.note && <p class="status-note">{c.note}</p>}
          </li>
        ))}
      </ol>
      <LoadMore more={r.more} loading={r.loading} onClick={r.loadMore} />
    </>
  );
}

export function StatusControl({ item, onChanged }: { item: WithMoves; onChanged: (item: Item) => void }) {
  const [note, setNote] = useState('');
  const [original, setOriginal] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(0);
  if (!kindRule(item.kind)?.statuses.length || !item.status) return null;
  const moves = item.can?.move_status ?? [];
  const noteId = `status-note-${item.id}`;
  const originalFieldId = `status-original-${item.id}`;

  async function move(status: string) {
    const body: Record<string, string> = note.trim() ? { status, note } : { status };
    if (status === DUPLICATE) {
      const id = originalId(original);
      if (!id) {
        setError(new ApiError(400, 'missing_duplicate_of', ''));
        return;
      }
      body.duplicate_of = id;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await api.post<Item>(`/items/${encodeURIComponent(item.id)}/status`, body);
      setNote('');
      setOriginal('');
      setVersion((v) => v + 1);
      onChanged(updated);
      toast(t('status.moved', { status: t(`item.status.${status}`) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="status-control" aria-label={t('status.label')}>
      <p class="status-current">
        {t('status.label')}:{' '}
        <strong class="status-name" data-status={item.status}>
          {t(`item.status.${item.status}`)}
        </strong>
      </p>
      {moves.length > 0 && (
        <form class="status-move" onSubmit={(e) => e.preventDefault()}>
          <label for={noteId} class="form-label">
            {t('status.note_label')}
          </label>
          <textarea id={noteId} rows={2} maxLength={NOTE_MAX} value={note} placeholder={t('status.note_placeholder')} onInput={(e) => setNote(e.currentTarget.value)} />
          {moves.includes(DUPLICATE) && (
            <>
              <label for={originalFieldId} class="form-label">
                {t('status.duplicate_of_label')}
              </label>
              <input id={originalFieldId} class="status-original" value={original} inputMode="url" aria-describedby={`${originalFieldId}-help`} onInput={(e) => setOriginal(e.currentTarget.value)} />
              <p id={`${originalFieldId}-help`} class="muted small">
                {t('status.duplicate_of_help')}
              </p>
            </>
          )}
          <InlineError error={error} />
          <div class="row-actions">
            {moves.map((status) => (
              <button key={status} type="button" class="btn btn-secondary btn-small" data-move-to={status} disabled={busy} onClick={() => move(status)}>
                {t('status.move_to', { status: t(`item.status.${status}`) })}
              </button>
            ))}
          </div>
        </form>
      )}
      <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('status.history')}
      </button>
      {/* a new key after each move: read the history again */}
      {open && <StatusHistory key={version} itemId={item.id} />}
    </section>
  );
}
