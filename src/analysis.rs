//! The whole analysis: from article texts to the result model.

use crate::cluster::{ArticleTokens, Clustering, cluster};
use crate::diff::diff_paragraphs;
use crate::error::{Error, ErrorKind};
use crate::model::{
    Analysis, Article, Input, Link, Options, PairWhy, Paragraph, ParagraphDiff, Sentence,
    SentenceRef, WhyReason,
};
use crate::overlap::overlap;
use crate::text::quoted_spans;
use crate::text::segment;
use crate::text::{Role, Token, tokens};

/// An option outside 0..=1. The value is not printed: formatting a float
/// would pull a float printer into the WebAssembly module (about 10 KB)
/// for a message the page never shows (its controls stay in range), and
/// the CLI's user has the value on the command line.
fn invalid(option: &'static str) -> Error {
    ErrorKind::InvalidOption {
        option,
        reason: "must be between 0 and 1".into(),
    }
    .into()
}

fn check(options: &Options) -> Result<(), Error> {
    if !(0.0..=1.0).contains(&options.threshold) {
        return Err(invalid("threshold"));
    }
    if !(0.0..=1.0).contains(&options.paraphrase_threshold) {
        return Err(invalid("paraphrase threshold"));
    }
    if options.min_words == 0 {
        return Err(ErrorKind::InvalidOption {
            option: "min_words",
            reason: "must be at least 1".into(),
        }
        .into());
    }
    Ok(())
}

/// One article segmented and tokenised.
struct Prepared<'a> {
    input: &'a Input,
    article: Article,
    /// Per sentence, the tokens the clusterer sees: none for a sentence of
    /// a paragraph set aside.
    tokens: Vec<Vec<Token>>,
    /// Whether the article has a word at all (set aside or not).
    has_words: bool,
    headings: Vec<bool>,
    quotes: Vec<Vec<std::ops::Range<usize>>>,
}

impl Prepared<'_> {
    /// The article as the clusterer sees it.
    fn tokens(&self) -> ArticleTokens<'_> {
        ArticleTokens {
            text: &self.input.text,
            sentences: &self.tokens,
            headings: &self.headings,
            quotes: &self.quotes,
        }
    }
}

/// A heading: the only sentence of its paragraph, without final punctuation.
fn is_heading(text: &str, paragraph_sentences: usize) -> bool {
    let end = text.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’)]»」』）".contains(c));
    paragraph_sentences == 1 && !end.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

fn prepare(input: &Input) -> Prepared<'_> {
    let text = input.text.as_str();
    let seg = segment(text);
    let tokens: Vec<Vec<Token>> = seg
        .sentences
        .iter()
        .map(|(r, _)| tokens(text, r.clone()))
        .collect();
    let paragraph_texts: Vec<&str> = seg.paragraphs.iter().map(|p| &text[p.clone()]).collect();
    let parts = crate::text::parts(&paragraph_texts, &input.marks);
    let paragraphs: Vec<Paragraph> = seg
        .paragraphs
        .iter()
        .zip(&seg.paragraph_sentences)
        .zip(&parts)
        .map(|((p, s), part)| Paragraph {
            start: p.start,
            end: p.end,
            sentences: s.clone(),
            role: part.role,
            reason: part.reason,
        })
        .collect();
    let sentences = seg
        .sentences
        .iter()
        .zip(&tokens)
        .map(|((r, p), t)| Sentence {
            text: text[r.clone()].to_owned(),
            paragraph: *p,
            start: r.start,
            end: r.end,
            words: t.len(),
            cluster: None,
            links: Vec::new(),
        })
        .collect();
    let headings = seg
        .sentences
        .iter()
        .map(|(r, p)| is_heading(&text[r.clone()], seg.paragraph_sentences[*p].len()))
        .collect();
    let quotes = seg
        .sentences
        .iter()
        .map(|(r, _)| quoted_spans(&text[r.clone()], r.start))
        .collect();
    // The reader's byline or date line before any detected one.
    let first = |role: Role| {
        let marked = input.marks.by_role().into_iter().find(|(r, _)| *r == role);
        marked
            .and_then(|(_, list)| {
                list.iter()
                    .copied()
                    .filter(|&i| parts.get(i).is_some_and(|p| p.role == role))
                    .min()
            })
            .or_else(|| parts.iter().position(|p| p.role == role))
            .map(|i| paragraph_texts[i].to_owned())
    };
    let title = first(Role::Headline)
        .or_else(|| first(Role::Story))
        .or_else(|| paragraph_texts.first().map(|t| (*t).to_owned()))
        .unwrap_or_default();
    let has_words = tokens.iter().any(|t| !t.is_empty());
    let mut tokens = tokens;
    for (t, (_, p)) in tokens.iter_mut().zip(&seg.sentences) {
        if !parts[*p].role.compared() {
            t.clear();
        }
    }
    Prepared {
        input,
        article: Article {
            name: input.name.clone(),
            outlet: crate::text::parts::outlet(&input.name),
            title,
            byline: first(Role::Byline),
            date: first(Role::Date),
            len: text.len(),
            paragraphs,
            sentences,
        },
        tokens,
        has_words,
        headings,
        quotes,
    }
}

