// Accessibility: axe-core's WCAG 2.0/2.1 A and AA rules (labels, names,
// contrast, landmarks, ARIA…) on every route, anonymous and signed in, at
// 360 px and 1440 px, in English and for key screens in Dutch, plus states
// that only show after an action (open menu, form errors, mention
// suggestions, the analyst's member panel). A failure lists each violation
// with its rule, impact and elements, and for contrast the measured ratio.
// Keyboard: the skip link comes first, focus is visible, and a post can be
// written and sent with the keyboard alone.
//
// axe is evaluated in the page through the DevTools protocol (page.evaluate
// of its source), which the page's Content-Security-Policy does not govern:
// the CSP stays in force for the app itself, so a violation of it would
// still show up as a console error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { anonymousRoutes, memberRoutes, seed } from './app_routes.mjs';
import {
  DEMO_PASSWORD,
  launchBrowser,
  logInInBrowser,
  messages,
  newPage,
  Server,
  settled,
  skipUnlessReady,
  waitFor,
  WEB_DIR,
  watch,
} from './harness.mjs';

const WIDTHS = [360, 1440];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Structure rules axe files under best practice rather than a WCAG success
// criterion; they catch landmark and heading mistakes the tags above miss.
const STRUCTURE_RULES = [
  'heading-order',
  'page-has-heading-one',
  'landmark-one-main',
  'landmark-unique',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-main',
  'landmark-banner-is-top-level',
  'landmark-main-is-top-level',
  'region',
];
// Elements a rule judges wrongly go here (CSS selectors), each with the
// reason. None does now: the sigma.js map's canvases hold no text or
// controls for axe to judge (the map is for the mouse; its keyboard
// equivalents, a search box and a ranked list, are audited like the rest).
const EXCLUDE = [];

const en = messages('en');
const nl = messages('nl');

let axeSource = null;
function loadAxe() {
  if (axeSource === null) {
    const file = createRequire(path.join(WEB_DIR, 'package.json')).resolve('axe-core/axe.min.js');
    // A trailing expression, so the evaluation returns a plain value.
    axeSource = `${readFileSync(file, 'utf8')}\n;true`;
  }
  return axeSource;
}

function axeMissing() {
  try {
    loadAxe();
    return null;
  } catch {
    return 'axe-core is not installed (cd web && npm ci)';
  }
}

function skip(t) {
  if (skipUnlessReady(t)) return true;
  const missing = axeMissing();
  if (!missing) return false;
  if (process.env.KRING_WITH_BROWSER === '1') throw new Error(`accessibility tests cannot run: ${missing}`);
  t.skip(missing);
  return true;
}

// Runs axe on the page as it is now; returns one line per failing element.
async function audit(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(loadAxe());
  const violations = await page.evaluate(
    async ({ tags, structure, exclude }) => {
      const rules = Object.fromEntries(structure.map((id) => [id, { enabled: true }]));
      const result = await window.axe.run(
        { exclude: exclude.map((s) => [s]) },
        { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] },
      );
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => {
          const checks = [...n.any, ...n.all, ...n.none];
          const data = checks.find((c) => c.data && typeof c.data === 'object' && 'contrastRatio' in c.data)?.data;
          return {
            target: n.target.join(' '),
            contrast: data ? `${data.contrastRatio}:1 (${data.fgColor} on ${data.bgColor}, ${data.fontSize} ${data.fontWeight}), needs ${data.expectedContrastRatio}` : null,
            summary: data ? null : (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
          };
        }),
      }));
    },
    { tags: WCAG_TAGS, structure: STRUCTURE_RULES, exclude: EXCLUDE },
  );
  const lines = [];
  for (const v of violations) {
    for (const n of v.nodes) lines.push(`${label}: ${v.id} (${v.impact}) ${n.target}: ${n.contrast ?? n.summary} — ${v.help}`);
  }
  return lines;
}

