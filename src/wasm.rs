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

use crate::model::{Input, Marks, Options};

/// Installs the panic hook when the module starts.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(cannot_return)
}

/// The error of [`to_js`], formatted once for every type it returns.
#[inline(never)]
fn cannot_return(e: serde_wasm_bindgen::Error) -> JsError {
    JsError::new(&format!("cannot return the result: {e}"))
}

/// Reads the options object field by field (any field may be left out;
/// unknown ones are ignored, as `serde` would). Read by hand rather than
/// through `serde-wasm-bindgen`'s deserializer: that one, with the float
/// printer its messages need, is a tenth of the page's module.
fn options(value: JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() {
        return Err(JsError::new("invalid options: expected an object"));
    }
    let field = |name: &str| -> Option<JsValue> {
        js_sys::Reflect::get(&value, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined())
    };
    let wrong =
        |name: &str, what: &str| JsError::new(&format!("invalid options: {name} must be {what}"));
    let number = |name: &str| -> Result<Option<f64>, JsError> {
        field(name)
            .map(|v| v.as_f64().ok_or_else(|| wrong(name, "a number")))
            .transpose()
    };
    let count = |name: &str| -> Result<Option<u64>, JsError> {
        number(name)?
            .map(|x| {
                let whole = x >= 0.0 && x.fract() == 0.0 && x <= 9_007_199_254_740_991.0;
                whole
                    .then_some(x as u64)
                    .ok_or_else(|| wrong(name, "a whole number, 0 or more"))
            })
            .transpose()
    };
    let flag = |name: &str| -> Result<Option<bool>, JsError> {
        field(name)
            .map(|v| v.as_bool().ok_or_else(|| wrong(name, "true or false")))
            .transpose()
    };
    if let Some(x) = number("threshold")? {
        options.threshold = x;
    }
    if let Some(x) = count("min_words")? {
        options.min_words = usize::try_from(x).unwrap_or(usize::MAX);
    }
    if let Some(x) = flag("diffs")? {
        options.diffs = x;
    }
    if let Some(x) = count("diff_timeout_ms")? {
        options.diff_timeout_ms = x;
    }
    if let Some(x) = flag("paraphrases")? {
        options.paraphrases = x;
    }
    if let Some(x) = number("paraphrase_threshold")? {
        options.paraphrase_threshold = x;
    }
    if let Some(x) = flag("diff_ignore_case")? {
        options.diff_ignore_case = x;
    }
    if let Some(x) = flag("diff_ignore_punctuation")? {
        options.diff_ignore_punctuation = x;
    }
    Ok(options)
}

/// Reads the articles: an array of `{name, text}` objects with string
/// fields, and perhaps `story` and `aside`, lists of paragraph numbers (by
/// hand, like [`options`]).
fn inputs(value: &JsValue) -> Result<Vec<Input>, JsError> {
    let wrong = |what: String| {
        JsError::new(&format!(
            "articles must be a list of {{name, text}}: {what}"
        ))
    };
    if !js_sys::Array::is_array(value) {
        return Err(wrong("not an array".into()));
    }
    let array = js_sys::Array::from(value);
    (0..array.length())
        .map(|i| {
            let article = array.get(i);
            let text_of = |name: &str| {
                js_sys::Reflect::get(&article, &JsValue::from_str(name))
                    .ok()
                    .and_then(|v| v.as_string())
                    .ok_or_else(|| wrong(format!("article {}: {name} must be a string", i + 1)))
            };
            // The paragraphs the reader marked: absent, or a list of
            // paragraph numbers (one fixed message: formatting costs the
            // module kilobytes).
            let marks = |name: &str| -> Result<Vec<usize>, JsError> {
                let value = js_sys::Reflect::get(&article, &JsValue::from_str(name))
                    .unwrap_or(JsValue::UNDEFINED);
                let numbers: Option<Vec<usize>> = if value.is_undefined() {
                    Some(Vec::new())
                } else if js_sys::Array::is_array(&value) {
                    js_sys::Array::from(&value)
                        .iter()
                        .map(|v| {
                            v.as_f64()
                                .filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n < 1e9)
                        })
                        .map(|n| n.map(|n| n as usize))
                        .collect()
                } else {
                    None
                };
                numbers.ok_or_else(|| {
                    JsError::new("articles: paragraph marks must be lists of paragraph numbers")
                })
            };
            if !article.is_object() {
                return Err(wrong(format!("article {} is not an object", i + 1)));
            }
            let mut input = Input::new(text_of("name")?, text_of("text")?);
            input.marks = Marks {
                story: marks("story")?,
                aside: marks("aside")?,
                headline: marks("headline")?,
                byline: marks("byline")?,
                date: marks("date")?,
            };
            Ok(input)
        })
        .collect()
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
/// whole [`crate::Analysis`]. `progress`, if given, is a JavaScript function
/// called as `progress(stage, done, total)` as the work goes (stages:
/// `segmenting` once per article, `matching`, `summarising`, then
/// `returning` while the result is converted for JavaScript); what it
/// returns or throws is ignored.
#[wasm_bindgen]
pub fn analyze(
    articles: JsValue,
    options_value: JsValue,
    progress: Option<js_sys::Function>,
) -> Result<JsValue, JsError> {
    let inputs = inputs(&articles)?;
    let options = options(options_value)?;
    let report = |stage: &str, done: usize, total: usize| {
        if let Some(f) = &progress {
            let _ = f.call3(
                &JsValue::NULL,
                &JsValue::from_str(stage),
                &JsValue::from_f64(done as f64),
                &JsValue::from_f64(total as f64),
            );
        }
    };
    // The analysis kept for diffs gives way first: two would double the memory.
    KEPT.set(None);
    let analysis = measured("wirediff:analyze", || {
        crate::analysis::analyze_with_progress(&inputs, &options, &mut |stage, done, total| {
            report(stage.name(), done, total)
        })
    })
    .map_err(|e| JsError::new(&e.to_string()))?;
    report("returning", 0, 1);
    let out = to_js(&analysis);
    report("returning", 1, 1);
    KEPT.set(Some((inputs, analysis)));
    out
}

