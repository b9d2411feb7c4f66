// The report form in the browser: a member goes from the space page to
// "Report a problem", gives the place by typing coordinates ("52.09, 5.12"
// into latitude fills both), by clicking the small map, or by picking a
// known address (GET /places suggests those on readable items, with their
// point), and the report is created at that place. An address that matches
// nothing is kept as typed with the picked point; without a place nothing is
// sent. Similar open reports are offered with "Follow this one instead" when
// the server has GET /items/similar; without it (404) the form works the
// same and shows none. axe-core audits the form in English and Dutch.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { audit, axeMissing } from './axe.mjs';
import { launchBrowser, logInInBrowser, messages, newPage, screenshot, Server, settled, skipUnlessReady, waitFor, watch } from './harness.mjs';

const en = messages('en');
const nl = messages('nl');
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, name) => vars[name]);

// A server without GET /items/similar answers it 404 (and Chromium logs that).
const withoutSimilar = (line) => /HTTP 404: GET .*\/api\/v1\/items\/similar\?/.test(line) || /Failed to load resource: the server responded with a status of 404/.test(line);

describe('the report form', { concurrency: false }, () => {
  let server, browser, host, pia, categories, existing, hasSimilar;
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
    await server.member('rf_admin');
    host = await server.member('rf_host', { display_name: 'Hanna' });
    pia = await server.member('rf_pia', { display_name: 'Pia' });
    categories = (await host.call('GET', '/vocabulary')).categories;
    await host.call('POST', '/spaces', { name: 'Lombok', slug: 'lombok', kind: 'neighbourhood', visibility: 'open', description: 'Our streets.' });
    const secret = (await host.call('POST', '/spaces', { name: 'Hidden', slug: 'hidden', kind: 'team', visibility: 'secret', description: 'x' })).slug;
    await pia.call('POST', '/spaces/lombok/members');
    existing = await host.call('POST', '/items', {
      kind: 'report', title: 'Broken street lamp', body: 'Dark at night.', space: 'lombok', visibility: 'public',
      category: categories[0], location: { lat: 52.0912, lon: 5.1041, address: 'Kanaalstraat 10' },
    });
    // Its address matches what Pia types below, and is never suggested to her.
    await host.call('POST', '/items', { kind: 'report', title: 'Secret', body: 'x', space: secret, category: categories[0], location: { lat: 52.1, lon: 5.1, address: 'Kanaalstraat 99 (secret)' } });
    const probe = await pia.raw('GET', `/items/similar?kind=report&space=lombok&category=${categories[0]}&lat=52.0912&lon=5.1041&text=lamp`);
    hasSimilar = probe.status !== 404;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(pathname, { lang = 'en' } = {}) {
    const { context, page } = await newPage(browser, { width: 1280, height: 1000 });
    const seen = watch(page, { allowStatus: (res) => res.status() === 404 && res.url().includes('/api/v1/items/similar?') });
    await logInInBrowser(page, server.url, 'rf_pia');
    if (lang !== 'en') await page.evaluate((l) => localStorage.setItem('kring.language', l), lang);
    await page.goto(`${server.url}${pathname}`);
    await settled(page);
    return { page, close: async () => { problems.push(...seen.filter((p) => !withoutSimilar(p))); await context.close(); } };
  }

  async function fillReport(page, title) {
    await page.getByLabel(en['report_form.what']).fill(title);
    await page.getByLabel(en['report_form.category']).selectOption(categories[1] ?? categories[0]);
    await page.getByLabel(en['report_form.description']).fill(`${title}, please fix.`);
  }

  async function submitAndRead(page) {
    await page.getByRole('button', { name: new RegExp(`^(${en['report_form.submit']}|${en['report_form.submit_anyway']})$`) }).click();
    await page.waitForURL(/\/items\/\d+$/);
    const id = new URL(page.url()).pathname.split('/').pop();
    return pia.call('GET', `/items/${id}`);
  }

  test('from the space page: typed coordinates make a report at that point', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await open('/spaces/lombok');
    await page.getByRole('link', { name: en['report_form.link'] }).click();
    await page.getByRole('heading', { name: fill(en['report_form.title'], { space: 'Lombok' }), level: 1 }).waitFor();
    await page.locator('.leaflet-container').waitFor();
    await fillReport(page, 'Loose paving stone');
    await page.getByLabel(en['location.lat']).fill('52.0931, 5.1102');
    assert.equal(await page.getByLabel(en['location.lat']).inputValue(), '52.0931');
    assert.equal(await page.getByLabel(en['location.lon']).inputValue(), '5.1102');
    await page.locator('[data-testid=picker-map] .map-marker').waitFor();
    await screenshot(page, 'report-form-1280');
    const item = await submitAndRead(page);
    assert.equal(item.kind, 'report');
    assert.equal(item.title, 'Loose paving stone');
    assert.equal(item.category, categories[1] ?? categories[0]);
    assert.deepEqual(item.location, { lat: 52.0931, lon: 5.1102, address: '' });
    assert.equal(item.space.slug, 'lombok');
    await close();
  });

  test('a point clicked on the map, and an unknown address kept as typed', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await open('/spaces/lombok/report');
    const map = page.locator('[data-testid=picker-map]');
    await map.waitFor();
    await fillReport(page, 'Graffiti on the bridge');
    await page.getByLabel(en['location.address']).fill('Bridge by the lock');
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await waitFor(async () => (await page.getByLabel(en['location.lat']).inputValue()) !== '', { what: 'the clicked point in the fields' });
    const lat = Number(await page.getByLabel(en['location.lat']).inputValue());
    const lon = Number(await page.getByLabel(en['location.lon']).inputValue());
    assert.ok(Math.abs(lat) <= 90 && Math.abs(lon) <= 180);
    const item = await submitAndRead(page);
    assert.deepEqual(item.location, { lat, lon, address: 'Bridge by the lock' });
    await close();
  });

  test('the keyboard way: the centre under the crosshair', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await open('/spaces/lombok/report');
    const map = page.locator('[data-testid=picker-map]');
    await map.waitFor();
    await map.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await page.getByRole('button', { name: en['location.use_centre'] }).press('Enter');
    await waitFor(async () => (await page.getByLabel(en['location.lat']).inputValue()) !== '', { what: 'the centre in the fields' });
    await page.locator('[data-testid=picker-map] .map-marker').waitFor();
    await close();
  });

  test('a known address is suggested with its point; a secret one is not', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await open('/spaces/lombok/report');
    await page.locator('[data-testid=picker-map]').waitFor();
    await fillReport(page, 'Another dark lamp');
    await page.getByLabel(en['location.address']).fill('kanaalstr');
    const list = page.getByRole('list', { name: en['location.suggestions'] });
    await list.waitFor();
    assert.deepEqual(await list.getByRole('button').allInnerTexts(), ['Kanaalstraat 10']);
    await list.getByRole('button', { name: 'Kanaalstraat 10' }).click();
    assert.equal(await page.getByLabel(en['location.address']).inputValue(), 'Kanaalstraat 10');
    assert.equal(await page.getByLabel(en['location.lat']).inputValue(), '52.0912');
    assert.equal(await page.getByLabel(en['location.lon']).inputValue(), '5.1041');
    const item = await submitAndRead(page);
    assert.deepEqual(item.location, { lat: 52.0912, lon: 5.1041, address: 'Kanaalstraat 10' });
    await close();
  });

  test('without a place nothing is sent', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await open('/spaces/lombok/report');
    await page.locator('[data-testid=picker-map]').waitFor();
    await fillReport(page, 'Nowhere in particular');
    await page.getByLabel(en['location.lat']).fill('123');
    await page.getByLabel(en['location.lon']).fill('5');
    assert.equal(await page.getByText(en['location.bad_coordinates']).count(), 1);
    const before = (await pia.call('GET', '/items?kind=report&space=lombok&limit=100')).items.length;
    await page.getByRole('button', { name: new RegExp(`^(${en['report_form.submit']}|${en['report_form.submit_anyway']})$`) }).click();
    await page.getByRole('alert').filter({ hasText: en['report_form.missing_location'] }).waitFor();
    assert.equal((await pia.call('GET', '/items?kind=report&space=lombok&limit=100')).items.length, before);
    assert.ok(page.url().endsWith('/spaces/lombok/report'));
    await close();
  });

  test('similar open reports: follow one instead, or submit anyway', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await open('/spaces/lombok/report');
    await page.locator('[data-testid=picker-map]').waitFor();
    await page.getByLabel(en['report_form.what']).fill('Street lamp broken');
    await page.getByLabel(en['report_form.category']).selectOption(categories[0]);
    await page.getByLabel(en['report_form.description']).fill('The lamp is out.');
    await page.getByLabel(en['location.lat']).fill('52.0913, 5.1042');
    if (!hasSimilar) {
      // The server has no GET /items/similar: no suggestions, the form still works.
      await page.waitForResponse((r) => r.url().includes('/api/v1/items/similar?'));
      assert.equal(await page.getByTestId('similar-items').count(), 0);
      const item = await submitAndRead(page);
      assert.equal(item.title, 'Street lamp broken');
      await close();
      return;
    }
    const section = page.getByTestId('similar-items');
    await section.waitFor();
    const row = section.locator(`li[data-item-id="${existing.id}"]`);
    await row.waitFor();
    const follow = row.getByRole('button', { name: en['similar.follow_instead'] });
    await follow.click();
    await row.getByRole('button', { name: en['similar.following'] }).waitFor();
    assert.equal((await pia.call('GET', `/items/${existing.id}`)).following, true);
    await row.getByRole('button', { name: en['similar.following'] }).click();
    await follow.waitFor();
    assert.equal((await pia.call('GET', `/items/${existing.id}`)).following, false);
    const item = await (async () => {
      await page.getByRole('button', { name: en['report_form.submit_anyway'] }).waitFor();
      return submitAndRead(page);
    })();
    assert.equal(item.title, 'Street lamp broken');
    await close();
  });

  test('axe finds nothing on the form, in English and Dutch', async (t) => {
    if (skipUnlessReady(t)) return;
    const found = [];
    for (const lang of ['en', 'nl']) {
      const { page, close } = await open('/spaces/lombok/report', { lang });
      await page.locator('[data-testid=picker-map]').waitFor();
      const words = lang === 'nl' ? nl : en;
      await page.getByRole('heading', { name: fill(words['report_form.title'], { space: 'Lombok' }), level: 1 }).waitFor();
      await page.getByLabel(words['location.address']).fill('Kanaal');
      await page.getByRole('list', { name: words['location.suggestions'] }).waitFor();
      await page.getByLabel(words['location.lat']).fill('52.0913, 5.1042');
      await page.locator('[data-testid=picker-map] .map-marker').waitFor();
      found.push(...(await audit(page, `report form ${lang}`)));
      await close();
    }
    assert.deepEqual(found, []);
  });

  test('nothing went wrong in any page', () => {
    assert.deepEqual(problems, []);
  });
});
