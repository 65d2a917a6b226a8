// The analysis runs in a Web Worker so that the page stays responsive while
// hundreds of articles are compared. From file:// a worker must come from a
// Blob: its source is the wasm-bindgen glue plus WORKER_MAIN below, and it
// receives the compiled module from the page. Where a worker cannot start,
// the same calls run on the page itself.
'use strict';

/** Source of the worker's message loop (runs after the glue). */
const WORKER_MAIN = `
self.onmessage = async (event) => {
  const { id, call, args } = event.data;
  try {
    if (call === 'init') {
      await wasm_bindgen({ module_or_path: args[0] });
      self.postMessage({ id, result: true });
    } else {
      self.postMessage({ id, result: wasm_bindgen[call](...args) });
    }
  } catch (e) {
    self.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
};`;

/** Runs core calls in a worker; `call` returns a promise of the result. */
class Core {
  constructor() {
    this.worker = null;
    this.pending = new Map();
    this.next = 0;
  }

  /** Compiles the module, starts the page's own instance and the worker. */
  async start(bytes, glueSource) {
    const module = await WebAssembly.compile(bytes);
    await wasm_bindgen({ module_or_path: module });
    try {
      const blob = new Blob([glueSource, WORKER_MAIN], { type: 'text/javascript' });
      const url = URL.createObjectURL(blob);
      this.worker = new Worker(url);
      URL.revokeObjectURL(url);
      this.worker.onmessage = (event) => this.settle(event.data);
      this.worker.onerror = (event) => this.fail(event.message || 'the analysis worker stopped');
      await this.send('init', [module]);
    } catch (e) {
      this.worker = null; // Fall back to the page's own instance.
    }
  }

  settle({ id, result, error }) {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (error !== undefined) waiting.reject(new Error(error));
    else waiting.resolve(result);
  }

  fail(message) {
    for (const waiting of this.pending.values()) waiting.reject(new Error(message));
    this.pending.clear();
    this.worker = null;
  }

  send(call, args) {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, call, args });
    });
  }

  /** Calls a core function, in the worker when there is one. */
  async call(name, ...args) {
    if (this.worker) return this.send(name, args);
    return wasm_bindgen[name](...args);
  }
}
