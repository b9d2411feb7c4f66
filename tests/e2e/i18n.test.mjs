// Every interface string the app uses exists in English and Dutch, and the
// two message files hold the same keys with the same {placeholders}. The
// names the server publishes (GET /api/v1/vocabulary: kinds, statuses,
// reactions, visibilities, roles) are read from a running server, so a new
// kind or reaction without a label fails here, and no web source may hold
// its own copy of one of those lists.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { KRING, messages, Server, WEB_DIR } from './harness.mjs';

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

// Message families keyed by the names GET /vocabulary publishes.
function publishedFamilies(v) {
  return {
    'item.kind': v.kinds.map((k) => k.name),
    'item.status': [...new Set(v.kinds.flatMap((k) => k.statuses))],
    reaction: v.reactions,
    'visibility.item': v.item_visibilities,
    'visibility.profile': v.profile_visibilities,
    'space.kind': v.space_kinds,
    'space.visibility': v.space_visibilities,
    'space.visibility_help': v.space_visibilities,
    'space.role': v.space_roles,
    'member.role': v.instance_roles,
    notification: v.notification_kinds,
    'reputation.amount': v.contribution_kinds,
  };
}

function missingKeys(families) {
  const missing = [];
  for (const [prefix, values] of Object.entries(families)) {
    for (const v of values) if (!(`${prefix}.${v}` in en)) missing.push(`${prefix}.${v}`);
  }
  return missing;
}

describe('names the server publishes', { concurrency: false }, () => {
  let server, vocabulary;

  before(async (t) => {
    if (!existsSync(KRING)) {
      if (process.env.KRING_WITH_BROWSER === '1') throw new Error(`no server binary at ${KRING}`);
      t.skip(`no server binary at ${KRING}`);
      return;
    }
    server = await new Server().start();
    const res = await fetch(`${server.url}/api/v1/vocabulary`);
    assert.equal(res.status, 200);
    vocabulary = await res.json();
  });

  after(async () => {
    await server?.stop();
  });

  test('every published name has a label', (t) => {
    if (!vocabulary) return t.skip('no server');
    assert.deepEqual(missingKeys(publishedFamilies(vocabulary)), []);
  });

  test('no web source keeps its own list of published names', (t) => {
    if (!vocabulary) return t.skip('no server');
    // An array literal of quoted strings, all from one published family, two
    // or more of them: a copy that would miss the server's next name.
    const copies = [];
    for (const file of sources(path.join(WEB_DIR, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\[\s*((?:'[a-z_]+'\s*,\s*)+'[a-z_]+')\s*,?\s*\]/g)) {
        const names = [...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1]);
        for (const [family, values] of Object.entries(publishedFamilies(vocabulary))) {
          if (names.every((n) => values.includes(n))) copies.push(`${path.relative(WEB_DIR, file)}: ${m[0]} (${family})`);
        }
      }
    }
    assert.deepEqual(copies, []);
  });
});

test('keys built from API values the vocabulary does not publish exist for every value', () => {
  const families = {
    'space.status': ['requested', 'invited'],
    'moderation.target': ['item', 'reply', 'member'],
    'profile.tab': ['posts', 'followers', 'following', 'connections'],
    'search.type': ['items', 'members', 'spaces'],
    'analytics.role': ['hub', 'broker', 'member', 'peripheral', 'isolate'],
    'analytics.role_help': ['hub', 'broker', 'member', 'peripheral', 'isolate'],
    'analytics.metric': ['degree', 'strength', 'pagerank', 'betweenness', 'eigenvector', 'closeness', 'harmonic', 'core', 'effective_size', 'clustering', 'constraint'],
    'analytics.history': ['nodes', 'edges', 'density', 'average_clustering', 'modularity', 'communities', 'components', 'average_path_length', 'isolates'],
    'suggest.position': ['isolate', 'peripheral'],
    // social/reputation.h ParticipationType; test_reputation.py tests each one.
    'reputation.type': ['creator', 'critic', 'collector', 'joiner', 'spectator', 'inactive'],
    'reputation.type_hint': ['creator', 'critic', 'collector', 'joiner', 'spectator', 'inactive'],
  };
  assert.deepEqual(missingKeys(families), []);
});
