// Every route of the app, anonymous and signed in, at 360 px and 1440 px:
// each renders a heading and content (never a blank page), and no route
// logs a console error, throws, or makes a request that fails. Key screens
// are saved as PNGs for review.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { anonymousRoutes, MEMBER_ONLY, memberRoutes, seed } from './app_routes.mjs';
import { launchBrowser, logInInBrowser, newPage, screenshot, Server, settled, skipUnlessReady, watch } from './harness.mjs';

const WIDTHS = [360, 1440];

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
      const routes = anonymousRoutes(ids);
      for (const [path, shot] of routes) await visit(page, problems, path, shot && `${shot}-${width}`);
      // Screens for members send an anonymous visitor to log in, and back after.
      for (const path of MEMBER_ONLY) {
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
      const routes = memberRoutes(ids);
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
