// Browser-test harness: a real `kring serve` on a free loopback port with a
// fresh data directory, Debian's Chromium driven by playwright-core, and
// helpers that wait on conditions (never on time).
//
// Environment (set by CMakeLists.txt; defaults suit a checkout):
//   KRING_BIN          the server binary          (build/kring)
//   KRING_WEB_DIST     the built web app          (web/dist)
//   KRING_SCREENSHOTS  where PNGs go              (build/screenshots)
//   CHROMIUM           the browser                (/usr/bin/chromium)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const WEB_DIR = path.join(ROOT, 'web');
export const KRING = process.env.KRING_BIN || path.join(ROOT, 'build/kring');
export const WEB_DIST = process.env.KRING_WEB_DIST || path.join(WEB_DIR, 'dist');
export const SCREENSHOTS = process.env.KRING_SCREENSHOTS || path.join(ROOT, 'build/screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const PASSWORD = process.env.E2E_PASSWORD || 'correct horse battery';

// playwright-core is a dev dependency of web/, so resolve it from there.
const requireFromWeb = createRequire(path.join(WEB_DIR, 'package.json'));

// Whether this machine can run browser tests; when KRING_WITH_BROWSER=1
// (make test, CI) a missing piece is a failure instead of a skip.
export function missingPrerequisite() {
  if (!existsSync(KRING)) return `no server binary at ${KRING}`;
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) return `web app not built at ${WEB_DIST} (cd web && npm ci && npm run build)`;
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  try {
    requireFromWeb.resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed (cd web && npm ci)';
  }
  return null;
}

export function skipUnlessReady(t) {
  const missing = missingPrerequisite();
  if (!missing) return false;
  if (process.env.KRING_WITH_BROWSER === '1') throw new Error(`browser tests cannot run: ${missing}`);
  t.skip(missing);
  return true;
}

