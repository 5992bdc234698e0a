// The columns of the node table: a header, a sort key, and how to draw one node's cell.
import { el } from './dom.js';
import * as f from './format.js';
import { sparkline } from './sparkline.js';

const ICONS = { alive: '●', suspect: '▲', dead: '✖', left: '◼', unknown: '?' };

/** The state as text with a shape: colour is never the only signal. */
export function stateBadge(state) {
  return el('span', { class: `state state-${state}` },
    el('span', { class: 'icon', 'aria-hidden': 'true' }, ICONS[state]), ` ${state}`);
}

function nameCell(n) {
  const name = n.url && !n.local ? el('a', { href: n.url, title: `the dashboard served by ${n.name}` }, n.name) : n.name;
  // the state's shape beside the name, for a glance on a phone (the State column says it in words)
  const mark = el('span', { class: `state state-${n.state}`, 'aria-hidden': 'true' }, el('span', { class: 'icon' }, ICONS[n.state]));
  return [mark, el('strong', {}, name), n.local ? el('span', { class: 'sub' }, 'this node') : null];
}

function addressCell(n) {
  return [n.host ?? f.UNKNOWN,
    el('span', { class: 'sub' }, `gossip ${n.gossipPort ?? f.UNKNOWN} · http ${n.httpPort ?? f.UNKNOWN}`)];
}

function phiCell(n, history) {
  if (n.phi === null) return n.local ? 'itself' : f.UNKNOWN;
  const level = n.threshold ? Math.min(1, n.phi / n.threshold) : 0;
  const hot = n.threshold !== null && n.phi >= n.threshold;
  const fill = el('span');
  fill.style.width = `${(level * 100).toFixed(0)}%`; // CSSOM, not a style attribute: the page's CSP forbids those
  return [
    el('span', { class: hot ? 'bar hot' : 'bar', 'aria-hidden': 'true' }, fill),
    el('span', { title: n.explanation }, `${f.fixed(n.phi, 2)} / ${f.fixed(n.threshold, 1)}`),
    sparkline(history.points(n.name, 'phi'), { max: n.threshold, mark: n.threshold, label: `phi of ${n.name}` }),
  ];
}

function cpuCell(n, history) {
  return [f.percent(n.cpu), n.cpuCount === null ? null : el('span', { class: 'sub' }, `${n.cpuCount} cpus`),
    sparkline(history.points(n.name, 'cpu'), { max: 100, label: `cpu of ${n.name}`, unit: ' %' })];
}

function loadCell(n, history) {
  return [`${f.fixed(n.load1, 2)} ${f.fixed(n.load5, 2)} ${f.fixed(n.load15, 2)}`,
    sparkline(history.points(n.name, 'load1'), { max: n.cpuCount, label: `1-minute load of ${n.name}` })];
}

function memoryCell(n) {
  const share = n.memUsed !== null && n.memTotal ? ` (${f.percent((100 * n.memUsed) / n.memTotal)})` : '';
  return [`${f.bytes(n.memUsed)} / ${f.bytes(n.memTotal)}`, share ? el('span', { class: 'sub' }, `used${share}`) : null];
}

function diskCell(n) {
  return [`${f.bytes(n.diskFree)} free`, el('span', { class: 'sub' }, `of ${f.bytes(n.diskTotal)}`)];
}

function listCell(items) {
  return items.length ? el('ul', { class: 'tags' }, items.map((s) => el('li', {}, s))) : f.UNKNOWN;
}

/** The age of the monitoring sample: a span the page ticks every second without asking the node. */
function ageCell(n) {
  return el('span', { 'data-age-ms': n.ageMs ?? '', 'data-seen-at': n.seenAt }, f.age(n.ageMs));
}

/** key: sort key (see model.sortValue); numeric: right-aligned; title: a longer explanation of the header. */
export const COLUMNS = [
  { key: 'name', label: 'Node', cell: nameCell },
  { key: 'address', label: 'Address', cell: addressCell },
  { key: 'state', label: 'State', cell: (n) => stateBadge(n.state) },
  { key: 'phi', label: 'Phi / threshold', title: 'Suspicion: how unlikely the silence since the last heartbeat is (phi accrual); at the threshold the node is suspected', cell: phiCell },
  { key: 'cpu', label: 'CPU', numeric: true, cell: cpuCell },
  { key: 'load1', label: 'Load 1/5/15', numeric: true, cell: loadCell },
  { key: 'memory', label: 'Memory', numeric: true, cell: memoryCell },
  { key: 'temperature', label: 'Temp.', numeric: true, cell: (n) => f.celsius(n.temperature) },
  { key: 'disk', label: 'Disk', numeric: true, cell: diskCell },
  { key: 'uptime', label: 'Uptime', numeric: true, cell: (n) => f.duration(n.uptime) },
  { key: 'services', label: 'Services', cell: (n) => listCell(n.services) },
  { key: 'ageMs', label: 'Data age', numeric: true, cell: ageCell },
];
