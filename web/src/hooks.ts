// Loading data for a screen: one resource, or a paged list with "load more".
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from './api';

export interface Resource<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

export function useResource<T>(path: string | null, deps: unknown[] = []): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoading(true);
    setError(null);
    api
      .get<T>(path)
      .then((d) => live && setData(d))
      .catch((e: ApiError) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, version, ...deps]);
  return { data, error, loading, reload: () => setVersion((v) => v + 1), setData };
}

export interface Paged<T> {
  items: T[];
  error: ApiError | null;
  loading: boolean;
  more: boolean;
  loadMore: () => void;
  reload: () => void;
  setItems: (change: (items: T[]) => T[]) => void;
  unread?: number;
}

// path null means "nothing to load yet" (e.g. an empty search box).
export function usePaged<T>(path: string | null, limit = 20): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  // The path the items came from: when the path changes (a link that only
  // changes the query, e.g. another tab of the search results), the screen
  // must not draw the old path's items, of another type, for a frame.
  const [itemsPath, setItemsPath] = useState(path);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);
  const generation = useRef(0);

  const fetchPage = useCallback(
    (after: string | null, replace: boolean) => {
      if (path === null) return;
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      api
        .page<T>(path, { limit, cursor: after })
        .then((page) => {
          if (mine !== generation.current) return;
          setItemsPath(path);
          setItems((old) => (replace ? page.items : [...old, ...page.items]));
          setCursor(page.next_cursor ?? null);
        })
        .catch((e: ApiError) => mine === generation.current && setError(e))
        .finally(() => mine === generation.current && setLoading(false));
    },
    [path, limit],
  );

  useEffect(() => {
    setItems([]);
    setItemsPath(path);
    setCursor(null);
    if (path === null) {
      generation.current++;
      setLoading(false);
      setError(null);
      return;
    }
    fetchPage(null, true);
  }, [path, version]);

  const current = itemsPath === path;
  return {
    items: current ? items : [],
    error: current ? error : null,
    loading: loading || !current,
    more: current && cursor !== null,
    loadMore: () => fetchPage(cursor, false),
    reload: () => setVersion((v) => v + 1),
    setItems: (change) => setItems(change),
  };
}

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · kring` : 'kring';
  }, [title]);
}
