// DOM helpers. Contract: text from data only ever reaches the page through
// text nodes or attribute values (createTextNode, setAttribute); nothing in
// the dashboard parses HTML strings (the browser test checks web/src).

// h('div', {class: 'x', testid: 'y', onclick: f}, 'text', child, [more]):
// an element; `testid` becomes data-testid, `on*` functions become event
// listeners, `data` an object of data-* attributes, other keys attributes
// (null/undefined/false skipped). Children: strings and numbers become text
// nodes, arrays are flattened, null/undefined/false are skipped.
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'testid') el.setAttribute('data-testid', value);
    else if (key === 'data') for (const [k, v] of Object.entries(value)) el.setAttribute(`data-${k}`, String(v));
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export const svg = (tag, attrs, ...children) => h(`svg:${tag}`, attrs, ...children);

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

// Replaces the element's children.
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// A quotation: the source's words between quotation marks, as text.
export const quote = (text, testid) => h('q', { class: 'quote', testid }, text ?? '');

// "2022-09-12", "2022-09-12 – 2022-09-13", or "undated".
export function windowText(date, dateEnd) {
  if (!date) return 'undated';
  return dateEnd && dateEnd !== date ? `${date} – ${dateEnd}` : date;
}

// {low, high} as "2", "2–5", "at least 10", or null for no figure.
export function rangeText(r) {
  if (!r || r.low === null || r.low === undefined) return null;
  if (r.high === null || r.high === undefined) return `at least ${r.low}`;
  return r.low === r.high ? `${r.low}` : `${r.low}–${r.high}`;
}
