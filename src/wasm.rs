//! The WebAssembly boundary (compiled only for `wasm32`).
