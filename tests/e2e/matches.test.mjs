// The "Matches" panel on a request's and an offer's page: the author sees
// who could help and why (the skill, the neighbourhood where it was asked,
// a friend of a friend with the friend between linked), and the offer that
// fits, linked to its page; the offer's author sees the request it fits; a
// reader who is neither author nor host sees no panel (the server answers
// 403). English and Dutch; axe-core audits the panel in both, at 360 px too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { audit, axeMissing } from './axe.mjs';
import { launchBrowser, logInInBrowser, messages, newPage, screenshot, Server, settled, skipUnlessReady, waitFor, watch } from './harness.mjs';

const en = messages('en');
const nl = messages('nl');
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, name) => vars[name]);

// The panel asks the server, which refuses a reader with 403.
const expected = (line) => /HTTP 403: GET .*\/matches$/.test(line) || /Failed to load resource: the server responded with a status of 403/.test(line);

describe('the matches panel', { concurrency: false }, () => {
  let server, browser, request, offer;
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
    await server.member('mp_admin'); // the first member is the admin
    const ann = await server.member('mp_ann', { display_name: 'Ann' });
    const bea = await server.member('mp_bea', { display_name: 'Bea' });
    const cas = await server.member('mp_cas', { display_name: 'Cas', skills: ['Carpentry'] });
    const lena = await server.member('mp_lena', { display_name: 'Lena' });
    const connect = async (a, b) => {
      await a.call('POST', `/members/${b.handle}/connection`);
      await b.call('POST', `/members/${a.handle}/connection`);
    };
    await connect(ann, bea);
    await connect(bea, cas);
    await ann.call('POST', '/spaces', { name: 'Lombok', slug: 'lombok', kind: 'neighbourhood', visibility: 'open' });
    for (const m of [bea, cas, lena]) await m.call('POST', '/spaces/lombok/members');
    offer = await lena.call('POST', '/items', { kind: 'offer', offer: 'lend', title: 'Carpentry tools to lend', body: 'Saws and clamps.', skills: ['carpentry'], space: 'lombok', visibility: 'public' });
    request = await ann.call('POST', '/items', { kind: 'request', title: 'Fix a shed door', body: 'The door sticks.', skills: ['carpentry'], space: 'lombok', visibility: 'public' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    assert.deepEqual(problems, []);
  });

  async function as(handle, pathname, { lang = 'en', width = 1280 } = {}) {
    const { context, page } = await newPage(browser, { width, height: 900 });
    const seen = watch(page);
    await logInInBrowser(page, server.url, handle);
    if (lang !== 'en') await page.evaluate((l) => localStorage.setItem('kring.language', l), lang);
    await page.goto(`${server.url}${pathname}`);
    await settled(page);
    return { page, close: async () => { problems.push(...seen.filter((p) => !expected(p))); await context.close(); } };
  }

  test('the author sees who could help and why, and the offer that fits', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('mp_ann', `/items/${request.id}`);
    const panel = page.getByTestId('matches-panel');
    await panel.waitFor();
    assert.equal(await panel.getByRole('heading', { level: 2 }).innerText(), en['matches.title']);
    const cas = panel.locator('.match[data-member="mp_cas"]');
    const text = await cas.innerText();
    assert.match(text, new RegExp(fill(en['matches.reason.skill'], { skill: 'carpentry' })));
    assert.match(text, new RegExp(fill(en['matches.reason.near'], { space: 'Lombok' })));
    assert.match(text, new RegExp(`${en['matches.reason.friend_of_friend_via']} Bea`));
    assert.equal(await cas.getByRole('link', { name: 'Bea' }).getAttribute('href'), '/members/mp_bea');
    const offerLink = panel.locator(`.match[data-item-id="${offer.id}"]`).getByRole('link', { name: 'Carpentry tools to lend' });
    await screenshot(page, 'matches-request');
    await offerLink.click();
    await waitFor(async () => new URL(page.url()).pathname === `/items/${offer.id}`, { what: 'the offer page' });
    await close();
  });

  test("the offer's author sees the request it fits", async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('mp_lena', `/items/${offer.id}`);
    const panel = page.getByTestId('matches-panel');
    await panel.waitFor();
    assert.equal(await panel.locator('h3').innerText(), en['matches.requests']);
    const row = panel.locator(`.match[data-item-id="${request.id}"]`);
    assert.match(await row.innerText(), new RegExp(fill(en['matches.reason.skill'], { skill: 'carpentry' })));
    assert.match(await row.innerText(), new RegExp(fill(en['matches.reason.space'], { space: 'Lombok' })));
    await close();
  });

  test('a reader who is neither author nor host sees no panel', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('mp_bea', `/items/${request.id}`);
    await page.getByRole('heading', { name: 'Fix a shed door' }).waitFor();
    await settled(page);
    assert.equal(await page.getByTestId('matches-panel').count(), 0);
    await close();
  });

  test('the panel speaks Dutch and passes axe-core in both languages', async (t) => {
    if (skipUnlessReady(t)) return;
    const found = [];
    for (const [lang, words, width] of [['en', en, 1280], ['nl', nl, 360]]) {
      const { page, close } = await as('mp_ann', `/items/${request.id}`, { lang, width });
      const panel = page.getByTestId('matches-panel');
      await panel.waitFor();
      assert.equal(await panel.locator('#matches-members').innerText(), words['matches.members']);
      assert.match(await panel.innerText(), new RegExp(fill(words['matches.reason.skill'], { skill: 'carpentry' })));
      found.push(...(await audit(page, `${lang} ${width}px`)));
      await close();
    }
    assert.deepEqual(found, []);
  });
});
