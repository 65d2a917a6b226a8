//! The WebAssembly boundary, run in headless Chromium by wasm-bindgen-test
//! (`scripts/test-web`). Native `cargo test` skips this file.
#![cfg(all(target_arch = "wasm32", target_os = "unknown"))]

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn article(name: &str, text: &str) -> JsValue {
    let object = js_sys::Object::new();
    Reflect::set(&object, &"name".into(), &name.into()).unwrap();
    Reflect::set(&object, &"text".into(), &text.into()).unwrap();
    object.into()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn seeds() -> JsValue {
    let list = Array::new();
    for (name, text) in [
        ("000", include_str!("data/seeds/000_241b758aa50da853.txt")),
        ("001", include_str!("data/seeds/001_48ddd577ffdcc53b.txt")),
        ("002", include_str!("data/seeds/002_7683c41612a091b6.txt")),
        ("003", include_str!("data/seeds/003_f03fed4ee1a3ea1b.txt")),
        ("004", include_str!("data/seeds/004_a1f5b1f7928a5dba.txt")),
    ] {
        list.push(&article(name, text));
    }
    list.into()
}

#[wasm_bindgen_test]
fn analyze_returns_the_whole_model_in_one_call() {
    let result = wirediff::wasm::analyze(seeds(), JsValue::UNDEFINED, None).expect("analysis");
    let articles = Array::from(&get(&result, "articles"));
    assert_eq!(articles.length(), 5);
    let first_sentence = Array::from(&get(&articles.get(0), "sentences")).get(0);
    assert_eq!(
        get(&first_sentence, "text").as_string().unwrap(),
        "Nvidia CEO Praises China's AI Models as Chip Sales Set to Resume"
    );
    // Absent values are null, not undefined, as in the CLI's JSON.
    assert!(
        Array::from(&get(&articles.get(2), "sentences"))
            .iter()
            .any(|s| get(&s, "cluster").is_null())
    );
    let clusters = Array::from(&get(&result, "clusters"));
    assert!(clusters.length() >= 3);
    let kind = get(&clusters.get(0), "kind").as_string().unwrap();
    assert!(["verbatim", "near", "paraphrase"].contains(&kind.as_str()));
    assert!(Array::from(&get(&get(&result, "overlap"), "unique")).length() == 5);
    // Links the clusters leave out reach the page with both ends.
    for link in Array::from(&get(&result, "links")).iter() {
        assert!(get(&get(&link, "a"), "article").as_f64().is_some());
        assert!(Array::is_array(&get(&get(&link, "b"), "shared")));
    }
}

#[wasm_bindgen_test]
fn options_change_the_result() {
    let options = js_sys::Object::new();
    Reflect::set(&options, &"threshold".into(), &0.99.into()).unwrap();
    Reflect::set(&options, &"paraphrases".into(), &false.into()).unwrap();
    let strict = wirediff::wasm::analyze(seeds(), options.into(), None).unwrap();
    let default = wirediff::wasm::analyze(seeds(), JsValue::UNDEFINED, None).unwrap();
    let count = |v: &JsValue| Array::from(&get(v, "clusters")).length();
    assert!(count(&strict) < count(&default));
}

#[wasm_bindgen_test]
fn bad_input_is_a_javascript_error_with_a_message() {
    let one = Array::of1(&article("only", "Just one article here."));
    let error: JsValue = wirediff::wasm::analyze(one.into(), JsValue::UNDEFINED, None)
        .unwrap_err()
        .into();
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.contains("at least two articles"), "{message}");

    let not_a_list = wirediff::wasm::analyze("text".into(), JsValue::UNDEFINED, None).unwrap_err();
    let message = get(&not_a_list.into(), "message").as_string().unwrap();
    assert!(message.contains("list of {name, text}"), "{message}");

    let options = js_sys::Object::new();
    Reflect::set(&options, &"threshold".into(), &"high".into()).unwrap();
    let bad_options = wirediff::wasm::analyze(seeds(), options.into(), None).unwrap_err();
    let message = get(&bad_options.into(), "message").as_string().unwrap();
    assert!(message.contains("invalid options"), "{message}");

    let options = js_sys::Object::new();
    Reflect::set(&options, &"min_words".into(), &2.5.into()).unwrap();
    let fraction = wirediff::wasm::analyze(seeds(), options.into(), None).unwrap_err();
    let message = get(&fraction.into(), "message").as_string().unwrap();
    assert!(
        message.contains("min_words must be a whole number"),
        "{message}"
    );

    let nameless = Array::of2(&article("a", "One text here."), &js_sys::Object::new());
    let error = wirediff::wasm::analyze(nameless.into(), JsValue::UNDEFINED, None).unwrap_err();
    let message = get(&error.into(), "message").as_string().unwrap();
    assert!(
        message.contains("article 2: name must be a string"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn diffs_rebuild_both_texts() {
    let (a, b) = (
        "Title\n\nThe council voted on Monday.\n",
        "Title\n\nThe city council voted on Monday.\n",
    );
    let diff = wirediff::wasm::diff_texts(a, b, JsValue::UNDEFINED, None).unwrap();
    let ops = Array::from(&get(&diff, "ops"));
    let side = |key: &str| {
        ops.iter()
            .map(|op| get(&op, key).as_string().unwrap())
            .collect::<String>()
    };
    assert_eq!(side("old_text"), a);
    assert_eq!(side("new_text"), b);
    // Paragraphs paired through linked sentences, given as a flat array:
    // the title and the lead, cut differently, are a split.
    let (one, two) = (
        "Title. The council voted on Monday night.\n",
        "Title.\nThe council voted on Monday night.\n",
    );
    let split =
        wirediff::wasm::diff_texts(one, two, JsValue::UNDEFINED, Some(vec![0, 0, 0, 1])).unwrap();
    let tags: Vec<String> = Array::from(&get(&split, "ops"))
        .iter()
        .map(|op| get(&op, "tag").as_string().unwrap())
        .collect();
    assert_eq!(tags, ["split"]);
    let words =
        Array::from(&wirediff::wasm::diff_words("the council", "the city council").unwrap());
    assert!(
        words
            .iter()
            .any(|p| get(&p, "tag").as_string().unwrap() == "insert")
    );
}

#[wasm_bindgen_test]
fn each_analysis_leaves_a_performance_measure() {
    let performance = web_sys::window().unwrap().performance().unwrap();
    let count = || performance.get_entries_by_name("wirediff:analyze").length();
    let before = count();
    wirediff::wasm::analyze(seeds(), JsValue::UNDEFINED, None).unwrap();
    assert_eq!(count(), before + 1);
}

#[wasm_bindgen_test]
fn analyze_reports_its_stages_to_a_progress_function() {
    // The function collects "stage done/total" strings in a global list.
    let calls = Array::new();
    Reflect::set(&js_sys::global(), &"progressCalls".into(), &calls).unwrap();
    let progress = js_sys::Function::new_with_args(
        "stage, done, total",
        "globalThis.progressCalls.push(stage + ' ' + done + '/' + total)",
    );
    wirediff::wasm::analyze(seeds(), JsValue::UNDEFINED, Some(progress)).unwrap();
    let seen: Vec<String> = calls.iter().map(|c| c.as_string().unwrap()).collect();
    assert_eq!(seen.first().map(String::as_str), Some("segmenting 0/5"));
    assert!(seen.contains(&"segmenting 5/5".to_owned()), "{seen:?}");
    let at = |s: &str| seen.iter().position(|x| x == s).unwrap();
    assert!(at("segmenting 5/5") < at("matching 0/1"));
    assert!(at("matching 1/1") < at("summarising 1/1"));
    assert_eq!(seen.last().map(String::as_str), Some("returning 1/1"));
    // A function that throws does not stop the analysis.
    let throws = js_sys::Function::new_with_args("", "throw new Error('no')");
    assert!(wirediff::wasm::analyze(seeds(), JsValue::UNDEFINED, Some(throws)).is_ok());
}

#[wasm_bindgen_test]
fn defaults_are_the_cores_options() {
    let defaults = wirediff::wasm::defaults().expect("defaults");
    assert_eq!(
        get(&defaults, "threshold").as_f64(),
        Some(wirediff::options::THRESHOLD)
    );
    assert_eq!(
        get(&defaults, "paraphrases").as_bool(),
        Some(wirediff::options::PARAPHRASES)
    );
}

#[wasm_bindgen_test]
fn the_last_analysis_is_kept_for_the_diffs_of_its_articles() {
    let (a, b) = (
        include_str!("data/seeds/000_241b758aa50da853.txt"),
        include_str!("data/seeds/002_7683c41612a091b6.txt"),
    );
    wirediff::wasm::analyze(seeds(), JsValue::UNDEFINED, None).expect("analysis");
    let diff = wirediff::wasm::diff_analysed(0, 2, a, b, JsValue::UNDEFINED).expect("kept");
    let tags: Vec<String> = Array::from(&get(&diff, "ops"))
        .iter()
        .map(|op| get(&op, "tag").as_string().unwrap())
        .collect();
    // Paired through the analysis's groups: sample 002 tells 000's sentences in another order.
    assert!(tags.iter().any(|t| t == "moved_to"), "{tags:?}");
    // Another text than the analysis had is refused, not diffed against the wrong article.
    let message = |e: wasm_bindgen::JsError| {
        get(&JsValue::from(e), "message")
            .as_string()
            .unwrap_or_default()
    };
    let stale = wirediff::wasm::diff_analysed(0, 2, a, "Other text.", JsValue::UNDEFINED);
    assert!(message(stale.unwrap_err()).starts_with("not kept"));
    let past = wirediff::wasm::diff_analysed(0, 9, a, b, JsValue::UNDEFINED);
    assert!(message(past.unwrap_err()).starts_with("not kept"));
}
