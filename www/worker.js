// Every call into the WebAssembly core goes through one object, `Core`.
// The analysis runs in a Web Worker so that the page stays responsive while
// hundreds of articles are compared, and it can be cancelled for real: the
// worker is terminated and replaced by a fresh one (as squoosh does), not
// left to finish a result the page would throw away. From file:// a worker
// must come from a Blob: its source is the wasm-bindgen glue plus
// WORKER_MAIN below, and it receives the compiled module from the page.
// Where a worker cannot start, the same calls run on the page itself.
//
// While it works, the worker reports the core's stages (progress messages),
// and it sends a large result in parts (the long lists a slice at a time),
// so that reading it on the page is many short tasks rather than one that
// freezes the tab.
//
// A WebAssembly trap (a Rust panic ends in `unreachable`) leaves an instance
// unusable, so a worker that traps is terminated and replaced by a fresh one
// made from the same compiled module, and the page's own instance is
// re-instantiated likewise. Requests to a worker that has stopped are
// rejected with a message, never left waiting.
(function (wd) {
'use strict';

const { plural } = wd;

/** Source of the worker's message loop (runs after the glue). */
const WORKER_MAIN = `
// The long lists of a result, sent a slice at a time. An item weighs about
// the number of values it holds, and a part holds about PART_WEIGHT of
// them: reading one on the page takes a few tens of milliseconds.
const PARTS = [['articles'], ['clusters'], ['links'], ['overlap', 'pairs']];
const PART_WEIGHT = 15000;
function weight(item) {
  if (!item || typeof item !== 'object') return 1;
  if (Array.isArray(item.sentences)) return 10 + 8 * item.sentences.length;
  if (Array.isArray(item.members)) return 10 + 17 * item.members.length;
  if (item.a && typeof item.a === 'object') return 40;
  return 4;
}

function sendResult(id, result) {
  if (result && typeof result === 'object') {
    for (const path of PARTS) {
      const holder = path.slice(0, -1).reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), result);
      const key = path[path.length - 1];
      const list = holder && holder[key];
      if (!Array.isArray(list) || !list.length) continue;
      holder[key] = [];
      let start = 0;
      let load = 0;
      for (let i = 0; i < list.length; i++) {
        load += weight(list[i]);
        if (load >= PART_WEIGHT || i === list.length - 1) {
          self.postMessage({ id, part: [path, list.slice(start, i + 1)] });
          start = i + 1;
          load = 0;
        }
      }
    }
  }
  self.postMessage({ id, result });
}

/** Reports progress to the page: each new stage, then at most every 40 ms. */
function reporter(id) {
  let last = 0;
  let lastStage = null;
  return (stage, done, total) => {
    const now = Date.now();
    if (stage === lastStage && done > 0 && done < total && now - last < 40) return;
    last = now;
    lastStage = stage;
    self.postMessage({ id, progress: [stage, done, total] });
  };
}

self.onmessage = async (event) => {
  const { id, call, args, progress } = event.data;
  try {
    if (call === 'init') {
      await wasm_bindgen({ module_or_path: args[0] });
      self.postMessage({ id, result: true });
    } else {
      sendResult(id, wasm_bindgen[call](...args, ...(progress ? [reporter(id)] : [])));
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

/** The error of a call that was cancelled (its `name` is "AbortError"). */
function cancelled() {
  return new DOMException('the work was cancelled', 'AbortError');
}

const isCancel = (e) => Boolean(e) && e.name === 'AbortError';

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

  /** Waits at most `patience` ms for the next message while an answer is due. */
  watch() {
    clearTimeout(this.timer);
    if (!this.pending.size || this.stopped) return;
    this.timer = setTimeout(() => {
      this.stop(`the analysis worker gave no answer for ${plural(Math.max(1, Math.round(this.patience / 1000)), 'second')}`);
    }, this.patience);
  }

  settle({ id, result, error, trap, progress, part }) {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.watch();
    if (progress) {
      if (waiting.onProgress) waiting.onProgress(...progress);
      return;
    }
    if (part) {
      waiting.parts.push(part);
      return;
    }
    this.pending.delete(id);
    if (trap) {
      const reason = `the analysis failed inside the WebAssembly core (${error})`;
      waiting.reject(Object.assign(new Error(reason), { trap: true }));
      this.stop(reason);
      return;
    }
    if (error !== undefined) {
      waiting.reject(new Error(error));
    } else {
      // Put the parts back where they were taken from, in order.
      for (const [path, items] of waiting.parts) {
        const holder = path.slice(0, -1).reduce((o, k) => o[k], result);
        const list = holder[path[path.length - 1]];
        for (const item of items) list.push(item);
      }
      waiting.resolve(result);
    }
    this.watch();
  }

  /**
   * Terminates the worker and rejects everything still waiting on it with
   * `reason`, or with `error` if given (a cancellation).
   */
  stop(reason, error = null) {
    if (this.stopped) return;
    this.stopped = reason;
    clearTimeout(this.timer);
    this.worker.terminate();
    for (const waiting of this.pending.values()) {
      waiting.reject(error || Object.assign(new Error(reason), { trap: true }));
    }
    this.pending.clear();
    this.onStop(reason);
  }

  /**
   * Sends a call; `onProgress(stage, done, total)` hears the core's
   * progress, and aborting `signal` terminates the worker at once.
   */
  send(call, args, { signal = null, onProgress = null } = {}) {
    if (this.stopped) return Promise.reject(new Error(`${this.stopped}; a fresh one is starting`));
    if (signal && signal.aborted) return Promise.reject(cancelled());
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      const done = () => { if (signal) signal.removeEventListener('abort', abort); };
      const abort = () => this.stop('the work was cancelled', cancelled());
      this.pending.set(id, {
        resolve: (v) => { done(); resolve(v); },
        reject: (e) => { done(); reject(e); },
        onProgress,
        parts: [],
      });
      if (signal) signal.addEventListener('abort', abort, { once: true });
      try {
        this.worker.postMessage({ id, call, args, progress: Boolean(onProgress) });
      } catch (e) {
        this.pending.get(id).reject(e);
        this.pending.delete(id);
        return;
      }
      this.watch();
    });
  }
}

/**
 * The one way into the core: `call` (async, in the worker, cancellable
 * with an AbortSignal) and `local` (synchronous, on the page, for the small
 * diff and word-check calls).
 */
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
    /** How many calls were cancelled by terminating their worker. */
    this.cancelled = 0;
    /** How long a worker may go without a message while it owes an answer. */
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

  /**
   * Calls core function `name` with `args`, in the worker when there is
   * one. `signal` (an AbortSignal) cancels it: the call rejects with an
   * AbortError and its worker is terminated and replaced. `onProgress`
   * hears `(stage, done, total)` from the core.
   */
  async call(name, args, { signal = null, onProgress = null } = {}) {
    // Wait for the worker being started, or for its replacement.
    let starting;
    do {
      starting = this.workerStarting;
      await starting;
      if (signal && signal.aborted) throw cancelled();
    } while (starting !== this.workerStarting);
    if (this.worker) {
      try {
        return await this.worker.send(name, args, { signal, onProgress });
      } catch (e) {
        if (isCancel(e)) this.cancelled++;
        if (e.trap) throw new Error(`${e.message}, so the worker was replaced by a fresh one`);
        throw e;
      }
    }
    await this.glueStarting;
    if (signal && signal.aborted) throw cancelled();
    // On the page the call cannot be interrupted; it reports no progress.
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

Object.assign(wd, { Core, isCancel, cancelled });
})(window.wirediff);
