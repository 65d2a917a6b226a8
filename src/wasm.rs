//! The WebAssembly boundary (compiled only for the browser, `wasm32-unknown-unknown`).
//!
//! One call per analysis: JavaScript passes every article and the options,
//! and gets the whole result model back as plain objects
//! (`serde-wasm-bindgen`, JSON-compatible: `null` for absent values). Bad
//! input becomes a JavaScript `Error` with a one-line message; a panic, which
//! would be a bug, is reported on the console by `console_error_panic_hook`
//! and traps the instance; the page then replaces it (`www/worker.js`).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::model::{Input, Options};

/// Installs the panic hook when the module starts.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot return the result: {e}")))
}

fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

/// The global `performance` object: the window's on the page, the worker's
/// own in the analysis worker, none in some test runners.
fn performance() -> Option<web_sys::Performance> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()?
        .dyn_into()
        .ok()
}

/// Times a step with the browser's performance marks, when there is a
/// `performance` object.
fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = performance();
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    out
}

/// Analyses `articles` (an array of `{name, text}`) with `options` (an
/// object with any of the [`Options`] fields, or `undefined`), returning the
/// whole [`crate::Analysis`].
#[wasm_bindgen]
pub fn analyze(articles: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    let inputs: Vec<Input> = serde_wasm_bindgen::from_value(articles)
        .map_err(|e| JsError::new(&format!("articles must be a list of {{name, text}}: {e}")))?;
    let options = options(options_value)?;
    let analysis = measured("wirediff:analyze", || crate::analyze(&inputs, &options))
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&analysis)
}

/// Whether `text` has a word to compare: the same check as `analyze`, which
/// refuses an article without one (`Error::EmptyArticle`). The page leaves
/// such articles out of the analysis and marks them instead.
#[wasm_bindgen(js_name = hasWords)]
pub fn has_words(text: &str) -> bool {
    crate::analysis::has_words(text)
}

/// Paragraph diff of two texts, for the page's diff view.
#[wasm_bindgen(js_name = diffTexts)]
pub fn diff_texts(a: &str, b: &str, options_value: JsValue) -> Result<JsValue, JsError> {
    let options = options(options_value)?;
    to_js(&measured("wirediff:diff", || {
        crate::diff_texts(a, b, &options)
    }))
}

/// Word-level diff of two short texts (such as two variants of a shared
/// sentence): pieces tagged `equal`, `delete` or `insert`.
#[wasm_bindgen(js_name = diffWords)]
pub fn diff_words(a: &str, b: &str) -> Result<JsValue, JsError> {
    to_js(&crate::diff::inline_diff(a, b, None))
}

/// The crate version, for the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
