// Writing an item: kind, the fields the kind takes (its title), Markdown
// body with a preview, and completion of @mentions (from the directory) and
// #tags (from the tags seen so far and the writer's skills and interests).
// Kinds and their fields come from the server's vocabulary; the fields of
// requests, offers, initiatives and events are exchange_fields.tsx's.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n';
import { useMe } from '../session';
import type { Item, ItemKind, ItemVisibility, Me, Member, Space } from '../types';
import { defaultKind, requiresField, takesField, vocabulary } from '../vocabulary';
import { draftOf, emptyDraft, ExchangeFields, exchangePayload } from './exchange_fields';
import { MarkdownPreview } from './preview';
import { SimilarItems, useSimilar } from './similar_items';
import { Avatar, InlineError } from './ui';

interface Suggestion {
  value: string; // what replaces the word, without the sigil
  label: string;
  member?: Member;
}

interface Props {
  space?: Space | null;
  knownTags?: string[];
  onPosted: (item: Item) => void;
  initial?: Item; // editing
  onCancel?: () => void;
}

const MAX_BODY = 20000;

// The visibilities offered for an item, the first being the default: what
// the server allows there (allowed_visibilities of the space, or of the
// viewer for posts outside spaces). The one place that chooses them. An item
// being edited whose space is not loaded keeps the visibility it has.
function visibilityChoices(me: Me, space: Space | null | undefined, initial: Item | undefined): ItemVisibility[] {
  const allowed = space ? space.allowed_visibilities : initial?.space ? [initial.visibility] : (me.allowed_visibilities ?? []);
  // Preferred first when allowed: the space's own audience in a space, the
  // instance's members outside one.
  const first = space || initial?.space ? 'space' : 'members';
  return [...allowed.filter((v) => v === first), ...allowed.filter((v) => v !== first)];
}

