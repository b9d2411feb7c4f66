// The map in the browser: markers and the list beside the map show the same
// items (reports and ideas with a place; not a note, not a closed space's
// report to an outsider), a list row's "Show on map" opens its marker's
// popup from the keyboard, markers are buttons with names, the filters
// narrow both, a move reloads the items in view, and without a tile setting
// the page asks no one but kring for anything (with one, the tiles come from
// the operator's origin, which the page's CSP allows). axe-core audits /map
// and /spaces/:slug/map in English and Dutch.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { audit, axeMissing } from './axe.mjs';
import { launchBrowser, logInInBrowser, messages, newPage, screenshot, Server, settled, skipUnlessReady, waitFor, watch } from './harness.mjs';

const en = messages('en');
const nl = messages('nl');
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, name) => vars[name]);

// A 1×1 PNG, for the tile server of the test with tiles.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('the map', { concurrency: false }, () => {
  let server, browser, items, categories, closedReport;
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
    await server.member('mp_admin');
    const host = await server.member('mp_host', { display_name: 'Hanna' });
    await server.member('mp_pia', { display_name: 'Pia' });
    categories = (await host.call('GET', '/vocabulary')).categories;
    await host.call('POST', '/spaces', { name: 'Lombok', slug: 'lombok', kind: 'neighbourhood', visibility: 'open', description: 'Our streets.' });
    await host.call('POST', '/spaces', { name: 'Back Office', slug: 'office', kind: 'team', visibility: 'closed', description: 'Staff only.' });
    // 0.02° apart: at the zoom that fits them all no two cluster.
    const at = (i) => ({ lat: 52.08 + 0.02 * (i % 3), lon: 5.08 + 0.02 * Math.floor(i / 3) });
    const post = (kind, title, i, category, address) =>
      host.call('POST', '/items', { kind, title, body: `${title}.`, space: 'lombok', visibility: 'public', category, location: { ...at(i), address } });
    items = {
      lamp: await post('report', 'Broken street lamp', 0, categories[0], 'Kanaalstraat 10'),
      hole: await post('report', 'Hole in the road', 1, categories[1], 'Damstraat 4'),
      bins: await post('report', 'Overflowing bins', 2, categories[0], 'Vleutenseweg 100'),
      bench: await post('idea', 'A bench by the canal', 3, categories[0], 'Kanaalweg 2'),
      trees: await post('idea', 'More trees', 4, categories[1], ''),
    };
    await host.call('POST', `/items/${items.hole.id}/status`, { status: 'acknowledged' });
    await host.call('POST', `/items/${items.bench.id}/status`, { status: 'under_review' });
    await host.call('POST', '/items', { kind: 'note', body: 'Market on Friday.', space: 'lombok', visibility: 'public' });
    closedReport = await host.call('POST', '/items', { kind: 'report', title: 'Staff only leak', body: 'x', space: 'office', category: categories[0], location: at(5) });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(pathname, { handle = 'mp_pia', lang = 'en', on = server, map = true } = {}) {
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    const seen = watch(page);
    const requests = [];
    page.on('request', (req) => requests.push(req.url()));
    if (handle) await logInInBrowser(page, on.url, handle);
    if (lang !== 'en') await page.evaluate((l) => localStorage.setItem('kring.language', l), lang);
    await page.goto(`${on.url}${pathname}`);
    await settled(page);
    if (map) await page.locator('[data-testid=items-map]').waitFor();
    return { page, requests, close: async () => { problems.push(...seen); await context.close(); } };
  }

  const listIds = async (page) => (await page.locator('[data-testid=map-list] li').evaluateAll((els) => els.map((e) => e.dataset.itemId))).sort();
  const markerNames = (page) => page.locator('.leaflet-marker-icon.map-marker .visually-hidden').allInnerTexts();
  const nameOf = (item, words = en) =>
    fill(words['map.marker_name'], { kind: words[`item.kind.${item.kind}`], title: item.title, status: words[`item.status.${item.status}`] });

  async function current() {
    const pia = await server.login('mp_pia');
    const out = {};
    for (const [key, item] of Object.entries(items)) out[key] = await pia.call('GET', `/items/${item.id}`);
    return out;
  }

  test('markers and the list show the same items, found from the nav', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await open('/', { map: false });
    await page.getByRole('navigation', { name: en['nav.main'] }).getByRole('link', { name: en['nav.map'] }).click();
    await page.getByRole('heading', { name: en['map.title'], level: 1 }).waitFor();
    const now = await current();
    const placed = Object.values(now);
    await waitFor(async () => (await listIds(page)).length === placed.length, { what: 'the list to show the placed items' });
    assert.deepEqual(await listIds(page), placed.map((i) => i.id).sort());
    assert.ok(!(await listIds(page)).includes(closedReport.id), 'a closed space report is not for an outsider');
    await waitFor(async () => (await markerNames(page)).length === placed.length, { what: 'one marker per item' });
    assert.deepEqual((await markerNames(page)).sort(), placed.map((i) => nameOf(i)).sort());
    assert.equal(await page.getByTestId('map-count').innerText(), fill(en['map.count'], { n: placed.length }));
    // The list row says kind, status, category and address in words.
    const lampRow = page.locator(`[data-testid=map-list] li[data-item-id="${items.lamp.id}"]`);
    const facts = await lampRow.locator('.map-list-facts').innerText();
    for (const word of [en['item.kind.report'], en['item.status.reported'], 'Kanaalstraat 10']) assert.ok(facts.includes(word), `${word} in ${facts}`);
    await screenshot(page, 'map-1280');
    await close();
  });

  test('a list row opens its marker from the keyboard; markers are named buttons', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await open('/spaces/lombok/map');
    await waitFor(async () => (await listIds(page)).length === 5, { what: 'the space items' });
    const show = page.getByRole('button', { name: `${en['map.show']} Hole in the road` });
    await show.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await popup.waitFor();
    assert.equal(await popup.locator('a.map-popup-title').innerText(), 'Hole in the road');
    assert.ok((await popup.innerText()).includes(en['item.status.acknowledged']));
    assert.equal(await page.locator(`[data-testid=map-list] li[data-item-id="${items.hole.id}"]`).getAttribute('class'), 'selected');
    await page.keyboard.press('Escape');

    // The marker itself: a focusable button named by kind, title and status.
    const bench = (await current()).bench;
    const marker = page.getByRole('button', { name: nameOf(bench) });
    assert.equal(await marker.getAttribute('tabindex'), '0');
    await marker.focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await page.locator('.leaflet-popup a.map-popup-title').innerText().catch(() => '')) === 'A bench by the canal', { what: 'the bench popup' });
    await close();
  });

  test('filters narrow the markers and the list alike', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await open('/spaces/lombok/map');
    await waitFor(async () => (await listIds(page)).length === 5, { what: 'the space items' });
    const status = page.getByLabel(en['map.filter_status']);
    assert.equal(await status.isDisabled(), true, 'a status needs a kind');
    // Every kind with a place is a choice, the exchange's among them, each with its own shape in the legend.
    const placed = (await (await server.login('mp_pia')).call('GET', '/vocabulary')).kinds
      .filter((k) => k.fields.some((f) => f.name === 'location')).map((k) => k.name);
    assert.ok(['request', 'offer', 'initiative', 'event'].every((k) => placed.includes(k)));
    const offered = await page.getByLabel(en['map.filter_kind']).locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    assert.deepEqual(offered, placed);
    const shapes = await page.locator('[data-testid=map-legend] [data-legend-shape]').evaluateAll((ls) => ls.map((l) => l.dataset.legendShape));
    assert.deepEqual(shapes, placed);
    await page.getByLabel(en['map.filter_kind']).selectOption('report');
    const reports = [items.lamp, items.hole, items.bins].map((i) => i.id).sort();
    await waitFor(async () => (await listIds(page)).join() === reports.join(), { what: 'only the reports' });
    await waitFor(async () => (await markerNames(page)).length === 3, { what: 'three markers' });
    await status.selectOption('acknowledged');
    await waitFor(async () => (await listIds(page)).join() === items.hole.id, { what: 'only the acknowledged report' });
    await waitFor(async () => (await markerNames(page)).length === 1, { what: 'one marker' });
    await status.selectOption('');
    await page.getByLabel(en['map.filter_category']).selectOption(categories[0]);
    const first = [items.lamp, items.bins].map((i) => i.id).sort();
    await waitFor(async () => (await listIds(page)).join() === first.join(), { what: 'reports of the first category' });
    await close();
  });

  test('a move reloads the items in view, with the view as its box', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, requests, close } = await open('/spaces/lombok/map');
    await waitFor(async () => (await listIds(page)).length === 5, { what: 'the space items' });
    const boxes = () => requests.filter((u) => u.includes('/api/v1/items?')).map((u) => new URL(u).searchParams.get('bbox'));
    const before = boxes().length;
    await page.getByRole('button', { name: en['map.zoom_in'], exact: true }).click();
    await page.getByRole('button', { name: en['map.zoom_in'], exact: true }).click();
    await waitFor(() => boxes().length > before, { what: 'a reload after the zoom' });
    const [minLat, minLon, maxLat, maxLon] = boxes().at(-1).split(',').map(Number);
    assert.ok(maxLat - minLat < 0.1 && maxLon - minLon < 0.2, `a box around the view: ${boxes().at(-1)}`);
    await waitFor(async () => {
      const n = (await listIds(page)).length;
      return n > 0 && n < 5;
    }, { what: 'fewer items in the smaller view' });
    await close();
  });

  test('without a tile setting the map asks no one but kring', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, requests, close } = await open('/map', { handle: null });
    await waitFor(async () => (await listIds(page)).length === 5, { what: 'the public items' });
    await page.getByRole('button', { name: en['map.zoom_out'], exact: true }).click();
    await settled(page);
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'));
    assert.deepEqual(foreign, []);
    assert.equal(await page.locator('.leaflet-tile-container img').count(), 0);
    assert.ok((await page.locator('.map-graticule-tile').count()) > 0, 'the plain base layer is drawn');
    await close();
  });

  test('with a tile setting the tiles come from the operator origin', async (t) => {
    if (skipUnlessReady(t)) return;
    const tileRequests = [];
    const tiles = createServer((req, res) => {
      tileRequests.push(req.url);
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(PNG);
    });
    await new Promise((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${tiles.address().port}`;
    const tiled = await new Server().start({ args: ['--map-tiles', `${origin}/{z}/{x}/{y}.png`, '--map-attribution', 'Test tiles <b>'] });
    try {
      const { page, close } = await open('/map', { handle: null, on: tiled });
      await waitFor(() => tileRequests.length > 0, { what: 'a tile request' });
      await waitFor(async () => (await page.locator('.leaflet-tile-container img.leaflet-tile-loaded').count()) > 0, { what: 'a tile drawn' });
      assert.match(tileRequests[0], /^\/\d+\/\d+\/\d+\.png$/);
      assert.equal(await page.locator('.leaflet-control-attribution').innerText(), 'Test tiles <b>');
      await close();
    } finally {
      await tiled.stop();
      await new Promise((resolve) => tiles.close(resolve));
    }
  });

  test('axe finds nothing on the maps, in English and Dutch', async (t) => {
    if (skipUnlessReady(t)) return;
    const found = [];
    for (const [pathname, lang] of [['/map', 'en'], ['/map', 'nl'], ['/spaces/lombok/map', 'en'], ['/spaces/lombok/map', 'nl']]) {
      const { page, close } = await open(pathname, { lang });
      await waitFor(async () => (await listIds(page)).length === 5, { what: 'the items' });
      await waitFor(async () => (await markerNames(page)).length === 5, { what: 'the markers' });
      if (lang === 'nl') {
        assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
        await page.getByRole('heading', { name: pathname === '/map' ? nl['map.title'] : fill(nl['map.title_space'], { space: 'Lombok' }), level: 1 }).waitFor();
      }
      found.push(...(await audit(page, `${pathname} ${lang}`)));
      await close();
    }
    assert.deepEqual(found, []);
  });

  test('nothing went wrong in any page', () => {
    assert.deepEqual(problems, []);
  });
});
