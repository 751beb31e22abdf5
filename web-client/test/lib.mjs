/*
 * Helpers for the browser tests: Debian's Chromium driven by playwright-core (never a downloaded browser), a fake
 * microphone fed from a WAV file, a recorder/tap on the interview WebSocket, screenshots checked with axe-core,
 * and the Viva API.
 *
 * Each test script runs as `node test/<name>.mjs --base-url=http://localhost:PORT --api-key=KEY
 * --screenshots=DIR [--speech=FILE.wav]`; dev.viva.web.BrowserTest starts the server and runs them.
 */
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split(/=(.*)/s, 2)));
export const base = (args['base-url'] ?? 'http://localhost:8080').replace(/\/$/, '');
export const apiKey = args['api-key'] ?? 'test-recruiter-key';
const screenshots = args.screenshots ?? 'target/screenshots';
mkdirSync(screenshots, { recursive: true });
/** Where the key screens are also saved for the documentation (docs/screenshots), when asked for. */
const docsScreenshots = args['docs-screenshots'];
if (docsScreenshots) mkdirSync(docsScreenshots, { recursive: true });
/** Every socket tapped in this run, so a failure can tell what went over each. */
const taps = [];

/** Flags these machines need (no GPU, no sandbox as root, no network beyond loopback). */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * @param microphone 'fake' (the WAV file as microphone, permission granted), 'denied' (a microphone exists but
 *                   the permission is refused) or 'none' (permission granted, no microphone at all)
 */
export async function launch({ microphone = 'fake', speech = args.speech } = {}) {
  const media = {
    fake: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      ...(speech ? [`--use-file-for-fake-audio-capture=${speech}`] : [])],
    denied: ['--use-fake-device-for-media-stream'],
    none: ['--use-fake-ui-for-media-stream'],
  }[microphone];
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: [...FLAGS, ...media] });
}

/**
 * A page that fails the test on any script error or console error (a Content-Security-Policy violation is one),
 * but those matching {@code page.expectedErrors}.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1180, height: 900 }, ...options });
  // a loaded 2-core machine can take many seconds over one step; a condition that never comes still fails
  context.setDefaultTimeout(60000);
  const page = await context.newPage();
  page.errors = [];
  page.console = [];
  page.on('pageerror', (e) => page.errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    page.console.push(`${m.type()}: ${m.text()}`);
    // a socket the test cut on purpose, or a reconnect attempt while offline, is logged by Chromium as an error
    if (m.type() === 'error' && !/WebSocket connection to .* failed|ERR_INTERNET_DISCONNECTED/.test(m.text())
      && !page.expectedErrors?.test(m.text())) {
      page.errors.push(`console: ${m.text()}`);
    }
  });
  return page;
}

export function assertNoPageErrors(page) {
  check(page.errors.length === 0, `the page reported errors:\n  ${page.errors.join('\n  ')}`);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Saves a screenshot of the screen and checks it with axe-core against WCAG 2.1 A and AA: serious and critical
 * findings (missing labels, too little contrast, ...) fail the test. Evaluated through the driver, axe is not
 * subject to the page's Content-Security-Policy. {@code docs} marks a key screen, also saved to
 * --docs-screenshots when given.
 */
export async function shot(page, name, { audit = true, docs = false } = {}) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  if (docs && docsScreenshots) await page.screenshot({ path: join(docsScreenshots, `${name}.png`), fullPage: true });
  log(`screenshot ${name}.png`);
  if (!audit) return;
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const { violations } = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations.filter((x) => !serious.includes(x))) log(`  axe (${v.impact}) ${v.id}: ${v.help}`);
  check(serious.length === 0, `accessibility of ${name}:\n${serious.map((v) => `  ${v.impact} ${v.id}: ${v.help}\n`
    + v.nodes.slice(0, 3).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n')).join('\n')}`);
}

export function log(message) {
  console.log(`[${new Date().toISOString().slice(11, 23)}] ${message}`);
}

export function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

/** Polls {@code probe} until it returns something truthy; conditions, not timings, decide. */
export async function eventually(what, probe, timeoutMs = 60000) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

/** Signs the console in as an operator, with an API key (people sign in with e-mail and password: accounts.mjs). */
export async function signInWithKey(page, key = apiKey) {
  await page.goto(`${base}/console/`);
  await page.click('text=Use an API key instead');
  await page.fill('#api-key', key);
  await page.click('text=Sign in with the key');
  await page.waitForSelector('#nav:not([hidden])');
}

