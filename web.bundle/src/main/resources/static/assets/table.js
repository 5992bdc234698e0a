// The node table: one row per node, headers that sort (mouse or keyboard: each header holds a
// button), aria-sort on the sorted header, dead and left rows greyed.
import { el, replace } from './dom.js';
import { compare } from './model.js';
import { COLUMNS } from './columns.js';

export class NodeTable {
  constructor(table, history) {
    this.table = table;
    this.history = history;
    this.sort = { key: 'name', direction: 'ascending' };
    this.nodes = [];
    this.headers = COLUMNS.map((column) => this.header(column));
    replace(table.tHead.rows[0], this.headers);
    this.markSorted();
  }

  header(column) {
    const button = el('button', { type: 'button', 'data-key': column.key, title: column.title }, column.label);
    button.addEventListener('click', () => this.sortBy(column.key));
    return el('th', { scope: 'col', class: column.numeric ? 'num' : null }, button);
  }

  /** Sorts by the column; a second activation of the same column reverses the order. */
  sortBy(key) {
    const same = this.sort.key === key;
    this.sort = { key, direction: same && this.sort.direction === 'ascending' ? 'descending' : 'ascending' };
    this.markSorted();
    this.render(this.nodes);
  }

  markSorted() {
    COLUMNS.forEach((column, i) => {
      if (column.key === this.sort.key) this.headers[i].setAttribute('aria-sort', this.sort.direction);
      else this.headers[i].removeAttribute('aria-sort');
    });
  }

  /** Redraws the rows; a keyboard user's focus (a node's link) stays on the same node's link. */
  render(nodes) {
    this.nodes = nodes;
    const body = this.table.tBodies[0];
    const active = document.activeElement;
    const focused = active && body.contains(active) ? active.closest('tr')?.dataset.node : null;
    const rows = [...nodes].sort(compare(this.sort.key, this.sort.direction)).map((n) => this.row(n));
    replace(body, rows);
    if (focused !== null && focused !== undefined) rows.find((r) => r.dataset.node === focused)?.querySelector('a')?.focus();
  }

  row(node) {
    const gone = node.state === 'dead' || node.state === 'left';
    return el('tr', { 'data-node': node.name, 'data-state': node.state, class: gone ? 'gone' : null },
      COLUMNS.map((column, i) => el(i === 0 ? 'th' : 'td',
        { scope: i === 0 ? 'row' : null, class: column.numeric ? 'num' : null }, column.cell(node, this.history))));
  }
}
