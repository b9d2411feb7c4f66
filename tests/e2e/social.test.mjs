// The member's journey through the browser, as issue 4 lists it: sign up,
// edit profile, follow and connect, create a space and invite, post with a
// mention, reply (threaded), react, get a live notification in a second
// browser, and find people by skill.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, newPage, screenshot, Server, settled, signUpInBrowser, skipUnlessReady, waitFor, watch } from './harness.mjs';

describe('a member in the browser', { concurrency: false }, () => {
  let server, browser, ada, bob, adaProblems, bobProblems;

  before(async (t) => {
    if (skipUnlessReady(t)) return;
    server = await new Server().start();
    browser = await launchBrowser();
    ada = await newPage(browser, { width: 1280, height: 900 });
    bob = await newPage(browser, { width: 390, height: 844 });
    adaProblems = watch(ada.page);
    bobProblems = watch(bob.page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('signs up and edits the profile with a visibility per field', async (t) => {
    if (skipUnlessReady(t)) return;
    const page = ada.page;
    await signUpInBrowser(page, server.url, 'ada');
    await page.getByText('Welcome, @ada!').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
    await page.getByLabel('About you').fill('Fixes bicycles and writes programs.');
    await page.locator('#pf-skills').fill('Welding');
    await page.locator('#pf-skills').press('Enter');
    await page.locator('#pf-skills').fill('Bicycle repair,');
    await page.locator('#pf-interests').fill('jazz');
    await page.locator('#pf-interests').press('Enter');
    await page.getByLabel('Home place').fill('Utrecht Lombok');
    await page.locator('#vis-home_place').selectOption('connections');
    await screenshot(page, 'profile-edit-1280');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.waitForURL(`${server.url}/members/ada`);
    await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    await page.getByRole('link', { name: 'Welding' }).waitFor();
    await page.getByRole('link', { name: 'Bicycle repair' }).waitFor();
    await page.getByText('Utrecht Lombok').waitFor(); // she sees her own hidden field

    const anonymous = await (await fetch(`${server.url}/api/v1/members/ada`)).json();
    assert.equal(anonymous.display_name, 'Ada Lovelace');
    assert.equal(anonymous.home_place, undefined, 'home place is for connections only');
    assert.deepEqual(anonymous.skills, ['Welding', 'Bicycle repair']);
  });

  test('follows and connects; the other member accepts', async (t) => {
    if (skipUnlessReady(t)) return;
    await signUpInBrowser(bob.page, server.url, 'bob');
    await bob.page.getByLabel('Name', { exact: true }).fill('Bob Jansen');
    await bob.page.getByRole('button', { name: 'Save profile' }).click();
    await bob.page.waitForURL(`${server.url}/members/bob`);

    const page = ada.page;
    await page.goto(`${server.url}/members/bob`);
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByRole('button', { name: 'Unfollow' }).waitFor();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('button', { name: 'Cancel request' }).waitFor();

    await bob.page.goto(`${server.url}/network`);
    const request = bob.page.locator('.member-card', { hasText: 'Ada Lovelace' });
    await request.getByRole('button', { name: 'Accept' }).click();
    await bob.page.getByText('You are now connected with @ada.').waitFor();
    await screenshot(bob.page, 'network-390');

    await page.reload();
    await page.getByRole('button', { name: 'Remove connection' }).waitFor();
    await page.getByText('follows you').waitFor({ state: 'detached' });
    // Bob, now a connection, sees Ada's home place.
    await bob.page.goto(`${server.url}/members/ada`);
    await bob.page.getByText('Utrecht Lombok').waitFor();
  });

  test('creates a closed space and invites a member, who accepts', async (t) => {
    if (skipUnlessReady(t)) return;
    const page = ada.page;
    await page.goto(`${server.url}/spaces`);
    await page.getByRole('link', { name: 'Create a space' }).first().click();
    await page.getByLabel('Name').fill('Repair Café Lombok');
    assert.equal(await page.getByLabel('Address').inputValue(), 'repair-cafe-lombok');
    await page.getByLabel('Kind').selectOption('community');
    await page.getByLabel('Who can find and join').selectOption('closed');
    await page.getByLabel('Description').fill('We fix things together, every Saturday.');
    await page.getByRole('button', { name: 'Create a space' }).click();
    await page.waitForURL(`${server.url}/spaces/repair-cafe-lombok`);
    await page.getByRole('heading', { name: 'Repair Café Lombok' }).waitFor();

    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByLabel('Handle of the member to invite').fill('bob');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByText('@bob has been invited.').waitFor();

    await bob.page.goto(`${server.url}/spaces`);
    await bob.page.getByRole('heading', { name: 'Invitations' }).waitFor();
    await screenshot(bob.page, 'spaces-invitation-390');
    await bob.page.getByRole('button', { name: 'Accept invitation' }).click();
    await bob.page.waitForURL(`${server.url}/spaces/repair-cafe-lombok`);
    await bob.page.getByRole('button', { name: 'Leave' }).waitFor();
  });

  test('declines an invitation to a secret space, which is out of sight again', async (t) => {
    if (skipUnlessReady(t)) return;
    const adaApi = await server.login('ada');
    const { slug } = await adaApi.call('POST', '/spaces', {
      name: 'Verrassingsfeest', slug: 'verrassingsfeest', kind: 'team', visibility: 'secret',
    });
    await adaApi.call('POST', `/spaces/${slug}/invites`, { handle: 'bob' });
    await bob.page.goto(`${server.url}/spaces`);
    const card = bob.page.locator('.space-list li', { hasText: 'Verrassingsfeest' });
    await card.getByRole('button', { name: 'Decline' }).click();
    await bob.page.getByText('You declined the invitation to Verrassingsfeest.').waitFor();
    await card.waitFor({ state: 'detached' });
    const bobApi = await server.login('bob');
    assert.equal((await bobApi.raw('GET', `/spaces/${slug}`)).status, 404);
    assert.deepEqual((await bobApi.call('GET', '/me/invitations')).items, []);
  });

  test('posts in the space with an @mention picked from suggestions', async (t) => {
    if (skipUnlessReady(t)) return;
    const page = ada.page;
    await page.goto(`${server.url}/spaces/repair-cafe-lombok`);
    const body = page.getByLabel('What would you like to share?');
    await body.fill('Saturday we fix the **big** lamp. Thanks ');
    await body.pressSequentially('@bo');
    await page.getByRole('option', { name: /Bob Jansen/ }).waitFor();
    await body.press('Enter');
    assert.match(await body.inputValue(), /Thanks @bob $/);
    await body.pressSequentially('#repair');
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.locator('.composer-preview strong', { hasText: 'big' }).waitFor();
    await page.getByRole('tab', { name: 'Write' }).click();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const card = page.locator('.item-card').first();
    await card.locator('.item-body strong', { hasText: 'big' }).waitFor();
    await card.locator('.chips-tags').getByRole('link', { name: '#repair' }).waitFor();
    await screenshot(page, 'space-1280');
  });

  test('a reply arrives as a live notification in the other browser', async (t) => {
    if (skipUnlessReady(t)) return;
    // Bob has been mentioned; his badge counts it without a reload.
    await bob.page.goto(`${server.url}/`);
    await settled(bob.page);
    const badge = bob.page.getByTestId('header-unread');
    await badge.waitFor();
    const before = Number(await badge.textContent());
    assert.ok(before >= 1, 'the mention is unread');

    // Ada opens her post and replies to nobody in particular... then Bob
    // replies, Ada answers him: his badge goes up while he looks elsewhere.
    await ada.page.locator('.item-card').first().getByRole('link', { name: /repl/ }).click();
    await ada.page.waitForURL(/\/items\/\d+/);
    const itemUrl = ada.page.url().replace(/#.*$/, '');
    await bob.page.goto(itemUrl);
    await bob.page.getByLabel('Your reply').fill('I will bring the *soldering iron*.');
    await bob.page.locator('form.reply-form').first().getByRole('button', { name: 'Reply', exact: true }).click();
    const bobsReply = bob.page.locator('.reply', { hasText: 'soldering iron' });
    await bobsReply.waitFor();

    await bob.page.goto(`${server.url}/members/ada`);
    await settled(bob.page);
    const seen = Number((await bob.page.getByTestId('header-unread').textContent()) ?? '0');

    await ada.page.reload();
    const reply = ada.page.locator('.reply', { hasText: 'soldering iron' });
    await reply.getByRole('button', { name: 'Reply' }).click();
    await reply.getByLabel('Reply to Bob Jansen').fill('Great, see you there!');
    await reply.getByRole('button', { name: 'Reply', exact: true }).last().click();
    await ada.page.locator('.replies.nested .reply', { hasText: 'see you there' }).waitFor();

    await waitFor(async () => Number((await bob.page.getByTestId('header-unread').textContent()) ?? '0') > seen, {
      what: 'the unread badge to go up live',
    });
    await bob.page.locator('.toast', { hasText: 'Ada Lovelace replied to you' }).waitFor();
    await screenshot(bob.page, 'live-notification-390');

    await bob.page.getByRole('link', { name: /Notifications, \d+ unread/ }).click();
    await bob.page.locator('.notification', { hasText: 'Ada Lovelace replied to you' }).first().waitFor();
    await bob.page.locator('.notification', { hasText: 'Ada Lovelace mentioned you' }).first().waitFor();
    await screenshot(bob.page, 'notifications-390');
    // Looking at the list marks it read; the badge goes away.
    await bob.page.getByTestId('header-unread').waitFor({ state: 'detached' });
  });

  test('reacts to the post and to a reply', async (t) => {
    if (skipUnlessReady(t)) return;
    const page = ada.page;
    const like = page.locator('.item-full').getByRole('button', { name: 'Like' });
    await like.click();
    await waitFor(async () => (await like.getAttribute('aria-pressed')) === 'true', { what: 'like to be pressed' });
    await page.locator('.item-full').getByRole('button', { name: 'Celebrate' }).click();
    const replyLike = page.locator('.reply', { hasText: 'soldering iron' }).first().getByRole('button', { name: 'Like' }).first();
    await replyLike.click();
    await waitFor(async () => (await replyLike.getAttribute('aria-pressed')) === 'true', { what: 'reply like to be pressed' });
    await page.reload();
    const liked = page.locator('.item-full').getByRole('button', { name: 'Like' });
    await waitFor(async () => (await liked.getAttribute('aria-pressed')) === 'true', { what: 'the like to persist' });
    assert.equal((await liked.textContent())?.includes('1'), true);
    await screenshot(page, 'item-1280');
  });

  test('edits the post and sees its history', async (t) => {
    if (skipUnlessReady(t)) return;
    const page = ada.page;
    await page.locator('.item-full').getByRole('button', { name: 'Edit' }).click();
    const body = page.locator('.item-full').getByLabel('What would you like to share?');
    await body.fill('Saturday we fix the **small** lamp instead.');
    await page.locator('.item-full').getByRole('button', { name: 'Save' }).click();
    await page.locator('.item-full .item-body strong', { hasText: 'small' }).waitFor();
    await page.locator('.item-full').getByText('edited').waitFor();
    await page.getByRole('button', { name: 'Edit history' }).click();
    await page.locator('.history').getByText(/big/).waitFor();
  });

  test('pages an edit history longer than one page', async (t) => {
    if (skipUnlessReady(t)) return;
    const dora = await server.member('dora');
    const item = await dora.call('POST', '/items', { kind: 'note', body: 'version 0', visibility: 'public' });
    for (let k = 1; k <= 22; k++) await dora.call('PATCH', `/items/${item.id}`, { body: `version ${k}` });
    const page = bob.page;
    await page.goto(`${server.url}/items/${item.id}`);
    await page.getByRole('button', { name: 'Edit history' }).click();
    const versions = page.locator('.history li');
    await versions.nth(19).waitFor();
    assert.equal(await versions.count(), 20, 'one page of 20 revisions first');
    await page.getByRole('button', { name: 'Load more' }).click();
    await versions.nth(21).waitFor();
    assert.equal(await versions.count(), 22);
    await page.locator('.history').getByText('version 0', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Load more' }).count(), 0);
  });

  test('finds people by skill in the directory', async (t) => {
    if (skipUnlessReady(t)) return;
    await server.member('carol', { display_name: 'Carol Smit', skills: ['Cooking'] });
    const page = bob.page;
    await page.goto(`${server.url}/members`);
    await page.getByLabel('Skill').fill('welding');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/skill=welding/);
    await page.getByText('Who knows about “welding”').waitFor();
    const cards = page.locator('.member-card');
    await cards.first().waitFor();
    assert.deepEqual(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-handle'))), ['ada']);
    await screenshot(page, 'directory-skill-390');

    await page.goto(`${server.url}/search?q=repair&type=spaces`);
    await page.locator('.space-card', { hasText: 'Repair Café Lombok' }).waitFor();
  });

  test('nothing went wrong in either browser', (t) => {
    if (skipUnlessReady(t)) return;
    assert.deepEqual(adaProblems, []);
    assert.deepEqual(bobProblems, []);
  });
});
