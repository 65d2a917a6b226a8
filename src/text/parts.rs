//! What each paragraph of a pasted article is: its headline, a byline, a
//! date line, story text, or site furniture set aside (with the reason).
//!
//! A reader copies a whole web page: cookie banners, "5 min read", share
//! prompts, "Related posts" with other stories' headlines, copyright lines
//! and disclaimers come along with the story. They are told apart by form
//! and position only, never by the words of a particular story:
//!
//! - **form**: the line's length, its final punctuation, a leading bullet,
//!   a share of date and time words, and the general vocabulary of
//!   web pages' furniture (prompts such as "share" or "sign up", "cookies",
//!   "all rights reserved");
//! - **position**: a headline is one of the first lines; furniture before the
//!   headline or after the story's last sentence is a prompt, a timestamp or
//!   a list of links; headline-like lines after a "related" or "read more"
//!   prompt are other stories' headlines.
//!
//! The reader has the last word: a paragraph the reader marked plays the
//! part they gave it ([`Marks`]); one marked aside is set aside with
//! [`Reason::Reader`], and a headline they mark replaces the one detected.

pub use crate::model::{Marks, Reason, Role};

/// A paragraph's role, and the reason when it is set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub role: Role,
    pub reason: Option<Reason>,
}

impl Part {
    const STORY: Part = Part {
        role: Role::Story,
        reason: None,
    };

    fn aside(reason: Reason) -> Part {
        Part {
            role: Role::Aside,
            reason: Some(reason),
        }
    }

    fn role(role: Role) -> Part {
        Part { role, reason: None }
    }
}

/// Most words of a line of site furniture (a prompt, a timestamp, a byline).
const SHORT_LINE: usize = 12;

/// Most words of a headline.
const HEADLINE_WORDS: usize = 30;

/// How many of the first paragraphs may hold the headline.
const HEADLINE_WITHIN: usize = 4;

/// The words of a line, folded as for matching (lowercase): the first
/// [`BANNER_WORDS`] and one more, enough for every rule (a longer paragraph
/// is prose to all of them) and a bounded cost on long ones.
fn words(text: &str) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = Vec::new();
    for w in text.unicode_words() {
        if out.len() > BANNER_WORDS {
            break;
        }
        out.push(super::fold_word(w));
    }
    out
}

/// Whether a line ends like a sentence (after closing quotes and brackets).
fn ends_like_a_sentence(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’)]»」』）".contains(c));
    end.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';'])
}

/// The line without a leading bullet, and whether it had one.
fn strip_bullet(text: &str) -> (&str, bool) {
    let t = text.trim_start();
    match t.chars().next() {
        Some(c @ ('•' | '*' | '-' | '–' | '—' | '·' | '▪' | '►' | '⁃' | '●')) => {
            (t[c.len_utf8()..].trim_start(), true)
        }
        _ => (t, false),
    }
}

/// Whether `list` (words separated by spaces) holds `w`. One string per
/// list keeps the page's module small.
fn listed(list: &str, w: &str) -> bool {
    list.split(' ').any(|x| x == w)
}

/// Months' names and their abbreviations.
const MONTHS: &str = "jan january feb february mar march apr april jun june jul july aug \
    august sep sept september oct october nov november dec december";

/// Words around a date or a time on a web page: days, clock words, time
/// zones, "Published", "Updated", "ago", "min read".
const TIME_WORDS: &str = "may mon monday tue tues tuesday wed wednesday thu thur thurs \
    thursday fri friday sat saturday sun sunday am pm a.m p.m gmt utc bst cet ist et est edt \
    pt pst pdt ct cst jst aest nzt hkt sgt published updated posted first last modified on \
    at ago min mins minute minutes hour hours hr hrs day days read time today yesterday week \
    weeks month months year years date st nd rd th";

/// Words that name a date or a time, and the words web pages put around
/// them ("Published", "Updated", "ago", "min read").
fn is_time_word(w: &str) -> bool {
    is_date_word(w) || listed(TIME_WORDS, w)
}

