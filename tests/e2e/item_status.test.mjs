// Moving an item's status in the browser: the asker marks their question
// answered with a note, the status badge changes, the note shows in the
// status history, and the member who replied is told. The kind, statuses
// and labels come from the server's vocabulary and the message files.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, logInInBrowser, messages, newPage, screenshot, Server, settled, skipUnlessReady, waitFor, watch } from './harness.mjs';

const en = messages('en');
const label = (key, vars = {}) => en[key].replace(/\{(\w+)\}/g, (_, name) => vars[name]);

describe('moving an item status in the browser', { concurrency: false }, () => {
  let server, browser, page, problems, asker, helper, kind;

  before(async (t) => {
    if (skipUnlessReady(t)) return;
    server = await new Server().start();
    await server.member('st_admin'); // the first member is the admin: not the asker
    asker = await server.member('st_asker');
    helper = await server.member('st_helper');
    const vocabulary = await (await fetch(`${server.url}/api/v1/vocabulary`)).json();
    kind = vocabulary.kinds.find((k) => k.transitions.some((m) => m.from === k.initial_status && m.by.includes('author')));
    browser = await launchBrowser();
    ({ page } = await newPage(browser, { width: 1280, height: 900 }));
    problems = watch(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the asker marks the question answered with a note', async (t) => {
    if (skipUnlessReady(t)) return;
    const move = kind.transitions.find((m) => m.from === kind.initial_status && m.by.includes('author'));
    const item = await asker.call('POST', '/items', { kind: kind.name, title: 'Who can fix a kettle?', body: 'It clicks but does not heat.' });
    await helper.call('POST', `/items/${item.id}/replies`, { body: 'Try the repair café on Saturday.' });

    await logInInBrowser(page, server.url, 'st_asker');
    await page.goto(`${server.url}/items/${item.id}`);
    await settled(page);
    const badge = page.locator('.item-full .status-badge');
    assert.equal(await badge.textContent(), en[`item.status.${move.from}`]);

    await page.getByLabel(en['status.note_label']).fill('The repair café fixed it: a loose contact.');
    await page.getByRole('button', { name: label('status.move_to', { status: en[`item.status.${move.to}`] }) }).click();
    await waitFor(async () => (await badge.textContent()) === en[`item.status.${move.to}`], { what: 'the badge to show the new status' });
    // The way back is offered now, the move just made is not.
    await page.getByRole('button', { name: label('status.move_to', { status: en[`item.status.${move.from}`] }) }).waitFor();

    await page.getByRole('button', { name: en['status.history'] }).click();
    const entry = page.locator('.status-history li').first();
    await entry.getByText('The repair café fixed it: a loose contact.').waitFor();
    await entry.getByText(label('status.changed', { from: en[`item.status.${move.from}`], to: en[`item.status.${move.to}`] })).waitFor();
    await screenshot(page, 'item-status-1280');

    const stored = await asker.call('GET', `/items/${item.id}`);
    assert.equal(stored.status, move.to);
    const told = (await helper.call('GET', '/notifications')).items.filter((n) => n.kind === 'status_changed');
    assert.deepEqual(
      told.map((n) => [n.item_id, n.actor.handle]),
      [[item.id, 'st_asker']],
    );
    assert.deepEqual(problems, []);
  });

  test('a member who may not move it sees the status and no buttons', async (t) => {
    if (skipUnlessReady(t)) return;
    const item = await asker.call('POST', '/items', { kind: kind.name, body: 'Anyone have a ladder?' });
    const viewed = await helper.call('GET', `/items/${item.id}`);
    assert.deepEqual(viewed.can.move_status, []);
    await page.goto(`${server.url}/items/${item.id}`);
    await settled(page);
    await page.locator('.status-control').waitFor();
    assert.equal(await page.locator('.status-control [data-move-to]').count() > 0, true, 'the asker sees moves');
    // The helper, in a second context, sees none.
    const other = await newPage(browser, { width: 390, height: 844 });
    const otherProblems = watch(other.page);
    await logInInBrowser(other.page, server.url, 'st_helper');
    await other.page.goto(`${server.url}/items/${item.id}`);
    await settled(other.page);
    await other.page.locator('.status-control .status-name').waitFor();
    assert.equal(await other.page.locator('.status-control [data-move-to]').count(), 0);
    assert.deepEqual(otherProblems, []);
    assert.deepEqual(problems, []);
  });
});
