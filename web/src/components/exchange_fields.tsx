// The composer's fields for the kinds of the contribution economy: what a
// request needs (skills, when, where), an offer's mode, an initiative's
// goals, deadline and minimum, an event's time and capacity. Which kind
// takes which comes from the vocabulary (KindRule.fields); this file only
// knows how to edit a field and how to send it, one row per field in
// FIELDS, in the vocabulary's order.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { centsOf, countOf, isoOfLocal, localOfIso, targetText } from '../exchange/amounts';
import { t } from '../i18n';
import type { Item, ItemLocation } from '../types';
import { kindRule, vocabulary } from '../vocabulary';
import { LocationPicker } from './location_picker';
import { TermsInput } from './terms_input';

export interface GoalDraft {
  kind: string;
  target: string; // as typed: euros for money, hours for time, a count for items
  label: string;
}

export interface ExchangeDraft {
  skills: string[];
  starts_at: string; // datetime-local values
  ends_at: string;
  deadline: string;
  expires_at: string;
  capacity: string;
  minimum: string;
  offer: string;
  goals: GoalDraft[];
  location: ItemLocation | null;
}

const firstGoal = (): GoalDraft => ({ kind: vocabulary().goal_kinds?.[0] ?? 'time', target: '', label: '' });

export function emptyDraft(): ExchangeDraft {
  return { skills: [], starts_at: '', ends_at: '', deadline: '', expires_at: '', capacity: '', minimum: '', offer: vocabulary().offer_modes?.[0] ?? '', goals: [firstGoal()], location: null };
}

export function draftOf(item: Item): ExchangeDraft {
  return {
    ...emptyDraft(),
    skills: item.skills ?? [],
    starts_at: localOfIso(item.starts_at),
    ends_at: localOfIso(item.ends_at),
    deadline: localOfIso(item.deadline),
    expires_at: localOfIso(item.expires_at),
    capacity: item.capacity ? String(item.capacity) : '',
    minimum: item.minimum ? String(item.minimum) : '',
    offer: item.offer ?? vocabulary().offer_modes?.[0] ?? '',
    goals: item.goals?.length ? item.goals.map((g) => ({ kind: g.kind, target: targetText(g), label: g.label })) : [firstGoal()],
    location: item.location ?? null,
  };
}

// What goes wrong in a draft before it is sent, in the field's words: shown
// as the server's refusals are (InlineError), though it never left.
export class DraftError extends ApiError {
  constructor(message: string) {
    super(400, 'invalid_draft', message);
  }
}

interface EditorProps {
  id: string;
  draft: ExchangeDraft;
  set: (change: Partial<ExchangeDraft>) => void;
  required: boolean;
  editing: boolean;
}

interface FieldRow {
  // The field's value for the API; undefined: not given.
  json: (draft: ExchangeDraft) => unknown;
  edit: (p: EditorProps) => JSX.Element | null;
}

function timeField(name: 'starts_at' | 'ends_at' | 'deadline' | 'expires_at'): FieldRow {
  return {
    json: (d) => (d[name] ? isoOfLocal(d[name]) : undefined),
    edit: ({ id, draft, set, required }) => (
      <div class="field">
        <label for={`${id}-${name}`}>{t(`exchange.field.${name}`)}</label>
        <input id={`${id}-${name}`} type="datetime-local" value={draft[name]} required={required} onInput={(e) => set({ [name]: e.currentTarget.value })} />
      </div>
    ),
  };
}

function numberField(name: 'capacity' | 'minimum', max: number): FieldRow {
  return {
    json: (d) => {
      if (!d[name].trim()) return undefined;
      const n = countOf(d[name]);
      if (n === null || n > max) throw new DraftError(t(`exchange.bad.${name}`));
      return n;
    },
    edit: ({ id, draft, set, required }) => (
      <div class="field">
        <label for={`${id}-${name}`}>{t(`exchange.field.${name}`)}</label>
        <input id={`${id}-${name}`} type="number" inputMode="numeric" min={1} max={max} value={draft[name]} required={required} aria-describedby={`${id}-${name}-help`} onInput={(e) => set({ [name]: e.currentTarget.value })} />
        <p id={`${id}-${name}-help`} class="help">
          {t(`exchange.help.${name}`)}
        </p>
      </div>
    ),
  };
}

function goalJson(g: GoalDraft, n: number) {
  const target = g.kind === 'money' ? centsOf(g.target) : countOf(g.target);
  if (target === null || target <= 0) throw new DraftError(t('exchange.bad.target', { n }));
  if (g.kind === 'item' && !g.label.trim()) throw new DraftError(t('exchange.bad.label', { n }));
  return { kind: g.kind, target, label: g.kind === 'item' ? g.label.trim() : '' };
}