thread_local! {
    /// The last analysis and its inputs, for `diffAnalysed`: the page's
    /// diffs pair paragraphs through its groups and links without sending
    /// them back.
    static KEPT: std::cell::RefCell<Option<(Vec<Input>, crate::Analysis)>> =
        const { std::cell::RefCell::new(None) };
}

/// Paragraph diff of articles `a` and `b` of the last analysis, paired
/// through its groups and links ([`crate::analysis::diff_analysed`]).
/// `text_a` and `text_b` are the texts the page expects them to have: when
/// the analysis kept is another (a newer one ran, or none did), this throws
/// an error whose message starts with "not kept".
#[wasm_bindgen(js_name = diffAnalysed)]
pub fn diff_analysed(
    a: usize,
    b: usize,
    text_a: &str,
    text_b: &str,
    options_value: JsValue,
) -> Result<JsValue, JsError> {
    let options = options(options_value)?;
    KEPT.with_borrow(|kept| match kept {
        Some((inputs, analysis))
            if inputs.get(a).is_some_and(|i| i.text == text_a)
                && inputs.get(b).is_some_and(|i| i.text == text_b) =>
        {
            to_js(&measured("wirediff:diff", || {
                crate::analysis::diff_analysed(inputs, analysis, a, b, &options)
            }))
        }
        _ => Err(JsError::new(
            "not kept: the analysis of these articles is not at hand",
        )),
    })
}

/// Whether `text` has a word to compare: the same check as `analyze`, which
/// refuses an article without one (`Error::EmptyArticle`). The page leaves
/// such articles out of the analysis and marks them instead.
#[wasm_bindgen(js_name = hasWords)]
pub fn has_words(text: &str) -> bool {
    crate::analysis::has_words(text)
}

/// Paragraph diff of two texts, for the page's diff view. `shared`, if
/// given, lists the paragraphs that hold linked sentences as a flat array
/// `[paragraph of a, paragraph of b, …]` (the analysis's groups and links);
/// without it, paragraphs that hold the same sentence pair.
#[wasm_bindgen(js_name = diffTexts)]
pub fn diff_texts(
    a: &str,
    b: &str,
    options_value: JsValue,
    shared: Option<Vec<u32>>,
) -> Result<JsValue, JsError> {
    let options = options(options_value)?;
    to_js(&measured("wirediff:diff", || match shared {
        Some(flat) => {
            let pairs: Vec<(usize, usize)> = flat
                .chunks_exact(2)
                .map(|p| (p[0] as usize, p[1] as usize))
                .collect();
            crate::diff_texts_sharing(a, b, &pairs, &options)
        }
        None => crate::diff_texts(a, b, &options),
    }))
}

/// Word-level diff of two short texts (such as two variants of a shared
/// sentence): pieces tagged `equal`, `delete` or `insert`.
#[wasm_bindgen(js_name = diffWords)]
pub fn diff_words(a: &str, b: &str) -> Result<JsValue, JsError> {
    to_js(&crate::diff::inline_diff(a, b, None))
}

/// Why sentence `sa` of article `a` and sentence `sb` of article `b` of
/// `articles` (as given to [`analyze`], with the options it ran with) are
/// or are not linked: [`crate::PairWhy`], or the name of the
/// [`crate::WhyReason`] they are not compared for.
#[wasm_bindgen(js_name = explainPair)]
pub fn explain_pair(
    articles: JsValue,
    options_value: JsValue,
    a: usize,
    sa: usize,
    b: usize,
    sb: usize,
) -> Result<JsValue, JsError> {
    let inputs = inputs(&articles)?;
    let options = options(options_value)?;
    let at = |article, sentence| crate::SentenceRef { article, sentence };
    match crate::explain_pair(&inputs, &options, at(a, sa), at(b, sb)) {
        Ok(why) => to_js(&why),
        Err(reason) => Ok(JsValue::from_str(reason.name())),
    }
}

/// The default options (`options.rs`), so the page's controls start where
/// the CLI's do.
#[wasm_bindgen]
pub fn defaults() -> Result<JsValue, JsError> {
    to_js(&Options::default())
}

/// The crate version, for the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