// The word being typed at the caret, if it starts with @ or #.
function wordAt(text: string, caret: number): { sigil: '@' | '#'; word: string; start: number } | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)([@#])([\p{L}\p{N}_-]*)$/u.exec(before);
  if (!m) return null;
  return { sigil: m[2] as '@' | '#', word: m[3], start: caret - m[3].length - 1 };
}

export function Composer({ space, knownTags = [], onPosted, initial, onCancel }: Props) {
  const me = useMe();
  const editing = !!initial;
  const [kind, setKind] = useState<ItemKind>(initial?.kind ?? defaultKind());
  const [title, setTitle] = useState(initial?.title ?? '');
  const [body, setBody] = useState(initial?.body ?? '');
  const visibilities = me ? visibilityChoices(me, space, initial) : [];
  const [visibility, setVisibility] = useState<ItemVisibility>(initial && visibilities.includes(initial.visibility) ? initial.visibility : visibilities[0]);
  const titled = takesField(kind, 'title');
  const [draft, setDraft] = useState(() => (initial ? draftOf(initial) : emptyDraft()));
  const [draftKey, setDraftKey] = useState(0); // a new key empties the place picker too
  // A new idea first meets the open ones like it, to support instead.
  const compared = !initial && !!vocabulary().kinds.find((k) => k.name === kind)?.takes_votes;
  const similar = useSimilar({ kind: compared ? kind : '', space: space?.slug ?? '', category: '', text: title || body.slice(0, 500) });
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  const [context, setContext] = useState<ReturnType<typeof wordAt>>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const query = useRef(0);
  const id = useRef(`composer-${Math.random().toString(36).slice(2, 8)}`).current;

  // Look up suggestions for the word at the caret, debounced.
  useEffect(() => {
    if (!context) {
      setSuggestions([]);
      return;
    }
    const mine = ++query.current;
    const word = context.word.toLowerCase();
    if (context.sigil === '#') {
      const pool = new Set([...knownTags, ...(me?.skills ?? []), ...(me?.interests ?? [])].map((x) => x.toLowerCase().replace(/\s+/g, '-')));
      const list = [...pool].filter((x) => x.startsWith(word) && x !== word).slice(0, 6);
      setSuggestions(list.map((x) => ({ value: x, label: `#${x}` })));
      setActive(0);
      return;
    }
    if (word.length < 1) {
      setSuggestions([]);
      return;
    }
    const timer = window.setTimeout(() => {
      api
        .page<Member>('/members', { q: word, limit: 6 })
        .then((page) => {
          if (mine !== query.current) return;
          setSuggestions(page.items.map((m) => ({ value: m.handle, label: m.display_name || m.handle, member: m })));
          setActive(0);
        })
        .catch(() => mine === query.current && setSuggestions([]));
    }, 150);
    return () => window.clearTimeout(timer);
  }, [context?.sigil, context?.word]);

  function track(text: string) {
    const caret = area.current?.selectionStart ?? text.length;
    setContext(wordAt(text, caret));
  }

  function pick(s: Suggestion) {
    if (!context || !area.current) return;
    const caret = area.current.selectionStart ?? body.length;
    const insert = `${context.sigil}${s.value} `;
    const next = body.slice(0, context.start) + insert + body.slice(caret);
    setBody(next);
    setContext(null);
    setSuggestions([]);
    const pos = context.start + insert.length;
    requestAnimationFrame(() => {
      const el = area.current;
      if (!el) return;
      el.focus();
      // Keys typed since the pick have moved the caret on already; putting it
      // back would scramble them (seen in CI: "#repair" typed right after
      // picking @bob landed split around the caret).
      if (el.value === next) el.setSelectionRange(pos, pos);
    });
  }

  const open = suggestions.length > 0 && tab === 'write';

  async function submit(e: Event) {
    e.preventDefault();
    if (!body.trim()) {
      setError(new Error(t('composer.empty')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const payload: Record<string, unknown> = { kind, body, visibility };
      if (titled && title.trim()) payload.title = title.trim();
      let item: Item;
      if (editing) {
        const fields = exchangePayload(kind, draft, draftOf(initial!));
        item = await api.patch<Item>(`/items/${initial!.id}`, { title: payload.title ?? null, body, visibility, ...fields });
      } else {
        Object.assign(payload, exchangePayload(kind, draft));
        if (space) payload.space = space.slug;
        item = await api.post<Item>('/items', payload);
        setBody('');
        setTitle('');
        setTab('write');
        setDraft(emptyDraft());
        setDraftKey((k) => k + 1);
      }
      onPosted(item);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!me) return null;
  return (
    <form class="card composer" onSubmit={submit} aria-label={editing ? t('composer.edit_label') : t('composer.label')}>
      <div class="composer-row">
        {!editing && (
          <div class="field field-inline">
            <label for={`${id}-kind`}>{t('composer.kind')}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
              {vocabulary().kinds.map((k) => (
                <option key={k.name} value={k.name}>
                  {t(`item.kind.${k.name}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field field-inline">
          <label for={`${id}-visibility`}>{t('composer.visibility')}</label>
          <select id={`${id}-visibility`} value={visibility} onChange={(e) => setVisibility(e.currentTarget.value)}>
            {visibilities.map((v) => (
              <option key={v} value={v}>
                {t(`visibility.item.${v}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {titled && (
        <div class="field">
          <label for={`${id}-title`}>{t('composer.title')}</label>
          <input id={`${id}-title`} value={title} maxLength={200} required={requiresField(kind, 'title')} onInput={(e) => setTitle(e.currentTarget.value)} />
        </div>
      )}
      <ExchangeFields key={draftKey} kind={kind} id={id} draft={draft} onChange={setDraft} editing={editing} />
      <div class="composer-tabs" role="tablist" aria-label={t('composer.mode')}>
        <button type="button" role="tab" aria-selected={tab === 'write'} class={tab === 'write' ? 'ctab active' : 'ctab'} onClick={() => setTab('write')}>
          {t('composer.write')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'preview'} class={tab === 'preview' ? 'ctab active' : 'ctab'} onClick={() => setTab('preview')}>
          {t('composer.preview')}
        </button>
      </div>
      {tab === 'write' ? (
        <div class="field composer-body">
          <label for={`${id}-body`} class="visually-hidden">
            {t('composer.body')}
          </label>
          <textarea
            id={`${id}-body`}
            ref={area}
            rows={4}
            maxLength={MAX_BODY}
            placeholder={space ? t('composer.placeholder_space', { space: space.name }) : t('composer.placeholder')}
            value={body}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={`${id}-suggestions`}
            aria-activedescendant={open ? `${id}-s-${active}` : undefined}
            aria-describedby={`${id}-help`}
            onInput={(e) => {
              setBody(e.currentTarget.value);
              track(e.currentTarget.value);
            }}
            onClick={(e) => track(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (open) {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  setActive((a) => (a + 1) % suggestions.length);
                  return;
                } else if (e.key === 'ArrowUp') {
                  e.preventDefault();
                  setActive((a) => (a - 1 + suggestions.length) % suggestions.length);
                  return;
                } else if (e.key === 'Enter' || e.key === 'Tab') {
                  e.preventDefault();
                  pick(suggestions[active]);
                  return;
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  setSuggestions([]);
                  setContext(null);
                  return;
                }
              }
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                (e.currentTarget.form as HTMLFormElement).requestSubmit();
              }
            }}
          />
          {open && (
            <ul id={`${id}-suggestions`} class="suggestions" role="listbox" aria-label={t('composer.suggestions')}>
              {suggestions.map((s, i) => (
                <li
                  key={s.value}
                  id={`${id}-s-${i}`}
                  role="option"
                  aria-selected={i === active}
                  class={i === active ? 'suggestion active' : 'suggestion'}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(s);
                  }}
                >
                  {s.member && <Avatar member={s.member} size={24} />}
                  <span>{s.label}</span>
                  {s.member && <span class="member-handle">@{s.member.handle}</span>}
                </li>
              ))}
            </ul>
          )}
          <p id={`${id}-help`} class="help">
            {t('composer.help')}
          </p>
        </div>
      ) : (
        <div class="composer-preview" aria-live="polite">
          {body.trim() ? <MarkdownPreview text={body} /> : <p class="muted">{t('composer.preview_empty')}</p>}
        </div>
      )}
      {compared && <SimilarItems answer={similar} kindName={t(`item.kind.${kind}`)} />}
      <InlineError error={error} />
      <div class="composer-actions">
        {onCancel && (
          <button type="button" class="btn btn-secondary" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        )}
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('state.working') : editing ? t('action.save') : t('composer.post')}
        </button>
      </div>
    </form>
  );
}