export async function waitFor(predicate, { timeout = 20000, what = 'condition', interval = 25 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export const DEMO_PASSWORD = 'kring-demo';

export class Server {
  // With `demo: { members, seed }`, the data directory first gets the demo
  // community (`kring demo`); `this.demo` then names its admin, its analyst
  // and a few ordinary members, as the command prints them. `args` go to
  // `kring serve` after the harness's own.
  async start({ demo, args = [] } = {}) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'kring-e2e-'));
    this.logText = '';
    if (demo) {
      const args = ['demo', '--data', path.join(this.dir, 'data'), '--members', String(demo.members ?? 150), '--seed', String(demo.seed ?? 1)];
      const run = spawnSync(KRING, args, { encoding: 'utf8', timeout: 120000 });
      if (run.status !== 0) throw new Error(`kring demo failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
      const handles = [...run.stdout.matchAll(/^\s+(\S+)(?:\s+\((.+)\))?\s*$/gm)].map((m) => ({ handle: m[1], note: m[2] ?? '' }));
      this.demo = {
        admin: handles.find((h) => h.note.includes('admin'))?.handle,
        analyst: handles.find((h) => h.note.includes('analyst'))?.handle,
        members: handles.filter((h) => !h.note).map((h) => h.handle),
      };
      if (!this.demo.admin || !this.demo.analyst || this.demo.members.length === 0) throw new Error(`unexpected demo output:\n${run.stdout}`);
    }
    this.process = spawn(
      KRING,
      // Rate limits off: a test run registers and posts faster than people do.
      ['serve', '--data', path.join(this.dir, 'data'), '--listen', '127.0.0.1:0', '--web', WEB_DIST, '--no-rate-limits', ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const collect = (chunk) => {
      this.logText += chunk.toString();
    };
    this.process.stdout.on('data', collect);
    this.process.stderr.on('data', collect);
    let exited = null;
    this.process.on('exit', (code) => {
      exited = code;
    });
    const port = await waitFor(
      () => {
        if (exited !== null) throw new Error(`kring serve exited (${exited}):\n${this.logText}`);
        const m = /serving on http:\/\/127\.0\.0\.1:(\d+)/.exec(this.logText);
        return m ? Number(m[1]) : null;
      },
      { what: 'kring serve to listen' },
    );
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop() {
    if (this.process && this.process.exitCode === null) {
      const done = new Promise((resolve) => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      const timer = setTimeout(() => this.process.kill('SIGKILL'), 10000);
      await done;
      clearTimeout(timer);
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  // An existing member's API client, logged in with their password.
  async login(handle, password = PASSWORD) {
    const res = await fetch(`${this.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: handle, password }),
    });
    if (res.status !== 201) throw new Error(`log-in of ${handle} failed: ${res.status} ${await res.text()}`);
    const { token } = await res.json();
    return new ApiClient(this.url, token, handle);
  }

  // A member made over the API (bearer token): quick set-up for scenes the
  // test is not about.
  async member(handle, profile = {}) {
    const res = await fetch(`${this.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ handle, email: `${handle}@example.org`, password: PASSWORD }),
    });
    if (res.status !== 201) throw new Error(`sign-up of ${handle} failed: ${res.status} ${await res.text()}`);
    const { token } = await res.json();
    const api = new ApiClient(this.url, token, handle);
    if (Object.keys(profile).length) await api.call('PATCH', '/me', profile);
    return api;
  }
}

export class ApiClient {
  constructor(url, token, handle) {
    this.url = url;
    this.token = token;
    this.handle = handle;
  }

  // Status and body, for checks that expect an error.
  async raw(method, pathname) {
    const res = await fetch(`${this.url}/api/v1${pathname}`, { method, headers: { Authorization: `Bearer ${this.token}` } });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  }

  async call(method, pathname, body, expected) {
    const res = await fetch(`${this.url}/api/v1${pathname}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 400 && !(expected && expected.includes(res.status))) {
      throw new Error(`${method} ${pathname} -> ${res.status} ${text}`);
    }
    return text ? JSON.parse(text) : null;
  }
}

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser() {
  const { chromium } = requireFromWeb('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS, timeout: 60000 });
}

// Everything that went wrong in a page: console errors, uncaught
// exceptions, failed requests and HTTP errors. Tests assert it stays empty.
export function watch(page, { allowStatus = () => false } = {}) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} @ ${page.url()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message} @ ${page.url()}`));
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText ?? '';
    // Leaving a page aborts its open event stream; that is not a failure.
    if (failure.includes('ERR_ABORTED')) return;
    problems.push(`request failed: ${req.method()} ${req.url()} ${failure}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !allowStatus(res)) problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`unexpected dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

export async function newPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-GB' });
  context.setDefaultTimeout(20000);
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // A full-page shot of a scrolled page would paint the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// Sign up through the form, as a person would.
export async function signUpInBrowser(page, url, handle) {
  await page.goto(`${url}/signup`);
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('E-mail').fill(`${handle}@example.org`);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/profile\/edit/);
}

export async function logInInBrowser(page, url, handle, password = PASSWORD) {
  await page.goto(`${url}/login`);
  await page.getByLabel('Handle or e-mail').fill(handle);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

// The messages of a language, for tests that switch language.
export function messages(lang) {
  return JSON.parse(readFileSync(path.join(WEB_DIR, 'src/i18n', `${lang}.json`), 'utf8'));
}

// The screen has finished loading: the shell is up and no loading state shows.
export async function settled(page) {
  await page.waitForSelector('#main');
  await page.waitForFunction(() => !document.querySelector('.state-loading') && !document.querySelector('[aria-busy="true"]'));
}

// Pixels of a PNG screenshot (8-bit RGB or RGBA, not interlaced: what
// Chromium writes), so tests can check what a canvas actually drew.
export function decodePng(buffer) {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = { 2: 3, 6: 4 }[body[9]];
      if (!channels) throw new Error(`PNG colour type ${body[9]} not supported`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = previous[i];
      const c = i >= channels ? previous[i - channels] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4] = line[x * channels];
      out[(y * width + x) * 4 + 1] = line[x * channels + 1];
      out[(y * width + x) * 4 + 2] = line[x * channels + 2];
      out[(y * width + x) * 4 + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    previous = line;
  }
  return { width, height, data: out };
}
