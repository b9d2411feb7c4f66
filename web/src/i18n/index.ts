// Interface text lives in message files (en.json, nl.json). English is the
// default; the choice is kept in localStorage. t("key", {name}) fills {name}.
import en from './en.json';
import nl from './nl.json';
import { createStore, useStore } from '../store';

export const LANGUAGES = { en: 'English', nl: 'Nederlands' } as const;
export type Language = keyof typeof LANGUAGES;
type Messages = Record<string, string>;
const MESSAGES: Record<Language, Messages> = { en, nl };
const STORAGE_KEY = 'kring.language';

function initial(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'nl') return saved;
  } catch {
    // Storage may be blocked; English it is.
  }
  return 'en';
}

export const language = createStore<Language>(initial());

function apply(lang: Language) {
  document.documentElement.lang = lang;
}
apply(language.get());

export function setLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; still switch for this visit.
  }
  apply(lang);
  language.set(lang);
}

export function t(key: string, vars?: Record<string, string | number>): string {
  const text = MESSAGES[language.get()][key] ?? (en as Messages)[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

// "{n} replies" with a singular form under "<key>.one".
export function tn(key: string, n: number, vars?: Record<string, string | number>): string {
  const one = `${key}.one`;
  const useOne = n === 1 && (MESSAGES[language.get()][one] ?? (en as Messages)[one]);
  return t(useOne ? one : key, { n, ...vars });
}

export function useLanguage(): Language {
  return useStore(language);
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = language.get() === 'nl' ? 'nl-NL' : 'en-GB';
  const seconds = (Date.now() - date.getTime()) / 1000;
  if (seconds >= 0 && seconds < 60) return t('time.now');
  if (seconds >= 0 && seconds < 3600) return t('time.minutes', { n: Math.floor(seconds / 60) });
  if (seconds >= 0 && seconds < 86400) return t('time.hours', { n: Math.floor(seconds / 3600) });
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}
