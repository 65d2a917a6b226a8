#!/usr/bin/env node
// Runs a wasm32-wasip1 program (a test binary) with Node's built-in WASI, so
// that the library's tests run where `usize` is 32 bits, as on the page.
//
//   CARGO_TARGET_WASM32_WASIP1_RUNNER="node --single-threaded-gc scripts/wasi-run.mjs" \
//     cargo test --target wasm32-wasip1 --lib --tests
//
// The program sees its arguments, the environment, and the working
// directory, the crate's directory and the temporary directory under their
// own absolute paths (the tests read `tests/data/` from CARGO_MANIFEST_DIR).
// Its exit status is the program's; a trap (a panic aborts: wasm32-wasip1 is
// panic=abort) prints the trap and exits with 134, as an abort would. The
// abort loses what libtest captured, the panic message included: pass
// `-- --nocapture` to see it (scripts/test does).
import { readFile } from "node:fs/promises";
import { existsSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import process from "node:process";
import { setFlagsFromString } from "node:v8";
import { WASI } from "node:wasi";

// Node 20's V8 flushes the bytecode of JavaScript functions it has not run
// for a while, even of this script's function while it waits in
// `wasi.start` for a long test run; when a panicking test then traps, V8
// looks for the `catch` below in the flushed bytecode and crashes (SIGSEGV)
// instead of reporting the trap. Flushing is decided at garbage collection,
// so turning it off here is enough.
setFlagsFromString("--no-flush-bytecode");

// `node:wasi` warns that it is experimental on every run; the warning says
// nothing about the program, so it is dropped.
process.removeAllListeners("warning");
process.on("warning", (w) => {
  if (w.name !== "ExperimentalWarning") console.warn(w);
});

const [wasmPath, ...args] = process.argv.slice(2);
if (!wasmPath) {
  console.error("usage: node scripts/wasi-run.mjs PROGRAM.wasm [ARGS...]");
  process.exit(2);
}

const preopens = {};
for (const dir of [process.cwd(), process.env.CARGO_MANIFEST_DIR, tmpdir()]) {
  if (dir && existsSync(dir)) {
    preopens[dir] = dir;
    const real = realpathSync(dir);
    preopens[real] = real;
  }
}

// Module-level bindings stay reachable while `wasi.start` runs: were the WASI
// object garbage-collected meanwhile (as a dead local can be), Node would
// abort in its destructor.
const wasi = new WASI({
  version: "preview1",
  args: [wasmPath, ...args],
  env: process.env,
  preopens,
  returnOnExit: true,
});

const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
let status;
try {
  status = wasi.start(instance);
} catch (e) {
  // Rust has printed the panic message already; the JavaScript stack of the
  // trap adds nothing to it.
  console.error(`wasi-run: ${wasmPath} trapped (${e?.message ?? e})`);
  status = 134;
}
process.exitCode = status;
