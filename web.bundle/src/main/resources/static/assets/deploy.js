// This node's bundles and the cluster's rollouts, from the deploy API (GET /api/v1/bundles,
// GET /api/v1/rollouts). Until that API exists (the routes answer 404) the section keeps only a
// short note. Shapes follow io.punnet.deploy.api: BundleInfo, RolloutStatus, NodeProgress.
import { el, replace, note } from './dom.js';
import { stateBadgeText } from './labels.js';

const pick = (o, ...keys) => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null) ?? '–';
const listOf = (body, key) => (Array.isArray(body) ? body : (body && Array.isArray(body[key]) ? body[key] : []));

/**
 * The local node's bundles from a list, {"bundles": list}, or a map node → list (as
 * Deployments.bundles() gives, possibly under "nodes").
 */
export function localBundles(body, localName) {
  if (Array.isArray(body) || (body && Array.isArray(body.bundles))) return listOf(body, 'bundles');
  const byNode = body && typeof body === 'object' ? (body.nodes && typeof body.nodes === 'object' ? body.nodes : body) : {};
  return Array.isArray(byNode[localName]) ? byNode[localName] : [];
}

/** Per-node progress: a list of { node, state, reason } or an object { node: state }. */
export function progress(rollout) {
  const raw = rollout.nodes ?? rollout.progress ?? {};
  if (Array.isArray(raw)) return raw.map((p) => ({ node: String(pick(p, 'node', 'name')), state: String(pick(p, 'state', 'status')), reason: p.reason || '' }));
  if (raw && typeof raw === 'object') return Object.entries(raw).map(([node, state]) => ({ node, state: String(state), reason: '' }));
  return [];
}

/** fetchJson(path) resolves to { status, body }; localName: this node's name. */
export async function renderDeploy(section, fetchJson, localName) {
  const [bundles, rollouts] = await Promise.all([fetchJson('/api/v1/bundles'), fetchJson('/api/v1/rollouts')]);
  const body = section.querySelector('#deploy-body');
  const noteText = section.querySelector('#deploy-note');
  if (bundles.status === 404 && rollouts.status === 404) {
    note(noteText, 'The deploy API is not installed on this node yet: its bundles and the rollouts will show here when it is.');
    replace(body);
    section.dataset.available = 'false';
    return;
  }
  section.dataset.available = 'true';
  note(noteText, bundles.status === 200 && rollouts.status === 200 ? '' : 'Part of the deploy API did not answer.');
  replace(body,
    bundles.status === 200 ? bundleTable(localBundles(bundles.body, localName), localName) : null,
    rollouts.status === 200 ? rolloutTable(listOf(rollouts.body, 'rollouts')) : null);
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
      el('th', { scope: 'row' }, String(pick(b, 'symbolicName', 'name'))),
      el('td', {}, String(pick(b, 'version'))),
      el('td', {}, stateBadgeText(pick(b, 'state', 'status'))),
      el('td', {}, el('code', {}, String(pick(b, 'digest')))))) :
      el('tr', {}, el('td', { colspan: 4 }, 'No bundle reported.')));
}

function rolloutTable(rollouts) {
  return table('rollouts', 'Rollouts', ['Bundle', 'Version', 'Target', 'Phase', 'Progress per node'],
    rollouts.length ? rollouts.map((r) => el('tr', { 'data-rollout': r.id ?? null },
      el('th', { scope: 'row' }, String(pick(r, 'symbolicName', 'bundle', 'name'))),
      el('td', {}, String(pick(r, 'version'))),
      el('td', {}, String(pick(r, 'target'))),
      el('td', {}, stateBadgeText(pick(r, 'phase')), r.canaryNode ? el('span', { class: 'sub' }, `canary ${r.canaryNode}`) : null),
      el('td', {}, el('ul', { class: 'tags' }, progress(r).map((p) =>
        el('li', { title: p.reason || null, 'data-node': p.node, 'data-state': p.state.toLowerCase() },
          `${p.node}: ${stateBadgeText(p.state)}${p.reason ? ` (${p.reason})` : ''}`)))))) :
      el('tr', {}, el('td', { colspan: 5 }, 'No rollout.')));
}
