// The contribution economy in the browser: a member posts a request (skills,
// when, where), an offer to lend, an initiative with goals in time, money
// (typed in euros, stored in cents) and items, and an event with a capacity,
// all through the space's composer, whose fields follow the kind chosen;
// each shows on the space's exchange page under its kind's tab with its key
// field, the skill filter narrows the requests, the space page links there,
// and the map shows each with its kind's shape and name. axe-core audits
// /exchange and /spaces/:slug/exchange in English and Dutch.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { audit, axeMissing } from './axe.mjs';
import { launchBrowser, logInInBrowser, messages, newPage, screenshot, Server, settled, skipUnlessReady, waitFor, watch } from './harness.mjs';

const en = messages('en');
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, name) => vars[name]);

describe('the exchange', { concurrency: false }, () => {
  let server, browser, host;
  const problems = [];
  const posted = {};

  before(async (t) => {
    if (skipUnlessReady(t)) return;
    const missing = axeMissing();
    if (missing) {
      if (process.env.KRING_WITH_BROWSER === '1') throw new Error(missing);
      t.skip(missing);
      return;
    }
    server = await new Server().start();
    await server.member('ex_admin');
    host = await server.member('ex_host', { display_name: 'Hanna', skills: ['Plumbing'] });
    const pia = await server.member('ex_pia', { display_name: 'Pia' });
    await host.call('POST', '/spaces', { name: 'Buurt', slug: 'buurt', kind: 'neighbourhood', visibility: 'open', description: 'Our street.' });
    await pia.call('POST', '/spaces/buurt/members');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(handle, pathname, { lang = 'en', width = 1280 } = {}) {
    const { context, page } = await newPage(browser, { width, height: 900 });
    const seen = watch(page);
    if (handle) await logInInBrowser(page, server.url, handle);
    if (lang !== 'en') await page.evaluate((l) => localStorage.setItem('kring.language', l), lang);
    await page.goto(`${server.url}${pathname}`);
    await settled(page);
    return { page, close: async () => { problems.push(...seen); await context.close(); } };
  }

  // Fills the composer for `kind` with its title and body, lets `fields`
  // fill the rest, posts, and returns the item as the server has it.
  async function compose(page, kind, title, fields, at) {
    const composer = page.getByRole('form', { name: en['composer.label'] });
    await composer.getByLabel(en['composer.kind']).selectOption(kind);
    await composer.getByLabel(en['composer.title'], { exact: true }).fill(title);
    await fields(composer);
    await composer.getByRole('button', { name: en['exchange.add_place'] }).click();
    await composer.getByLabel(en['location.lat']).fill(String(at.lat));
    await composer.getByLabel(en['location.lon']).fill(String(at.lon));
    await composer.getByLabel(en['composer.body']).fill(`${title}: the details.`);
    await composer.getByRole('button', { name: en['composer.post'] }).click();
    const item = await waitFor(async () => {
      const page = await host.call('GET', `/items?space=buurt&kind=${kind}`);
      return page.items.find((i) => i.title === title);
    }, { what: `the ${kind} to be posted` });
    // The composer is empty again, its kind's fields too.
    await waitFor(async () => (await composer.getByLabel(en['composer.title'], { exact: true }).inputValue()) === '', { what: 'the composer to empty' });
    return item;
  }

  test('each kind is composed with the fields its rule names', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('ex_host', '/spaces/buurt');
    const composer = page.getByRole('form', { name: en['composer.label'] });
    // A note takes none of them.
    await composer.getByLabel(en['composer.kind']).selectOption('note');
    assert.equal(await composer.getByTestId('exchange-fields').count(), 0);

    posted.request = await compose(page, 'request', 'Fix a leaking tap', async (c) => {
      const skills = c.getByRole('textbox', { name: en['exchange.field.skills'] });
      await skills.fill('Plumbing');
      await skills.press('Enter');
      await c.getByLabel(en['exchange.field.starts_at']).fill('2031-05-01T10:00');
      await c.getByLabel(en['exchange.field.ends_at']).fill('2031-05-01T12:00');
      assert.equal(await c.getByLabel(en['exchange.field.capacity']).count(), 0, 'a request has no places');
    }, { lat: 52.0905, lon: 5.101 });
    assert.deepEqual(posted.request.skills, ['Plumbing']);
    assert.equal(Date.parse(posted.request.ends_at) - Date.parse(posted.request.starts_at), 2 * 3600 * 1000);
    assert.equal(posted.request.status, 'open');

    posted.offer = await compose(page, 'offer', 'Ladder to lend', async (c) => {
      await c.getByLabel(en['exchange.field.offer']).selectOption('lend');
    }, { lat: 52.0915, lon: 5.103 });
    assert.equal(posted.offer.offer, 'lend');
    assert.equal(posted.offer.status, 'available');

    posted.initiative = await compose(page, 'initiative', 'Tiny forest', async (c) => {
      await c.getByLabel(fill(en['exchange.goal.target.time'], { n: 1 })).fill('40');
      await c.getByRole('button', { name: en['exchange.goal.add'] }).click();
      await c.getByLabel(fill(en['exchange.goal.kind'], { n: 2 }), { exact: true }).selectOption('money');
      await c.getByLabel(fill(en['exchange.goal.target.money'], { n: 2 })).fill('1500,50');
      await c.getByRole('button', { name: en['exchange.goal.add'] }).click();
      await c.getByLabel(fill(en['exchange.goal.kind'], { n: 3 }), { exact: true }).selectOption('item');
      await c.getByLabel(fill(en['exchange.goal.target.item'], { n: 3 })).fill('5');
      await c.getByLabel(fill(en['exchange.goal.label'], { n: 3 })).fill('ladders');
      await c.getByRole('button', { name: en['exchange.goal.add'] }).click();
      await c.getByRole('button', { name: fill(en['exchange.goal.remove'], { n: 4 }) }).click();
      await c.getByLabel(en['exchange.field.deadline']).fill('2031-06-01T12:00');
      await c.getByLabel(en['exchange.field.minimum']).fill('50');
    }, { lat: 52.0895, lon: 5.099 });
    assert.deepEqual(posted.initiative.goals, [
      { kind: 'time', target: 40, label: '' },
      { kind: 'money', target: 150050, label: '' },
      { kind: 'item', target: 5, label: 'ladders' },
    ]);
    assert.equal(posted.initiative.minimum, 50);

    posted.event = await compose(page, 'event', 'Repair café', async (c) => {
      await c.getByLabel(en['exchange.field.starts_at']).fill('2031-05-03T14:00');
      await c.getByLabel(en['exchange.field.capacity']).fill('12');
    }, { lat: 52.0925, lon: 5.097 });
    assert.equal(posted.event.capacity, 12);
    assert.equal(posted.event.status, 'scheduled');

    // The cards show the fields compactly.
    const card = page.locator(`.item-card[data-item-id="${posted.initiative.id}"]`);
    await card.waitFor();
    assert.match(await card.locator('[data-fact=goals]').innerText(), /40 h · €1,500\.50 · 5 ladders/);
    await close();
  });

  test('a bad goal is refused before it is sent, with the goal named', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('ex_host', '/spaces/buurt');
    const composer = page.getByRole('form', { name: en['composer.label'] });
    await composer.getByLabel(en['composer.kind']).selectOption('initiative');
    await composer.getByLabel(en['composer.title'], { exact: true }).fill('Nothing');
    await composer.getByLabel(fill(en['exchange.goal.kind'], { n: 1 }), { exact: true }).selectOption('money');
    await composer.getByLabel(fill(en['exchange.goal.target.money'], { n: 1 })).fill('12.345');
    await composer.getByLabel(en['composer.body']).fill('x');
    await composer.getByRole('button', { name: en['composer.post'] }).click();
    await composer.getByText(fill(en['exchange.bad.target'], { n: 1 })).waitFor();
    const initiatives = await host.call('GET', '/items?space=buurt&kind=initiative');
    assert.equal(initiatives.items.filter((i) => i.title === 'Nothing').length, 0);
    await close();
  });

  test('the exchange page lists each kind under its tab, filtered by skill', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('ex_pia', '/spaces/buurt');
    await page.getByRole('link', { name: en['space.exchange'] }).click();
    await page.getByRole('heading', { name: fill(en['exchange.title_space'], { space: 'Buurt' }) }).waitFor();
    const list = page.getByTestId('exchange-list');
    const row = (item) => list.locator(`li[data-item-id="${item.id}"]`);
    await row(posted.request).waitFor();
    assert.match(await row(posted.request).locator('[data-fact=skills]').innerText(), /Plumbing/);
    const keys = { offer: ['mode', en['exchange.offer_mode.lend']], initiative: ['goals', '5 ladders'], event: ['when', ''] };
    for (const [kind, [fact, text]] of Object.entries(keys)) {
      await page.getByRole('main').getByRole('link', { name: en[`exchange.tab.${kind}`] }).click();
      await row(posted[kind]).waitFor();
      assert.equal(await list.locator('li').count(), 1, kind);
      assert.equal(await row(posted[kind]).locator('.status-badge').innerText(), en[`item.status.${posted[kind].status}`]);
      assert.ok((await row(posted[kind]).locator(`[data-fact=${fact}]`).innerText()).includes(text), kind);
    }
    await page.getByRole('link', { name: en['exchange.tab.request'] }).click();
    await row(posted.request).waitFor();
    await page.getByLabel(en['exchange.filter_skill']).fill('welding');
    await page.getByRole('button', { name: en['exchange.filter_apply'] }).click();
    await page.getByText(fill(en['exchange.empty_skill'], { skill: 'welding' })).waitFor();
    await page.getByLabel(en['exchange.filter_skill']).fill('PLUMBING');
    await page.getByRole('button', { name: en['exchange.filter_apply'] }).click();
    await row(posted.request).waitFor();
    assert.match(page.url(), /skill=PLUMBING/);
    await screenshot(page, 'exchange-1280');
    // Every space's: the same request, with its space named.
    await page.goto(`${server.url}/exchange`);
    await settled(page);
    await row(posted.request).getByRole('link', { name: 'Buurt' }).waitFor();
    await close();
  });

  test('the map shows offers, initiatives and events with a shape for each kind', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('ex_pia', '/spaces/buurt/map');
    await page.locator('[data-testid=items-map]').waitFor();
    const names = Object.values(posted).map((item) =>
      fill(en['map.marker_name'], { kind: en[`item.kind.${item.kind}`], title: item.title, status: en[`item.status.${item.status}`] }),
    );
    await waitFor(async () => {
      const shown = await page.locator('.leaflet-marker-icon.map-marker .visually-hidden').allInnerTexts();
      return names.every((n) => shown.includes(n));
    }, { what: 'a marker for each kind' });
    const paths = new Set(await page.locator('.leaflet-marker-icon.map-marker path').evaluateAll((els) => els.map((e) => e.getAttribute('d'))));
    assert.equal(paths.size, 4, 'four kinds, four shapes');
    for (const kind of ['request', 'offer', 'initiative', 'event']) {
      await page.locator(`[data-testid=map-legend] [data-legend-shape=${kind}]`).waitFor();
    }
    await page.locator('#map-kind').selectOption('event');
    await waitFor(async () => {
      const shown = await page.locator('.leaflet-marker-icon.map-marker .visually-hidden').allInnerTexts();
      return shown.length === 1 && shown[0] === names[3];
    }, { what: 'only the event' });
    await close();
  });

  test('axe-core finds nothing on the exchange pages', async (t) => {
    if (skipUnlessReady(t)) return;
    const found = [];
    for (const [pathname, lang, width] of [['/spaces/buurt/exchange', 'en', 1280], ['/spaces/buurt/exchange?kind=initiative', 'nl', 360], ['/exchange?kind=event', 'en', 360], ['/exchange', 'nl', 1280]]) {
      const { page, close } = await as('ex_pia', pathname, { lang, width });
      await page.getByTestId('exchange-list').waitFor();
      found.push(...(await audit(page, `${pathname} ${lang} ${width}px`)));
      await close();
    }
    const { page, close } = await as('ex_host', '/spaces/buurt');
    const composer = page.getByRole('form', { name: en['composer.label'] });
    await composer.getByLabel(en['composer.kind']).selectOption('initiative');
    await composer.getByRole('button', { name: en['exchange.goal.add'] }).click();
    found.push(...(await audit(page, 'composer with goals')));
    await close();
    assert.deepEqual(found, []);
  });

  test('nothing went wrong in any browser', (t) => {
    if (skipUnlessReady(t)) return;
    assert.deepEqual(problems, []);
  });
});
