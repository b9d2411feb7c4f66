// The items in the map's view: GET /items?bbox=… with the filters, page after
// page up to MAX_MARKERS. A new view or filter waits DEBOUNCE_MS for the map
// to settle and aborts the request still running for the old one.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, withQuery } from '../api';
import type { Item, Page } from '../types';

export const MAX_MARKERS = 2000;
const PAGE = 100; // the server's largest page
const DEBOUNCE_MS = 300;

export interface MapFilters {
  space?: string;
  kind: string;
  status: string;
  category: string;
}

export interface MapItems {
  items: Item[];
  capped: boolean; // more match than MAX_MARKERS
  loading: boolean;
  error: ApiError | null;
  loaded: number; // how many loads finished, for the first fit
}

async function fetchPage(query: Record<string, string | number | null | undefined>, signal: AbortSignal): Promise<Page<Item>> {
  let response: Response;
  try {
    response = await fetch(withQuery('/api/v1/items', query), { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new ApiError(0, 'network', 'network');
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, err?.code ?? `http_${response.status}`, err?.message ?? response.statusText);
  }
  return data as Page<Item>;
}

// box null: nothing in view yet (the map is not drawn).
export function useMapItems(box: string | null, filters: MapFilters): MapItems {
  const [state, setState] = useState<MapItems>({ items: [], capped: false, loading: true, error: null, loaded: 0 });
  const { space, kind, status, category } = filters;
  useEffect(() => {
    if (box === null) return;
    const abort = new AbortController();
    const timer = window.setTimeout(async () => {
      setState((s) => ({ ...s, loading: true, error: null }));
      const items: Item[] = [];
      let cursor: string | null = null;
      try {
        do {
          const page: Page<Item> = await fetchPage(
            { bbox: box, space, kind, status: kind ? status : '', category, limit: Math.min(PAGE, MAX_MARKERS - items.length), cursor },
            abort.signal,
          );
          items.push(...page.items);
          cursor = page.next_cursor ?? null;
        } while (cursor && items.length < MAX_MARKERS);
        setState((s) => ({ items, capped: cursor !== null, loading: false, error: null, loaded: s.loaded + 1 }));
      } catch (e) {
        if (abort.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error: e instanceof ApiError ? e : new ApiError(0, 'network', 'network') }));
      }
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [box, space, kind, status, category]);
  return state;
}
