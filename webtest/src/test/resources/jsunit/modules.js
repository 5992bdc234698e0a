// Checks of the dashboard's pure modules, run in the real browser (DashboardFixtureTest reads
// window.results). Each check names what it expects; a thrown error is a failure.
import { nodeList, compare, view, census, figures } from '/assets/model.js';
import * as f from '/assets/format.js';
import { History } from '/assets/history.js';
import { sparkline } from '/assets/sparkline.js';
import { stateBadgeText } from '/assets/labels.js';
import { progress, localBundles, rolloutList, deployNote } from '/assets/deploy.js';

const failures = [];
let passed = 0;
function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a === e) passed += 1;
  else failures.push(`${what}: expected ${e}, got ${a}`);
}

// model: the REST shapes
const nodes = nodeList({ cluster: 'c', local: 'a', nodes: [
  { name: 'a', host: '10.0.0.1', gossipPort: 7946, httpPort: 8080, status: 'ALIVE', local: true, phi: null,
    monitoring: { cpuPercent: 5, memUsedBytes: 1, memTotalBytes: 4, ageMs: 10 }, services: ['x'], suspects: ['c'] },
  { name: 'b', host: 'fe80::1', gossipPort: 1, httpPort: 2, status: 'SUSPECT',
    phi: { value: 9.5, threshold: 8, explanation: 'suspected' }, monitoring: null, services: null, tags: null },
  { name: 'c', host: '10.0.0.3', status: 'WEIRD' },
  { host: 'no name' },
] });
eq(nodes.map((n) => n.name), ['a', 'b', 'c'], 'entries without a name are dropped');
eq(nodes.map((n) => n.state), ['alive', 'suspect', 'unknown'], 'states are lower case, unknown ones "unknown"');
eq([nodes[0].phi, nodes[1].phi, nodes[1].threshold, nodes[1].explanation], [null, 9.5, 8, 'suspected'], 'phi from its object');
eq([nodes[0].url, nodes[1].url, nodes[2].url], ['http://10.0.0.1:8080/', 'http://[fe80::1]:2/', null], 'dashboard links, IPv6 in brackets');
eq([nodes[0].cpu, nodes[0].ageMs, nodes[1].cpu], [5, 10, null], 'monitoring figures, null when unknown');
eq([nodes[1].services, nodes[1].tags], [[], []], 'null services and tags are empty lists');
eq(nodeList([{ name: 'bare' }]).length, 1, 'a bare array is a node list too');
eq(nodeList(null), [], 'no body, no nodes');
eq(figures({ cpuPercent: '12.5', load1: 'x' }, 7).cpu, 12.5, 'numeric strings are numbers');
eq(figures({ load1: 'x' }, 7).load1, null, 'junk is unknown');

// model: sorting
const rows = [{ name: 'n10', cpu: null, state: 'alive' }, { name: 'n2', cpu: 50, state: 'dead' },
  { name: 'n1', cpu: 10, state: 'suspect' }, { name: 'n3', cpu: 50, state: 'alive' }];
eq([...rows].sort(compare('cpu', 'ascending')).map((n) => n.name), ['n1', 'n2', 'n3', 'n10'], 'ascending, ties by name, nulls last');
eq([...rows].sort(compare('cpu', 'descending')).map((n) => n.name), ['n2', 'n3', 'n1', 'n10'], 'descending keeps nulls last');
eq([...rows].sort(compare('name', 'ascending')).map((n) => n.name), ['n1', 'n2', 'n3', 'n10'], 'names sort numerically');
eq([...rows].sort(compare('state', 'ascending')).map((n) => n.state), ['suspect', 'dead', 'alive', 'alive'], 'states that need a look first');

