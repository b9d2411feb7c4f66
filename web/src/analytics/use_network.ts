// Loading a network figure that the server may still be computing: a 202
// answer means "computing in the background, ask again after Retry-After".
// The hook polls until the figures arrive, keeps the last data while it
// reloads, and gives up (as an error the page can retry) after a deadline.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, getWithStatus } from '../api';

export interface NetworkResource<T> {
  data: T | null;
  loading: boolean; // a request is under way and there is no data yet
  computing: boolean; // the server answered 202 and we are waiting
  error: unknown;
  reload: () => void;
}

// A large instance takes minutes on a small machine; beyond this we stop
// asking and say so.
const DEADLINE_MS = 10 * 60 * 1000;
const MAX_WAIT_S = 15;

export class StillComputing extends Error {
  constructor() {
    super('still computing');
  }
}

export function useNetworkResource<T>(path: string | null): NetworkResource<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [computing, setComputing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const shown = useRef(path);

  useEffect(() => {
    // A new path means other figures: never show the old ones under it.
    if (shown.current !== path) {
      shown.current = path;
      setData(null);
    }
    if (path === null) {
      setLoading(false);
      return;
    }
    let live = true;
    let timer: number | undefined;
    const started = Date.now();
    setLoading(true);
    setError(null);

    const attempt = async () => {
      try {
        const r = await getWithStatus<T>(path);
        if (!live) return;
        if (r.status === 202) {
          if (Date.now() - started > DEADLINE_MS) throw new StillComputing();
          setComputing(true);
          const wait = Math.min(Math.max(r.retryAfter ?? 1, 1), MAX_WAIT_S);
          timer = window.setTimeout(attempt, wait * 1000);
          return;
        }
        setData(r.data);
        setComputing(false);
        setLoading(false);
      } catch (e) {
        if (!live) return;
        setError(e instanceof ApiError || e instanceof StillComputing ? e : new ApiError(0, 'network', 'network'));
        setComputing(false);
        setLoading(false);
      }
    };
    void attempt();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [path, version]);

  return { data, loading, computing, error, reload: () => setVersion((v) => v + 1) };
}

// While shown figures are stale (the network changed since), the server is
// already computing new ones: ask now and then whether they are there, so
// the page can offer them instead of swapping the map under the reader.
export function useNewerFigures(path: string, shown: { stale: boolean; computed_at: string } | null): boolean {
  const [newer, setNewer] = useState(false);
  const stale = !!shown?.stale;
  const computedAt = shown?.computed_at ?? '';
  useEffect(() => {
    setNewer(false);
    if (!stale) return;
    let live = true;
    let timer: number | undefined;
    const check = async () => {
      try {
        const r = await getWithStatus<{ computed_at: string }>(path);
        if (!live) return;
        if (r.status === 200 && r.data.computed_at !== computedAt) {
          setNewer(true);
          return;
        }
      } catch {
        if (!live) return;
      }
      timer = window.setTimeout(check, 4000);
    };
    timer = window.setTimeout(check, 2000);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [path, stale, computedAt]);
  return newer;
}
