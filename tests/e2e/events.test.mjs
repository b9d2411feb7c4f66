// Events in the browser: a member finds a space's coming events, opens one,
// sees its time and how full it is, answers going with a guest, lands on
// the waiting list of a full one with their position, cancels and sees the
// list move up; the organiser sees who goes and who waits and checks a
// member in and out; past events sit under their own tab. axe-core audits
// the events list and the event page in English and in Dutch.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { audit, axeMissing } from './axe.mjs';
import { launchBrowser, logInInBrowser, messages, newPage, screenshot, Server, settled, skipUnlessReady, waitFor, watch } from './harness.mjs';

const en = messages('en');
const nl = messages('nl');
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, name) => vars[name]);
const hours = (n) => new Date(Date.now() + n * 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

// An answer refused on purpose (the full event's guests) logs its 409.
const expected = (line) => /HTTP 409: POST .*\/rsvp$/.test(line) || /status of 409/.test(line);

describe('events', { concurrency: false }, () => {
  let server, browser, host, events;
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
    await server.member('ev_admin'); // the first member is the admin
    host = await server.member('ev_host', { display_name: 'Hanna' });
    const pia = await server.member('ev_pia', { display_name: 'Pia' });
    const otto = await server.member('ev_otto', { display_name: 'Otto' });
    await host.call('POST', '/spaces', { name: 'Repair Café', slug: 'cafe', kind: 'community', visibility: 'open', description: 'We fix things.' });
    await pia.call('POST', '/spaces/cafe/members');
    await otto.call('POST', '/spaces/cafe/members');
    const post = (title, starts, ends, extra = {}) =>
      host.call('POST', '/items', { kind: 'event', title, body: `${title}.`, space: 'cafe', visibility: 'public', starts_at: hours(starts), ends_at: hours(ends), ...extra });
    events = {
      soon: await post('Fixing bicycles', 1, 3, { capacity: 4, location: { lat: 52.09, lon: 5.12, address: 'Lombokplein 1, Utrecht' } }),
      full: await post('Sewing evening', 48, 50, { capacity: 1 }),
      past: await post('Lamp workshop', -50, -48),
    };
    await otto.call('POST', `/items/${events.full.id}/rsvp`, {});
    await otto.call('POST', `/items/${events.soon.id}/rsvp`, {});
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
    return { page, close: async () => { problems.push(...seen.filter((p) => !expected(p))); await context.close(); } };
  }

  const panel = (page) => page.locator('.event-panel');
  const rsvp = async (handle, id) => (await server.login(handle)).call('GET', `/items/${id}`).then((i) => i.rsvp);

  test('a member finds the coming events and goes with a guest', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('ev_pia', '/spaces/cafe');
    await page.getByRole('link', { name: en['events.space_link'] }).click();
    await page.getByRole('heading', { name: fill(en['events.space_title'], { space: 'Repair Café' }) }).waitFor();
    await settled(page);
    const titles = await page.locator('.event-row .item-title').allInnerTexts();
    assert.deepEqual(titles, ['Fixing bicycles', 'Sewing evening']);
    await page.getByRole('link', { name: en['events.when_past'] }).click();
    await waitFor(async () => (await page.locator('.event-row .item-title').allInnerTexts()).join('|') === 'Lamp workshop', { what: 'the past event alone' });
    await page.getByRole('link', { name: en['events.when_upcoming'] }).click();
    await page.getByRole('link', { name: 'Fixing bicycles' }).click();
    await panel(page).waitFor();
    assert.match(await panel(page).innerText(), /Lombokplein 1, Utrecht/);
    assert.match(await panel(page).innerText(), new RegExp(fill(en['events.places_taken'], { n: 1, capacity: 4 })));
    await panel(page).getByLabel(en['events.guests']).fill('1');
    await panel(page).getByRole('button', { name: en['events.rsvp'] }).click();
    await panel(page).locator('[data-rsvp-state="going"]').waitFor();
    assert.equal(await panel(page).locator('[data-rsvp-state="going"]').innerText(), fill(en['events.you_go_with.one'], {}));
    assert.deepEqual(await rsvp('ev_pia', events.soon.id).then((r) => [r.my_state, r.my_guests, r.going]), ['going', 1, 3]);
    await screenshot(page, 'event-1280');
    await close();
  });

  test('a full event puts the member on the waiting list, and a cancellation moves them up', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('ev_pia', `/items/${events.full.id}`);
    await panel(page).getByRole('button', { name: en['events.rsvp'] }).click();
    const waiting = panel(page).locator('[data-rsvp-state="waitlisted"]');
    await waiting.waitFor();
    assert.equal(await waiting.innerText(), fill(en['events.you_wait'], { n: 1 }));
    // Otto, going, cancels: Pia, first in line, moves up.
    const otto = await server.login('ev_otto');
    await otto.call('DELETE', `/items/${events.full.id}/rsvp`);
    await page.reload();
    await settled(page);
    await panel(page).locator('[data-rsvp-state="going"]').waitFor();
    assert.equal((await rsvp('ev_pia', events.full.id)).my_state, 'going');
    // Going now, a guest more does not fit: the server's 409 shows as a sentence.
    await panel(page).getByLabel(en['events.guests']).fill('1');
    await panel(page).getByRole('button', { name: en['events.update'] }).click();
    await panel(page).getByText(en['error.event_full']).waitFor();
    assert.equal((await rsvp('ev_pia', events.full.id)).my_guests, 0);
    await panel(page).getByRole('button', { name: en['events.cancel'] }).click();
    await waitFor(async () => (await panel(page).locator('.event-mine').count()) === 0, { what: 'the answer to be withdrawn' });
    assert.equal((await rsvp('ev_pia', events.full.id)).my_state, null);
    await close();
  });

  test('the organiser sees who goes and who waits, and checks members in and out', async (t) => {
    if (skipUnlessReady(t)) return;
    const { page, close } = await as('ev_host', `/items/${events.soon.id}`);
    const going = page.getByRole('region', { name: en['events.going_list'] });
    await going.locator('.attendee[data-handle="ev_otto"]').waitFor();
    assert.deepEqual(await going.locator('.attendee').evaluateAll((rows) => rows.map((r) => r.dataset.handle)), ['ev_otto', 'ev_pia']);
    await page.getByRole('region', { name: en['events.waiting_list'] }).getByText(en['events.nobody_waiting']).waitFor();
    const toggle = going.getByRole('button', { name: fill(en['events.check_in_who'], { who: 'Otto' }) });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    await waitFor(async () => (await toggle.getAttribute('aria-pressed')) === 'true', { what: 'Otto checked in' });
    assert.equal((await rsvp('ev_host', events.soon.id)).checked_in, 1);
    await toggle.click();
    await waitFor(async () => (await toggle.getAttribute('aria-pressed')) === 'false', { what: 'Otto checked out' });
    assert.equal((await rsvp('ev_host', events.soon.id)).checked_in, 0);
    await close();
    // A member who is no organiser has no toggle and no waiting list.
    const member = await as('ev_pia', `/items/${events.soon.id}`);
    await member.page.getByRole('region', { name: en['events.going_list'] }).locator('.attendee').first().waitFor();
    assert.equal(await member.page.getByRole('button', { name: fill(en['events.check_in_who'], { who: 'Otto' }) }).count(), 0);
    assert.equal(await member.page.getByRole('region', { name: en['events.waiting_list'] }).count(), 0);
    await member.close();
  });

  test('axe finds nothing on the events list and the event page, in English and Dutch', async (t) => {
    if (skipUnlessReady(t)) return;
    const found = [];
    for (const [lang, width, pathname, handle] of [
      ['en', 1280, '/events', 'ev_pia'],
      ['nl', 360, '/spaces/cafe/events', 'ev_pia'],
      ['en', 1280, `/items/${events.soon.id}`, 'ev_host'],
      ['nl', 360, `/items/${events.soon.id}`, 'ev_host'],
    ]) {
      const { page, close } = await as(handle, pathname, { lang, width });
      if (pathname.startsWith('/items')) await panel(page).waitFor();
      else await page.locator('.event-row').first().waitFor();
      if (lang === 'nl') {
        assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
        const heading = pathname.startsWith('/items') ? nl['events.panel'] : fill(nl['events.space_title'], { space: 'Repair Café' });
        await page.getByRole('heading', { name: heading }).waitFor();
      }
      found.push(...(await audit(page, `${lang} ${width}px ${pathname}`)));
      await close();
    }
    assert.deepEqual(found, []);
  });

  test('nothing went wrong in any browser', (t) => {
    if (skipUnlessReady(t)) return;
    assert.deepEqual(problems, []);
  });
});
