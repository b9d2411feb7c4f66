// How a marker looks: its shape says the kind, its colour and glyph the
// phase of its status, so colour is never the only signal. The phases group
// the workflows' statuses for the eye; the status itself is always in the
// marker's name, its popup and the list. A status this table does not know
// is "new" when it is its kind's initial status, else "active".
import { t } from '../i18n';
import type { Item } from '../types';
import { kindRule } from '../vocabulary';

export const PHASES = ['new', 'active', 'done', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

const PHASE_OF_STATUS: Record<string, Phase> = {
  under_review: 'active',
  accepted: 'active',
  acknowledged: 'active',
  in_progress: 'active',
  done: 'done',
  solved: 'done',
  declined: 'closed',
  wont_fix: 'closed',
  duplicate: 'closed',
  matched: 'active',
  reserved: 'active',
  lent: 'active',
  underway: 'active',
  returned: 'done',
  given: 'done',
  cancelled: 'closed',
  withdrawn: 'closed',
  expired: 'closed',
  failed: 'closed',
};

// Fill colours with white glyphs at 4.5:1 or more.
const PHASE_STYLE: Record<Phase, { colour: string; glyph: string }> = {
  new: { colour: '#b42318', glyph: '!' },
  active: { colour: '#1d4ed8', glyph: '…' },
  done: { colour: '#166534', glyph: '✓' },
  closed: { colour: '#4b5563', glyph: '×' },
};

export function phaseOf(kind: string, status: string | null | undefined): Phase {
  if (!status) return 'new';
  if (kindRule(kind)?.initial_status === status) return 'new';
  return PHASE_OF_STATUS[status] ?? 'active';
}

// An event whose time is over has taken place: done, though its status
// stays `scheduled` (only a cancellation moves it).
export function phaseOfItem(item: Item): Phase {
  const over = item.ends_at ?? item.starts_at;
  if (item.kind === 'event' && item.status === kindRule(item.kind)?.initial_status && over && Date.parse(over) < Date.now()) return 'done';
  return phaseOf(item.kind, item.status);
}

export const SHAPES = ['report', 'idea', 'request', 'offer', 'initiative', 'event', 'other'] as const;
export type Shape = (typeof SHAPES)[number];

export function shapeOf(kind: string): Shape {
  return (SHAPES as readonly string[]).includes(kind) ? (kind as Shape) : 'other';
}

// SVG paths in a 28×28 box: a report is a triangle (a warning sign), an idea
// a circle (a bulb), a request a diamond (a road sign asking to give way),
// an offer a hexagon, an initiative a pentagon (a house: built together),
// an event an octagon, any other kind a square.
const SHAPE_PATH: Record<Shape, string> = {
  report: 'M14 1 L27 25 L1 25 Z',
  idea: 'M14 1 A13 13 0 1 1 13.99 1 Z',
  request: 'M14 1 L27 14 L14 27 L1 14 Z',
  offer: 'M7.5 2 H20.5 L27 14 L20.5 26 H7.5 L1 14 Z',
  initiative: 'M14 1 L27 11 V26 H1 V11 Z',
  event: 'M9 1 H19 L27 9 V19 L19 27 H9 L1 19 V9 Z',
  other: 'M3 3 H25 V25 H3 Z',
};

export function markerSvg(shape: Shape, phase: Phase, size = 28): string {
  const { colour, glyph } = PHASE_STYLE[phase];
  const y = shape === 'report' ? 21 : shape === 'initiative' ? 21 : 19;
  return (
    `<svg class="map-marker-shape" viewBox="0 0 28 28" width="${size}" height="${size}" aria-hidden="true" focusable="false">` +
    `<path d="${SHAPE_PATH[shape]}" fill="${colour}" stroke="#ffffff" stroke-width="2"/>` +
    `<text x="14" y="${y}" text-anchor="middle" font-size="13" font-weight="700" fill="#ffffff">${glyph}</text></svg>`
  );
}

export function kindLabel(kind: string): string {
  const key = `item.kind.${kind}`;
  const label = t(key);
  return label === key ? kind : label;
}

export function statusLabel(status: string | null | undefined): string {
  return status ? t(`item.status.${status}`) : '';
}

// The marker's accessible name: kind, title and status.
export function markerName(item: Item): string {
  return t('map.marker_name', {
    kind: kindLabel(item.kind),
    title: item.title || t('map.untitled'),
    status: statusLabel(item.status),
  });
}
