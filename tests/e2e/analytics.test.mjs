// Network analytics on the demo community: the analyst's dashboard shows the
// figures the API computes (after waiting out the first computation), the
// map draws the network in community colours and answers the mouse, the
// size metric and the ego network follow the analyst's choices, another
// scope can be picked; a member without the analyst role is told why, while
// the host of a space sees that space's network; and "Your network" shows
// suggestions with their reasons and, for hosts, bridging introductions.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  decodePng,
  DEMO_PASSWORD,
  launchBrowser,
  logInInBrowser,
  messages,
  newPage,
  screenshot,
  Server,
  settled,
  skipUnlessReady,
  waitFor,
  watch,
} from './harness.mjs';

const en = messages('en');

// The first community colour (web/src/analytics/palette.ts): the largest community.
const FIRST_COMMUNITY = [0x43, 0x38, 0xca];

function number(text) {
  const cleaned = text.replace(/[−–]/g, '-').replace(/[^\d.\-]/g, '');
  assert.ok(cleaned !== '', `a number in "${text}"`);
  return Number(cleaned);
}

async function figure(page, id) {
  return page.locator(`[data-figure="${id}"] .figure-value`).innerText();
}

function close(actual, expected, tolerance, what) {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: shown ${actual}, API ${expected}`);
}

// Waits until the page has painted twice, so a change reached the canvas.
async function frames(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// The map in full view, below the sticky header (which carries the brand
// in the first community's indigo).
async function showMap(page) {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="network-map"]');
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 140);
  });
  await frames(page);
}

async function mapPixels(page) {
  const png = await page.locator('[data-testid="network-map"]').screenshot();
  return decodePng(png);
}

// A point well inside a node drawn in the given colour: every pixel within
// three pixels has that colour, so no label or edge covers it.
function nodeInterior(image, rgb) {
  const near = (x, y) => {
    const i = (y * image.width + x) * 4;
    return Math.abs(image.data[i] - rgb[0]) <= 4 && Math.abs(image.data[i + 1] - rgb[1]) <= 4 && Math.abs(image.data[i + 2] - rgb[2]) <= 4;
  };
  for (let y = 4; y < image.height - 4; y++) {
    for (let x = 4; x < image.width - 4; x++) {
      if (!near(x, y)) continue;
      let inside = true;
      for (let dy = -3; dy <= 3 && inside; dy++) for (let dx = -3; dx <= 3 && inside; dx++) inside = near(x + dx, y + dy);
      if (inside) return { x, y };
    }
  }
  return null;
}

function countColour(image, rgb) {
  let n = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (Math.abs(image.data[i] - rgb[0]) <= 4 && Math.abs(image.data[i + 1] - rgb[1]) <= 4 && Math.abs(image.data[i + 2] - rgb[2]) <= 4) n++;
  }
  return n;
}

function differentPixels(a, b) {
  assert.equal(a.data.length, b.data.length, 'same size');
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) n++;
  }
  return n;
}

describe('network analytics', { concurrency: false }, () => {
  let server, browser, analystApi;

  before(async (t) => {
    if (skipUnlessReady(t)) return;
    server = await new Server().start({ demo: { members: 150, seed: 1 } });
    // Logging in computes nothing: the first network request is still the page's.
    analystApi = await server.login(server.demo.analyst, DEMO_PASSWORD);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the analyst waits out the first computation, then sees the figures the API computed', async (t) => {
    if (skipUnlessReady(t)) return;
    const { context, page } = await newPage(browser, { width: 1440, height: 1000 });
    const problems = watch(page);
    await logInInBrowser(page, server.url, server.demo.analyst, DEMO_PASSWORD);
    await page.getByRole('link', { name: en['nav.analytics'] }).click();
    await page.waitForURL(/\/analytics$/);
    // A fresh server has computed nothing yet: the API answers 202 and the
    // page says it is computing until the figures arrive.
    await page.getByTestId('computing').getByText(en['analytics.computing']).waitFor();
    await page.getByTestId('dashboard').waitFor({ timeout: 60000 });

    const m = await analystApi.call('GET', '/network/metrics?scope=instance');
    const g = m.graph;
    assert.ok(g.nodes >= 150 && g.edges > 0, 'the demo network has members and ties');

    assert.equal(number(await figure(page, 'nodes')), g.nodes);
    assert.equal(number(await figure(page, 'edges')), g.edges);
    assert.equal(number(await figure(page, 'components')), g.components);
    assert.equal(number(await figure(page, 'communities')), g.communities);
    assert.equal(number(await figure(page, 'diameter')), g.diameter);
    assert.equal(number(await figure(page, 'metcalfe_potential')), g.metcalfe_potential);
    assert.equal(g.metcalfe_potential, (g.nodes * (g.nodes - 1)) / 2, "Metcalfe's n(n-1)/2");
    close(number(await figure(page, 'density')) / 100, g.density, 0.00006, 'density');
    close(number(await figure(page, 'average_clustering')), g.average_clustering, 0.0006, 'clustering');
    close(number(await figure(page, 'modularity')), g.modularity, 0.0006, 'modularity');
    close(number(await figure(page, 'assortativity')), g.assortativity, 0.0006, 'assortativity');
    close(number(await figure(page, 'average_path_length')), g.average_path_length, 0.006, 'average path length');
    for (const role of ['hub', 'broker', 'member', 'peripheral', 'isolate']) {
      const shown = await page.locator(`[data-figure="roles"] [data-role="${role}"] [data-count]`).innerText();
      assert.equal(number(shown), m.roles[role] ?? 0, `${role} count`);
    }

    // The charts carry the same numbers: the degree distribution's table
    // and the community bars.
    const degreeRows = await page.locator('[data-testid="degree-chart"] tbody tr').count();
    assert.equal(degreeRows, m.degree_distribution.length);
    assert.equal(await page.locator('[data-testid="degree-chart"] svg circle').count(), m.degree_distribution.filter((d) => d.degree > 0).length);
    const communities = await analystApi.call('GET', '/network/communities?scope=instance');
    const bars = await page.locator('[data-testid="community-chart"] .bar-row[data-size]').evaluateAll((rows) => rows.map((r) => Number(r.dataset.size)));
    assert.deepEqual(bars, communities.items.slice(0, 12).map((c) => c.size));
    assert.equal(await page.locator('[data-testid="history-chart"] tbody tr').count(), m.history.length);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the map draws the network in community colours, and a node answers hover and click', async (t) => {
    if (skipUnlessReady(t)) return;
    const { context, page } = await newPage(browser, { width: 1440, height: 1000 });
    const problems = watch(page);
    await logInInBrowser(page, server.url, server.demo.analyst, DEMO_PASSWORD);
    await page.goto(`${server.url}/analytics`);
    await page.locator('[data-testid="network-map"] canvas').first().waitFor();
    const graph = await analystApi.call('GET', '/network/graph?scope=instance&max_nodes=5000');
    const communities = await analystApi.call('GET', '/network/communities?scope=instance');
    const status = await page.getByTestId('map-status').innerText();
    assert.match(status, new RegExp(`^${graph.nodes.length.toLocaleString('en-GB')} members, ${graph.edges.length.toLocaleString('en-GB')} ties\\.`));
    // The layout runs to its bound and stops.
    await page.locator('[data-testid="map-status"][data-layout="done"]').waitFor({ timeout: 60000 });
    await screenshot(page, 'analytics-1440');
    await showMap(page);

    let image = await mapPixels(page);
    assert.ok(countColour(image, FIRST_COMMUNITY) > 200, 'the largest community is drawn in its colour');
    const spot = nodeInterior(image, FIRST_COMMUNITY);
    assert.ok(spot, 'a node of the largest community is visible');
    const box = await page.getByTestId('network-map').boundingBox();
    await page.mouse.move(box.x + spot.x, box.y + spot.y);
    const tooltip = page.getByTestId('map-tooltip');
    await tooltip.waitFor();
    const hovered = /@(\S+)/.exec(await tooltip.innerText())[1];
    const node = graph.nodes.find((n) => n.id === hovered);
    assert.ok(node, `the hovered node @${hovered} is in the graph`);
    assert.equal(node.community, communities.items[0].id, 'the node under the colour of the largest community belongs to it');
    assert.match(await tooltip.innerText(), new RegExp(en[`analytics.role.${node.role}`]));

    await page.mouse.click(box.x + spot.x, box.y + spot.y);
    const panel = page.getByTestId('member-panel');
    await panel.waitFor();
    assert.equal(await panel.getAttribute('data-handle'), hovered);
    await page.getByTestId('ego-network').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the size metric re-sizes the map and re-ranks the list; a member opens their ego network', async (t) => {
    if (skipUnlessReady(t)) return;
    const { context, page } = await newPage(browser, { width: 1440, height: 1000 });
    const problems = watch(page);
    await logInInBrowser(page, server.url, server.demo.analyst, DEMO_PASSWORD);
    await page.goto(`${server.url}/analytics`);
    await page.locator('[data-testid="map-status"][data-layout="done"]').waitFor({ timeout: 60000 });
    const graph = await analystApi.call('GET', '/network/graph?scope=instance&max_nodes=5000');
    const highest = (metric) => [...graph.nodes].sort((a, b) => b[metric] - a[metric] || a.id.localeCompare(b.id))[0].id;

    const top = page.getByTestId('top-members');
    assert.equal(await top.locator('li button').first().innerText(), `@${highest('degree')}`);
    await showMap(page);
    const before = await mapPixels(page);

    await page.getByLabel(en['analytics.size_by'], { exact: true }).selectOption('betweenness');
    await page.getByRole('heading', { name: en['analytics.top_by'].replace('{metric}', en['analytics.metric.betweenness']) }).waitFor();
    assert.equal(await top.locator('li button').first().innerText(), `@${highest('betweenness')}`);
    await frames(page);
    const afterChange = await mapPixels(page);
    assert.ok(differentPixels(before, afterChange) > 200, 'the nodes were drawn at new sizes');

    // Keyboard: find a member by handle and open their details.
    const target = highest('pagerank');
    await page.getByLabel(en['analytics.find_label'], { exact: true }).fill(`@${target}`);
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('member-panel');
    await panel.waitFor();
    assert.equal(await panel.getAttribute('data-handle'), target);
    await page.getByTestId('ego-network').waitFor();

    const api = await analystApi.call('GET', `/network/members/${target}?scope=instance`);
    assert.equal(await page.getByTestId('member-role').innerText(), en[`analytics.role.${api.metrics.role}`]);
    assert.equal(number(await panel.locator('[data-metric="degree"] dd').innerText()), api.metrics.degree);
    close(number(await panel.locator('[data-metric="pagerank"] dd').innerText()), api.metrics.pagerank, 0.0006, 'pagerank');
    // The ring holds the strongest ties (at most 60) plus the member at its centre.
    assert.equal(await panel.locator('.ego-svg circle').count(), Math.min(60, api.ego.nodes.length) + 1);
    const weights = new Map(api.ego.edges.filter(([a]) => a === target).map(([, b, w]) => [b, w]));
    const strongest = [...weights.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    assert.equal(await panel.locator('.tie-list li button').first().innerText(), `@${strongest}`);
    const among = api.ego.edges.filter(([a, b]) => a !== target && b !== target).length;
    assert.match(await panel.locator('.ego p').first().innerText(), new RegExp(`^${among.toLocaleString('en-GB')} of `));

    // A neighbour in the list opens theirs.
    await panel.locator('.tie-list li button').first().click();
    await page.locator(`[data-testid="member-panel"][data-handle="${strongest}"] [data-testid="ego-network"]`).waitFor();
    await screenshot(page, 'analytics-member-1440');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('another scope: a space picked from the selector shows its own network', async (t) => {
    if (skipUnlessReady(t)) return;
    const { context, page } = await newPage(browser, { width: 1440, height: 1000 });
    const problems = watch(page);
    await logInInBrowser(page, server.url, server.demo.analyst, DEMO_PASSWORD);
    const spaces = await analystApi.call('GET', '/spaces?limit=100');
    const space = spaces.items.find((s) => s.visibility === 'open');
    assert.ok(space, 'the demo has an open space');
    await page.goto(`${server.url}/analytics`);
    await page.getByTestId('dashboard').waitFor({ timeout: 60000 });
    await page.getByLabel(en['analytics.scope_label'], { exact: true }).selectOption(`space:${space.slug}`);
    await page.getByRole('button', { name: en['analytics.show'] }).click();
    await page.waitForURL((u) => u.searchParams.get('scope') === `space:${space.slug}`);
    await page.getByTestId('scope-heading').filter({ hasText: space.name }).waitFor();
    await page.getByTestId('dashboard').waitFor({ timeout: 60000 });
    const m = await waitFor(async () => {
      const r = await analystApi.raw('GET', `/network/metrics?scope=space:${space.slug}`);
      return r.status === 200 ? r.body : null;
    }, { what: 'the space network' });
    assert.equal(number(await figure(page, 'nodes')), m.graph.nodes);
    assert.equal(number(await figure(page, 'edges')), m.graph.edges);
    assert.ok(m.graph.nodes <= space.member_count, 'a space network holds only its members');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('after the network changes, the page says so and offers the new figures', async (t) => {
    if (skipUnlessReady(t)) return;
    const current = await waitFor(async () => {
      const r = await analystApi.raw('GET', '/network/metrics?scope=instance');
      return r.status === 200 && !r.body.stale ? r.body : null;
    }, { what: 'up-to-date figures' });
    const a = await server.member('fresh_a');
    const b = await server.member('fresh_b');
    await a.call('POST', '/members/fresh_b/connection');
    await b.call('POST', '/members/fresh_a/connection');

    const { context, page } = await newPage(browser, { width: 1440, height: 900 });
    const problems = watch(page);
    await logInInBrowser(page, server.url, server.demo.analyst, DEMO_PASSWORD);
    await page.goto(`${server.url}/analytics`);
    await page.getByTestId('dashboard').waitFor();
    // The cached figures come first, marked as out of date.
    assert.equal(number(await figure(page, 'edges')), current.graph.edges);
    const notice = page.getByTestId('stale');
    await notice.waitFor();
    await notice.getByRole('button', { name: en['analytics.refresh'] }).click();
    const fresh = await analystApi.call('GET', '/network/metrics?scope=instance');
    assert.equal(fresh.graph.edges, current.graph.edges + 1, 'one new tie');
    await waitFor(async () => number(await figure(page, 'edges')) === fresh.graph.edges, { what: 'the new tie count on the page' });
    assert.equal(number(await figure(page, 'nodes')), fresh.graph.nodes);
    await page.locator('[data-testid="map-status"]').filter({ hasText: `${fresh.graph.edges.toLocaleString('en-GB')} ties` }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('at 360 px the screen fits the phone and keeps its controls', async (t) => {
    if (skipUnlessReady(t)) return;
    const { context, page } = await newPage(browser, { width: 360, height: 800 });
    const problems = watch(page);
    await logInInBrowser(page, server.url, server.demo.analyst, DEMO_PASSWORD);
    await page.goto(`${server.url}/analytics`);
    await page.locator('[data-testid="map-status"][data-layout="done"]').waitFor({ timeout: 60000 });
    await settled(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
    for (const label of ['analytics.scope_label', 'analytics.size_by', 'analytics.colour_by', 'analytics.find_label']) {
      assert.ok(await page.getByLabel(en[label], { exact: true }).isVisible(), `${en[label]} is visible`);
    }
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('#main input, #main select')].filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map((el) => el.id),
    );
    assert.deepEqual(unlabelled, []);
    await screenshot(page, 'analytics-360');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a member without the analyst role is told why; as host of a space they see its network', async (t) => {
    if (skipUnlessReady(t)) return;
    const handle = server.demo.members[0];
    const memberApi = await server.login(handle, DEMO_PASSWORD);
    assert.equal((await memberApi.call('GET', '/me')).role, 'member');
    // The server's answer that the page explains.
    assert.equal((await memberApi.raw('GET', '/network/metrics?scope=instance')).status, 403);

    const { context, page } = await newPage(browser, { width: 1440, height: 900 });
    const problems = watch(page);
    await logInInBrowser(page, server.url, handle, DEMO_PASSWORD);
    assert.equal(await page.getByRole('link', { name: en['nav.analytics'] }).count(), 0, 'no Analytics link for a member');
    await page.goto(`${server.url}/analytics`);
    const state = page.getByTestId('analytics-forbidden');
    await state.waitFor();
    await state.getByRole('heading', { name: en['analytics.forbidden_title'] }).waitFor();
    assert.match(await state.innerText(), /analyst/);
    assert.equal(await page.getByTestId('dashboard').count(), 0);
    await screenshot(page, 'analytics-forbidden-1440');

    // Hosting a space opens that space's network, and only that.
    await memberApi.call('POST', '/spaces', { name: 'Tool Library', slug: 'tool-library', kind: 'community', visibility: 'open', description: 'Lend and borrow tools.' });
    const other = await server.login(server.demo.members[1], DEMO_PASSWORD);
    await other.call('POST', '/spaces/tool-library/members');
    await page.goto(`${server.url}/analytics`);
    await state.getByRole('link', { name: 'Tool Library' }).click();
    await page.waitForURL((u) => u.searchParams.get('scope') === 'space:tool-library');
    await page.getByTestId('dashboard').waitFor({ timeout: 60000 });
    assert.equal(number(await figure(page, 'nodes')), 2);
    // The space page links its hosts here.
    await page.goto(`${server.url}/spaces/tool-library`);
    await page.getByRole('link', { name: en['space.network_analytics'] }).click();
    await page.getByTestId('dashboard').waitFor({ timeout: 60000 });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Your network shows people you may know with the reasons, and introductions for hosts', async (t) => {
    if (skipUnlessReady(t)) return;
    // A newcomer in a community the analyst hosts has no ties there yet:
    // the analyst gets an introduction that would tie them in.
    const spaces = await analystApi.call('GET', '/spaces?limit=100');
    let hosted = spaces.items.find((s) => (s.my_role === 'owner' || s.my_role === 'moderator') && s.kind !== 'team');
    if (!hosted) {
      hosted = await analystApi.call('POST', '/spaces', { name: 'Neighbours', slug: 'neighbours', kind: 'neighbourhood', visibility: 'open', description: 'The street.' });
      for (const h of server.demo.members) await (await server.login(h, DEMO_PASSWORD)).call('POST', `/spaces/${hosted.slug}/members`);
    }
    const newcomer = await server.member('newcomer', { display_name: 'New Comer' });
    await newcomer.call('POST', `/spaces/${hosted.slug}/members`);
    const suggestions = await analystApi.call('GET', '/me/suggestions');
    assert.ok(suggestions.connect.length > 0, 'the analyst has people to meet');
    const bridge = suggestions.bridges.find((b) => b.member.handle === 'newcomer');
    assert.ok(bridge, 'the newcomer gets an introduction');

    const { context, page } = await newPage(browser, { width: 1440, height: 900 });
    const problems = watch(page);
    await logInInBrowser(page, server.url, server.demo.analyst, DEMO_PASSWORD);
    await page.goto(`${server.url}/network`);
    const list = page.getByTestId('connect-suggestions');
    await list.waitFor();
    const cards = list.locator(':scope > li');
    assert.equal(await cards.count(), suggestions.connect.length);
    for (let i = 0; i < suggestions.connect.length; i++) {
      const s = suggestions.connect[i];
      const card = cards.nth(i);
      assert.equal(await card.getAttribute('data-handle'), s.handle);
      const { mutual_connections: mutual, shared_skills: skills, shared_spaces: shared } = s.reason;
      const reason = (kind) => card.locator(`[data-reason="${kind}"]`);
      assert.equal(await reason('mutual').count(), mutual.length ? 1 : 0);
      if (mutual.length) {
        const text = await reason('mutual').innerText();
        assert.match(text, new RegExp(`^${mutual.length} mutual connection`));
        for (const h of mutual.slice(0, 3)) assert.ok(text.includes(`@${h}`), `mutual @${h} named`);
      }
      assert.equal(await reason('skills').count(), skills.length ? 1 : 0);
      for (const skill of skills) assert.ok((await reason('skills').innerText()).includes(skill), `skill ${skill} named`);
      assert.equal(await reason('spaces').count(), shared.length ? 1 : 0);
      for (const slug of shared.slice(0, 3)) assert.ok((await reason('spaces').innerText()).includes(slug), `space ${slug} named`);
    }

    const card = page.locator(`[data-testid="bridge-suggestions"] [data-member="newcomer"]`);
    await card.waitFor();
    assert.equal(await card.getAttribute('data-bridge'), bridge.bridge.handle);
    assert.match(await card.locator('.reach-text').innerText(), new RegExp(`${bridge.reach_before} → ${bridge.reach_after} members`));
    assert.match(await card.innerText(), new RegExp(en['suggest.position.isolate']));
    await screenshot(page, 'suggestions-1440');

    // Connecting from a suggestion sends the request and takes the card away.
    const first = suggestions.connect[0].handle;
    await cards.first().getByRole('button', { name: en['tie.connect'] }).click();
    await page.locator(`[data-testid="connect-suggestions"] > li[data-handle="${first}"]`).waitFor({ state: 'detached' });
    const other = await analystApi.call('GET', `/members/${first}`);
    assert.equal(other.relationship.connection, 'requested');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
