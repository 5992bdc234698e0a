// The dashboard: reads the node list from the REST API when the event stream says the cluster
// changed (and slowly in between, for phi), applies pushed monitoring figures as they come, and
// draws the table, the sparklines, the who-sees-whom matrix and the deploy section. State lives
// in this module only.
import { fetchJson } from './api.js';
import { nodeList, census, figures, nodeState } from './model.js';
import { History } from './history.js';
import { NodeTable } from './table.js';
import { renderMatrix } from './matrix.js';
import { renderDeploy } from './deploy.js';
import { LiveFeed } from './live.js';
import { note } from './dom.js';
import * as f from './format.js';

const RESYNC_LIVE_MS = 10000;   // phi grows between events: read it again now and then
const RESYNC_OFFLINE_MS = 5000; // without the stream, read a little more often
const COALESCE_MS = 200;        // a burst of events gives one read

const $ = (id) => document.getElementById(id);
const history = new History();
const table = new NodeTable($('nodes'), history);
const lastSample = new Map();
const counts = { events: 0, reads: 0 }; // shown as data-* on <html>: a test (or a curious person) can see the page work
const page = { nodes: [], local: null, fetchedAt: 0, stream: 'connecting', attempt: 0, reachable: true, status: 200 };
let inFlight = false;
let again = false;
let pending = null;
let resync = null;

function schedule(delay = COALESCE_MS) {
  if (pending === null) pending = setTimeout(() => { pending = null; refresh(); }, delay);
}

async function refresh() {
  if (inFlight) { again = true; return; }
  inFlight = true;
  try {
    let reply = null;
    try {
      reply = await fetchJson('/api/v1/nodes');
    } catch (unreachable) {
      page.reachable = false; // a drawing error, by contrast, is not caught here: it shows in the console
    }
    if (reply !== null) {
      counts.reads += 1;
      document.documentElement.dataset.reads = counts.reads;
      page.reachable = true;
      page.status = reply.status;
      if (reply.status === 200) {
        page.fetchedAt = Date.now();
        if (reply.body && typeof reply.body.local === 'string') page.local = reply.body.local;
        show(nodeList(reply.body));
      }
    }
  } finally {
    inFlight = false;
    banner();
    planResync();
    if (again) { again = false; schedule(); }
  }
}

/** Adds a node's figures to its history: phi at every read, cpu and load once per sample. */
function remember(n, now) {
  history.record(n.name, 'phi', now, n.phi);
  const sampled = n.sampledAt ?? now - (n.ageMs ?? 0);
  if (lastSample.get(n.name) !== sampled) {
    lastSample.set(n.name, sampled);
    const t = now - (n.ageMs ?? 0);
    history.record(n.name, 'cpu', t, n.cpu);
    history.record(n.name, 'load1', t, n.load1);
  }
}

function show(nodes) {
  const now = Date.now();
  page.nodes = nodes;
  for (const n of nodes) remember(n, now);
  history.retain(nodes.map((n) => n.name));
  for (const name of lastSample.keys()) if (!nodes.some((n) => n.name === name)) lastSample.delete(name);
  draw();
}

/** A "monitoring" event carries the node's new figures: no need to ask the node. */
function applyFigures(data) {
  const n = data && page.nodes.find((node) => node.name === data.node);
  if (!n || !data.monitoring) return false;
  Object.assign(n, figures(data.monitoring));
  remember(n, Date.now());
  draw();
  return true;
}

/**
 * Status and suspects events say what changed: the page shows it at once, before the read that
 * follows brings the rest (phi, ages). A suspicion that turns into a death within a few hundred
 * milliseconds is then still seen for what it was.
 */
function applyChange(type, data) {
  const n = data && page.nodes.find((node) => node.name === data.node);
  if (!n) return;
  if (type === 'member.status' && typeof data.status === 'string') n.state = nodeState(data.status);
  else if (type === 'suspects' && Array.isArray(data.suspects)) n.suspects = data.suspects.map(String);
  else return;
  draw();
}

