// Builds DOM nodes. Data from the network only ever becomes text nodes or attribute values,
// never markup: no script of the dashboard parses a string as HTML (StaticFilesTest checks).

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An HTML element: el('td', { class: 'num', title: 'x' }, 'text', childNode).
 * Attribute values are set with setAttribute (strings), children are nodes or text.
 */
export function el(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element, same rules as el(). */
export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces every child of parent by the given nodes. */
export function replace(parent, ...children) {
  parent.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}

/** Shows a note paragraph with the text, or hides it when the text is empty. */
export function note(paragraph, text) {
  paragraph.textContent = text || '';
  paragraph.hidden = !text;
}