export async function api(path, { method = 'GET', body, bearer = apiKey } = {}) {
  const response = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export function createInterview(name, role = 'tiny-role', level = 'mid') {
  return api('/api/v1/interviews', {
    method: 'POST',
    body: { candidateName: name, candidateEmail: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, role, level },
  });
}

/** The join link as the server wrote it, pointed at the server under test (its public URL is a test placeholder). */
export function localJoinLink(joinUrl) {
  const url = new URL(joinUrl);
  return `${base}${url.pathname}${url.hash}`;
}

export const CANDIDATE_SOCKET = /\/ws\/interviews\/[0-9a-f-]{36}\?ticket=/;
export const LIVE_SOCKET = /\/ws\/interviews\/[0-9a-f-]{36}\/live\?ticket=/;

export const tapCandidateSocket = (page) => tapSocket(page, CANDIDATE_SOCKET);

/**
 * Taps the sockets of {@code page} whose URL matches {@code pattern}: every message both ways is recorded ({@code fromPage},
 * {@code fromServer}: JSON objects, or {bytes, rms, samples} for binary frames), {@code toPage(message)} injects a server
 * message, {@code drop()} cuts the connection as a network failure would, {@code keepFromServer} and
 * {@code keepFromPage} hold predicates whose matching messages are not passed on, and {@code onPageMessage} is
 * called with each message from the page after it was passed on.
 */
export async function tapSocket(page, pattern) {
  const tap = { fromPage: [], fromServer: [], connections: 0, current: null, keepFromServer: [], keepFromPage: [],
    onPageMessage: () => {} };
  taps.push(tap);
  const decode = (message) => {
    if (typeof message === 'string') return JSON.parse(message);
    const samples = new Int16Array(message.buffer.slice(message.byteOffset, message.byteOffset + (message.byteLength & ~1)));
    let sum = 0;
    for (const s of samples) sum += (s / 32768) ** 2;
    return { bytes: message.byteLength, rms: Math.sqrt(sum / Math.max(1, samples.length)), samples };
  };
  await page.routeWebSocket(pattern, (ws) => {
    const server = ws.connectToServer();
    tap.connections += 1;
    tap.current = { ws, server };
    ws.onMessage((message) => {
      const decoded = decode(message);
      tap.fromPage.push(decoded);
      if (!tap.keepFromPage.some((keep) => keep(decoded))) server.send(message);
      tap.onPageMessage(decoded);
    });
    server.onMessage((message) => {
      const decoded = decode(message);
      tap.fromServer.push(decoded);
      if (!tap.keepFromServer.some((keep) => keep(decoded))) ws.send(message);
    });
    ws.onClose((code, reason) => server.close({ code, reason }));
    server.onClose((code, reason) => ws.close({ code, reason }));
  });
  tap.toPage = (message) => tap.current.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  tap.toPageBinary = (bytes) => tap.current.ws.send(Buffer.from(bytes));
  tap.drop = () => {
    const { ws, server } = tap.current;
    server.close({ code: 1001, reason: 'test: connection dropped' });
    ws.close({ code: 4000, reason: 'test: connection dropped' });
  };
  tap.sent = (type) => tap.fromPage.filter((m) => m.type === type);
  tap.received = (type) => tap.fromServer.filter((m) => m.type === type);
  return tap;
}

/** Runs a test script's body, closing browsers and exiting non-zero with the error on failure. */
export async function run(name, body) {
  const browsers = [];
  const started = Date.now();
  try {
    await body((b) => {
      browsers.push(b);
      return b;
    });
    log(`${name}: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(`${name}: FAILED: ${e.stack ?? e}`);
    process.exitCode = 1;
    // what the pages showed when it failed, for whoever reads the build log
    const pages = browsers.flatMap((b) => b.contexts().flatMap((c) => c.pages()));
    for (const [i, page] of pages.entries()) {
      await shot(page, `FAILED-${name}-${i + 1}`, { audit: false }).catch(() => {});
      console.error(`page ${i + 1} (${page.url()}) errors: ${JSON.stringify(page.errors ?? [])}`);
      console.error(`page ${i + 1} console, last lines: ${JSON.stringify((page.console ?? []).slice(-10))}`);
    }
    for (const [i, tap] of taps.entries()) {
      const types = (messages) => messages.slice(-12).map((m) => m.type ?? `${m.bytes} bytes`).join(', ');
      console.error(`socket tap ${i + 1}: ${tap.connections} connection(s); last from the page: [${types(tap.fromPage)}]; `
        + `last from the server: [${types(tap.fromServer)}]`);
    }
  } finally {
    await Promise.all(browsers.map((b) => b.close().catch(() => {})));
  }
}
