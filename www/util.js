// Small helpers shared by the page's scripts. Article text is untrusted: it
// only ever becomes text nodes (textContent), never HTML.
//
// Every script of the page is one strict function run at once on the one
// namespace `window.wirediff`: it takes what it needs from it and adds what
// it offers, so that nothing else is global.
(function (wd) {
'use strict';

/**
 * Builds an element: `el('p', {class: 'x', onclick: f}, 'text', child)`.
 * Attributes starting with "on" become listeners; strings become text nodes.
 */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Removes every child of `node`. */
function clear(node) {
  node.replaceChildren();
  return node;
}

// The analysis reports UTF-8 byte offsets; JavaScript strings count UTF-16
// units, so text is cut from the encoded bytes.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Decodes base64 (the embedded WebAssembly module). A plain loop: about ten
 * times faster than `Uint8Array.from` with a mapping function.
 */
function base64Bytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Calls `f` once `ms` milliseconds after the last of a burst of calls. */
function debounce(f, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => f(...args), ms);
  };
}

function percent(share) {
  return `${Math.round(share * 100)}%`;
}

/** Colour class of a cluster: its number cycles through eight colours. */
function palette(cluster) {
  return `pal-${cluster % 8}`;
}

/** Kinds of link, the closest first. */
const KIND_ORDER = ['verbatim', 'near', 'paraphrase'];

const KIND_LABEL = {
  verbatim: 'copied word for word',
  near: 'lightly edited',
  paraphrase: 'rewritten (same facts)',
};

/** Short names of the kinds, for a group's mix. */
const KIND_SHORT = { verbatim: 'copied', near: 'lightly edited', paraphrase: 'rewritten' };

/**
 * What a group's versions are, each from its own pair with the reference:
 * "3 copied, 1 rewritten" (one kind alone keeps its full label).
 */
function kindMix(cluster) {
  const counts = KIND_ORDER.map((k) => [k, cluster.members.filter((m) => m.kind === k).length])
    .filter(([, n]) => n > 0);
  if (counts.length === 1) return KIND_LABEL[counts[0][0]];
  return counts.map(([k, n]) => `${n} ${KIND_SHORT[k]}`).join(', ');
}

Object.assign(wd, { el, append, clear, encoder, decoder, base64Bytes, debounce, percent, palette, KIND_ORDER, KIND_LABEL, kindMix });
})(window.wirediff = window.wirediff || {});
