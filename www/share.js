// A comparison that travels: its state (the articles with their marks and
// the page's settings, `checkState` in store.js) as a link, whose fragment
// (never sent to any server) holds it compressed, or as one HTML file, the
// page itself with the state embedded; and the analysis exported for
// research (JSON, CSV) and the ribbon as a picture (SVG, PNG). Every export
// names the wirediff version and the settings it was made with.
(function (wd) {
'use strict';
const { el, count, STATE_VERSION, checkState, base64Bytes } = wd;

/** A link's fragment: `#c=` then the state, deflated, in base64url. */
const FRAGMENT = '#c=';
/** Longest link the page offers: longer ones break in mail and chat, so the file is offered instead. */
const MAX_LINK = 60000;
/** Most characters a link's state may unpack to (two articles at the limit, and some). */
const MAX_UNPACKED = 5000000;
/** The block a saved file carries its state in. */
const SAVED_ID = 'wirediff-saved';

/** A comparison's state: `{wirediff, articles, prefs}`, as checkState reads it. */
function stateOf(articles, prefs) {
  return {
    wirediff: STATE_VERSION,
    articles: articles.map((a) => {
      const out = { name: a.name, text: a.text };
      for (const k of wd.MARK_KEYS) if (a[k] && a[k].length) out[k] = a[k];
      return out;
    }),
    prefs,
  };
}

/** Bytes through a (de)compression stream; `most` caps what comes out. */
async function through(bytes, transform, most = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(transform).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > most) {
      reader.cancel();
      throw new Error(`it unpacks to more than ${count(most)} bytes`);
    }
    parts.push(value);
  }
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}

