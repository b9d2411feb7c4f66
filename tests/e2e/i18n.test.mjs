// Every interface string the app uses exists in English and Dutch, and the
// two message files hold the same keys with the same {placeholders}.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { messages, WEB_DIR } from './harness.mjs';

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const en = messages('en');
const nl = messages('nl');

test('English and Dutch have the same keys', () => {
  const onlyEn = Object.keys(en).filter((k) => !(k in nl));
  const onlyNl = Object.keys(nl).filter((k) => !(k in en));
  assert.deepEqual(onlyEn, [], 'keys missing from nl.json');
  assert.deepEqual(onlyNl, [], 'keys missing from en.json');
});

test('translations keep the placeholders of the English text', () => {
  const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(en)) {
    assert.deepEqual(names(nl[key] ?? ''), names(en[key]), `placeholders of ${key}`);
  }
});

test('every literal key the code passes to t() or tn() exists', () => {
  const missing = [];
  for (const file of sources(path.join(WEB_DIR, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\btn?\(\s*'([a-z_]+\.[a-z_.]+)'/g)) {
      if (!(m[1] in en)) missing.push(`${path.relative(WEB_DIR, file)}: ${m[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('keys built from API values exist for every value', () => {
  const families = {
    'item.kind': ['note', 'article', 'question'],
    'visibility.item': ['public', 'members', 'space', 'connections'],
    'visibility.profile': ['public', 'members', 'connections'],
    reaction: ['like', 'love', 'celebrate', 'insightful', 'support'],
    'space.kind': ['team', 'community', 'neighbourhood', 'place'],
    'space.visibility': ['open', 'closed', 'secret'],
    'space.visibility_help': ['open', 'closed', 'secret'],
    'space.role': ['owner', 'moderator', 'member'],
    'space.status': ['requested', 'invited'],
    notification: ['reply', 'mention', 'reaction', 'follow', 'connection_request', 'connection_accepted', 'join_request', 'invitation'],
    'moderation.target': ['item', 'reply', 'member'],
    'profile.tab': ['posts', 'followers', 'following', 'connections'],
    'search.type': ['items', 'members', 'spaces'],
    'analytics.role': ['hub', 'broker', 'member', 'peripheral', 'isolate'],
    'analytics.role_help': ['hub', 'broker', 'member', 'peripheral', 'isolate'],
    'analytics.metric': ['degree', 'strength', 'pagerank', 'betweenness', 'eigenvector', 'closeness', 'harmonic', 'core', 'effective_size', 'clustering', 'constraint'],
    'analytics.history': ['nodes', 'edges', 'density', 'average_clustering', 'modularity', 'communities', 'components', 'average_path_length', 'isolates'],
    'suggest.position': ['isolate', 'peripheral'],
  };
  const missing = [];
  for (const [prefix, values] of Object.entries(families)) {
    for (const v of values) if (!(`${prefix}.${v}` in en)) missing.push(`${prefix}.${v}`);
  }
  assert.deepEqual(missing, []);
});