// Fails with every violation, one a line (the first 150 when there are more,
// after a count per rule).
function report(found) {
  if (found.length === 0) return;
  const perRule = {};
  for (const line of found) {
    const rule = /: (\S+) \(/.exec(line)?.[1] ?? 'focus';
    perRule[rule] = (perRule[rule] ?? 0) + 1;
  }
  const counts = Object.entries(perRule).map(([rule, n]) => `${rule}: ${n}`).join(', ');
  const shown = found.slice(0, 150);
  const more = found.length > shown.length ? `\n  … and ${found.length - shown.length} more` : '';
  assert.fail(`${found.length} accessibility violations (${counts}):\n  ${shown.join('\n  ')}${more}\n`);
}

describe('accessibility', { concurrency: false }, () => {
  let server, browser, ids;

  before(async (t) => {
    if (skip(t)) return;
    // The demo community brings an analyst (whose map needs a network) and
    // an admin; the small community of the route tests goes on top of it.
    server = await new Server().start({ demo: { members: 30, seed: 1 } });
    ids = await seed(server);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  // A browser context at one width: signed in as `who` (a handle, or
  // [handle, password]) or anonymous, in `lang`.
  async function open(width, { who = null, lang = 'en', allowStatus } = {}) {
    const { context, page } = await newPage(browser, { width, height: 900 });
    const problems = watch(page, { allowStatus });
    // API requests under way (the notification stream never ends: not it).
    const pending = new Set();
    const api = (req) => req.url().startsWith(`${server.url}/api/`) && !req.url().includes('/api/v1/stream');
    page.on('request', (req) => api(req) && pending.add(req));
    page.on('requestfinished', (req) => pending.delete(req));
    page.on('requestfailed', (req) => pending.delete(req));
    page.pending = pending;
    if (who) {
      const [handle, password] = Array.isArray(who) ? who : [who, undefined];
      await logInInBrowser(page, server.url, handle, password);
    }
    if (lang !== 'en') {
      if (!who) await page.goto(`${server.url}/no-such-page`);
      // The language switch of the settings screen keeps its choice here.
      await page.evaluate((l) => localStorage.setItem('kring.language', l), lang);
      await page.reload();
    }
    return { context, page, problems };
  }

  // Goes to a route the way the app's links do (History API, no reload:
  // quicker than a full load, and axe stays in the page), then waits until
  // the screen has drawn, its requests are answered and nothing loads.
  async function go(page, route) {
    if (!page.url().startsWith(server.url)) await page.goto(`${server.url}${route}`);
    else {
      await page.evaluate((to) => {
        window.history.pushState(null, '', to);
        window.dispatchEvent(new PopStateEvent('popstate'));
        window.scrollTo(0, 0);
      }, route);
    }
    for (let round = 0; round < 2; round++) {
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await waitFor(() => page.pending.size === 0, { what: `the requests of ${route}` });
    }
    await settled(page);
  }

  // Opens a route, waits for it to settle and audits it.
  async function visit(page, route, label) {
    await go(page, route);
    return audit(page, `${label} ${route}`);
  }

  // The same walk at every width at once (one browser context each): the
  // violations of all of them, and no console error or failed request.
  async function atEveryWidth(walk) {
    const results = await Promise.all(WIDTHS.map((width) => walk(width)));
    report(results.flat());
  }

  async function walkRoutes(width, routes, options, label) {
    const { context, page, problems } = await open(width, options);
    const found = [];
    for (const route of routes) found.push(...(await visit(page, route, `${label} ${width}px`)));
    assert.deepEqual(problems, [], `problems (${label} ${width}px)`);
    if (options.lang) assert.equal(await page.locator('html').getAttribute('lang'), options.lang);
    await context.close();
    return found;
  }

  test('every route, anonymous, at 360px and 1440px', async (t) => {
    if (skip(t)) return;
    const routes = anonymousRoutes(ids).map(([route]) => route);
    await atEveryWidth((width) => walkRoutes(width, routes, {}, 'anonymous'));
  });

  test('every route, signed in, at 360px and 1440px', async (t) => {
    if (skip(t)) return;
    const routes = memberRoutes(ids).map(([route]) => route);
    await atEveryWidth((width) => walkRoutes(width, routes, { who: 'ada' }, 'ada'));
  });

  test('moderation as the admin, at 360px and 1440px', async (t) => {
    if (skip(t)) return;
    await atEveryWidth((width) => walkRoutes(width, ['/moderation'], { who: [server.demo.admin, DEMO_PASSWORD] }, 'admin'));
  });

  test('key screens in Dutch, at 360px and 1440px', async (t) => {
    if (skip(t)) return;
    const member = ['/', `/items/${ids.itemId}`, '/members/ada', '/profile/edit', '/network', '/notifications', '/search?q=repair', '/spaces/repair-cafe', '/settings'];
    await atEveryWidth(async (width) => [
      ...(await walkRoutes(width, ['/', '/login', '/signup'], { lang: 'nl' }, 'anonymous nl')),
      ...(await walkRoutes(width, member, { who: 'ada', lang: 'nl' }, 'ada nl')),
    ]);
  });

  // The analyst's dashboard with its figures, charts (their tables open),
  // the map drawn, and a member's panel with the ego network; in English at
  // both widths and in Dutch on the phone, where its longer words wrap most.
  test('network analytics as the analyst, at 360px and 1440px, and in Dutch', async (t) => {
    if (skip(t)) return;
    const runs = [...WIDTHS.map((width) => ['en', width]), ['nl', 360]];
    const results = await Promise.all(
      runs.map(async ([lang, width]) => {
        const label = `analyst ${lang} ${width}px`;
        const words = lang === 'nl' ? nl : en;
        const { context, page, problems } = await open(width, { who: [server.demo.analyst, DEMO_PASSWORD], lang });
        await go(page, '/analytics');
        await page.getByTestId('dashboard').waitFor({ timeout: 60000 });
        await page.locator('[data-testid="map-status"][data-layout="done"]').waitFor({ timeout: 60000 });
        await settled(page);
        await page.evaluate(() => document.querySelectorAll('#main details').forEach((d) => (d.open = true)));
        const found = await audit(page, `${label} /analytics`);
        const first = (await page.getByTestId('top-members').locator('li button').first().innerText()).trim();
        await page.getByLabel(words['analytics.find_label'], { exact: true }).fill(first);
        await page.keyboard.press('Enter');
        await page.getByTestId('ego-network').waitFor();
        await settled(page);
        found.push(...(await audit(page, `${label} /analytics member panel`)));
        assert.deepEqual(problems, [], `problems (${label})`);
        await context.close();
        return found;
      }),
    );
    report(results.flat());
  });

  // States that only show after an action.
  test('menus, errors, suggestions, previews and toasts', async (t) => {
    if (skip(t)) return;
    await atEveryWidth(async (width) => {
      const found = [];
      const label = `${width}px`;
      // A wrong password: the form's error (the API answers 401).
      {
        const { context, page, problems } = await open(width, { allowStatus: (res) => res.status() === 401 || res.status() === 404 });
        await page.goto(`${server.url}/login`);
        await page.getByLabel('Handle or e-mail').fill('ada');
        await page.getByLabel('Password', { exact: true }).fill('not the password');
        await page.getByRole('button', { name: 'Log in' }).click();
        await page.locator('.form-error').waitFor();
        found.push(...(await audit(page, `${label} log-in error`)));
        // What does not exist: an item, a member, a space, a profile tab.
        for (const route of ['/items/999999', '/members/nobody', '/spaces/nothing', '/members/ada/nonsense']) found.push(...(await visit(page, route, `${label} not found`)));
        assert.deepEqual(problems.filter((p) => !/HTTP (401|404)|status of (401|404)/.test(p)), [], `problems (${label} errors)`);
        await context.close();
      }
      const { context, page, problems } = await open(width, { who: 'ada' });
      await page.goto(`${server.url}/`);
      await settled(page);
      // The menu, open (at 360 px it folds away behind its button).
      if (await page.locator('.menu-button').isVisible()) {
        await page.locator('.menu-button').click();
        await page.locator('.site-nav.open').waitFor();
        found.push(...(await audit(page, `${label} open menu`)));
      }
      // The composer with @mention suggestions, then its preview.
      const body = page.getByRole('combobox', { name: en['composer.body'] });
      await body.fill('Thanks @b');
      await body.press('o');
      await page.getByRole('listbox', { name: en['composer.suggestions'] }).getByRole('option').first().waitFor();
      found.push(...(await audit(page, `${label} mention suggestions`)));
      await body.press('Escape');
      await page.getByRole('tab', { name: en['composer.preview'] }).click();
      await page.locator('.composer-preview').waitFor();
      found.push(...(await audit(page, `${label} composer preview`)));
      // The report form on an item, and the toast after sending it.
      await page.goto(`${server.url}/items/${ids.itemId}`);
      await settled(page);
      await page.getByRole('button', { name: en['report.open'] }).first().click();
      await page.getByLabel(en['report.reason']).fill(`Checked at ${width} px.`);
      found.push(...(await audit(page, `${label} report form`)));
      await page.locator('.report-form button[type="submit"]').click();
      await page.locator('.toast').first().waitFor();
      found.push(...(await audit(page, `${label} toast`)));
      assert.deepEqual(problems, [], `problems (${label} states)`);
      await context.close();
      return found;
    });
  });

  // Keyboard alone.
  test('keyboard: the skip link comes first, focus is always visible, and a post is written and sent', async (t) => {
    if (skip(t)) return;
    await atEveryWidth(async (width) => {
      const found = [];
      const label = `keyboard ${width}px`;
      const { context, page, problems } = await open(width, { who: 'ada' });
      await page.goto(`${server.url}/`);
      await settled(page);

      // The first Tab reaches the skip link, shown and legible while focused.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), en['nav.skip']);
      assert.ok(await page.locator('.skip-link').isVisible());
      found.push(...(await audit(page, `${label} focused skip link`)));

      // Every stop of the first stretch of Tab presses shows where focus is.
      const hidden = [];
      let composer = false;
      for (let i = 0; i < 60 && !composer; i++) {
        const focus = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          const shadow = style.boxShadow !== 'none';
          return {
            what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30)}"`,
            visible: el.matches(':focus-visible') && (outline || shadow),
            composer: el.matches('.composer textarea'),
          };
        });
        if (focus && !focus.visible) hidden.push(`${label}: focus not visible on ${focus.what}`);
        composer = !!focus?.composer;
        if (!composer) await page.keyboard.press('Tab');
      }
      found.push(...hidden);
      assert.ok(composer, `${label}: Tab reaches the composer`);

      // Write, pick a mention from the suggestions, and send.
      const text = `Typed at ${width} px, thanks`;
      await page.keyboard.type(`${text} @bo`);
      await page.getByRole('option', { name: /Bob Jansen/ }).waitFor();
      for (let i = 0; i < 6 && (await page.getByRole('option', { name: /Bob Jansen/ }).getAttribute('aria-selected')) !== 'true'; i++) {
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await waitFor(() => page.evaluate(() => document.activeElement?.value?.endsWith('@bob ')), { what: 'the mention picked by keyboard' });
      // Picking puts the caret back in the next frame; let that happen first.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      assert.ok(await page.evaluate(() => document.activeElement?.matches('.composer textarea') && document.activeElement.selectionStart === document.activeElement.value.length), `${label}: the caret is after the mention`);
      let send = false;
      for (let i = 0; i < 10 && !send; i++) {
        await page.keyboard.press('Tab');
        send = await page.evaluate(() => {
          const el = document.activeElement;
          return !!el?.matches('.composer button[type="submit"]') && el.matches(':focus-visible');
        });
      }
      assert.ok(send, `${label}: Tab reaches the send button, visibly focused`);
      await page.keyboard.press('Enter');
      await page.locator('.feed article', { hasText: text }).first().waitFor();
      assert.match(await page.locator('.feed article', { hasText: text }).first().innerText(), /@bob/);

      // The skip link leads into the content: the next Tab stays there.
      await page.reload();
      await settled(page);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => !!document.activeElement?.closest('#main') && document.activeElement.id !== 'main'), `${label}: Tab after the skip link moves within the content`);
      assert.deepEqual(problems, [], `problems (${label})`);
      await context.close();
      return found;
    });
  });
});