/// Whether a word is a number of a date or a time (digits, perhaps with
/// `:`, `.` or `/`), or a month's name.
fn is_date_word(w: &str) -> bool {
    (w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'/')))
        || listed(MONTHS, w)
}

/// A short line made (mostly) of date and time words: a date line when it
/// names a date, else a timestamp of the page ("5 min read", "Updated").
fn timestamp(line: &str, w: &[String]) -> Option<Part> {
    if w.is_empty() || w.len() > SHORT_LINE || ends_like_a_sentence(line) && w.len() > 4 {
        return None;
    }
    let timely = w.iter().filter(|x| is_time_word(x)).count();
    if timely * 4 < w.len() * 3 {
        return None;
    }
    // A date names a month or a year ("6:00 PM" is a time alone).
    let dated = w
        .iter()
        .any(|x| listed(MONTHS, x) || (x.len() == 4 && x.bytes().all(|b| b.is_ascii_digit())));
    Some(if dated {
        Part::role(Role::Date)
    } else {
        Part::aside(Reason::Timestamp)
    })
}

/// A byline: "By", then a capital (a name, or an agency's), and no final
/// stop ("By Monday, officials hope to …" is a sentence).
fn byline(line: &str, w: &[String]) -> bool {
    (2..=SHORT_LINE + 4).contains(&w.len())
        && w[0] == "by"
        && !ends_like_a_sentence(line)
        && line
            .trim_start()
            .get(..2)
            .is_some_and(|b| b.eq_ignore_ascii_case("by"))
        && line.trim_start().get(2..).is_some_and(|rest| {
            rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase)
        })
}

/// Lines of legal boilerplate: a short line with a ©, "all rights
/// reserved", a line that opens with "Copyright" or "Disclaimer" or names
/// a year after "copyright", and a short line saying it is "for
/// information(al) purposes only". A story about copyright is no such line.
fn legal(line: &str, w: &[String]) -> bool {
    let phrase = |p: &[&str]| {
        w.windows(p.len())
            .any(|x| x.iter().zip(p).all(|(a, b)| a == b))
    };
    let year = |x: &String| x.len() == 4 && x.bytes().all(|b| b.is_ascii_digit());
    (line.contains('©') && w.len() <= SHORT_LINE)
        || phrase(&["all", "rights", "reserved"])
        || w[0] == "copyright"
        || w[0] == "disclaimer"
        || w.windows(2).any(|x| x[0] == "copyright" && year(&x[1]))
        || (w.len() <= 2 * SHORT_LINE
            && (phrase(&["information", "purposes", "only"])
                || phrase(&["informational", "purposes", "only"])))
}

/// A photo's caption: a line that ends with a credit, in brackets with a
/// slash or a ©, or in capitals around a slash ("HENRY ROMERO / REUTERS"),
/// or after a ©.
fn caption(line: &str) -> bool {
    let t = line.trim_end();
    if let Some(open) = t.strip_suffix([')', ']']).and_then(|x| x.rfind(['(', '['])) {
        let credit = &t[open + 1..t.len() - 1];
        // A credit names people and agencies: no figures.
        if credit.split_whitespace().count() <= 6
            && (credit.contains('/') || credit.contains('©'))
            && !credit.contains(|c: char| c.is_ascii_digit() || c == '%')
            && credit.starts_with(|c: char| c.is_uppercase() || c == '©')
        {
            return true;
        }
    }
    if let Some(at) = t.rfind('©') {
        return t[at..].split_whitespace().count() <= 5;
    }
    // The words in capitals at the end, with a slash among them.
    let capitals = |x: &&str| {
        *x == "/" || (x.chars().any(char::is_alphabetic) && !x.chars().any(char::is_lowercase))
    };
    let tail: Vec<&str> = t
        .split_whitespace()
        .rev()
        .take_while(capitals)
        .take(7)
        .collect();
    // A name and an agency: at least three words ("HENRY ROMERO / REUTERS").
    tail.len() >= 4
        && tail
            .iter()
            .position(|x| *x == "/")
            .is_some_and(|i| i > 0 && i + 1 < tail.len())
}