function GoalsEditor({ id, draft, set }: EditorProps) {
  const kinds = vocabulary().goal_kinds ?? [];
  const change = (k: number, patch: Partial<GoalDraft>) => set({ goals: draft.goals.map((g, i) => (i === k ? { ...g, ...patch } : g)) });
  return (
    <fieldset class="goals-editor" data-testid="goals-editor">
      <legend>{t('exchange.field.goals')}</legend>
      <p class="help">{t('exchange.help.goals')}</p>
      <ol class="goal-rows">
        {draft.goals.map((g, k) => (
          <li key={k} class="goal-row" data-goal-row={k}>
            <div class="field field-inline">
              <label for={`${id}-goal-${k}-kind`}>{t('exchange.goal.kind', { n: k + 1 })}</label>
              <select id={`${id}-goal-${k}-kind`} value={g.kind} onChange={(e) => change(k, { kind: e.currentTarget.value })}>
                {kinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`exchange.goal_kind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field field-inline">
              <label for={`${id}-goal-${k}-target`}>{t(`exchange.goal.target.${g.kind}`, { n: k + 1 })}</label>
              <input id={`${id}-goal-${k}-target`} inputMode="decimal" size={10} value={g.target} required onInput={(e) => change(k, { target: e.currentTarget.value })} />
            </div>
            {g.kind === 'item' && (
              <div class="field field-inline">
                <label for={`${id}-goal-${k}-label`}>{t('exchange.goal.label', { n: k + 1 })}</label>
                <input id={`${id}-goal-${k}-label`} maxLength={100} value={g.label} required onInput={(e) => change(k, { label: e.currentTarget.value })} />
              </div>
            )}
            {draft.goals.length > 1 && (
              <button type="button" class="btn btn-secondary btn-small" onClick={() => set({ goals: draft.goals.filter((_, i) => i !== k) })}>
                {t('exchange.goal.remove', { n: k + 1 })}
              </button>
            )}
          </li>
        ))}
      </ol>
      <button type="button" class="btn btn-secondary btn-small" onClick={() => set({ goals: [...draft.goals, firstGoal()] })}>
        {t('exchange.goal.add')}
      </button>
    </fieldset>
  );
}

// A place is asked for when the kind needs one, and offered behind a button
// when it may have one: the picker's map is heavy for a quick post.
function PlaceEditor({ id, set, required, editing }: EditorProps) {
  const [shown, setShown] = useState(required);
  if (editing) return null; // the picker starts empty; an edit keeps the place
  if (!shown) {
    return (
      <button type="button" class="btn btn-secondary btn-small" onClick={() => setShown(true)}>
        {t('exchange.add_place')}
      </button>
    );
  }
  return <LocationPicker id={`${id}-place`} onChange={(location) => set({ location })} />;
}

const FIELDS: Record<string, FieldRow> = {
  skills: {
    json: (d) => (d.skills.length ? d.skills : undefined),
    edit: ({ id, draft, set }) => <TermsInput id={`${id}-skills`} label={t('exchange.field.skills')} values={draft.skills} onChange={(skills) => set({ skills })} help={t('exchange.help.skills')} />,
  },
  starts_at: timeField('starts_at'),
  ends_at: timeField('ends_at'),
  deadline: timeField('deadline'),
  expires_at: timeField('expires_at'),
  capacity: numberField('capacity', 100000),
  minimum: numberField('minimum', 100),
  offer: {
    json: (d) => d.offer || undefined,
    edit: ({ id, draft, set }) => (
      <div class="field field-inline">
        <label for={`${id}-offer`}>{t('exchange.field.offer')}</label>
        <select id={`${id}-offer`} value={draft.offer} onChange={(e) => set({ offer: e.currentTarget.value })}>
          {(vocabulary().offer_modes ?? []).map((m) => (
            <option key={m} value={m}>
              {t(`exchange.offer_mode.${m}`)}
            </option>
          ))}
        </select>
      </div>
    ),
  },
  goals: {
    json: (d) => d.goals.map((g, k) => goalJson(g, k + 1)),
    edit: (p) => <GoalsEditor {...p} />,
  },
  location: {
    json: (d) => d.location ?? undefined,
    edit: (p) => <PlaceEditor {...p} />,
  },
};

// The fields of `kind` this file edits, in the vocabulary's order.
function editedFields(kind: string) {
  return (kindRule(kind)?.fields ?? []).filter((f) => f.name in FIELDS);
}

export function ExchangeFields({ kind, id, draft, onChange, editing = false }: { kind: string; id: string; draft: ExchangeDraft; onChange: (d: ExchangeDraft) => void; editing?: boolean }) {
  const fields = editedFields(kind);
  if (fields.length === 0) return null;
  const set = (change: Partial<ExchangeDraft>) => onChange({ ...draft, ...change });
  return (
    <div class="exchange-fields" data-testid="exchange-fields">
      {fields.map((f) => (
        <div key={f.name} data-field={f.name}>
          {FIELDS[f.name].edit({ id, draft, set, required: f.required, editing })}
        </div>
      ))}
    </div>
  );
}

// The body's fields for `kind` from the draft: the ones given, or on an
// edit the ones that differ from `before` (null for one cleared). Throws
// DraftError for a value that is not one.
export function exchangePayload(kind: string, draft: ExchangeDraft, before?: ExchangeDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of editedFields(kind)) {
    if (before && f.name === 'location') continue;
    const value = FIELDS[f.name].json(draft);
    if (!before) {
      if (value !== undefined) out[f.name] = value;
      continue;
    }
    let was: unknown;
    try {
      was = FIELDS[f.name].json(before);
    } catch {
      was = null;
    }
    if (JSON.stringify(value ?? null) !== JSON.stringify(was ?? null)) out[f.name] = value ?? null;
  }
  return out;
}
