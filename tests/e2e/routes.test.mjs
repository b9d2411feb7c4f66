// Every route of the app, anonymous and signed in, at 360 px and 1440 px:
// each renders a heading and content (never a blank page), and no route
// logs a console error, throws, or makes a request that fails. Key screens
// are saved as PNGs for review.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, logInInBrowser, newPage, screenshot, Server, settled, skipUnlessReady, watch } from './harness.mjs';

const WIDTHS = [360, 1440];

async function seed(server) {
  const ada = await server.member('ada', {
    display_name: 'Ada Lovelace',
    bio: 'Fixes bicycles and writes programs.',
    skills: ['Welding', 'Bicycle repair', 'Python'],
    interests: ['jazz', 'chess'],
    home_place: 'Utrecht Lombok',
  });
  const bob = await server.member('bob', { display_name: 'Bob Jansen', skills: ['Carpentry'], interests: ['jazz'] });
  const carol = await server.member('carol', { display_name: 'Carol Smit', skills: ['Cooking'] });
  const dan = await server.member('dan', { display_name: 'Dan de Vries' });
  await ada.call('POST', '/members/bob/follow');
  await bob.call('POST', '/members/ada/follow');
  await ada.call('POST', '/members/bob/connection');
  await bob.call('POST', '/members/ada/connection');
  await bob.call('POST', '/members/carol/connection');
  await carol.call('POST', '/members/bob/connection');
  await dan.call('POST', '/members/ada/connection'); // a request waiting for Ada
  await ada.call('POST', '/spaces', { name: 'Repair Café', slug: 'repair-cafe', kind: 'community', visibility: 'open', description: 'We fix things together.' });
  await ada.call('POST', '/spaces', { name: 'Garden Team', slug: 'garden', kind: 'team', visibility: 'closed', description: 'The roof garden crew.' });
  await bob.call('POST', '/spaces/repair-cafe/members');
  await carol.call('POST', '/spaces/garden/members'); // a join request
  await bob.call('POST', '/spaces', { name: 'Jazz Club', slug: 'jazz', kind: 'community', visibility: 'open', description: 'Fridays.' });
  await bob.call('POST', '/spaces/jazz/invites', { handle: 'ada' });
  const item = await ada.call('POST', '/items', {
    kind: 'article',
    title: 'How we fixed the lamp',
    body: 'It took **three** Saturdays.\n\n- new cable\n- new switch\n\n#repair #lamps thanks @bob',
    visibility: 'public',
    space: 'repair-cafe',
  });
  await ada.call('POST', '/items', { kind: 'question', title: 'Who has a ladder?', body: 'For the gutter. #repair', visibility: 'members' });
  const reply = await bob.call('POST', `/items/${item.id}/replies`, { body: 'Nice work! The *switch* was the hard part.' });
  await ada.call('POST', `/items/${item.id}/replies`, { body: 'It was.', parent: reply.id });
  await bob.call('PUT', `/items/${item.id}/reactions/like`);
  await carol.call('POST', '/reports', { target_type: 'item', target_id: item.id, reason: 'Testing the queue.' }).catch(() => null);
  await bob.call('POST', '/reports', { target_type: 'reply', target_id: reply.id, reason: 'Just checking.' });
  return { itemId: item.id };
}

