// This node's bundles and the cluster's rollouts, from the deploy routes of the REST API:
//   GET /api/v1/bundles   {"nodes": {name: [{symbolicName, version, state, digest}, …]}}
//   GET /api/v1/rollouts  {"rollouts": [{id, symbolicName, version, sha256, target, phase, done,
//                          canaryNode, nodes: [{node, state, reason}, …]}, …]}  newest first
// A node whose deploy service is stopped answers 503; an older node without the routes 404: the
// section then keeps a short note instead of tables.
import { el, replace, note } from './dom.js';
import { stateBadgeText } from './labels.js';

/** The local node's bundles from the {"nodes": {name: list}} answer; [] when it reported none. */
export function localBundles(body, localName) {
  const list = body && body.nodes ? body.nodes[localName] : undefined;
  return Array.isArray(list) ? list : [];
}

/** A rollout's per-node progress: [{ node, state, reason }]. */
export function progress(rollout) {
  return Array.isArray(rollout.nodes) ? rollout.nodes.map((p) => ({ node: p.node, state: p.state, reason: p.reason || '' })) : [];
}

/** The rollouts of the {"rollouts": list} answer. */
export function rolloutList(body) {
  return body && Array.isArray(body.rollouts) ? body.rollouts : [];
}

/** The note for the answers' statuses, or '' when both answered. */
export function deployNote(bundlesStatus, rolloutsStatus) {
  if (bundlesStatus === 200 && rolloutsStatus === 200) return '';
  if (bundlesStatus === 404 && rolloutsStatus === 404) {
    return 'The deploy API is not installed on this node yet: its bundles and the rollouts will show here when it is.';
  }
  if (bundlesStatus === 503 && rolloutsStatus === 503) {
    return 'The deploy service is not running on this node right now: its bundles and the rollouts will show here when it is back.';
  }
  return 'Part of the deploy API did not answer.';
}

/** fetchJson(path) resolves to { status, body }; localName: this node's name. */
export async function renderDeploy(section, fetchJson, localName) {
  const [bundles, rollouts] = await Promise.all([fetchJson('/api/v1/bundles'), fetchJson('/api/v1/rollouts')]);
  const body = section.querySelector('#deploy-body');
  const available = bundles.status === 200 || rollouts.status === 200;
  section.dataset.available = String(available);
  note(section.querySelector('#deploy-note'), deployNote(bundles.status, rollouts.status));
  if (!available) {
    replace(body);
    return;
  }
  replace(body,
    bundles.status === 200 ? bundleTable(localBundles(bundles.body, localName), localName) : null,
    rollouts.status === 200 ? rolloutTable(rolloutList(rollouts.body)) : null);
}

function table(id, caption, headers, rows) {
  return el('div', { class: 'scroll', role: 'region', 'aria-label': caption, tabindex: 0 }, el('table', { id },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows)));
}

function bundleTable(bundles, localName) {
  return table('bundles', `Bundles of ${localName || 'this node'}`, ['Bundle', 'Version', 'State', 'Digest'],
    bundles.length ? bundles.map((b) => el('tr', {},
      el('th', { scope: 'row' }, b.symbolicName),
      el('td', {}, b.version),
      el('td', {}, stateBadgeText(b.state)),
      el('td', {}, el('code', {}, b.digest || '–')))) :
      el('tr', {}, el('td', { colspan: 4 }, 'No bundle reported.')));
}

function rolloutTable(rollouts) {
  return table('rollouts', 'Rollouts', ['Bundle', 'Version', 'Target', 'Phase', 'Progress per node'],
    rollouts.length ? rollouts.map((r) => el('tr', { 'data-rollout': r.id ?? null },
      el('th', { scope: 'row' }, r.symbolicName),
      el('td', {}, r.version),
      el('td', {}, r.target),
      el('td', {}, stateBadgeText(r.phase), r.canaryNode ? el('span', { class: 'sub' }, `canary ${r.canaryNode}`) : null),
      el('td', {}, el('ul', { class: 'tags' }, progress(r).map((p) =>
        el('li', { title: p.reason || null, 'data-node': p.node, 'data-state': p.state.toLowerCase() },
          `${p.node}: ${stateBadgeText(p.state)}${p.reason ? ` (${p.reason})` : ''}`)))))) :
      el('tr', {}, el('td', { colspan: 5 }, 'No rollout.')));
}
