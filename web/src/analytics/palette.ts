// Colours of the map and the charts. Every colour keeps 3:1 against the
// white map (WCAG 1.4.11 for graphics); the first ones are the most
// distinct, so the largest communities are the easiest to tell apart.
import type { Community, NetworkRole } from '../types';

export const COMMUNITY_COLOURS = [
  '#4338ca', // indigo
  '#c2410c', // orange
  '#0f766e', // teal
  '#be185d', // pink
  '#15803d', // green
  '#0369a1', // sky
  '#a16207', // ochre
  '#7e22ce', // purple
  '#b91c1c', // red
  '#4d7c0f', // olive
  '#0e7490', // cyan
  '#86198f', // plum
];

export const OTHER_COLOUR = '#7a8096';
export const DIMMED_COLOUR = '#e4e6ee';
export const EDGE_COLOUR = '#cdd1de';

export const ROLE_ORDER: NetworkRole[] = ['hub', 'broker', 'member', 'peripheral', 'isolate'];

export const ROLE_COLOURS: Record<NetworkRole, string> = {
  hub: '#be185d',
  broker: '#c2410c',
  member: '#4f5bd5',
  peripheral: '#0e7490',
  isolate: '#6b7080',
};

export function roleColour(role: string | null | undefined): string {
  return (role && ROLE_COLOURS[role as NetworkRole]) || OTHER_COLOUR;
}

// Community id -> rank by size (0 = largest), from the communities list,
// which the server sorts largest first.
export function communityRanks(items: Community[]): Map<number, number> {
  const ranks = new Map<number, number>();
  items.forEach((c, i) => ranks.set(c.id, i));
  return ranks;
}

// sigma parses hex and rgb(), not hsl().
function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

// Beyond the named colours, hues spread by the golden angle at a lightness
// that keeps 3.2:1 on white for every hue. Large instances have hundreds of
// communities; grey for all of them would hide most of the map.
const EXTRA_COLOURS = 48;

export function rankColour(rank: number | undefined): string {
  if (rank === undefined) return OTHER_COLOUR;
  if (rank < COMMUNITY_COLOURS.length) return COMMUNITY_COLOURS[rank];
  if (rank < COMMUNITY_COLOURS.length + EXTRA_COLOURS) return hslHex((rank * 137.508) % 360, 0.6, 0.36);
  return OTHER_COLOUR;
}

// How many communities the legend and charts show with their own colour.
export const LEGEND_COMMUNITIES = COMMUNITY_COLOURS.length;