describe('every route', { concurrency: false }, () => {
  let server, browser, ids;

  before(async (t) => {
    if (skipUnlessReady(t)) return;
    server = await new Server().start();
    ids = await seed(server);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function visit(page, problems, path, shot) {
    const before = problems.length;
    await page.goto(`${server.url}${path}`);
    await settled(page);
    const heading = await page.locator('#main h1').first().textContent();
    assert.ok(heading && heading.trim(), `${path} has a heading`);
    const text = (await page.locator('#main').innerText()).trim();
    assert.ok(text.length > 20, `${path} is not blank`);
    if (shot) await screenshot(page, shot);
    assert.deepEqual(problems.slice(before), [], `problems on ${path}`);
  }

  for (const width of WIDTHS) {
    test(`anonymous visitor at ${width}px`, async (t) => {
      if (skipUnlessReady(t)) return;
      const { context, page } = await newPage(browser, { width, height: 900 });
      const problems = watch(page);
      const routes = [
        ['/', 'welcome'],
        ['/explore', 'explore'],
        ['/members', null],
        ['/members?skill=welding', null],
        ['/members/ada', 'profile-anonymous'],
        ['/members/ada/followers', null],
        ['/spaces', null],
        ['/spaces/repair-cafe', null],
        [`/items/${ids.itemId}`, null],
        ['/tags/repair', null],
        ['/search?q=lamp', null],
        ['/login', 'login'],
        ['/signup', 'signup'],
        ['/no/such/page', 'not-found'],
      ];
      for (const [path, shot] of routes) await visit(page, problems, path, shot && `${shot}-${width}`);
      // Screens for members send an anonymous visitor to log in, and back after.
      for (const path of ['/notifications', '/settings', '/network', '/profile/edit', '/spaces/new', '/analytics']) {
        await page.goto(`${server.url}${path}`);
        await page.waitForURL(`${server.url}/login?next=${encodeURIComponent(path)}`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`signed-in member at ${width}px`, async (t) => {
      if (skipUnlessReady(t)) return;
      const { context, page } = await newPage(browser, { width, height: 900 });
      const problems = watch(page);
      await logInInBrowser(page, server.url, 'ada');
      const routes = [
        ['/', 'home'],
        ['/explore', null],
        ['/members', 'directory'],
        ['/members?skill=carpentry', null],
        ['/members?interest=jazz', null],
        ['/members/ada', 'profile-self'],
        ['/members/bob', 'profile-other'],
        ['/members/bob/followers', null],
        ['/members/bob/following', null],
        ['/members/bob/connections', null],
        ['/profile/edit', 'profile-edit'],
        ['/network', 'network'],
        ['/spaces', 'spaces'],
        ['/spaces/new', 'space-new'],
        ['/spaces/repair-cafe', 'space'],
        ['/spaces/repair-cafe/members', 'space-members'],
        ['/spaces/repair-cafe/reports', 'moderation-queue'],
        ['/spaces/repair-cafe/settings', null],
        ['/spaces/garden', null],
        ['/spaces/garden/requests', 'join-requests'],
        [`/items/${ids.itemId}`, 'item'],
        ['/tags/repair', null],
        ['/notifications', 'notifications'],
        ['/search?q=repair', 'search'],
        ['/search?q=ada&type=members', null],
        ['/search?q=repair&type=spaces', null],
        ['/settings', 'settings'],
        ['/moderation', null],
        ['/analytics', 'analytics-small'],
        ['/analytics?scope=space:repair-cafe', null],
        ['/analytics?scope=tag:repair', null],
        ['/no/such/page', null],
      ];
      for (const [path, shot] of routes) await visit(page, problems, path, shot && `${shot}-${width}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('the interface switches to Dutch and stays Dutch after a reload', async (t) => {
    if (skipUnlessReady(t)) return;
    const { context, page } = await newPage(browser, { width: 1440, height: 900 });
    const problems = watch(page);
    await logInInBrowser(page, server.url, 'bob');
    await page.goto(`${server.url}/settings`);
    await page.getByLabel('Interface language').selectOption('nl');
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Ruimtes' }).first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    await visit(page, problems, '/', 'home-nl-1440');
    await visit(page, problems, `/items/${ids.itemId}`, 'item-nl-1440');
    await context.close();
  });

  test('keyboard: the skip link comes first and leads to the content', async (t) => {
    if (skipUnlessReady(t)) return;
    const { context, page } = await newPage(browser, { width: 1440, height: 900 });
    await page.goto(`${server.url}/members`);
    await settled(page);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(first, 'Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => !!document.activeElement?.closest('#main'));
    assert.ok(inMain, 'after the skip link, Tab moves within the main content');
    // Every form field on the directory has a label.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')].filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map((el) => el.id || el.name),
    );
    assert.deepEqual(unlabelled, []);
    await context.close();
  });
});