/// `f` of every input, in input order. Natively the inputs are shared out
/// among the machine's cores (each article is prepared on its own, so the
/// result is the same); WebAssembly has the one thread, where
/// `analyze_with_progress` prepares them itself, reporting each.
#[cfg(not(target_family = "wasm"))]
fn map_inputs<'a, T: Send>(inputs: &'a [Input], f: fn(&'a Input) -> T) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads < 2 || inputs.len() < 2 * threads {
        return inputs.iter().map(f).collect();
    }
    let chunk = inputs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = inputs
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<T>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Whether `text` has a word to match on: an article without one (only
/// punctuation, symbols or invisible characters) is refused by [`analyze`].
pub fn has_words(text: &str) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words().next().is_some()
}

/// A stage of the analysis, as [`analyze_with_progress`] reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Cutting articles into paragraphs, sentences and words (one step per article).
    Segmenting,
    /// Finding and grouping shared sentences (one step).
    Matching,
    /// The overlap shares and, if asked, the paragraph diffs (one step).
    Summarising,
}

impl Stage {
    /// The stage's name for the page: `segmenting`, `matching`, `summarising`.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Segmenting => "segmenting",
            Stage::Matching => "matching",
            Stage::Summarising => "summarising",
        }
    }
}

/// Analyses two or more articles: segments them, clusters their shared
/// sentences, summarises the overlap and, if asked, diffs every pair.
pub fn analyze(inputs: &[Input], options: &Options) -> Result<Analysis, Error> {
    analyze_with_progress(inputs, options, &mut |_, _, _| {})
}

/// [`analyze`], calling `progress(stage, done, total)` as the work goes:
/// before and after each step of each [`Stage`], so a caller can show how
/// far it is (the page's progress bar).
pub fn analyze_with_progress(
    inputs: &[Input],
    options: &Options,
    progress: &mut dyn FnMut(Stage, usize, usize),
) -> Result<Analysis, Error> {
    check(options)?;
    if inputs.len() < 2 {
        return Err(ErrorKind::TooFewArticles { got: inputs.len() }.into());
    }
    let n = inputs.len();
    progress(Stage::Segmenting, 0, n);
    // One thread in WebAssembly: a step per article. Natively the articles
    // are prepared in parallel, and only the start and end are reported.
    #[cfg(target_family = "wasm")]
    let prepared: Vec<Prepared> = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            if i > 0 {
                progress(Stage::Segmenting, i, n);
            }
            prepare(input)
        })
        .collect();
    #[cfg(not(target_family = "wasm"))]
    let prepared: Vec<Prepared> = map_inputs(inputs, prepare);
    progress(Stage::Segmenting, n, n);
    if let Some(index) = prepared.iter().position(|p| !p.has_words) {
        let name = inputs[index].name.clone();
        return Err(ErrorKind::EmptyArticle { index, name }.into());
    }
    let token_view: Vec<ArticleTokens> = prepared.iter().map(Prepared::tokens).collect();
    progress(Stage::Matching, 0, 1);
    let Clustering { clusters, links } = cluster(&token_view, options);
    progress(Stage::Matching, 1, 1);
    progress(Stage::Summarising, 0, 1);
    let mut articles: Vec<Article> = prepared.into_iter().map(|p| p.article).collect();
    for (c, found) in clusters.iter().enumerate() {
        for m in &found.members {
            articles[m.article].sentences[m.sentence].cluster = Some(c);
        }
    }
    for (l, link) in links.iter().enumerate() {
        for end in [&link.a, &link.b] {
            articles[end.article].sentences[end.sentence].links.push(l);
        }
    }
    let overlap = overlap(&articles, &clusters, &links);
    let mut diffs = Vec::new();
    if options.diffs {
        for a in 0..inputs.len() {
            for b in a + 1..inputs.len() {
                diffs.push(diff_articles(inputs, &articles, &links, a, b, options));
            }
        }
    }
    progress(Stage::Summarising, 1, 1);
    Ok(Analysis {
        options: options.clone(),
        articles,
        clusters,
        links,
        diffs,
        overlap,
    })
}

