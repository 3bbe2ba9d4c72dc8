// End-to-end test of the dashboard (issue 6): builds a store from the seed
// pages, starts `ceasewatch serve` on a free loopback port, drives Debian's
// chromium through playwright-core and checks what a user sees: the map's
// markers, an incident's claims side by side with the sources' words, the
// article reader, the timeline and type filters, the provisions view, and
// that the page asked for nothing outside loopback.
//
//   node dashboard_test.mjs --ceasewatch BIN --seeds DIR --out DIR
//                           [--web DIR] [--chromium PATH] [--url URL]
//
// --url tests an already running server instead (no store, no serve).
// Exit: 0 pass, 1 fail, 77 skip (the seed pages are absent: ../shared is
// not beside the checkout). Screenshots: OUT/dashboard.png (an incident
// open) and OUT/dashboard-provisions.png.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const SKIP = 77;

function parseArgs(argv) {
  const args = { web: join(root, 'web', 'dist'), chromium: '/usr/bin/chromium', out: process.cwd() };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in { ceasewatch: 1, seeds: 1, out: 1, web: 1, chromium: 1, url: 1 }) || argv[i + 1] === undefined) {
      console.error(`usage: dashboard_test.mjs --ceasewatch BIN --seeds DIR --out DIR [--web DIR] [--chromium PATH] [--url URL]; bad: ${argv[i]}`);
      process.exit(2);
    }
    args[key] = argv[i + 1];
  }
  return args;
}

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
  return ok;
}

const isLoopback = (url) => {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(hostname);
};

function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

