// Turns the REST API's JSON into the dashboard's view of a node. Pure functions: the tests and
// the page share them. Unknown figures are null. Every string keeps its text; nothing here is markup.

export const STATES = ['alive', 'suspect', 'dead', 'left'];

/** The node list of GET /api/v1/nodes: a bare array or an object holding one under "nodes". */
export function nodeList(body) {
  const list = Array.isArray(body) ? body : (body && Array.isArray(body.nodes) ? body.nodes : []);
  return list.filter((n) => n && typeof n.name === 'string').map(toNode);
}

const first = (...values) => values.find((v) => v !== undefined && v !== null) ?? null;
const num = (v) => (v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** "ALIVE" → "alive"; anything not a known state → "unknown". */
export function nodeState(raw) {
  const s = String(first(raw, 'unknown')).toLowerCase();
  return STATES.includes(s) ? s : 'unknown';
}

/** A list of strings from an array, or from a comma-separated string. */
export function names(raw) {
  if (Array.isArray(raw)) return raw.map((v) => (v && typeof v === 'object' ? first(v.name, v.service) : v))
    .filter((v) => v !== null && v !== undefined && v !== '').map(String);
  if (typeof raw === 'string') return raw.split(',').map((s) => s.trim()).filter(Boolean);
  return [];
}

function httpPort(raw, appState) {
  const value = first(raw.httpPort, raw.http && typeof raw.http === 'object' ? raw.http.port : raw.http, appState.http);
  if (value === null) return null;
  const text = String(value);
  return num(text.includes(':') ? text.slice(text.lastIndexOf(':') + 1) : text);
}

function toNode(raw) {
  const appState = raw.applicationState && typeof raw.applicationState === 'object' ? raw.applicationState : {};
  const phi = raw.phi && typeof raw.phi === 'object' ? raw.phi : { value: raw.phi };
  const meta = first(raw.metadata, raw.metaData, {}) || {};
  const host = first(raw.host, raw.ip, raw.address);
  const http = httpPort(raw, appState);
  return {
    name: raw.name,
    host,
    gossipPort: num(first(raw.gossipPort, raw.port)),
    httpPort: http,
    url: host && http ? `http://${host.includes(':') ? `[${host}]` : host}:${http}/` : null,
    state: nodeState(first(raw.status, raw.state)),
    local: raw.local === true,
    generation: num(raw.generation),
    heartbeat: num(raw.heartbeat),
    phi: num(first(phi.value, phi.phi)),
    threshold: num(first(phi.threshold, raw.threshold)),
    explanation: typeof phi.explanation === 'string' ? phi.explanation : null,
    ...figures(first(raw.monitoring, raw.metrics, {})),
    services: names(first(raw.services, meta.services, [])),
    tags: names(first(raw.tags, meta.tags, [])),
    suspects: names(first(raw.suspects, appState['gossip.suspects'], [])),
  };
}

/**
 * The monitoring part of a node, from the "monitoring" object of /api/v1/nodes or of a
 * "monitoring" event (the same shape). seenAt: when the page learnt ageMs, so it can age it.
 */
export function figures(m, seenAt = Date.now()) {
  const f = m && typeof m === 'object' ? m : {};
  return {
    cpu: num(first(f.cpuPercent, f.cpu)),
    load1: num(f.load1), load5: num(f.load5), load15: num(f.load15),
    cpuCount: num(f.cpuCount),
    memUsed: num(f.memUsedBytes), memTotal: num(f.memTotalBytes),
    temperature: num(f.temperatureCelsius),
    diskFree: num(f.diskFreeBytes), diskTotal: num(f.diskTotalBytes),
    uptime: num(f.uptimeSeconds),
    sampledAt: num(first(f.sampledAtMillis, f.sampledAt)),
    ageMs: num(first(f.ageMs, f.ageMillis)),
    seenAt,
  };
}

/** The order of states when sorting by state: the ones that need a look first. */
const STATE_RANK = { suspect: 0, dead: 1, alive: 2, left: 3, unknown: 4 };

/** Compares two nodes by a column key; nulls last whatever the direction; ties by name. */
export function compare(key, direction) {
  const sign = direction === 'descending' ? -1 : 1;
  return (a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    if (x !== null && y !== null && x !== y) {
      const c = typeof x === 'string' ? x.localeCompare(y, undefined, { numeric: true }) : x - y;
      if (c !== 0) return sign * c;
    }
    return a.name.localeCompare(b.name, undefined, { numeric: true });
  };
}

export function sortValue(node, key) {
  switch (key) {
    case 'state': return STATE_RANK[node.state];
    case 'address': return node.host === null ? null : `${node.host}:${node.gossipPort}`;
    case 'phi': return node.phi === null ? null : (node.threshold ? node.phi / node.threshold : node.phi);
    case 'memory': return node.memUsed !== null && node.memTotal ? node.memUsed / node.memTotal : null;
    case 'disk': return node.diskFree !== null && node.diskTotal ? 1 - node.diskFree / node.diskTotal : null;
    case 'services': return node.services.length ? node.services.join(',') : null;
    default: return node[key] ?? null;
  }
}

/**
 * What observer thinks of target, from the suspects the observer gossips: 'self', 'suspect',
 * 'sees' (not suspected), or 'unknown' when the observer is itself not live (its view is stale).
 */
export function view(observer, target) {
  if (observer.name === target.name) return 'self';
  if (observer.state !== 'alive' && observer.state !== 'suspect') return 'unknown';
  if (observer.suspects.includes(target.name)) return target.state === 'dead' ? 'dead' : 'suspect';
  if (target.state === 'dead' || target.state === 'left') return target.state; // this node's verdict
  return 'sees';
}

/** A count per state, for the summary line. */
export function census(nodes) {
  const counts = { alive: 0, suspect: 0, dead: 0, left: 0, unknown: 0 };
  for (const n of nodes) counts[n.state] += 1;
  return counts;
}