/// Why sentences `a` and `b` of `inputs` are or are not linked under
/// `options` (those an analysis of `inputs` ran with): the pair test
/// [`analyze`] applies, with the same term weights (see [`crate::PairWhy`]),
/// or why the pair is not tested ([`crate::cluster::explain_pair`]).
pub fn explain_pair(
    inputs: &[Input],
    options: &Options,
    a: SentenceRef,
    b: SentenceRef,
) -> Result<PairWhy, WhyReason> {
    let prepared: Vec<Prepared> = inputs.iter().map(prepare).collect();
    let view: Vec<ArticleTokens> = prepared.iter().map(Prepared::tokens).collect();
    crate::cluster::explain_pair(&view, options, a, b)
}

/// The articles segmented (as [`analyze`] returns them, not yet compared)
/// and tokenised as the clusterer sees them, handed to `f` (for measuring
/// the clusterer's decisions: [`crate::eval`]).
pub(crate) fn with_article_tokens<R>(
    inputs: &[Input],
    f: impl FnOnce(&[Article], &[ArticleTokens]) -> R,
) -> R {
    let prepared: Vec<Prepared> = inputs.iter().map(prepare).collect();
    let articles: Vec<Article> = prepared.iter().map(|p| p.article.clone()).collect();
    let view: Vec<ArticleTokens> = prepared.iter().map(Prepared::tokens).collect();
    f(&articles, &view)
}

fn paragraph_spans(article: &Article) -> Vec<std::ops::Range<usize>> {
    article.paragraphs.iter().map(|p| p.start..p.end).collect()
}

/// The paragraph diff of analysed articles `a` and `b` of `analysis` (of
/// `inputs`), paired through the sentences its groups and links join: what
/// [`Analysis::diffs`] holds for the pair, on demand.
pub fn diff_analysed(
    inputs: &[Input],
    analysis: &Analysis,
    a: usize,
    b: usize,
    options: &Options,
) -> ParagraphDiff {
    diff_articles(inputs, &analysis.articles, &analysis.links, a, b, options)
}

fn diff_articles(
    inputs: &[Input],
    articles: &[Article],
    links: &[Link],
    a: usize,
    b: usize,
    options: &Options,
) -> ParagraphDiff {
    diff_paragraphs(
        (a, &inputs[a].text, &paragraph_spans(&articles[a])),
        (b, &inputs[b].text, &paragraph_spans(&articles[b])),
        &shared_paragraphs(articles, links, a, b),
        options,
    )
}

/// The pairs `(paragraph of a, paragraph of b)` of the sentences of
/// articles `a` and `b` that a cluster or a link joins, for their diff.
pub fn shared_paragraphs(
    articles: &[Article],
    links: &[Link],
    a: usize,
    b: usize,
) -> Vec<(usize, usize)> {
    let in_cluster = |article: &Article| -> Vec<(usize, usize)> {
        let sentences = article.sentences.iter();
        sentences
            .filter_map(|s| s.cluster.map(|c| (c, s.paragraph)))
            .collect()
    };
    let mut pairs = crate::diff::pairs_by_key(in_cluster(&articles[a]), in_cluster(&articles[b]));
    for s in &articles[a].sentences {
        for link in s.links.iter().filter_map(|&l| links.get(l)) {
            for (here, there) in [(&link.a, &link.b), (&link.b, &link.a)] {
                if here.article == a && there.article == b {
                    let other = &articles[b].sentences[there.sentence];
                    pairs.push((s.paragraph, other.paragraph));
                }
            }
        }
    }
    pairs
}

/// Paragraph diff of two texts (labelled articles 0 and 1), for a page that
/// diffs on demand rather than every pair up front; paragraphs that hold
/// the same sentence ([`crate::diff::same_sentences`]) pair as shared.
pub fn diff_texts(a: &str, b: &str, options: &Options) -> ParagraphDiff {
    let same = crate::diff::same_sentences(a, b, options.min_words);
    diff_texts_sharing(a, b, &same, options)
}

/// [`diff_texts`] with `shared`, the pairs of paragraphs that hold linked
/// sentences ([`shared_paragraphs`] of an analysis of the two).
pub fn diff_texts_sharing(
    a: &str,
    b: &str,
    shared: &[(usize, usize)],
    options: &Options,
) -> ParagraphDiff {
    let spans = |t: &str| crate::text::paragraphs(t);
    diff_paragraphs((0, a, &spans(a)), (1, b, &spans(b)), shared, options)
}
