// Who sees whom: row = the observing node, column = the observed one. A partition shows as a
// block of "suspect" cells; an observer that is itself down has no current view ("?").
import { el, replace } from './dom.js';
import { view } from './model.js';

const CELLS = {
  self: ['—', 'itself'],
  sees: ['✓', 'sees it alive'],
  suspect: ['▲', 'suspects it'],
  dead: ['✖', 'dead'],
  left: ['◼', 'left'],
  unknown: ['?', 'no current view (the observer is down)'],
};

export function renderMatrix(table, nodes) {
  const sorted = [...nodes].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  const head = el('thead', {}, el('tr', {}, el('td'),
    sorted.map((n) => el('th', { scope: 'col' }, n.name))));
  const body = el('tbody', {}, sorted.map((observer) => el('tr', { 'data-observer': observer.name },
    el('th', { scope: 'row' }, observer.name),
    sorted.map((target) => cell(observer, target)))));
  replace(table, el('caption', { class: 'visually-hidden' }, 'Rows: the observing node. Columns: the node it observes.'), head, body);
}

function cell(observer, target) {
  const kind = view(observer, target);
  const [symbol, words] = CELLS[kind];
  const cls = kind === 'sees' ? 'state-alive' : kind === 'self' ? 'cell-self' : kind === 'unknown' ? 'state-unknown' : `state-${kind}`;
  const text = `${observer.name} → ${target.name}: ${words}`;
  return el('td', { class: cls, title: text, 'data-view': kind },
    el('span', { 'aria-hidden': 'true' }, symbol), el('span', { class: 'visually-hidden' }, text));
}
