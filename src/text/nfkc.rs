//! Compatibility normalisation (NFKC), the one place that does it.
//!
//! Natively (and on WASI) it is `unicode-normalization`; in the browser
//! (wasm32-unknown-unknown) it is the browser's own
//! `String.prototype.normalize("NFKC")`, which spares the page the crate's
//! tables (about 63 KB of the page under gzip). Both implement the same
//! Unicode algorithm; the Unicode versions may differ for characters new
//! in the later one.
//!
//! Most text never needs either: [`nfkc`] returns its input as it is when
//! every character is one that NFKC leaves alone and that cannot compose
//! with a neighbour ([`is_stable`]; the tests check the set against
//! `unicode-normalization`).

use std::borrow::Cow;

/// Whether NFKC leaves `c` unchanged and `c` cannot compose with any other
/// character of the set: ASCII, U+00C0–U+00FF (the Latin-1 letters, × and
/// ÷), the dashes U+2010 and U+2012–U+2015 (not U+2011, the non-breaking
/// hyphen, which NFKC maps to U+2010) and the quotation marks U+2018–U+201F.
/// All are starters (canonical combining class 0), so in a text made of
/// them only adjacent pairs could compose, and none does.
#[inline]
pub fn is_stable(c: char) -> bool {
    matches!(c, '\0'..='\x7f' | '\u{c0}'..='\u{ff}' | '\u{2010}' | '\u{2012}'..='\u{2015}' | '\u{2018}'..='\u{201f}')
}

/// The NFKC form of `s`; borrowed when `s` is already in it by
/// [`is_stable`].
pub fn nfkc(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_stable) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(normalize(s))
    }
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn normalize(s: &str) -> String {
    String::from(js_sys::JsString::from(s).normalize("NFKC"))
}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn normalize(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc().collect()
}

#[cfg(all(test, not(all(target_arch = "wasm32", target_os = "unknown"))))]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::canonical_combining_class;

    fn stable() -> Vec<char> {
        (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| is_stable(c))
            .collect()
    }

    #[test]
    fn the_stable_set_is_what_the_ranges_say() {
        let set = stable();
        assert_eq!(set.len(), 128 + 64 + 1 + 4 + 8);
        assert!(!is_stable('\u{2011}'));
        assert!(!is_stable('\u{a0}'));
        assert!(!is_stable('\u{2026}'));
    }

    #[test]
    fn nfkc_leaves_each_stable_char_alone_and_they_are_starters() {
        for c in stable() {
            let s = c.to_string();
            assert_eq!(s.nfkc().collect::<String>(), s, "U+{:04X}", c as u32);
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn no_two_stable_chars_compose() {
        let set = stable();
        let mut s = String::new();
        for &a in &set {
            for &b in &set {
                s.clear();
                s.push(a);
                s.push(b);
                assert!(
                    s.nfkc().eq(s.chars()),
                    "U+{:04X} U+{:04X}",
                    a as u32,
                    b as u32
                );
            }
        }
    }

    #[test]
    fn nfkc_agrees_with_the_crate() {
        for s in [
            "plain ascii",
            "café – “quoted” ‘x’ — ÀÿÞ×÷",
            "ﬁne full\u{a0}width ＡＢＣ",
            "e\u{301} combining",
            "non\u{2011}breaking … ellipsis",
            "한국어 ᄀ\u{1161}",
        ] {
            assert_eq!(nfkc(s), s.nfkc().collect::<String>(), "{s:?}");
        }
        assert!(matches!(nfkc("café – “x”"), Cow::Borrowed(_)));
        assert!(matches!(nfkc("ﬁ"), Cow::Owned(_)));
    }
}
