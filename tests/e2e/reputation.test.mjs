// Reputation on the profile: what a member gave and received, confirmed,
// and the rung of the participation ladder they stand on, in English and
// Dutch; a pledge nobody confirmed shows nowhere. axe-core audits the
// profile with the block in both languages.
//
// The contributions API is built in parallel with this screen (issue 11),
// so the ledger rows are written straight into the server's database file
// with the sqlite3 command, as migration 16 defines them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { audit, axeMissing } from './axe.mjs';
import { launchBrowser, logInInBrowser, messages, newPage, screenshot, Server, settled, skipUnlessReady, watch } from './harness.mjs';

const en = messages('en');
const nl = messages('nl');
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, name) => vars[name]);

function sql(server, statement) {
  const run = spawnSync('sqlite3', [path.join(server.dir, 'data', 'kring.db'), statement], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`sqlite3 failed: ${run.stderr}`);
}

function contribution(server, itemId, giver, receiver, kind, amount, status = 'confirmed') {
  const now = Date.now() * 1000;
  const id = (handle) => `(SELECT id FROM members WHERE handle = '${handle}')`;
  sql(
    server,
    `INSERT INTO contributions (item_id, giver_id, receiver_id, kind, amount, status, created_at, decided_at) VALUES (${Number(itemId)}, ${id(giver)}, ${id(receiver)}, '${kind}', ${amount}, '${status}', ${now}, ${status === 'confirmed' ? now : 'NULL'})`,
  );
}

describe('reputation on the profile', { concurrency: false }, () => {
  let server, browser;
  const problems = [];

  before(async (t) => {
    if (skipUnlessReady(t)) return;
    const missing = axeMissing();
    if (missing) {
      if (process.env.KRING_WITH_BROWSER === '1') throw new Error(missing);
      t.skip(missing);
      return;
    }
    server = await new Server().start();
    await server.member('rep_admin'); // the first member is the admin
    const ada = await server.member('rep_ada', { display_name: 'Ada' });
    await server.member('rep_bob', { display_name: 'Bob' });
    const request = await ada.call('POST', '/items', { kind: 'request', title: 'Help paint the fence', body: 'Saturday morning.' });
    contribution(server, request.id, 'rep_bob', 'rep_ada', 'time', 3);
    contribution(server, request.id, 'rep_bob', 'rep_ada', 'money', 1500);
    contribution(server, request.id, 'rep_bob', 'rep_ada', 'item', 4, 'pledged');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(handle, pathname, lang = 'en') {
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    const seen = watch(page);
    await logInInBrowser(page, server.url, handle);
    if (lang !== 'en') await page.evaluate((l) => localStorage.setItem('kring.language', l), lang);
    await page.goto(`${server.url}${pathname}`);
    await settled(page);
    await page.waitForSelector('.reputation');
    return { page, close: async () => { problems.push(...seen); await context.close(); } };
  }

  const side = (page, which) => page.locator(`.reputation-side[data-side="${which}"]`);

  test('the receiver shows what was confirmed, by kind, and takes part as a creator', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('rep_bob', '/members/rep_ada');
    assert.equal(await page.getByRole('heading', { name: en['reputation.takes_part_as'] }).count(), 1);
    assert.equal(await page.locator('.reputation-type strong').innerText(), en['reputation.type.creator']);
    const received = await side(page, 'received').locator('li').allInnerTexts();
    assert.deepEqual(received, [fill(en['reputation.amount.time'], { n: 3 }), fill(en['reputation.amount.money'], { amount: '€15.00' })]);
    assert.equal(await side(page, 'given').innerText().then((s) => s.includes(en['reputation.none'])), true);
    await screenshot(page, 'reputation-profile-1280');
    const found = await audit(page, 'en profile');
    await close();
    assert.deepEqual(found, []);
  });

  test('the giver takes part as a joiner, and the pledge shows nowhere', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('rep_ada', '/members/rep_bob');
    assert.equal(await page.locator('.reputation-type strong').innerText(), en['reputation.type.joiner']);
    const given = await side(page, 'given').locator('li').allInnerTexts();
    assert.equal(given.length, 2);
    assert.ok(!given.some((line) => line.includes('4')), given.join(', '));
    await close();
  });

  test('in Dutch', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('rep_bob', '/members/rep_ada', 'nl');
    assert.equal(await page.getByRole('heading', { name: nl['reputation.takes_part_as'] }).count(), 1);
    assert.equal(await page.locator('.reputation-type strong').innerText(), nl['reputation.type.creator']);
    const received = await side(page, 'received').locator('li').allInnerTexts();
    assert.equal(received[0], fill(nl['reputation.amount.time'], { n: 3 }));
    assert.match(received[1], /15,00/);
    const found = await audit(page, 'nl profile');
    await close();
    assert.deepEqual(found, []);
  });

  test('no console errors or failed requests', () => {
    assert.deepEqual(problems, []);
  });
});
