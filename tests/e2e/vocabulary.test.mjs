// The web app offers what GET /api/v1/vocabulary publishes and nothing it
// keeps itself: the composer's kinds and their title field, the kind and
// status of a posted item, one reaction button per published reaction. The
// vocabulary is fetched once per page load, not once per screen.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { messages, newPage, launchBrowser, Server, settled, signUpInBrowser, skipUnlessReady, watch } from './harness.mjs';

const en = messages('en');

describe('the app speaks the server vocabulary', { concurrency: false }, () => {
  let server, browser, page, problems, vocabulary, requests;

  before(async (t) => {
    if (skipUnlessReady(t)) return;
    server = await new Server().start();
    vocabulary = await (await fetch(`${server.url}/api/v1/vocabulary`)).json();
    browser = await launchBrowser();
    ({ page } = await newPage(browser));
    problems = watch(page);
    requests = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === '/api/v1/vocabulary') requests.push(req.url());
    });
    await signUpInBrowser(page, server.url, 'vocab_ada');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the composer offers the published kinds with the fields each takes', async (t) => {
    if (skipUnlessReady(t)) return;
    await page.goto(`${server.url}/`);
    await settled(page);
    const picker = page.getByLabel(en['composer.kind']);
    const offered = await picker.locator('option').evaluateAll((options) => options.map((o) => o.value));
    assert.deepEqual(offered, vocabulary.kinds.map((k) => k.name));
    assert.equal(await picker.inputValue(), vocabulary.kinds[0].name, 'the first kind is the default');
    for (const kind of vocabulary.kinds) {
      await picker.selectOption(kind.name);
      const title = kind.fields.find((f) => f.name === 'title');
      const field = page.getByLabel(en['composer.title'], { exact: true });
      assert.equal(await field.count(), title ? 1 : 0, `${kind.name}: a title field only if the kind takes one`);
      if (title) assert.equal(await field.evaluate((el) => el.required), title.required, `${kind.name}: required as published`);
    }
    assert.deepEqual(problems, []);
  });

  test('a posted item with a workflow shows its kind and its status', async (t) => {
    if (skipUnlessReady(t)) return;
    const kind = vocabulary.kinds.find((k) => k.statuses.length > 0);
    if (!kind) return t.skip('no published kind has a workflow');
    await page.goto(`${server.url}/`);
    await settled(page);
    await page.getByLabel(en['composer.kind']).selectOption(kind.name);
    if (kind.fields.some((f) => f.name === 'title')) await page.getByLabel(en['composer.title'], { exact: true }).fill('Who has a ladder?');
    await page.getByLabel(en['composer.body']).fill('For the gutter.');
    await page.getByRole('button', { name: en['composer.post'], exact: true }).click();
    const card = page.locator('.item-card', { hasText: 'For the gutter.' }).first();
    await card.locator('.kind-badge', { hasText: en[`item.kind.${kind.name}`] }).waitFor();
    await card.locator('.status-badge', { hasText: en[`item.status.${kind.initial_status}`] }).waitFor();
    assert.deepEqual(problems, []);
  });

  test('the item page has one reaction button per published reaction', async (t) => {
    if (skipUnlessReady(t)) return;
    await page.locator('.item-card').first().locator('.item-time').click();
    await page.waitForURL(/\/items\/\d+/);
    await settled(page);
    const shown = await page.locator('.item-full .reactions .reaction').evaluateAll((buttons) => buttons.map((b) => b.dataset.reaction));
    assert.deepEqual(shown, vocabulary.reactions);
    assert.deepEqual(problems, []);
  });

  test('the vocabulary is fetched once per page load', async (t) => {
    if (skipUnlessReady(t)) return;
    requests.length = 0;
    await page.goto(`${server.url}/`);
    await settled(page);
    await page.getByRole('link', { name: en['nav.spaces'] }).first().click();
    await page.waitForURL(/\/spaces$/);
    await settled(page);
    await page.getByRole('link', { name: en['nav.home'] }).first().click();
    await settled(page);
    assert.equal(requests.length, 1, requests.join('\n'));
  });
});
