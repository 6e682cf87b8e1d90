// Small helpers that build the pages' elements; text always goes in as text, never as markup.

/** An element: h('a', {href: '#/x'}, 'text', child, ...). Attributes named on* are not accepted: use on(). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

let fieldCount = 0;

/** A labelled input (or select when options are given) in a .field wrapper; answers [wrapper, control]. */
export function field(label, attributes = {}, options = null) {
  const id = attributes.id || `field-${++fieldCount}`;
  const control = options
    ? h('select', { ...attributes, id }, options.map(([value, text]) => h('option', { value }, text)))
    : h('input', { type: 'text', ...attributes, id });
  return [h('div', { class: 'field' }, h('label', { for: id }, label), control), control];
}

/** A table with a caption, header cells and rows of cells (each a node, text or array). */
export function table(caption, headers, rows, emptyText = 'None yet.') {
  if (rows.length === 0) {
    return h('p', {}, emptyText);
  }
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, rows.map((cells) => cells instanceof Node ? cells : h('tr', {}, cells.map((cell) => h('td', {}, cell))))));
}

/** A button that runs {@code action} when pressed. */
export function button(text, action, attributes = {}) {
  const element = h('button', { type: 'button', ...attributes }, text);
  element.addEventListener('click', action);
  return element;
}

/** Speaks {@code text} through the page's status line. */
export function say(text) {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = text;
  }
}

/** A box that shows an error's message and code, announced to screen readers. */
export function errorBox(error) {
  const code = error && error.code ? ` (${error.status} ${error.code})` : error && error.status ? ` (${error.status})` : '';
  return h('p', { class: 'message', role: 'alert' }, `${error && error.message ? error.message : error}${code}`);
}

/** Replaces what {@code slot} shows with {@code content}. */
export function show(slot, ...content) {
  slot.replaceChildren();
  append(slot, content);
}

/** A form that calls {@code submit(event)} and shows any error it throws in {@code slot}. */
export function form(attributes, children, submit, slot) {
  const element = h('form', { class: 'inline', ...attributes }, children);
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (slot) {
      slot.replaceChildren();
    }
    try {
      await submit(event);
    } catch (error) {
      if (slot) {
        slot.append(errorBox(error));
      } else {
        throw error;
      }
    }
  });
  return element;
}

export const code = (text) => h('code', {}, text ?? '');
