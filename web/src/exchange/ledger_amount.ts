// Amounts of the ledger as people read them: money is kept in cents and
// shown in euros, time in hours, items as a count (with the goal's label).
import { language, t, tn } from '../i18n';
import type { ContributionKind } from '../types';

function euros(cents: number): string {
  const locale = language.get() === 'nl' ? 'nl-NL' : 'en-GB';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function formatAmount(kind: ContributionKind, amount: number, label = ''): string {
  switch (kind) {
    case 'money':
      return euros(amount);
    case 'time':
      return tn('ledger.amount.hours', amount);
    case 'item':
      return label ? `${amount} × ${label}` : tn('ledger.amount.items', amount);
    default:
      return t(`ledger.kind.${kind}`);
  }
}

// The amount to send for what was typed: euros become cents; hours and
// items are whole numbers. NaN when the input is not a positive amount.
export function amountFromInput(kind: ContributionKind, input: string): number {
  const text = input.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return NaN;
  const value = Number(text);
  if (kind === 'money') return Math.round(value * 100);
  return Number.isInteger(value) ? value : NaN;
}

// Kinds counted, not measured: one each, no amount asked.
export function isCounted(kind: ContributionKind): boolean {
  return kind === 'knowledge' || kind === 'support';
}
