// The web app shows actions and choices only where the server's `can`,
// `space_can` and `allowed_visibilities` say (issue 9, point 6): one cast
// (an admin, a space's owner, its moderator, a plain member, an author, a
// suspended member, an analyst) looks at the same space, item and reply,
// and each sees exactly the controls the server offers them. A source check
// keeps the web app from deciding rights by comparing roles itself.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, logInInBrowser, newPage, Server, settled, skipUnlessReady, watch, WEB_DIR } from './harness.mjs';

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

// Every place web/src compares a role (the viewer's instance role, their
// space role, a listed member's space role) or an author's handle. Only
// display uses may stay, each listed here with why; a new comparison fails,
// and so does an entry whose line is gone.
const ROLE_COMPARISON = /\b[\w?.]*(?:my_role|\brole|space_role)\s*[!=]==?\s*['"`\w]|['"`]\s*[!=]==?\s*[\w?.]*(?:my_role|\.role|space_role)\b/g;
const AUTHOR_COMPARISON = /author\??\.handle\s*[!=]==?|[!=]==?\s*[\w?.]*author\??\.handle/g;
const DISPLAY_ONLY = [
  { file: 'src/pages/space.tsx', text: "m.space_role === 'member'", why: 'the role pill of a member row: plain for members, highlighted for hosts' },
  { file: 'src/pages/space.tsx', text: "m.space_role === 'moderator'", why: 'which role step the row offers (make member); space_can.set_role says whether' },
  { file: 'src/pages/space.tsx', text: "m.space_role === 'member'", why: 'which role step the row offers (make moderator); space_can.set_role says whether' },
  { file: 'src/pages/profile.tsx', text: 'member.role !== vocabulary().instance_roles[0]', why: "the role pill on a profile: every role but the plain one" },
];

describe('the app follows can', { concurrency: false }, () => {
  let server, browser, itemId, replyId, closedSlug;
  const problems = [];

  before(async (t) => {
    if (skipUnlessReady(t)) return;
    server = await new Server().start();
    const root = await server.member('wanda'); // first member: the instance admin
    const host = await server.member('olga', { display_name: 'Olga' });
    const mod = await server.member('milo', { display_name: 'Milo' });
    const plain = await server.member('pia', { display_name: 'Pia' });
    const author = await server.member('avi', { display_name: 'Avi' });
    const sus = await server.member('sven', { display_name: 'Sven' });
    await server.member('ana');
    await root.call('PUT', '/members/ana/role', { role: 'analyst' });

    await host.call('POST', '/spaces', { name: 'Garden', slug: 'garden', kind: 'community', visibility: 'open', description: 'open' });
    for (const m of [mod, plain, author, sus]) await m.call('POST', '/spaces/garden/members');
    await host.call('POST', '/spaces/garden/roles/milo', { role: 'moderator' });
    const closed = await host.call('POST', '/spaces', { name: 'Attic', slug: 'attic', kind: 'team', visibility: 'closed', description: 'closed' });
    closedSlug = closed.slug;
    await host.call('POST', `/spaces/${closedSlug}/invites`, { handle: 'pia' });
    await plain.call('POST', `/spaces/${closedSlug}/members`);

    const item = await author.call('POST', '/items', { kind: 'note', body: 'Seedlings to share this Saturday.', space: 'garden' });
    itemId = item.id;
    const reply = await author.call('POST', `/items/${itemId}/replies`, { body: 'Tomatoes and beans.' });
    replyId = reply.id;
    await root.call('POST', '/members/sven/suspend');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  // A fresh browser context signed in as `handle`, on `pathname`. No request
  // is refused, the suspended member's included: the app asks only for what
  // `can` offers (no live stream, no people-you-may-know for them).
  async function as(handle, pathname) {
    const { context, page } = await newPage(browser);
    const seen = watch(page);
    await logInInBrowser(page, server.url, handle);
    await page.goto(`${server.url}${pathname}`);
    await settled(page);
    return { page, close: async () => { problems.push(...seen); await context.close(); } };
  }

  const tabs = (page) => page.locator('nav.tabs a').allInnerTexts();
  const itemTools = (page) => page.locator('.item-tools button').allInnerTexts();
  const replyTools = (page) => page.locator(`[data-reply-id="${replyId}"] .reply-actions > button`).allInnerTexts();

  test('a plain member sees no hide or delete on another member\'s post and no host tools in the space', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('pia', `/items/${itemId}`);
    await page.locator(`[data-reply-id="${replyId}"]`).waitFor();
    assert.deepEqual(await itemTools(page), ['Report']);
    assert.deepEqual(await replyTools(page), ['Reply', 'Report']);
    await page.getByLabel('Your reply').waitFor();

    await page.goto(`${server.url}/spaces/garden`);
    await settled(page);
    assert.deepEqual(await tabs(page), ['Posts', 'Members']);
    await page.getByRole('form', { name: 'New post' }).waitFor();
    await page.goto(`${server.url}/spaces/garden/members`);
    await page.locator('.member-card[data-handle="milo"]').waitFor();
    assert.equal(await page.locator('.member-card-actions button').count(), 0, 'no remove or role buttons');
    // An open space lets any member invite (can.invite): the form follows it.
    await page.getByRole('heading', { name: 'Invite someone' }).waitFor();
    await close();
  });

  test('a moderator sees hide and delete, the host tabs but settings, and remove on members but not on the owner', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('milo', `/items/${itemId}`);
    await page.locator(`[data-reply-id="${replyId}"]`).waitFor();
    assert.deepEqual(await itemTools(page), ['Delete', 'Hide', 'Report']);
    assert.deepEqual(await replyTools(page), ['Reply', 'Delete', 'Hide', 'Report']);

    await page.goto(`${server.url}/spaces/garden/members`);
    await settled(page);
    assert.deepEqual(await tabs(page), ['Posts', 'Members', 'Join requests', 'Moderation']);
    await page.locator('.member-card[data-handle="pia"] .member-card-actions').getByRole('button', { name: 'Remove' }).waitFor();
    assert.equal(await page.locator('.member-card[data-handle="olga"] .member-card-actions button').count(), 0, 'a moderator cannot remove the owner');
    assert.equal(await page.getByRole('button', { name: 'Make moderator' }).count(), 0, 'only owners set roles');
    await close();
  });

  test('the owner sees settings and the role steps; the author edits their own post', async (t) => {
    if (skipUnlessReady(t)) return;
    const host = await as('olga', '/spaces/garden/members');
    assert.deepEqual(await tabs(host.page), ['Posts', 'Members', 'Join requests', 'Moderation', 'Settings']);
    await host.page.locator('.member-card[data-handle="pia"]').getByRole('button', { name: 'Make moderator' }).waitFor();
    await host.page.locator('.member-card[data-handle="milo"]').getByRole('button', { name: 'Make member' }).waitFor();
    await host.close();

    const author = await as('avi', `/items/${itemId}`);
    await author.page.locator(`[data-reply-id="${replyId}"]`).waitFor();
    assert.deepEqual(await itemTools(author.page), ['Edit', 'Delete']); // one's own post is not reported
    await author.close();
  });

  test('the composer offers what allowed_visibilities holds: only the space in a closed space', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('pia', `/spaces/${closedSlug}`);
    const select = page.getByRole('form', { name: 'New post' }).getByLabel('Who can see this');
    assert.deepEqual(await select.locator('option').evaluateAll((os) => os.map((o) => o.value)), ['space']);
    await page.goto(`${server.url}/spaces/garden`);
    await settled(page);
    assert.deepEqual((await select.locator('option').evaluateAll((os) => os.map((o) => o.value))).sort(), ['members', 'public', 'space']);
    await page.goto(`${server.url}/`);
    await settled(page);
    assert.deepEqual((await select.locator('option').evaluateAll((os) => os.map((o) => o.value))).sort(), ['connections', 'members', 'public']);
    await close();
  });

  test('a suspended member sees no composer, no reply form and no actions', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('sven', '/');
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    assert.equal(await page.getByRole('form', { name: 'New post' }).count(), 0, 'no home composer');
    await page.goto(`${server.url}/items/${itemId}`);
    await page.locator(`[data-reply-id="${replyId}"]`).waitFor();
    assert.deepEqual(await itemTools(page), []);
    assert.deepEqual(await replyTools(page), []);
    assert.equal(await page.getByLabel('Your reply').count(), 0, 'no reply form');
    assert.equal(await page.locator('.item-full .reaction:not([disabled])').count(), 0, 'reactions cannot be changed');
    await page.goto(`${server.url}/spaces/garden`);
    await settled(page);
    assert.equal(await page.getByRole('form', { name: 'New post' }).count(), 0, 'no space composer');
    assert.equal(await page.getByRole('button', { name: 'Leave' }).count(), 0, 'no leaving while suspended');
    await close();
  });

  test('the moderation and analytics links follow can on oneself', async (t) => {
    if (skipUnlessReady(t)) return;
    const nav = (page) => page.locator('#site-nav a').allInnerTexts();
    for (const [handle, moderation, analytics] of [
      ['wanda', true, true],
      ['ana', false, true],
      ['pia', false, false],
    ]) {
      const { page, close } = await as(handle, '/');
      const links = await nav(page);
      assert.equal(links.includes('Moderation'), moderation, `${handle}: ${links}`);
      assert.equal(links.includes('Analytics'), analytics, `${handle}: ${links}`);
      await close();
    }
  });

  test('nothing went wrong in any browser', (t) => {
    if (skipUnlessReady(t)) return;
    assert.deepEqual(problems, []);
  });
});

