// This node's bundles and the cluster's rollouts, from the deploy API. Until that API exists (the
// routes answer 404) the section keeps only a short note.
import { el, replace, note } from './dom.js';
import { stateBadgeText } from './labels.js';

const listOf = (body, key) => (Array.isArray(body) ? body : (body && Array.isArray(body[key]) ? body[key] : []));
const pick = (o, ...keys) => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null) ?? '–';

/** fetchJson(path) resolves to { status, body }. */
export async function renderDeploy(section, fetchJson) {
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
    bundles.status === 200 ? bundleTable(listOf(bundles.body, 'bundles')) : null,
    rollouts.status === 200 ? rolloutTable(listOf(rollouts.body, 'rollouts')) : null);
}

function bundleTable(bundles) {
  return el('div', { class: 'scroll' }, el('table', { id: 'bundles' },
    el('caption', {}, "This node's bundles"),
    el('thead', {}, el('tr', {}, ['Bundle', 'Version', 'State'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, bundles.map((b) => el('tr', {},
      el('th', { scope: 'row' }, String(pick(b, 'symbolicName', 'name'))),
      el('td', {}, String(pick(b, 'version'))),
      el('td', {}, String(pick(b, 'state', 'status'))))))));
}

/** Per-node progress: an object { node: status } or a list of { node, status }. */
export function progress(rollout) {
  const raw = rollout.nodes ?? rollout.progress ?? rollout.status ?? {};
  if (Array.isArray(raw)) return raw.map((p) => [String(pick(p, 'node', 'name')), String(pick(p, 'status', 'state'))]);
  if (raw && typeof raw === 'object') return Object.entries(raw).map(([k, v]) => [k, String(v && typeof v === 'object' ? pick(v, 'status', 'state') : v)]);
  return [];
}

function rolloutTable(rollouts) {
  return el('div', { class: 'scroll' }, el('table', { id: 'rollouts' },
    el('caption', {}, 'Rollouts'),
    el('thead', {}, el('tr', {}, ['Bundle', 'Version', 'Target', 'Progress per node'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rollouts.length ? rollouts.map((r) => el('tr', {},
      el('th', { scope: 'row' }, String(pick(r, 'symbolicName', 'bundle', 'name'))),
      el('td', {}, String(pick(r, 'version'))),
      el('td', {}, String(pick(r, 'target', 'nodes_selector'))),
      el('td', {}, el('ul', { class: 'tags' }, progress(r).map(([node, status]) => el('li', {}, `${node}: ${stateBadgeText(status)}`)))))) :
      el('tr', {}, el('td', { colspan: 4 }, 'No rollout.')))));
}
