// Numbers for people: grouped thousands, a few significant decimals, and a
// dash where the server has no value (an empty network has no clustering).
import { language } from '../i18n';

function locale(): string {
  return language.get() === 'nl' ? 'nl-NL' : 'en-GB';
}

export const DASH = '—';

export function formatInt(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(n);
}

// Decimals with `digits` after the point, fewer when they are zeros.
export function formatDecimal(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
}

// Small values (pagerank 0.0004, density 0.00012) keep three significant digits.
export function formatMetric(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (x !== 0 && Math.abs(x) < 0.01) return new Intl.NumberFormat(locale(), { maximumSignificantDigits: 3 }).format(x);
  if (Number.isInteger(x)) return formatInt(x);
  return formatDecimal(x, 3);
}

export function formatPercent(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const smallest = x !== 0 && Math.abs(x) < 0.001 ? 3 : digits;
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: smallest }).format(x);
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale(), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatShortDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale(), { day: 'numeric', month: 'short' });
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });
}