/** The link to `state`: this page's address with the state in its fragment. */
async function linkTo(state) {
  const packed = await through(wd.encoder.encode(JSON.stringify(state)), new CompressionStream('deflate-raw'));
  let binary = '';
  for (let i = 0; i < packed.length; i += 0x8000) binary += String.fromCharCode(...packed.subarray(i, i + 0x8000));
  const code = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${location.href.split('#')[0]}${FRAGMENT}${code}`;
}

/**
 * The state a fragment carries: `{value}` (checked), `{error}` saying why
 * it cannot be used, or null when the fragment is no comparison's.
 */
async function stateFromFragment(hash) {
  if (!hash.startsWith(FRAGMENT)) return null;
  const code = hash.slice(FRAGMENT.length);
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new Error('it has characters this page\u2019s links never have');
    let bytes;
    try {
      bytes = base64Bytes(code.replace(/-/g, '+').replace(/_/g, '/'));
    } catch (e) {
      throw new Error('it is cut short or altered');
    }
    let text;
    try {
      text = wd.decoder.decode(await through(bytes, new DecompressionStream('deflate-raw'), MAX_UNPACKED));
    } catch (e) {
      throw new Error(/unpacks/.test(e.message) ? e.message : 'it is cut short or altered (it does not unpack)');
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new Error('it is altered (what it unpacks to is not a comparison)');
    }
    const checked = checkState(value);
    if (checked.error) throw new Error(`it holds ${checked.error}`);
    return { value: checked.value };
  } catch (e) {
    return { error: e.message };
  }
}

/** The state a saved file carries (`{value}`, `{error}`), or null in the page as built. */
function savedState() {
  const block = document.getElementById(SAVED_ID);
  if (!block) return null;
  try {
    const checked = checkState(JSON.parse(block.textContent));
    return checked.error ? { error: `it holds ${checked.error}` } : { value: checked.value, id: block.dataset.id };
  } catch (e) {
    return { error: 'its comparison is not readable' };
  }
}

/**
 * The page as one HTML file with `state` embedded: the page's own source as
 * it was loaded (WIREDIFF_SOURCE, kept by the loader before anything ran),
 * any state it carried replaced. Null when the source was not kept.
 */
function pageWithState(state) {
  const source = window.WIREDIFF_SOURCE;
  if (typeof source !== 'string') return null;
  // Inside the block nothing may close it: "<" is written as \u003c.
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  const id = Math.random().toString(36).slice(2);
  const block = `<script type="application/json" id="${SAVED_ID}" data-id="${id}">${json}</script>`;
  // A saved page's block (not this code's template of it, whose id is no word).
  const old = new RegExp(`<script type="application/json" id="${SAVED_ID}" data-id="[a-z0-9]*">[^<]*</script>`);
  if (old.test(source)) return source.replace(old, () => block);
  // Before the document's own end (the last one: scripts may spell the tag).
  const end = source.lastIndexOf('</body>');
  return `${source.slice(0, end)}${block}\n${source.slice(end)}`;
}

/** Offers `content` as a download named `name`. */
function download(name, content, type) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** What an export names: the version, the settings and when. */
function provenance(analysis, version) {
  const o = analysis.options;
  return {
    version,
    settings: `threshold ${o.threshold.toFixed(2)}, rewrites ${o.paraphrases ? 'linked' : 'not linked'}, at least ${o.min_words} words`,
    made: new Date().toISOString(),
  };
}

/** The analysis as JSON: the result model, with each article's text (offsets are UTF-8 bytes into it). */
function analysisJson(analysis, texts, version) {
  return JSON.stringify({
    wirediff: provenance(analysis, version),
    offsets: 'UTF-8 byte offsets into each article\u2019s text',
    texts,
    analysis,
  }, null, 1);
}

/** One CSV field, quoted when it must be (and never read as a formula). */
function field(value) {
  let s = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One CSV row per link: each group member with the group's representative
 * (its group number), then each link outside the groups; both sentences'
 * articles, places, byte offsets and texts, the kind and the word
 * similarity, and the version and settings on every row.
 */
function linksCsv(analysis, version) {
  const { version: v, settings } = provenance(analysis, version);
  const side = (end) => {
    const article = analysis.articles[end.article];
    const s = article.sentences[end.sentence];
    return [article.name, article.outlet || '', end.sentence + 1, s.start, s.end, s.text];
  };
  const ends = ['article', 'outlet', 'sentence', 'start', 'end', 'text'];
  const rows = [['group', ...ends.map((x) => `${x}_a`), ...ends.map((x) => `${x}_b`), 'kind', 'similarity', 'wirediff', 'settings']];
  analysis.clusters.forEach((c, i) => {
    const rep = c.members[c.representative];
    for (const m of c.members) {
      if (m !== rep) rows.push([wd.groupNumber(analysis, i), ...side(rep), ...side(m), m.kind, m.similarity.toFixed(3), v, settings]);
    }
  });
  for (const l of analysis.links) rows.push(['', ...side(l.a), ...side(l.b), l.kind, l.similarity.toFixed(3), v, settings]);
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** An SVG element as a standalone file, titled with the version and settings. */
function svgFile(svg, title) {
  const copy = svg.cloneNode(true);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.getBoundingClientRect();
  if (!copy.getAttribute('width')) copy.setAttribute('width', Math.ceil(box.width));
  if (!copy.getAttribute('height')) copy.setAttribute('height', Math.ceil(box.height));
  const heading = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  heading.textContent = title;
  copy.prepend(heading);
  // The page's styles do not travel: each node takes its computed paint as
  // presentation attributes (style attributes are against the page's policy).
  const styled = [...copy.querySelectorAll('*')].filter((n) => n !== heading);
  [...svg.querySelectorAll('*')].forEach((node, i) => {
    const style = getComputedStyle(node);
    for (const [name, value] of [['fill', style.fill], ['stroke', style.stroke], ['stroke-width', style.strokeWidth], ['opacity', style.opacity],
      ['font-family', style.fontFamily], ['font-size', style.fontSize], ['font-weight', style.fontWeight]]) styled[i].setAttribute(name, value);
  });
  return new XMLSerializer().serializeToString(copy);
}

/** The SVG text drawn as a PNG (twice its size, for print): a Blob. */
async function pngOf(svgText, width, height) {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = el('canvas', { width: width * 2, height: height * 2 });
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be drawn'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

Object.assign(wd, {
  FRAGMENT, MAX_LINK, stateOf, linkTo, stateFromFragment, savedState, pageWithState, download, provenance, analysisJson,
  linksCsv, svgFile, pngOf,
});
})(window.wirediff);
