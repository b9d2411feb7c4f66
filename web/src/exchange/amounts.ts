// Amounts of the contribution economy as people read and type them: money
// in euros (the API counts cents), time in hours, items by count; and the
// times of requests and events. The one place that converts them.
import { language, t } from '../i18n';
import type { ItemGoal } from '../types';

const locale = () => (language.get() === 'nl' ? 'nl-NL' : 'en-GB');

// "12", "12.5", "12,50" euros -> 1250 cents; null when it is not an amount.
export function centsOf(euros: string): number | null {
  const m = /^\s*(\d{1,12})(?:[.,](\d{1,2}))?\s*$/.exec(euros);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

// A whole number above zero, or null.
export function countOf(text: string): number | null {
  const m = /^\s*(\d{1,12})\s*$/.exec(text);
  return m && Number(m[1]) > 0 ? Number(m[1]) : null;
}

export function euros(cents: number): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

// "40 h", "€2,000.00", "5 ladders".
export function formatAmount(kind: string, amount: number, label = ''): string {
  if (kind === 'money') return euros(amount);
  if (kind === 'time') return t('exchange.hours', { n: amount });
  if (kind === 'item') return label ? `${amount} ${label}` : t('exchange.items', { n: amount });
  return String(amount);
}

export function formatGoal(goal: ItemGoal): string {
  return formatAmount(goal.kind, goal.target, goal.label);
}

// The number typed in a goal's target field for a stored target.
export function targetText(goal: ItemGoal): string {
  if (goal.kind !== 'money') return String(goal.target);
  return goal.target % 100 === 0 ? String(goal.target / 100) : (goal.target / 100).toFixed(2);
}

export function formatMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale(), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

// "Sat 24 Dec, 18:00 – 21:00", or with the end's date when on another day.
export function formatSpan(starts: string, ends?: string | null): string {
  if (!ends) return formatMoment(starts);
  const a = new Date(starts);
  const b = new Date(ends);
  const sameDay = a.toDateString() === b.toDateString();
  const end = sameDay ? b.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' }) : formatMoment(ends);
  return `${formatMoment(starts)} – ${end}`;
}

// datetime-local input values (the browser's time zone) and RFC 3339.
export function isoOfLocal(local: string): string | null {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function localOfIso(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