test('no web source decides a right by comparing roles or authors', () => {
  const found = [];
  for (const file of sources(path.join(WEB_DIR, 'src'))) {
    const rel = path.relative(WEB_DIR, file);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      for (const re of [ROLE_COMPARISON, AUTHOR_COMPARISON]) {
        for (const m of line.matchAll(re)) found.push({ file: rel, line: line.trim(), match: m[0] });
      }
    }
  }
  // Each comparison found is one of the listed display uses, and each listed
  // use is still there (so the list cannot grow stale).
  const unlisted = found.filter((f) => !DISPLAY_ONLY.some((d) => d.file === f.file && f.line.includes(d.text)));
  assert.deepEqual(unlisted.map((f) => `${f.file}: ${f.line}`), []);
  for (const d of DISPLAY_ONLY) {
    assert.ok(found.some((f) => f.file === d.file && f.line.includes(d.text)), `listed but not found: ${d.file}: ${d.text}`);
  }
  // The comparisons this check replaced are gone for good.
  const all = sources(path.join(WEB_DIR, 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const gone of ["me?.role === 'admin'", "my_role === 'owner'", "my_role === 'moderator'", 'isHost(', 'isAnalyst(']) {
    assert.ok(!all.includes(gone), `${gone} is back`);
  }
});