function draw() {
  const { nodes } = page;
  table.render(nodes);
  renderMatrix($('matrix'), nodes);
  note($('nodes-note'), nodes.length ? '' : 'No node yet.');
  const c = census(nodes);
  const parts = ['alive', 'suspect', 'dead', 'left'].filter((s) => c[s]).map((s) => `${c[s]} ${s}`);
  const summary = `${nodes.length} node${nodes.length === 1 ? '' : 's'}: ${parts.join(', ') || 'none known'}`;
  if ($('summary').textContent !== summary) $('summary').textContent = summary; // a live region: speak changes only
  document.title = c.suspect + c.dead ? `Punnet (${c.suspect + c.dead} need a look)` : 'Punnet';
  tick();
}

function banner() {
  const box = $('banner');
  let text = '';
  let error = false;
  if (!page.reachable) {
    text = 'Cannot reach this node: retrying…';
    error = true;
  } else if (page.status !== 200) {
    text = `The node answered ${page.status} for the node list: retrying…`;
    error = true;
  } else if (page.stream === 'reconnecting') {
    text = `Live updates lost: reconnecting (attempt ${page.attempt})…`;
  } else if (page.stream === 'unavailable') {
    text = `Live updates unavailable: retrying; the page refreshes every ${RESYNC_OFFLINE_MS / 1000} s meanwhile.`;
  }
  if (box.textContent !== text) box.textContent = text;
  box.hidden = !text;
  box.classList.toggle('error', error);
  document.documentElement.dataset.stream = page.stream;
}

/**
 * The next slow read. An earlier one already planned stays: a stream that fails every few
 * seconds must not keep pushing the read away (the page would then never notice a dead node).
 */
function planResync() {
  const due = Date.now() + (page.stream === 'live' ? RESYNC_LIVE_MS : RESYNC_OFFLINE_MS);
  if (resync !== null && resync.due <= due) return;
  if (resync !== null) clearTimeout(resync.timer);
  resync = { due, timer: setTimeout(() => { resync = null; refresh(); deploy(); }, due - Date.now()) };
}

/** Ages move on between reads: every second the page adds the time since it learnt them. */
function tick() {
  const now = Date.now();
  for (const span of document.querySelectorAll('[data-age-ms]')) {
    const base = span.dataset.ageMs;
    span.textContent = base === '' ? f.UNKNOWN : f.age(Number(base) + now - Number(span.dataset.seenAt));
  }
  $('updated').textContent = page.fetchedAt ? `${f.age(now - page.fetchedAt)} ago` : 'never';
}

async function deploy() {
  try {
    await renderDeploy($('deploy'), fetchJson, page.local ?? page.nodes.find((n) => n.local)?.name);
  } catch (unreachable) {
    // the banner already tells; the section keeps what it showed
  }
}

async function identity() {
  try {
    const { status, body } = await fetchJson('/api/v1/node');
    if (status === 200 && body) {
      $('cluster-name').textContent = body.cluster ? `· ${body.cluster}` : '';
      $('served-by').textContent = body.name || 'this node';
      page.local = page.local ?? body.name ?? null;
    }
  } catch (unreachable) {
    // shown by the banner of the next read
  }
}

const feed = new LiveFeed('/api/v1/events',
  (type, data) => {
    counts.events += 1;
    document.documentElement.dataset.events = counts.events;
    if (type === 'monitoring' && applyFigures(data)) return;
    applyChange(type, data);
    schedule();
    if (type === 'rollout') deploy();
  },
  (status, attempt) => {
    const was = page.stream;
    page.stream = status;
    page.attempt = attempt;
    banner();
    if (status === 'live' && was !== 'live') refresh(); // catch up on what the gap hid
    else if (status !== was) planResync();
  });

Promise.all([identity(), refresh()]).then(deploy); // deploy needs this node's name
feed.start();
setInterval(tick, 1000);