/// A cookie banner's line: a short line about cookies that addresses the
/// reader or speaks for the site ("we use cookies", "your browser", "this
/// website"). Lines about cookies next to one are part of the banner
/// (see [`parts`]).
fn cookies(w: &[String]) -> bool {
    const SITE: &str = "we our us you your website site";
    mentions_cookies(w) && w.len() <= BANNER_WORDS && w.iter().any(|x| listed(SITE, x))
}

/// Most words of one paragraph of a cookie banner.
const BANNER_WORDS: usize = 5 * SHORT_LINE;

/// Whether a line speaks of cookies.
fn mentions_cookies(w: &[String]) -> bool {
    w.iter().any(|x| x == "cookie" || x == "cookies")
}

/// The start of a site's prompt: the line's first words.
fn prompt(line: &str, w: &[String]) -> bool {
    const PROMPTS: &str = "share|comment|comments|leave a reply|leave a comment|please enter|\
        sign up|subscribe|follow us|click here|read more|read next|also read|see also|related|\
        more from|recommended|trending|next article|previous article|scroll to top|back to top|\
        advertisement|sponsored|watch|listen|download|newsletter|join our|skip to";
    if w.is_empty()
        || w.len() > SHORT_LINE / 2
        || ends_like_a_sentence(line) && !line.trim_end().ends_with(':')
    {
        return false;
    }
    // The prompt and at most two words more ("Share this article"), or a
    // label before a colon: "Share prices plunge as banks wobble" is a
    // headline.
    let label = line.trim_end().ends_with(':');
    PROMPTS.split('|').any(|p| {
        let p: Vec<&str> = p.split(' ').collect();
        w.len() >= p.len()
            && (label || w.len() <= p.len() + 2)
            && w.iter().zip(&p).all(|(a, b)| a == b)
    })
}

/// A headline's form: one line, a few words, no final stop.
fn headline_form(line: &str, w: &[String]) -> bool {
    (3..=HEADLINE_WORDS).contains(&w.len()) && !ends_like_a_sentence(line)
}

