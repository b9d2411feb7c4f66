// Lending in the browser: a neighbour reserves a ladder on the offer's
// page, its owner lends it with a return date, the date passes (the test
// ages the loan in the database file) and both see it overdue, on the
// offer and on My loans; the owner confirms the return. axe-core audits
// the offer's panel and My loans in English and in Dutch.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { audit, axeMissing } from './axe.mjs';
import { launchBrowser, logInInBrowser, messages, newPage, screenshot, Server, settled, skipUnlessReady, waitFor, watch } from './harness.mjs';

const en = messages('en');
const nl = messages('nl');
const HOUR_US = 3_600 * 1_000_000;

// Moves the item's loan due date back by `hours` (Debian's python3 has sqlite3).
function ageLoan(server, itemId, hours) {
  const db = path.join(server.dir, 'data', 'kring.db');
  const script = `import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10)
with db:
    db.execute("UPDATE loans SET due_at = due_at - ? WHERE item_id = ?", (int(sys.argv[2]), int(sys.argv[3])))`;
  const run = spawnSync('python3', ['-c', script, db, String(hours * HOUR_US), String(itemId)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ageing the loan failed: ${run.stderr}`);
}

describe('lending an offered ladder', { concurrency: false }, () => {
  let server, browser, lender, borrower, offer;
  const problems = [];

  before(async (t) => {
    if (skipUnlessReady(t)) return;
    const missing = axeMissing();
    if (missing) {
      if (process.env.KRING_WITH_BROWSER === '1') throw new Error(missing);
      t.skip(missing);
      return;
    }
    server = await new Server().start({ args: ['--follow-up-interval', '1'] });
    await server.member('ln_admin');
    lender = await server.member('ln_lender', { display_name: 'Lotte' });
    borrower = await server.member('ln_borrower', { display_name: 'Bram' });
    await lender.call('POST', '/spaces', { name: 'Spullendelen', slug: 'spullen', kind: 'neighbourhood', visibility: 'open', description: 'Lend and borrow.' });
    await borrower.call('POST', '/spaces/spullen/members');
    offer = await lender.call('POST', '/items', { kind: 'offer', offer: 'lend', space: 'spullen', visibility: 'public', title: 'A ladder', body: 'Three metres.' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(handle, pathname, { lang = 'en' } = {}) {
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    const seen = watch(page);
    await logInInBrowser(page, server.url, handle);
    if (lang !== 'en') await page.evaluate((l) => localStorage.setItem('kring.language', l), lang);
    await page.goto(`${server.url}${pathname}`);
    await settled(page);
    return { page, close: async () => { problems.push(...seen); await context.close(); } };
  }

  const panel = (page, m = en) => page.getByRole('region', { name: m['lending.title'] });

  test('reserve, lend with a date, overdue, confirm the return', async (t) => {
    if (skipUnlessReady(t)) return;
    const b = await as('ln_borrower', `/items/${offer.id}`);
    const p = panel(b.page);
    await p.getByText(en['lending.mode.lend']).waitFor();
    await p.getByRole('button', { name: en['lending.reserve'] }).click();
    await p.getByRole('button', { name: en['lending.cancel_reservation'] }).waitFor();
    assert.equal(await p.locator('[data-offer-status]').innerText(), en['item.status.reserved']);
    assert.equal((await lender.call('GET', `/items/${offer.id}`)).loan.holder.handle, 'ln_borrower');
    assert.deepEqual(await audit(b.page, 'reserved offer, borrower'), []);
    await b.close();

    const l = await as('ln_lender', `/items/${offer.id}`);
    const lp = panel(l.page);
    await lp.getByText('Bram').waitFor();
    const due = new Date(Date.now() + 3 * 86400000);
    const day = `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`;
    await lp.getByLabel(en['lending.due_label']).fill(day);
    await lp.getByRole('button', { name: en['lending.lend'] }).click();
    await lp.getByRole('button', { name: en['lending.confirm_return'] }).waitFor();
    const lent = await lender.call('GET', `/items/${offer.id}`);
    assert.equal(lent.status, 'lent');
    assert.ok(lent.loan.due_at > new Date().toISOString());
    assert.equal(await lp.locator('.lending-overdue').count(), 0);
    await screenshot(l.page, 'lending-lent-1280');
    assert.deepEqual(await audit(l.page, 'lent offer, lender'), []);

    ageLoan(server, offer.id, 24 * 4);
    await waitFor(async () => (await borrower.call('GET', '/notifications')).items.some((n) => n.kind === 'loan_overdue'), { what: 'the overdue reminder' });
    await l.page.reload();
    await settled(l.page);
    await panel(l.page).locator('.lending-overdue').waitFor();
    await l.close();

    const mine = await as('ln_borrower', '/me/loans');
    const row = mine.page.locator(`.loan[data-loan-state="lent"]`);
    await row.getByRole('link', { name: 'A ladder' }).waitFor();
    await row.getByText(en['lending.overdue']).waitFor();
    await screenshot(mine.page, 'my-loans-1280');
    assert.deepEqual(await audit(mine.page, 'my loans'), []);
    await mine.close();

    const back = await as('ln_lender', `/items/${offer.id}`);
    await panel(back.page).getByRole('button', { name: en['lending.confirm_return'] }).click();
    await waitFor(async () => (await lender.call('GET', `/items/${offer.id}`)).status === 'returned', { what: 'the return' });
    await panel(back.page).locator('[data-offer-status="returned"]').waitFor();
    await back.close();

    const past = await as('ln_borrower', '/me/loans?role=borrowed&state=past');
    await past.page.locator('.loan[data-loan-state="returned"]').getByRole('link', { name: 'A ladder' }).waitFor();
    await past.close();
    assert.deepEqual(problems, []);
  });

  test('the panel and My loans in Dutch', async (t) => {
    if (skipUnlessReady(t)) return;
    const fresh = await lender.call('POST', '/items', { kind: 'offer', offer: 'give', space: 'spullen', visibility: 'public', title: 'Een fiets', body: 'Gratis.' });
    const b = await as('ln_borrower', `/items/${fresh.id}`, { lang: 'nl' });
    const p = panel(b.page, nl);
    await p.getByText(nl['lending.mode.give']).waitFor();
    await p.getByRole('button', { name: nl['lending.reserve'] }).click();
    await p.getByRole('button', { name: nl['lending.cancel_reservation'] }).waitFor();
    assert.deepEqual(await audit(b.page, 'offer in Dutch'), []);
    await b.page.goto(`${server.url}/me/loans`);
    await settled(b.page);
    await b.page.locator('.loan[data-loan-state="reserved"]').getByText(nl['lending.loan_state.reserved']).waitFor();
    assert.deepEqual(await audit(b.page, 'my loans in Dutch'), []);
    await b.close();
    assert.deepEqual(problems, []);
  });
});
