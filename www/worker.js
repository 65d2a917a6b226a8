// The analysis runs in a Web Worker so that the page stays responsive while
// hundreds of articles are compared. From file:// a worker must come from a
// Blob: its source is the wasm-bindgen glue plus WORKER_MAIN below, and it
// receives the compiled module from the page. Where a worker cannot start,
// the same calls run on the page itself.
//
// A WebAssembly trap (a Rust panic ends in `unreachable`) leaves an instance
// unusable, so a worker that traps is terminated and replaced by a fresh one
// made from the same compiled module, and the page's own instance is
// re-instantiated likewise. Requests to a worker that has stopped are
// rejected with a message, never left waiting.
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
    const trap = e instanceof WebAssembly.RuntimeError || e instanceof RangeError;
    const text = e && e.message ? e.message : String(e);
    self.postMessage({ id, error: trap ? e.name + ': ' + text : text, trap });
  }
};`;

/**
 * Whether `e` is a trap (or the stack or memory running out), after which
 * the instance that threw it must not be used again.
 */
function isTrap(e) {
  return e instanceof WebAssembly.RuntimeError || e instanceof RangeError;
}

function describeError(e) {
  const text = e && e.message ? e.message : String(e);
  return isTrap(e) ? `${e.name}: ${text}` : text;
}

/** One analysis worker; `onStop(reason)` is called once when it stops. */
class AnalysisWorker {
  constructor(module, glueSource, patience, onStop) {
    this.pending = new Map();
    this.next = 0;
    this.stopped = null;
    this.patience = patience;
    this.onStop = onStop;
    this.timer = 0;
    const blob = new Blob([glueSource, WORKER_MAIN], { type: 'text/javascript' });
    const url = URL.createObjectURL(blob);
    try {
      this.worker = new Worker(url);
    } finally {
      URL.revokeObjectURL(url);
    }
    this.worker.onmessage = (event) => this.settle(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.stop(`the analysis worker stopped (${event.message || 'an error in the worker'})`);
    };
    this.worker.onmessageerror = () => this.stop('the analysis worker sent an answer that could not be read');
    this.ready = this.send('init', [module]);
  }

  /** Waits at most `patience` ms for the next answer while any is due. */
  watch() {
    clearTimeout(this.timer);
    if (!this.pending.size || this.stopped) return;
    this.timer = setTimeout(() => {
      this.stop(`the analysis worker gave no answer for ${plural(Math.max(1, Math.round(this.patience / 1000)), 'second')}`);
    }, this.patience);
  }

  settle({ id, result, error, trap }) {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (trap) {
      const reason = `the analysis failed inside the WebAssembly core (${error})`;
      waiting.reject(Object.assign(new Error(reason), { trap: true }));
      this.stop(reason);
      return;
    }
    if (error !== undefined) waiting.reject(new Error(error));
    else waiting.resolve(result);
    this.watch();
  }

  /** Terminates the worker and rejects everything still waiting on it. */
  stop(reason) {
    if (this.stopped) return;
    this.stopped = reason;
    clearTimeout(this.timer);
    this.worker.terminate();
    for (const waiting of this.pending.values()) waiting.reject(Object.assign(new Error(reason), { trap: true }));
    this.pending.clear();
    this.onStop(reason);
  }

  send(call, args) {
    if (this.stopped) return Promise.reject(new Error(`${this.stopped}; a fresh one is starting`));
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ id, call, args });
      } catch (e) {
        this.pending.delete(id);
        reject(e);
        return;
      }
      this.watch();
    });
  }
}

/** Runs core calls in a worker (`call`, async) or on the page (`local`, sync). */
class Core {
  constructor() {
    this.module = null;
    this.glueSource = null;
    /** The current worker, once it has started; null while starting or without one. */
    this.worker = null;
    this.workerStarting = Promise.resolve();
    /** The page's own instance: a fresh wasm-bindgen glue from `wirediffGlue()`. */
    this.glue = null;
    this.glueStarting = Promise.resolve();
    /** Why the page's own instance could not be restarted, if it could not. */
    this.glueProblem = null;
    /** How many workers and page instances were started (the first included). */
    this.workersStarted = 0;
    this.instancesStarted = 0;
    /** How long a worker may go without answering while it owes an answer. */
    this.patience = 120000;
    /** Why the worker could not start, when the page runs the analysis itself. */
    this.workerProblem = null;
  }

  /** Compiles the module, starts the page's own instance and the worker. */
  async start(bytes, glueSource) {
    this.module = await WebAssembly.compile(bytes);
    this.glueSource = glueSource;
    await this.startLocal();
    this.startWorker();
    await this.workerStarting;
  }

  /** A fresh instance on the page, from a fresh copy of the glue. */
  startLocal() {
    this.glue = null;
    this.glueStarting = (async () => {
      const glue = window.wirediffGlue();
      await glue({ module_or_path: this.module });
      this.glue = glue;
      this.glueProblem = null;
      this.instancesStarted++;
    })();
    return this.glueStarting;
  }

  startWorker() {
    this.worker = null;
    this.workerStarting = (async () => {
      let lane = null;
      try {
        lane = new AnalysisWorker(this.module, this.glueSource, this.patience, () => this.replace(lane));
        this.workersStarted++;
        await lane.ready;
        this.worker = lane;
        this.workerProblem = null;
      } catch (e) {
        if (lane) lane.onStop = () => {};
        if (lane) lane.stop('the analysis worker could not start');
        this.worker = null; // Fall back to the page's own instance.
        this.workerProblem = describeError(e);
      }
    })();
    return this.workerStarting;
  }

  /** A worker stopped: if it was the current one, start a fresh one. */
  replace(lane) {
    if (this.worker === lane) this.startWorker();
  }

  /** Calls a core function, in the worker when there is one. */
  async call(name, ...args) {
    // Wait for the worker being started, or for its replacement.
    let starting;
    do {
      starting = this.workerStarting;
      await starting;
    } while (starting !== this.workerStarting);
    if (this.worker) {
      try {
        return await this.worker.send(name, args);
      } catch (e) {
        if (e.trap) throw new Error(`${e.message}, so the worker was replaced by a fresh one`);
        throw e;
      }
    }
    await this.glueStarting;
    return this.local(name, ...args);
  }

  /**
   * Calls a core function on the page's own instance, synchronously. After
   * a trap the instance is replaced and the call throws with the reason.
   */
  local(name, ...args) {
    if (!this.glue) {
      throw new Error(this.glueProblem
        ? `the page\u2019s WebAssembly core could not restart (${this.glueProblem}); reload the page`
        : 'the page\u2019s WebAssembly core is restarting; try again in a moment');
    }
    try {
      return this.glue[name](...args);
    } catch (e) {
      if (!isTrap(e)) throw e;
      this.startLocal().catch((e2) => {
        this.glueProblem = describeError(e2);
      });
      throw new Error(`it failed inside the WebAssembly core (${describeError(e)}), which was restarted`);
    }
  }
}