/// The part each paragraph plays, by the paragraphs' texts in order.
/// `marks` are the paragraphs the reader marked.
pub fn parts(paragraphs: &[&str], marks: &Marks) -> Vec<Part> {
    let words: Vec<Vec<String>> = paragraphs.iter().map(|p| words(p)).collect();
    // Furniture by form alone.
    let mut out: Vec<Option<Part>> = paragraphs
        .iter()
        .zip(&words)
        .enumerate()
        .map(|(i, (p, w))| {
            let (line, _) = strip_bullet(p);
            if w.is_empty() {
                // A rule or a separator: nothing to compare, nothing set aside.
                None
            } else if legal(line, w) {
                Some(Part::aside(Reason::Legal))
            } else if caption(line) {
                Some(Part::aside(Reason::Caption))
            } else if cookies(w) {
                Some(Part::aside(Reason::Cookies))
            } else if i > 0 && byline(line, w) {
                Some(Part::role(Role::Byline))
            } else if let Some(t) = timestamp(line, w) {
                Some(t)
            } else if prompt(line, w) {
                Some(Part::aside(Reason::Prompt))
            } else {
                None
            }
        })
        .collect();
    // A cookie banner's other lines, next to one of its lines: about
    // cookies, or short labels ("Functional", "Show less").
    for backwards in [false, true] {
        for k in 0..paragraphs.len() {
            let i = if backwards {
                paragraphs.len() - 1 - k
            } else {
                k
            };
            let beside = |j: Option<usize>| {
                j.and_then(|j| out.get(j))
                    .is_some_and(|p| p.and_then(|p| p.reason) == Some(Reason::Cookies))
            };
            let w = &words[i];
            let label = w.len() <= 4 && !ends_like_a_sentence(paragraphs[i]);
            if out[i].is_none()
                && (label || (mentions_cookies(w) && w.len() <= BANNER_WORDS))
                && (beside(i.checked_sub(1)) || beside(Some(i + 1)))
            {
                out[i] = Some(Part::aside(Reason::Cookies));
            }
        }
    }
    // Other stories' headlines: headline-like lines after a prompt, until
    // the next line of prose.
    let mut listing = false;
    for (i, p) in paragraphs.iter().enumerate() {
        match out[i] {
            Some(Part {
                reason: Some(Reason::Prompt),
                ..
            }) => listing = true,
            Some(_) => {}
            None => {
                let (line, _) = strip_bullet(p);
                if listing && headline_form(line, &words[i]) {
                    out[i] = Some(Part::aside(Reason::Links));
                } else {
                    listing = false;
                }
            }
        }
    }
    // The story's last sentence: what follows it is furniture when it has a
    // headline's form (other stories' headlines, captions of the site).
    if let Some(last) = (0..paragraphs.len())
        .rev()
        .find(|&i| out[i].is_none() && ends_like_a_sentence(paragraphs[i]))
    {
        for i in last + 1..paragraphs.len() {
            let (line, _) = strip_bullet(paragraphs[i]);
            if out[i].is_none() && headline_form(line, &words[i]) {
                out[i] = Some(Part::aside(Reason::Links));
            }
        }
    }
    // The headline: the first line of a headline's form among the first
    // paragraphs, before any prose.
    for i in 0..paragraphs.len().min(HEADLINE_WITHIN) {
        match out[i] {
            None if headline_form(paragraphs[i], &words[i]) => {
                out[i] = Some(Part::role(Role::Headline));
                break;
            }
            None => break,
            Some(_) => {}
        }
    }
    let mut parts: Vec<Part> = out.into_iter().map(|p| p.unwrap_or(Part::STORY)).collect();
    if marks.headline.iter().any(|&i| i < parts.len()) {
        for p in parts.iter_mut().filter(|p| p.role == Role::Headline) {
            *p = Part::STORY;
        }
    }
    for (role, list) in marks.by_role() {
        let part = match role {
            Role::Aside => Part::aside(Reason::Reader),
            role => Part::role(role),
        };
        for &i in list {
            if let Some(p) = parts.get_mut(i) {
                *p = part;
            }
        }
    }
    parts
}