async function waitForServer(base, child, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`ceasewatch serve exited with ${child.exitCode}`);
    try { const r = await fetch(`${base}/api/incidents?limit=1`); if (r.ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${base} within ${ms} ms`);
}

async function getJSON(base, path) {
  const r = await fetch(base + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
}

// Builds the store and starts the server; returns {base, stop}.
async function startServer(args, tmp) {
  const db = join(tmp, 'seeds.db');
  const ingest = spawnSync(args.ceasewatch, ['ingest', '--db', db, args.seeds], { encoding: 'utf8' });
  if (ingest.status !== 0 && ingest.status !== 1) throw new Error(`ingest failed (${ingest.status}): ${ingest.stderr}`);
  let lastErr;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const child = spawn(args.ceasewatch, ['serve', '--db', db, '--port', String(port), '--web', args.web],
      { stdio: ['ignore', 'inherit', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForServer(base, child, 20000);
      return { base, stop: () => child.kill('SIGTERM') };
    } catch (err) { lastErr = err; child.kill('SIGKILL'); }
  }
  throw lastErr;
}

async function run(args, base) {
  const require = createRequire(join(root, 'web', 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: args.chromium,
    headless: true,
    chromiumSandbox: false, // --no-sandbox: CI runs as root
    // Small /dev/shm in containers: chromium writes its shared memory to /tmp.
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const blocked = []; const seen = []; const pageErrors = []; const badResponses = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // Offline: every request leaving loopback is aborted and recorded.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      seen.push(url);
      if (isLoopback(url)) return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    // /api/types is optional: its 404 (logged by chromium) is no error.
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.location().url.includes('/api/types')) pageErrors.push(`console: ${msg.text()}`);
    });
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().includes('/api/types')) badResponses.push(`${r.status()} ${r.url()}`); });
    page.setDefaultTimeout(15000);

    const api = await getJSON(base, '/api/incidents?limit=1000');
    check(api.total > 0 && api.incidents.length > 0, `the API lists incidents (${api.total})`);
    const placed = api.incidents.reduce((n, i) => n + (i.locations || []).filter((l) => typeof l.lat === 'number').length, 0);

    // Load: the map, its markers, the boundaries, the legend.
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('[data-testid="incident-marker"]');
    const markers = await page.locator('[data-testid="incident-marker"]').count();
    check(markers === placed, `one marker per placed incident location (${markers} of ${placed})`);
    check(await page.locator('[data-testid="status"]').getAttribute('data-total') === String(api.total), 'status shows the API total');
    const paths = await page.locator('.leaflet-overlay-pane path').count();
    check(paths - markers >= 50, `boundaries drawn (${paths - markers} shapes)`);
    check((await page.locator('[data-testid="map-attribution"]').textContent()).includes("Who's On First"), 'map attribution names Who\'s On First');
    check(await page.locator('[data-testid="legend-row"]').count() > 0, 'legend lists the types');
    check(await page.locator('[data-testid="incident-row"]').count() === api.total, 'list has a row per incident');

    // Open the incident whose claims span the most sides, from its marker.
    const withClaims = api.incidents
      .filter((i) => (i.locations || []).some((l) => typeof l.lat === 'number'))
      .map((i) => ({ i, sides: new Set((i.claims || []).map((c) => c.source?.side || 'media')) }))
      .sort((a, b) => b.sides.size - a.sides.size)[0];
    check(withClaims && withClaims.sides.size >= 2, 'an incident has claims from two sides or more');
    const inc = withClaims.i;
    await page.locator(`[data-testid="incident-marker"][data-incident="${inc.id}"]`).first().dispatchEvent('click');
    const detail = page.locator(`[data-testid="incident-detail"][data-incident="${inc.id}"]`);
    await detail.waitFor();
    check(page.url().includes(`incident=${inc.id}`), 'the marker opens its incident');
    const columns = await detail.locator('[data-testid="claims-side"]').evaluateAll((els) => els.map((e) => e.dataset.side));
    check(columns.length === withClaims.sides.size && columns.every((s) => withClaims.sides.has(s)),
      `one claims column per side (${columns.join(', ')})`);
    const quotes = await detail.locator('[data-testid="claim-quote"]').allTextContents();
    const wanted = inc.claims.map((c) => c.text);
    check(quotes.length > 0 && quotes.every((q) => q.trim().length > 0), `claims show quoted words (${quotes.length})`);
    check(wanted.every((t) => quotes.includes(t)), 'every claim\'s words appear verbatim');
    const stances = await detail.locator('[data-testid="claim-stance"]').allTextContents();
    check(stances.every((s) => ['asserts', 'denies', 'disputes', 'confirms'].includes(s)), 'each claim shows its stance');

    // The article reader highlights the claim's span.
    const claimWithSpan = inc.claims.findIndex((c) => Number.isInteger(c.article) && c.end > c.begin);
    if (claimWithSpan >= 0) {
      const claim = inc.claims[claimWithSpan];
      const card = detail.locator('[data-testid="claim"]').filter({ has: page.locator('[data-testid="claim-quote"]', { hasText: claim.text }) }).first();
      await card.locator('[data-testid="claim-article"]').click();
      await page.waitForSelector(`[data-testid="reader-article"][data-article="${claim.article}"]`);
      const mark = await page.locator('[data-testid="reader-highlight"]').textContent();
      const article = await getJSON(base, `/api/articles/${claim.article}`);
      const expect = Buffer.from(article.text, 'utf8').subarray(claim.begin, claim.end).toString('utf8');
      check(mark === expect, 'the reader highlights the claim\'s byte span');
    }
    // Full-text search: a word of the claim finds its article.
    const word = inc.claims[0].text.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0];
    await page.locator('[data-testid="search-input"]').fill(word);
    await page.locator('[data-testid="search-go"]').click();
    await page.waitForSelector('[data-testid="search-hit"], [data-testid="search-none"]');
    const hits = await page.locator('[data-testid="search-hit"]').evaluateAll((els) => els.map((e) => Number(e.dataset.article)));
    check(hits.includes(inc.claims[0].article), `searching “${word}” finds article ${inc.claims[0].article} (${hits.length} hits)`);

    mkdirSync(args.out, { recursive: true });
    await page.screenshot({ path: join(args.out, 'dashboard.png'), fullPage: true });

    // Timeline: clicking a bar sets the dates; the map follows the API.
    const bar = page.locator('[data-testid="timeline-bar"]').last();
    const since = await bar.getAttribute('data-since'); const until = await bar.getAttribute('data-until');
    await bar.click();
    await page.waitForFunction((s) => location.hash.includes(`since=${s}`), since);
    const ranged = await getJSON(base, `/api/incidents?limit=1000&since=${since}&until=${until}`);
    await page.waitForFunction((n) => document.querySelector('[data-testid="status"]').dataset.total === String(n), ranged.total);
    check(await page.locator('[data-testid="filter-since"]').inputValue() === since, `timeline sets the date filter (${since}..${until}, ${ranged.total})`);
    await page.locator('[data-testid="filter-clear"]').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="status"]').dataset.total === String(n), api.total);

    // "Only the map's view": the map's box becomes the bbox filter.
    await page.locator('.leaflet-control-zoom-in').click();
    await page.locator('.leaflet-control-zoom-in').click();
    await page.locator('[data-testid="filter-inview"]').check();
    // The box follows the map until its zoom animation ends: wait until it holds still.
    const hashBbox = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('bbox'));
    let bbox = null;
    for (let i = 0; i < 40; i += 1) {
      const before = await hashBbox();
      await page.waitForTimeout(250);
      if (before && before === await hashBbox()) { bbox = before; break; }
    }
    check(bbox !== null, 'the map\'s box is in the address');
    const boxed = await getJSON(base, `/api/incidents?limit=1000&bbox=${bbox}`);
    await page.waitForFunction((n) => document.querySelector('[data-testid="status"]').dataset.total === String(n), boxed.total);
    // Non-vacuous when some incident lies wholly outside the box.
    const [w, so, e, n] = bbox.split(',').map(Number);
    const outside = api.incidents.filter((i) => !(i.locations || [])
      .some((l) => typeof l.lat === 'number' && l.lon >= w && l.lon <= e && l.lat >= so && l.lat <= n)).length;
    check(outside === 0 || boxed.total < api.total, `the map's view filters by bbox (${bbox}: ${boxed.total} of ${api.total})`);
    await page.locator('[data-testid="filter-clear"]').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="status"]').dataset.total === String(n), api.total);

    // Type filter: every marker left has that type.
    const type = inc.type;
    await page.locator('[data-testid="filter-type"]').selectOption(type);
    await page.locator('[data-testid="filter-apply"]').click();
    const typed = await getJSON(base, `/api/incidents?limit=1000&type=${type}`);
    await page.waitForFunction((n) => document.querySelector('[data-testid="status"]').dataset.total === String(n), typed.total);
    const types = await page.locator('[data-testid="incident-marker"]').evaluateAll((els) => els.map((e) => e.dataset.type));
    check(types.length > 0 && types.every((t) => t === type), `type filter leaves only ${type} markers (${types.length})`);

    // Place filter: the incident's first place, matched whole by the API.
    await page.locator('[data-testid="filter-clear"]').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="status"]').dataset.total === String(n), api.total);
    const place = inc.locations.find((l) => typeof l.lat === 'number').name;
    await page.locator('[data-testid="filter-place"]').fill(place);
    await page.locator('[data-testid="filter-apply"]').click();
    const placed1 = await getJSON(base, `/api/incidents?limit=1000&place=${encodeURIComponent(place)}`);
    await page.waitForFunction((n) => document.querySelector('[data-testid="status"]').dataset.total === String(n), placed1.total);
    check(placed1.total > 0 && await page.locator(`[data-testid="incident-row"][data-incident="${inc.id}"]`).count() === 1,
      `place filter "${place}" shows the API's ${placed1.total} incident(s), ours among them`);

    // Provisions.
    const prov = await getJSON(base, '/api/provisions');
    const nProv = (prov.agreements || []).reduce((n, a) => n + a.provisions.length, 0);
    await page.locator('[data-testid="tab-provisions"]').click();
    await page.waitForSelector('[data-testid="provision"]');
    check(await page.locator('[data-testid="provision"]').count() === nProv, `provisions view lists ${nProv} provisions`);
    const linked = (prov.agreements || []).flatMap((a) => a.provisions).find((p) => (p.incidents || []).length);
    if (linked) {
      const node = page.locator(`[data-testid="provision"][data-provision="${linked.id}"]`);
      await node.locator('summary').click();
      check(await node.locator('[data-testid="provision-incident"]').count() === linked.incidents.length, `provision ${linked.id} lists its incidents`);
      await page.screenshot({ path: join(args.out, 'dashboard-provisions.png'), fullPage: true });
      await node.locator('[data-testid="provision-incident"]').first().click();
      await page.waitForSelector(`[data-testid="incident-detail"][data-incident="${linked.incidents[0].id}"]`);
      check(true, 'a provision\'s incident opens in the incident panel');
    }

    check(pageErrors.length === 0, `no script errors${pageErrors.length ? `: ${pageErrors.join(' | ')}` : ''}`);
    check(badResponses.length === 0, `no failed requests${badResponses.length ? `: ${badResponses.join(' | ')}` : ''}`);
  } finally {
    await browser.close();
  }
  check(seen.length > 0, `requests observed (${seen.length})`);
  check(blocked.length === 0, `offline: no request left loopback${blocked.length ? `: ${blocked.join(' ')}` : ''}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.url) {
    if (!args.seeds || !existsSync(args.seeds)) { console.log(`SKIP: seed pages absent (${args.seeds})`); process.exit(SKIP); }
    if (!args.ceasewatch || !existsSync(args.ceasewatch)) throw new Error(`no ceasewatch binary: ${args.ceasewatch}`);
  }
  if (!existsSync(join(args.web, 'index.html'))) throw new Error(`dashboard not built: ${args.web}/index.html (run web/build.sh)`);
  if (!existsSync(args.chromium)) throw new Error(`no chromium at ${args.chromium} (apt install chromium; scripts/setup_web.sh)`);
  // Data reaches the page as text only (web/src/dom.js): no HTML sinks.
  const src = join(root, 'web', 'src');
  const sinks = readdirSync(src).filter((f) => f.endsWith('.js'))
    .filter((f) => /innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(readFileSync(join(src, f), 'utf8')));
  check(sinks.length === 0, `web/src writes no HTML strings${sinks.length ? `: ${sinks.join(' ')}` : ''}`);
  const tmp = mkdtempSync(join(os.tmpdir(), 'cw-browser-'));
  let server = null;
  try {
    server = args.url ? { base: args.url.replace(/\/$/, ''), stop: () => {} } : await startServer(args, tmp);
    await run(args, server.base);
  } finally {
    if (server) server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(failures ? `${failures} check(s) failed` : `all checks passed; screenshot ${join(args.out, 'dashboard.png')}`);
  process.exit(failures ? 1 : 0);
}

main().catch((err) => { console.error(`FAIL ${err.stack || err}`); process.exit(1); });
