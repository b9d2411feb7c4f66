// A space's reports queue in the browser: a host finds it from the space
// page, moves a report reported -> acknowledged -> in_progress -> solved with
// a public note and sees it leave one status tab and appear under the next,
// marks a report a duplicate of another by pasting the original's link, and
// downloads the space's open data as CSV from the queue. A member who does
// not host the space finds no link and, opening the URL, a polite note and
// no controls. axe-core audits the queue in English and in Dutch.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { audit, axeMissing } from './axe.mjs';
import { launchBrowser, logInInBrowser, messages, newPage, screenshot, Server, settled, skipUnlessReady, waitFor, watch } from './harness.mjs';

const en = messages('en');
const nl = messages('nl');
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, name) => vars[name]);
const moveTo = (words, status) => fill(words['status.move_to'], { status: words[`item.status.${status}`] });

// RFC 4180 records, for checking the downloaded file (quoted fields may hold commas).
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('the reports queue', { concurrency: false }, () => {
  let server, browser, host, reports;
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
    await server.member('rq_admin'); // the first member is the admin
    host = await server.member('rq_host', { display_name: 'Hanna' });
    const resident = await server.member('rq_resident', { display_name: 'Rik' });
    await host.call('POST', '/spaces', { name: 'Lombok', slug: 'lombok', kind: 'neighbourhood', visibility: 'open', description: 'Our neighbourhood.' });
    await resident.call('POST', '/spaces/lombok/members');
    const report = (title, address) =>
      resident.call('POST', '/items', { kind: 'report', title, body: `${title}: please have a look.`, space: 'lombok', visibility: 'public', category: 'pavement', location: { lat: 52.0907, lon: 5.1, address } });
    reports = {
      stone: await report('Loose paving stone', 'Kanaalstraat 12'),
      lamp: await report('Broken lamp, corner', 'Damstraat 3'),
      lampAgain: await report('Lamp broken again', 'Damstraat 5'),
    };
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
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

  const row = (page, item) => page.locator(`.queue-row[data-item-id="${item.id}"]`);
  const tab = (page, status, words = en) => page.getByRole('group', { name: words['queue.status_filter'] }).getByRole('button', { name: words[`item.status.${status}`], exact: true });
  async function showTab(page, status) {
    await tab(page, status).click();
    await waitFor(async () => (await tab(page, status).getAttribute('aria-pressed')) === 'true', { what: `the ${status} tab` });
    await settled(page);
  }

  test('a host moves a report through its workflow and it changes tabs', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('rq_host', '/spaces/lombok');
    await page.getByRole('link', { name: en['queue.link'] }).click();
    await page.getByRole('heading', { name: fill(en['queue.title'], { space: 'Lombok' }), level: 1 }).waitFor();
    await settled(page);
    assert.equal(await tab(page, 'reported').getAttribute('aria-pressed'), 'true');
    const stone = row(page, reports.stone);
    await stone.waitFor();
    assert.equal(await row(page, reports.lampAgain).count(), 1);
    // newest first
    assert.deepEqual(await page.locator('.queue-row .item-title').allInnerTexts(), ['Lamp broken again', 'Broken lamp, corner', 'Loose paving stone']);
    assert.equal(await stone.locator('[data-category]').innerText(), en['category.pavement']);
    assert.equal(await stone.locator('.queue-address').innerText(), 'Kanaalstraat 12');
    await screenshot(page, 'report-queue-1280');

    const steps = [
      ['reported', 'acknowledged', 'Thanks, we are on it.'],
      ['acknowledged', 'in_progress', ''],
      ['in_progress', 'solved', 'The stone was reset on Monday.'],
    ];
    for (const [from, to, note] of steps) {
      const current = row(page, reports.stone);
      if (note) await current.getByLabel(en['status.note_label']).fill(note);
      // Keyboard: focus the move and press Enter.
      await current.getByRole('button', { name: moveTo(en, to) }).focus();
      await page.keyboard.press('Enter');
      await waitFor(async () => (await row(page, reports.stone).count()) === 0, { what: `the report to leave ${from}` });
      await showTab(page, to);
      await row(page, reports.stone).waitFor();
      assert.equal(await row(page, reports.stone).locator('.status-name').getAttribute('data-status'), to);
    }
    const history = await host.call('GET', `/items/${reports.stone.id}/status-history`);
    assert.deepEqual(history.items.map((c) => [c.to, c.note]), [['solved', 'The stone was reset on Monday.'], ['in_progress', ''], ['acknowledged', 'Thanks, we are on it.']]);
    await close();
  });

  test('a host marks a report a duplicate of another by its link', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('rq_host', '/spaces/lombok/queue');
    const copy = row(page, reports.lampAgain);
    await copy.waitFor();
    // Without the original, the page says what is missing and nothing moves.
    await copy.getByRole('button', { name: moveTo(en, 'duplicate') }).click();
    await copy.getByText(en['error.missing_duplicate_of']).waitFor();
    assert.equal((await host.call('GET', `/items/${reports.lampAgain.id}`)).status, 'reported');

    await copy.getByLabel(en['status.duplicate_of_label']).fill(`${server.url}/items/${reports.lamp.id}`);
    await copy.getByRole('button', { name: moveTo(en, 'duplicate') }).click();
    await waitFor(async () => (await row(page, reports.lampAgain).count()) === 0, { what: 'the duplicate to leave the reported tab' });
    const marked = await host.call('GET', `/items/${reports.lampAgain.id}`);
    assert.deepEqual([marked.status, marked.duplicate_of], ['duplicate', reports.lamp.id]);
    await showTab(page, 'duplicate');
    const moved = row(page, reports.lampAgain);
    await moved.waitFor();
    await moved.locator('.queue-duplicate-of').getByRole('link', { name: en['duplicate.original'] }).click();
    await page.getByRole('heading', { name: 'Broken lamp, corner' }).waitFor();
    await close();
  });

  test('the CSV link downloads the space’s open data', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('rq_host', '/spaces/lombok/queue');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: en['queue.open_data_csv'] }).click()]);
    assert.equal(download.suggestedFilename(), 'lombok-ideas-and-reports.csv');
    const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
    const [header, ...body] = rows;
    assert.deepEqual(header.slice(0, 4), ['id', 'kind', 'title', 'status']);
    assert.ok(!header.includes('email'));
    const byId = Object.fromEntries(body.map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    assert.deepEqual(Object.keys(byId).sort(), [reports.stone.id, reports.lamp.id, reports.lampAgain.id].sort());
    assert.equal(byId[reports.lamp.id].title, 'Broken lamp, corner');
    assert.equal(byId[reports.stone.id].status, 'solved');
    assert.equal(byId[reports.stone.id].last_note, 'The stone was reset on Monday.');
    assert.equal(byId[reports.lampAgain.id].duplicate_of, reports.lamp.id);
    assert.equal(byId[reports.lamp.id].author, 'rq_resident');
    await close();
  });

  test('a member who does not host the space sees no queue and no controls', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('rq_resident', '/spaces/lombok');
    await page.getByRole('heading', { name: 'Lombok', level: 1 }).waitFor();
    assert.equal(await page.getByRole('link', { name: en['queue.link'] }).count(), 0);
    assert.equal(await page.getByRole('link', { name: en['queue.open_data_csv'] }).count(), 1, 'open data is for every reader');
    await page.goto(`${server.url}/spaces/lombok/queue`);
    await settled(page);
    await page.getByText(en['queue.hosts_only']).waitFor();
    assert.equal(await page.locator('.queue-row').count(), 0);
    assert.equal(await page.locator('.status-move').count(), 0);
    await close();
  });

  test('the queue passes axe in English and Dutch', async (t) => {
    if (skipUnlessReady(t)) return;
    const found = [];
    for (const [handle, lang, width] of [['rq_host', 'en', 1280], ['rq_host', 'nl', 360], ['rq_resident', 'nl', 1280]]) {
      const { page, close } = await as(handle, '/spaces/lombok/queue', { lang, width });
      const words = lang === 'nl' ? nl : en;
      await page.getByRole('heading', { name: fill(words['queue.title'], { space: 'Lombok' }), level: 1 }).waitFor();
      if (handle === 'rq_host') {
        await showTabIn(page, words);
        await row(page, reports.stone).waitFor();
        await row(page, reports.stone).getByRole('button', { name: moveTo(words, 'in_progress') }).waitFor();
      } else {
        await page.getByText(words['queue.hosts_only']).waitFor();
      }
      if (lang === 'nl') assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
      found.push(...(await audit(page, `${handle} ${lang} ${width}px`)));
      await close();
    }
    assert.deepEqual(found, []);

    async function showTabIn(page, words) {
      await tab(page, 'solved', words).click();
      await settled(page);
    }
  });

  test('nothing went wrong in any browser', (t) => {
    if (skipUnlessReady(t)) return;
    assert.deepEqual(problems, []);
  });
});
