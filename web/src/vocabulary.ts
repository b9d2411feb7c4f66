// The names the server speaks (GET /api/v1/vocabulary): item kinds with
// their fields and workflows, reactions, visibilities, space kinds and
// roles. Fetched once per page load, beside the session; App renders no
// screen until it is here, so components read it with vocabulary() without
// waiting. The server sends an ETag, so a reload costs a 304.
import { api } from './api';
import { createStore, useStore } from './store';
import type { KindRule, Vocabulary } from './types';

export type VocabularyState = { status: 'loading' } | { status: 'ready'; vocabulary: Vocabulary } | { status: 'error'; message: string };

export const vocabularyState = createStore<VocabularyState>({ status: 'loading' });

export async function loadVocabulary(): Promise<void> {
  try {
    const vocabulary = await api.get<Vocabulary>('/vocabulary');
    vocabularyState.set({ status: 'ready', vocabulary });
  } catch (e) {
    vocabularyState.set({ status: 'error', message: (e as Error).message });
  }
}

export function useVocabularyState(): VocabularyState {
  return useStore(vocabularyState);
}

// REQUIRES: loaded (App renders screens only once it is).
export function vocabulary(): Vocabulary {
  const state = vocabularyState.get();
  if (state.status !== 'ready') throw new Error('the vocabulary is not loaded yet');
  return state.vocabulary;
}

// The rule of a kind, or undefined for a kind this server does not publish.
export function kindRule(kind: string): KindRule | undefined {
  return vocabulary().kinds.find((k) => k.name === kind);
}

// The kind a new item gets unless the writer picks another.
export function defaultKind(): string {
  return vocabulary().kinds[0]?.name ?? '';
}

// Whether items of `kind` take `field` (and whether they need it).
export function takesField(kind: string, field: string): boolean {
  return !!kindRule(kind)?.fields.some((f) => f.name === field);
}

export function requiresField(kind: string, field: string): boolean {
  return !!kindRule(kind)?.fields.some((f) => f.name === field && f.required);
}
