// The ledger in the browser: on an initiative's page a member pledges money
// in euros with the pledge form, and the money goal's bar and words follow
// the server (cents shown as euros); the author confirms the pledge from
// the list of contributions and the confirmed part follows; the giver
// withdraws another pledge; a request's page lists contributions too; "My
// contributions" shows what was given and received and the time bank.
// axe-core audits the initiative page and My contributions in English and
// in Dutch.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { audit, axeMissing } from './axe.mjs';
import { launchBrowser, logInInBrowser, messages, newPage, screenshot, Server, settled, skipUnlessReady, waitFor, watch } from './harness.mjs';

const en = messages('en');
const nl = messages('nl');
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, name) => vars[name]);

describe('the ledger', { concurrency: false }, () => {
  let server, browser, ann, ben, initiative, request;
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
    await server.member('lg_admin');
    ann = await server.member('lg_ann', { display_name: 'Ann' });
    ben = await server.member('lg_ben', { display_name: 'Ben' });
    await ann.call('POST', '/spaces', { name: 'Buurt', slug: 'buurt', kind: 'neighbourhood', visibility: 'open', description: 'Our street.' });
    await ben.call('POST', '/spaces/buurt/members');
    initiative = await ann.call('POST', '/items', {
      kind: 'initiative', space: 'buurt', title: 'Paint the community centre', body: 'Saturdays in May.',
      goals: [{ kind: 'time', target: 40 }, { kind: 'money', target: 50000 }, { kind: 'item', target: 3, label: 'ladders' }],
    });
    request = await ann.call('POST', '/items', { kind: 'request', space: 'buurt', title: 'Help moving a sofa', body: 'Third floor.' });
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
    return { page, close: async () => { problems.push(...seen); await context.close(); } };
  }

  const goal = (page, i) => page.locator(`.ledger-goal[data-goal="${i}"]`);

  test('a member pledges euros and the money bar follows; the author confirms it', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('lg_ben', `/items/${initiative.id}`);
    await page.getByRole('heading', { name: en['ledger.progress.title'], exact: true }).waitFor();
    assert.equal(await goal(page, 1).getAttribute('data-pledged'), '0');
    await page.getByLabel(en['ledger.pledge.kind']).selectOption('money');
    await page.getByLabel(en['ledger.pledge.amount_euros']).fill('12.50');
    await page.getByLabel(en['ledger.pledge.note']).fill('For the paint');
    await page.getByRole('button', { name: en['ledger.pledge.submit'] }).click();
    await waitFor(async () => (await goal(page, 1).getAttribute('data-pledged')) === '1250', { what: 'the money bar to follow the pledge' });
    const words = await goal(page, 1).innerText();
    assert.match(words, /€12\.50/);
    assert.match(words, /€500\.00/);
    const row = page.locator('.ledger-row').first();
    assert.equal(await row.getAttribute('data-status'), 'pledged');
    assert.ok(await row.getByRole('button', { name: en['ledger.move.withdraw'] }).isVisible());
    assert.equal(await row.getByRole('button', { name: en['ledger.move.confirm'] }).count(), 0);
    await screenshot(page, 'ledger-initiative-1280');
    await close();

    const [pledge] = (await ann.call('GET', `/items/${initiative.id}/contributions`)).items;
    assert.deepEqual([pledge.kind, pledge.amount, pledge.note], ['money', 1250, 'For the paint']);
    const host = await as('lg_ann', `/items/${initiative.id}`);
    const hostRow = host.page.locator(`.ledger-row[data-contribution-id="${pledge.id}"]`);
    assert.equal(await host.page.getByRole('button', { name: en['ledger.pledge.submit'] }).count(), 0); // not to one's own
    await hostRow.getByRole('button', { name: en['ledger.move.confirm'] }).click();
    await waitFor(async () => (await hostRow.getAttribute('data-status')) === 'confirmed', { what: 'the pledge to be confirmed' });
    await waitFor(async () => (await goal(host.page, 1).getAttribute('data-confirmed')) === '1250', { what: 'the confirmed part to follow' });
    await host.close();
  });

  test('the giver withdraws a pledge on a request', async (t) => {
    if (skipUnlessReady(t)) return;
    const made = await ben.call('POST', `/items/${request.id}/contributions`, { kind: 'time', amount: 2 });
    const { page, close } = await as('lg_ben', `/items/${request.id}`);
    assert.equal(await page.locator('.ledger-progress').count(), 0); // a request has no goals
    const row = page.locator(`.ledger-row[data-contribution-id="${made.id}"]`);
    assert.match(await row.innerText(), new RegExp(fill(en['ledger.amount.hours'], { n: 2 })));
    await row.getByRole('button', { name: en['ledger.move.withdraw'] }).click();
    await waitFor(async () => (await row.getAttribute('data-status')) === 'withdrawn', { what: 'the pledge to be withdrawn' });
    assert.equal((await ann.call('GET', `/items/${request.id}/contributions`)).items[0].status, 'withdrawn');
    await close();
  });

  test('My contributions shows what was given and the time bank', async (t) => {
    if (skipUnlessReady(t)) return;
    const made = await ben.call('POST', `/items/${request.id}/contributions`, { kind: 'time', amount: 3 });
    await ann.call('POST', `/contributions/${made.id}/confirm`);
    const { page, close } = await as('lg_ben', '/me/contributions');
    await page.getByRole('heading', { name: en['ledger.mine.time_title'] }).waitFor();
    assert.equal(await page.locator('[data-figure="given"]').innerText(), fill(en['ledger.amount.hours'], { n: 3 }));
    assert.equal(await page.locator('[data-figure="balance"]').innerText(), fill(en['ledger.amount.hours'], { n: 3 }));
    await page.locator(`.ledger-row[data-contribution-id="${made.id}"]`).waitFor();
    await page.getByRole('link', { name: en['ledger.mine.received'] }).click();
    await waitFor(async () => (await page.locator('.ledger-row').count()) === 0, { what: 'nothing received' });
    await close();

    const host = await as('lg_ann', '/me/contributions?role=received');
    await host.page.locator(`.ledger-row[data-contribution-id="${made.id}"]`).waitFor();
    assert.equal(await host.page.locator('[data-figure="received"]').innerText(), fill(en['ledger.amount.hours'], { n: 3 }));
    await host.close();
  });

  test('the initiative page and My contributions pass axe in English and Dutch', async (t) => {
    if (skipUnlessReady(t)) return;
    const found = [];
    for (const [lang, width] of [['en', 1280], ['nl', 360]]) {
      const words = lang === 'nl' ? nl : en;
      for (const pathname of [`/items/${initiative.id}`, '/me/contributions']) {
        const { page, close } = await as('lg_ben', pathname, { lang, width });
        const heading = pathname.startsWith('/items') ? words['ledger.progress.title'] : words['ledger.mine.title'];
        await page.getByRole('heading', { name: heading }).first().waitFor();
        if (lang === 'nl') assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
        found.push(...(await audit(page, `${lang} ${width}px ${pathname}`)));
        await close();
      }
    }
    assert.deepEqual(found, []);
  });
});