/// The outlet's name a display name carries: a file's base name without
/// its extension and a leading number (`003_shropshire_star.txt`,
/// `02-daily-ledger.txt`), its words capitalised. None when nothing is left
/// but digits or a hash (`000_241b758aa50da853.txt`).
pub fn outlet(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match base.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty() && ext.len() <= 4 && ext.chars().all(char::is_alphanumeric) =>
        {
            stem
        }
        _ => base,
    };
    // A file's numbering ("003_", "2024-01-03_"), not a name's own figures
    // ("20 minutes", "3M statement").
    let mut stem = stem;
    if stem.len() < base.len() {
        loop {
            let rest = stem.trim_start_matches(|c: char| c.is_ascii_digit());
            match rest.strip_prefix(['_', '-']) {
                Some(after) if rest.len() < stem.len() => stem = after,
                _ => break,
            }
        }
    }
    let words: Vec<&str> = stem
        .split(|c: char| c == '_' || c == '-' || c == '.' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let hashlike = |w: &str| {
        w.len() >= 6
            && w.chars().all(|c| c.is_ascii_hexdigit())
            && w.chars().any(|c| c.is_ascii_digit())
    };
    if words.is_empty()
        || words
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_digit()) || hashlike(w))
    {
        return None;
    }
    // ASCII capitals only: a case table for every script would cost the
    // page kilobytes for file names, which are ASCII nearly always.
    let mut out = String::new();
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut c = w.chars();
        out.extend(c.next().map(|f| f.to_ascii_uppercase()));
        out.push_str(c.as_str());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_come_from_names_that_carry_one() {
        assert_eq!(
            outlet("003_shropshire_star.txt").as_deref(),
            Some("Shropshire Star")
        );
        assert_eq!(
            outlet("02-daily-ledger.txt").as_deref(),
            Some("Daily Ledger")
        );
        assert_eq!(outlet("dir/The Hill.txt").as_deref(), Some("The Hill"));
        assert_eq!(outlet("cbsnews").as_deref(), Some("Cbsnews"));
        assert_eq!(outlet("000_241b758aa50da853.txt"), None);
        assert_eq!(outlet("12.txt"), None);
        assert_eq!(outlet("2024-01-03_reuters.txt").as_deref(), Some("Reuters"));
        assert_eq!(outlet("20 minutes.txt").as_deref(), Some("20 Minutes"));
        assert_eq!(outlet("3M statement").as_deref(), Some("3M Statement"));
        assert_eq!(outlet(""), None);
    }

    fn roles(lines: &[&str]) -> Vec<(Role, Option<Reason>)> {
        parts(lines, &Marks::default())
            .into_iter()
            .map(|p| (p.role, p.reason))
            .collect()
    }

    #[test]
    fn furniture_is_told_by_its_form() {
        let got = roles(&[
            "This page is for information purposes only and is not investment advice.",
            "Council approves new harbour bridge after long debate",
            "By Jane Doe and Sam Lee | 32 mins ago",
            "Published on",
            "5 min read",
            "Updated: March 3, 2025 10:42 a.m. ET",
            "The city council approved the bridge on Tuesday. It will open in 2027.",
            "Share this article",
            "“It is a great day,” the mayor said.",
            "People wait outside after the quake was felt in the city. JANE ROE / REUTERS",
            "We use cookies to improve your experience on our website. Accept all",
            "Copyright 2025 The Example Press. All rights reserved.",
        ]);
        assert_eq!(
            got,
            vec![
                (Role::Aside, Some(Reason::Legal)),
                (Role::Headline, None),
                (Role::Byline, None),
                (Role::Aside, Some(Reason::Timestamp)),
                (Role::Aside, Some(Reason::Timestamp)),
                (Role::Date, None),
                (Role::Story, None),
                (Role::Aside, Some(Reason::Prompt)),
                (Role::Story, None),
                (Role::Aside, Some(Reason::Caption)),
                (Role::Aside, Some(Reason::Cookies)),
                (Role::Aside, Some(Reason::Legal)),
            ]
        );
    }

    #[test]
    fn headlines_after_a_prompt_or_after_the_story_are_links() {
        let got = roles(&[
            "Storm closes schools across the region",
            "Heavy snow closed schools on Monday, officials said.",
            "Forecasters expect more snow.",
            "Related posts",
            "Markets slip as rates rise",
            "Local team wins the cup final",
            "The storm is the worst in a decade, officials said.",
            "A subheading inside a story is kept",
            "Roads were closed, the police said.",
            "* A bulleted headline of another story",
            "Another headline at the very end",
        ]);
        let reasons: Vec<Option<Reason>> = got.iter().map(|p| p.1).collect();
        assert_eq!(got[0].0, Role::Headline);
        assert_eq!(
            reasons[3..],
            [
                Some(Reason::Prompt),
                Some(Reason::Links),
                Some(Reason::Links),
                None,
                None,
                None,
                Some(Reason::Links),
                Some(Reason::Links),
            ]
        );
    }

    #[test]
    fn story_sentences_are_not_furniture() {
        for line in [
            "Share prices fell 4% on Monday after the company warned on profits.",
            "By the end of the year, the company expects to hire 2,000 workers.",
            "By Monday, officials hope to reopen the bridge to traffic.",
            "The lawsuit accuses the company of copyright infringement.",
            "The firm was fined for giving unlicensed investment advice to pensioners.",
            "Google said it would stop blocking third-party cookies in Chrome, its web browser.",
            "Girl Scouts will sell a new cookie, on display in stores from March.",
            "Share prices plunge as banks wobble",
            "Watch out, inflation is back",
            "Download speeds double in rural areas",
            "Related charges were dropped",
            "Winds reached 124 mph (200 km/h)",
            "Revenue of $2.5bn (up 4% y/y)",
            "Leaders meet as talks stall between NATO / EU",
            "«By Monday we will know», the minister said",
            "Watch out for falling prices, the minister told reporters in a long interview.",
            "Related talks between the two companies broke down in May, people familiar said.",
            "The quake struck at 1:19 a.m. on Thursday, Sept. 22.",
            "The company said the recall covers 480,000 units (about 4% of its sales).",
            "Officials said the fire was contained by 6 p.m. [local time]",
        ] {
            // Between a headline and more prose; an unpunctuated one may be
            // a (sub)heading, never furniture.
            let got = roles(&[
                "A headline for the test story",
                line,
                "More prose follows here.",
            ]);
            assert!(
                matches!(got[1], (Role::Story | Role::Headline, None)),
                "{line}: {got:?}"
            );
        }
    }

    #[test]
    fn a_separator_or_a_bullet_does_not_set_prose_aside() {
        let got = roles(&[
            "Storm closes schools across the region",
            "***",
            "What the bridge will cost",
            "• The council approved a budget of $2bn on Monday.",
            "Officials said more snow is on the way.",
        ]);
        assert!(got[2..].iter().all(|p| p.1.is_none()), "{got:?}");
    }

    #[test]
    fn a_time_alone_is_no_date() {
        let line = |l| roles(&["Headline of the story here", l])[1];
        assert_eq!(line("6:00 PM MYT"), (Role::Aside, Some(Reason::Timestamp)));
        assert_eq!(line("Published Jan 2, 2024 10:06 am"), (Role::Date, None));
    }

    #[test]
    fn captions_end_with_a_credit() {
        for line in [
            "People gather outside after another earthquake (Eduardo Verdugo/AP)",
            "People standing outside their homes [Henry Romero/Reuters]",
            "A plane caught fire on the runway after reportedly hitting another aircraft. © REUTERS",
            "Residents wait outside their homes early on Sept. 22, 2022. HENRY ROMERO / REUTERS",
        ] {
            assert!(caption(line), "{line}");
        }
        for line in [
            "The epicentre was 46 km (29 miles) away.",
            "Sales rose 4% (to $2.5bn/year).",
            "He said it was over. / She disagreed.",
        ] {
            assert!(!caption(line), "{line}");
        }
    }

    #[test]
    fn a_folded_by_is_no_byline_and_no_panic() {
        // "Ｂｙ" folds to "by" but is longer in bytes: no slicing inside it.
        assert_eq!(roles(&["Ｂｙ Jane Doe"])[0], (Role::Headline, None));
    }

    #[test]
    fn the_reader_has_the_last_word() {
        let lines = [
            "Share this article",
            "The council met on Monday and agreed.",
        ];
        let marks = |story: &[usize], aside: &[usize]| Marks {
            story: story.to_vec(),
            aside: aside.to_vec(),
            ..Marks::default()
        };
        let p = parts(&lines, &marks(&[0], &[1]));
        assert_eq!(p[0], Part::STORY);
        assert_eq!(p[1], Part::aside(Reason::Reader));
        // Indices past the end are ignored.
        assert_eq!(parts(&lines, &marks(&[9], &[9])).len(), 2);
    }

    #[test]
    fn the_reader_names_the_headline_byline_and_date() {
        let lines = [
            "Storm closes schools",
            "Jane Doe, weather reporter",
            "Schools shut across the county",
            "The council met on Monday and agreed.",
        ];
        assert_eq!(parts(&lines, &Marks::default())[0].role, Role::Headline);
        let marks = Marks {
            headline: vec![2],
            byline: vec![1],
            date: vec![3, 9],
            ..Marks::default()
        };
        let p: Vec<Role> = parts(&lines, &marks).iter().map(|p| p.role).collect();
        // The detected headline gives way to the reader's.
        assert_eq!(p, [Role::Story, Role::Byline, Role::Headline, Role::Date]);
    }
}
