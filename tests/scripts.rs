//! Text beyond English: CJK full stops, right-to-left scripts, emoji and
//! combining marks keep exact offsets and still cluster.

use wirediff::text::fold_text;
use wirediff::{Input, Options, analyze};

fn shared_pairs(a: &str, b: &str) -> Vec<(String, String)> {
    let inputs = [Input::new("a", a), Input::new("b", b)];
    let analysis = analyze(&inputs, &Options::default()).unwrap();
    for (input, article) in inputs.iter().zip(&analysis.articles) {
        for s in &article.sentences {
            assert_eq!(s.text, input.text[s.start..s.end]);
        }
    }
    analysis
        .clusters
        .iter()
        .map(|c| {
            let text = |k: usize| {
                let m = &c.members[k];
                analysis.articles[m.article].sentences[m.sentence]
                    .text
                    .clone()
            };
            (text(0), text(1))
        })
        .collect()
}

#[test]
fn chinese_sentences_split_on_ideographic_stops_and_cluster() {
    let a =
        "英伟达首席执行官黄仁勋周三在北京发表讲话。他说中国的人工智能模型是世界一流的！天气很好。";
    let b = "市场反应积极。英伟达首席执行官黄仁勋周三在北京发表了讲话。";
    let pairs = shared_pairs(a, b);
    assert_eq!(
        pairs,
        [(
            "英伟达首席执行官黄仁勋周三在北京发表讲话。".to_owned(),
            "英伟达首席执行官黄仁勋周三在北京发表了讲话。".to_owned()
        )]
    );
}

#[test]
fn right_to_left_text_clusters() {
    let a = "قال الرئيس التنفيذي إن النماذج الصينية عالمية المستوى. الطقس جميل اليوم.";
    let b = "أخبار اليوم. قال الرئيس التنفيذي إن النماذج الصينية عالمية المستوى حقا.";
    let pairs = shared_pairs(a, b);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert!(pairs[0].0.starts_with("قال"));
}

#[test]
fn emoji_and_combining_marks_keep_offsets() {
    let a = "Café owners 👍🏽 cheered the new rules on Monday. Nothing else happened.";
    let b = "Cafe\u{301} owners 👍🏽 cheered the new rules on Monday! Other news.";
    assert_eq!(fold_text("Café"), fold_text("Cafe\u{301}"));
    let pairs = shared_pairs(a, b);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert!(pairs[0].1.starts_with("Cafe\u{301} owners 👍🏽"));
}
