import { useState } from 'preact/hooks';
import { t } from '../i18n';

// A list of short terms (skills, interests): type, then Enter or comma to add.
export function TermsInput({ id, label, values, onChange, max = 30, help }: { id: string; label: string; values: string[]; onChange: (v: string[]) => void; max?: number; help?: string }) {
  const [text, setText] = useState('');

  function add(raw: string) {
    const parts = raw
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) return;
    const next = [...values];
    for (const p of parts) {
      if (!next.some((v) => v.toLowerCase() === p.toLowerCase()) && next.length < max) next.push(p.slice(0, 50));
    }
    onChange(next);
    setText('');
  }

  return (
    <div class="terms-input">
      <label for={id}>{label}</label>
      {values.length > 0 && (
        <ul class="chips" aria-label={label}>
          {values.map((v) => (
            <li key={v}>
              <span class="chip chip-removable">
                {v}
                <button type="button" class="chip-remove" aria-label={t('terms.remove', { term: v })} onClick={() => onChange(values.filter((x) => x !== v))}>
                  ×
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        value={text}
        aria-describedby={`${id}-help`}
        onInput={(e) => {
          const value = e.currentTarget.value;
          if (value.includes(',')) add(value);
          else setText(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(text);
          } else if (e.key === 'Backspace' && text === '' && values.length > 0) {
            onChange(values.slice(0, -1));
          }
        }}
        onBlur={() => add(text)}
      />
      <p id={`${id}-help`} class="help">
        {help ?? t('terms.help')}
      </p>
    </div>
  );
}