// model: who sees whom
const A = { name: 'a', state: 'alive', suspects: ['b', 'd'] };
const B = { name: 'b', state: 'suspect', suspects: [] };
const C = { name: 'c', state: 'dead', suspects: ['a'] };
const D = { name: 'd', state: 'dead', suspects: [] };
eq([view(A, A), view(A, B), view(B, A), view(C, A), view(A, D), view(B, D)],
  ['self', 'suspect', 'sees', 'unknown', 'dead', 'dead'], 'views');
eq(census([A, B, C, D]), { alive: 1, suspect: 1, dead: 2, left: 0, unknown: 0 }, 'census');

// format
eq([f.bytes(1536), f.bytes(512), f.bytes(5 * 1024 ** 3), f.bytes(null)], ['1.5 KiB', '512 B', '5.0 GiB', '–'], 'bytes');
eq([f.duration(59), f.duration(3600), f.duration(93784), f.duration(undefined)], ['59 s', '1 h 0 min', '1 d 2 h', '–'], 'durations');
eq([f.percent(12.4), f.fixed(0.456, 2), f.celsius(48.25), f.age(1500)], ['12 %', '0.46', '48.3 °C', '1 s'], 'figures');

// history: bounded in time and count
const h = new History(1000, 3);
for (let t = 0; t < 10; t += 1) h.record('a', 'cpu', t * 100, t);
eq(h.points('a', 'cpu').map((p) => p.v), [7, 8, 9], 'at most capacity points');
h.record('a', 'cpu', 500, 99);
h.record('a', 'cpu', 2000, null);
eq(h.points('a', 'cpu').length, 3, 'no point back in time, none for an unknown value');
h.record('a', 'cpu', 5000, 1);
eq(h.points('a', 'cpu').map((p) => p.v), [1], 'points older than the window go');
h.record('b', 'cpu', 1, 1);
h.retain(['b']);
eq([h.points('a', 'cpu').length, h.points('b', 'cpu').length], [0, 1], 'reaped nodes are forgotten');

// sparkline
eq(sparkline([{ t: 0, v: 1 }]), null, 'no line from one point');
const line = sparkline([{ t: 0, v: 10 }, { t: 60000, v: 30 }, { t: 120000, v: 20 }], { max: 100, mark: 50, label: 'cpu of a', unit: ' %' });
eq(line.getAttribute('aria-label'), 'cpu of a over the last 2 min: from 10 % to 30 %, now 20 %', 'text alternative');
eq([line.querySelectorAll('polyline').length, line.querySelectorAll('line').length,
  line.querySelector('polyline').getAttribute('points').split(' ').length], [1, 1, 3], 'one line, one mark, a vertex per point');

// deploy shapes
eq(stateBadgeText('ROLLED_BACK'), '↺ rolled back', 'rollback in words and shape');
eq(stateBadgeText('SOMETHING'), 'something', 'unknown states still in words');
eq(progress({ nodes: [{ node: 'a', state: 'ACTIVE', reason: '' }, { node: 'b', state: 'FAILED' }] }),
  [{ node: 'a', state: 'ACTIVE', reason: '' }, { node: 'b', state: 'FAILED', reason: '' }], 'progress per node, as GET /rollouts/{id} gives it');
eq(progress({}), [], 'a rollout without nodes');
const inventory = { nodes: { a: [{ symbolicName: 'x' }], b: [] } };
eq([localBundles(inventory, 'a').length, localBundles(inventory, 'b').length, localBundles(inventory, 'zz').length,
  localBundles(null, 'a').length], [1, 0, 0, 0], 'the local node\'s bundles from GET /bundles');
eq(rolloutList({ rollouts: [{ id: 'r1' }] }).map((r) => r.id), ['r1'], 'the rollouts of GET /rollouts');
eq([deployNote(200, 200), deployNote(404, 404).includes('not installed'), deployNote(503, 503).includes('not running'),
  deployNote(200, 503).includes('Part of')], ['', true, true, true], 'the deploy note per status');

window.results = { passed, failures };
document.getElementById('result').textContent = failures.length ? `FAILED: ${failures.join('; ')}` : `${passed} passed`;
