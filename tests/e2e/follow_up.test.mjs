// The "is it fixed?" follow-up in the browser: a week after a report is
// solved its reporter finds the question among their notifications and
// answers it in one click; "no, not yet" reopens the report. The server
// sweeps every second here; the test ages the solved report in the
// database file, as a week would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, logInInBrowser, messages, newPage, screenshot, Server, settled, skipUnlessReady, waitFor, watch } from './harness.mjs';

const en = messages('en');
const DAY_US = 86_400 * 1_000_000;

// Moves the item's latest status change `days` back (Debian's python3 has sqlite3).
function age(server, itemId, days) {
  const db = path.join(server.dir, 'data', 'kring.db');
  const script = `import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10)
with db:
    db.execute("UPDATE item_status_changes SET changed_at = changed_at - ? WHERE id = (SELECT MAX(id) FROM item_status_changes WHERE item_id = ?)", (int(sys.argv[2]), int(sys.argv[3])))`;
  const run = spawnSync('python3', ['-c', script, db, String(days * DAY_US), String(itemId)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ageing the report failed: ${run.stderr}`);
}

describe('answering is it fixed?', { concurrency: false }, () => {
  let server, browser, page, problems, host, reporter;

  before(async (t) => {
    if (skipUnlessReady(t)) return;
    server = await new Server().start({ args: ['--follow-up-interval', '1'] });
    await server.member('fu_admin');
    host = await server.member('fu_host', { display_name: 'Wijkteam' });
    reporter = await server.member('fu_reporter');
    await host.call('POST', '/spaces', { name: 'Lombok', slug: 'lombok', kind: 'neighbourhood', visibility: 'open', description: 'ideas and reports' });
    await reporter.call('POST', '/spaces/lombok/members');
    browser = await launchBrowser();
    ({ page } = await newPage(browser, { width: 1280, height: 900 }));
    problems = watch(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('no, not yet reopens the report', async (t) => {
    if (skipUnlessReady(t)) return;
    const item = await reporter.call('POST', '/items', {
      kind: 'report', space: 'lombok', visibility: 'public', title: 'Street light out', body: 'Dark in front of number 40.',
      category: 'lighting', location: { lat: 52.09195, lon: 5.10372, address: 'Kanaalstraat 40' },
    });
    for (const status of ['acknowledged', 'in_progress', 'solved']) await host.call('POST', `/items/${item.id}/status`, { status });
    age(server, item.id, 8);
    await waitFor(async () => (await reporter.call('GET', '/notifications')).items.some((n) => n.kind === 'fixed_check'), { what: 'the question' });

    await logInInBrowser(page, server.url, 'fu_reporter');
    await page.goto(`${server.url}/notifications`);
    await settled(page);
    const question = page.locator('.notification[data-kind="fixed_check"]');
    await question.getByText(en['notification.fixed_check'].replace('{who}', 'Wijkteam')).waitFor();
    await screenshot(page, 'follow-up-1280');
    await question.getByRole('button', { name: en['follow_up.no'] }).click();
    await question.getByText(en['follow_up.thanks_reopened']).waitFor();
    assert.equal((await reporter.call('GET', `/items/${item.id}`)).status, 'in_progress');
    assert.deepEqual(problems, []);
  });
});
