// Hostile content in every place a member can write: script tags, event
// handler attributes, javascript: links, in posts, titles, replies, profile
// fields and space texts. The page must show it as text and run none of it:
// the window flag stays unset, no dialog opens, and the DOM carries no
// script, no on* attribute and no javascript: URL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, logInInBrowser, newPage, Server, settled, skipUnlessReady, watch } from './harness.mjs';

const FLAG = '__kring_pwned';
const HOSTILE = [
  `<script>window.${FLAG}=1</script>`,
  `<img src=x onerror="window.${FLAG}=2">`,
  `<svg onload="window.${FLAG}=3"></svg>`,
  `[click me](javascript:window.${FLAG}=4)`,
  `<a href="javascript:window.${FLAG}=5">also me</a>`,
  `<iframe src="javascript:window.${FLAG}=6"></iframe>`,
  `"><script>alert(7)</script>`,
  `<details open ontoggle="window.${FLAG}=8">`,
  `![x](javascript:window.${FLAG}=9)`,
  `<a href="jav&#x09;ascript:alert(10)">entity</a>`,
].join('\n\n');

async function domIsClean(page) {
  return page.evaluate(() => {
    const found = [];
    const main = document.querySelector('#app');
    for (const el of main.querySelectorAll('*')) {
      if (el.tagName === 'SCRIPT' || el.tagName === 'IFRAME' || el.tagName === 'OBJECT' || el.tagName === 'EMBED') found.push(`<${el.tagName}>`);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name) && /^\s*javascript:/i.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
    return found;
  });
}

describe('hostile content', { concurrency: false }, () => {
  let server, browser, itemId;

  before(async (t) => {
    if (skipUnlessReady(t)) return;
    server = await new Server().start();
    const mallory = await server.member('mallory', {
      display_name: `<img src=x onerror="window.${FLAG}=11">Mallory`,
      bio: `<script>window.${FLAG}=12</script> javascript:alert(13)`,
      skills: ['<b onmouseover=alert(14)>x</b>'],
      home_place: '"><svg onload=alert(15)>',
    });
    await server.member('victim', { display_name: 'Victim' });
    await mallory.call('POST', '/spaces', {
      name: `<script>alert(16)</script>Space`,
      slug: 'hostile',
      kind: 'community',
      visibility: 'open',
      description: `<img src=x onerror=alert(17)>`,
    });
    const item = await mallory.call('POST', '/items', {
      kind: 'article',
      title: `<img src=x onerror="window.${FLAG}=18">Title`,
      body: `${HOSTILE}\n\nHi @victim #tag`,
      visibility: 'public',
      space: 'hostile',
    });
    itemId = item.id;
    await mallory.call('POST', `/items/${item.id}/replies`, { body: HOSTILE });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the page is served with a strict Content-Security-Policy and no inline script', async (t) => {
    if (skipUnlessReady(t)) return;
    const res = await fetch(`${server.url}/items/${itemId}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-(inline|eval)/);
    const html = await res.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'every script is an external file');
  });

  test('nothing hostile runs on any screen that shows it', async (t) => {
    if (skipUnlessReady(t)) return;
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    // Broken images from the hostile markup may 404; only execution matters here.
    const problems = watch(page, { allowStatus: (res) => res.request().resourceType() === 'image' });
    await logInInBrowser(page, server.url, 'victim');
    const paths = [`/items/${itemId}`, '/', '/explore', '/members/mallory', '/members?q=mallory', '/spaces', '/spaces/hostile', '/search?q=click', '/search?q=mallory&type=members', '/notifications', '/tags/tag'];
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await settled(page);
      // Hover and click everything in user content: links, images, details.
      for (const link of await page.locator('.prose a, .prose img, .prose details, .profile-bio, .chip').all()) {
        await link.hover().catch(() => undefined);
        const href = await link.getAttribute('href').catch(() => null);
        if (href !== null && !/^https?:/i.test(href)) await link.click({ modifiers: ['Alt'] }).catch(() => undefined);
      }
      assert.equal(await page.evaluate((f) => window[f], FLAG), undefined, `script ran on ${path}`);
      assert.deepEqual(await domIsClean(page), [], `hostile markup in the DOM on ${path}`);
    }
    // The hostile text is shown as text, not swallowed.
    await page.goto(`${server.url}/members/mallory`);
    await page.getByRole('heading', { name: /Mallory/ }).waitFor();
    assert.match(await page.locator('h1').textContent(), /<img src=x onerror=/);
    assert.deepEqual(problems.filter((p) => !p.startsWith('HTTP 404')), []);
    await context.close();
  });

  test('the composer preview and a posted reply stay inert', async (t) => {
    if (skipUnlessReady(t)) return;
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    const problems = watch(page, { allowStatus: (res) => res.request().resourceType() === 'image' });
    await logInInBrowser(page, server.url, 'victim');
    await page.goto(`${server.url}/`);
    await page.getByLabel('What would you like to share?').fill(HOSTILE);
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.locator('.composer-preview').waitFor();
    await page.locator('.composer-preview').getByText('click me').click();
    assert.equal(await page.evaluate((f) => window[f], FLAG), undefined);
    assert.deepEqual(await domIsClean(page), []);

    await page.goto(`${server.url}/spaces/hostile`);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByRole('button', { name: 'Leave' }).waitFor();
    await page.goto(`${server.url}/items/${itemId}`);
    await page.getByLabel('Your reply').fill(HOSTILE);
    await page.locator('form.reply-form').first().getByRole('button', { name: 'Reply', exact: true }).click();
    await page.locator('.reply').nth(1).waitFor();
    await page.reload();
    await settled(page);
    for (const link of await page.locator('.prose a').all()) await link.click({ modifiers: ['Alt'] }).catch(() => undefined);
    assert.equal(await page.evaluate((f) => window[f], FLAG), undefined);
    assert.deepEqual(await domIsClean(page), []);
    assert.deepEqual(problems.filter((p) => !p.startsWith('HTTP 404')), []);
    await context.close();
  });
});
