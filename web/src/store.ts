// A tiny observable value and the hook that re-renders a component when it changes.
import { useEffect, useState } from 'preact/hooks';

export interface Store<T> {
  get(): T;
  set(value: T): void;
  update(change: (value: T) => T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const store: Store<T> = {
    get: () => value,
    set(next) {
      value = next;
      listeners.forEach((l) => l());
    },
    update(change) {
      store.set(change(value));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}

export function useStore<T>(store: Store<T>): T {
  const [, force] = useState(0);
  const seen = store.get();
  useEffect(() => {
    const rerender = () => force((n) => n + 1);
    // A change between render and subscription would otherwise be missed.
    if (store.get() !== seen) rerender();
    return store.subscribe(rerender);
  }, [store]);
  return store.get();
}
