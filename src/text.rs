//! Text normalisation shared by ingestion, place resolution and search, so that every layer
//! agrees on what "the same words" means (case, accents, punctuation, width).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases, strips accents and folds punctuation to single spaces: `"Amélie!"` → `"amelie"`.
///
/// CJK text is kept as is (NFKC folds full-width forms), so `"流浪地球"` stays `"流浪地球"`.
pub fn fold(input: &str) -> String {
    // ASCII is its own NFKD and NFKC form and has no combining marks: skip both passes (most
    // titles and queries are ASCII, and this runs for every title at build time).
    if input.is_ascii() {
        return fold_chars(input.chars(), input.len());
    }
    // Traditional characters fold onto simplified ones, so `中國` finds what `中国` finds.
    let simplified = crate::i18n::zh_tw::to_simplified(input);
    fold_chars(
        simplified.nfkd().filter(|c| !is_combining_mark(*c)),
        input.len(),
    )
    .nfkc()
    .collect()
}

fn fold_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    for c in chars {
        let c = match c {
            '&' => {
                push_word(&mut out, "and", &mut pending_space);
                continue;
            }
            '\'' | '’' | '‘' | 'ʼ' => continue,
            _ => c,
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// The key that decides whether two rows name the same title: case and accents ignored,
/// spaces collapsed, punctuation kept (`"Verónica"` = `"veronica"`, but `"BLAME!"` ≠ `"Blame"`).
pub fn title_key(input: &str) -> String {
    if input.is_ascii() {
        let lower = input.to_ascii_lowercase();
        return lower.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let stripped: String = input
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn push_word(out: &mut String, word: &str, pending_space: &mut bool) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
    *pending_space = true;
}

/// English month names, January first.
/// `16182` → `16,182`: digits grouped by threes.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// True for characters of the scripts that are written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F)
}

/// Truncates `s` to at most `max` bytes on a char boundary, adding `…` when it cut something.
pub fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let ellipsis = '…';
    let budget = max.saturating_sub(ellipsis.len_utf8());
    let mut end = budget;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = s[..end].trim_end().to_string();
    out.push(ellipsis);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_case_accents_and_punctuation() {
        assert_eq!(fold("  Amélie!  "), "amelie");
        assert_eq!(fold("Sin senos sí hay paraíso"), "sin senos si hay paraiso");
        assert_eq!(fold("Love, Death & Robots"), "love death and robots");
        assert_eq!(
            fold("People's Republic of China"),
            "peoples republic of china"
        );
        assert_eq!(fold("Côte d’Ivoire"), "cote divoire");
        assert_eq!(fold("流浪地球"), "流浪地球");
        assert_eq!(fold("ＣＨＩＮＡ"), "china");
        assert_eq!(fold(""), "");
        assert_eq!(fold("!!!"), "");
    }

    #[test]
    fn title_keys_ignore_case_and_accents_but_not_punctuation() {
        assert_eq!(title_key("Verónica"), title_key("VERONICA"));
        assert_eq!(title_key(" Love  in a Puff "), "love in a puff");
        assert_ne!(title_key("BLAME!"), title_key("Blame"));
    }

    #[test]
    fn cjk_detection() {
        assert!(is_cjk('中'));
        assert!(is_cjk('の'));
        assert!(!is_cjk('a'));
        assert!(!is_cjk('한'));
    }

    #[test]
    fn truncate_respects_char_boundaries() {
        assert_eq!(truncate("hello", 10), "hello");
        assert_eq!(truncate("hello world", 8), "hello…");
        assert_eq!(truncate("中国中国", 7), "中…");
    }
}

/// Invisible formatting characters that must never be echoed from user text: bidirectional
/// embeddings, overrides and isolates (which can make a reply read backwards, "Trojan Source"),
/// zero-width and joiner controls other than ZWJ (kept for emoji sequences), the byte-order
/// mark, the Arabic letter mark, the Mongolian vowel separator, and the invisible operators.
/// One table, as inclusive ranges.
pub const INVISIBLE_FORMAT: [(char, char); 8] = [
    ('\u{061C}', '\u{061C}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200C}'),
    ('\u{200E}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{2069}'),
    ('\u{FEFF}', '\u{FEFF}'),
];

/// Whether `c` is one of [`INVISIBLE_FORMAT`].
pub fn is_invisible_format(c: char) -> bool {
    INVISIBLE_FORMAT.iter().any(|&(a, b)| (a..=b).contains(&c))
}

/// `s` without [`INVISIBLE_FORMAT`] characters; line and paragraph separators (U+2028,
/// U+2029) become spaces.
pub fn strip_invisible(s: &str) -> String {
    s.chars()
        .filter(|c| !is_invisible_format(*c))
        .map(|c| {
            if matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod invisible_tests {
    use super::*;

    #[test]
    fn bidi_and_invisible_controls_are_removed_and_the_rest_kept() {
        let cases = [
            ("abc\u{202E}def", "abcdef"),
            ("\u{202A}\u{202B}\u{202C}\u{202D}x", "x"),
            ("\u{2066}a\u{2067}b\u{2068}c\u{2069}", "abc"),
            (
                "zero\u{200B}width\u{200C}non\u{200E}ltr\u{200F}rtl",
                "zerowidthnonltrrtl",
            ),
            ("\u{FEFF}bom", "bom"),
            ("\u{061C}\u{180E}\u{2060}\u{2064}", ""),
            ("line\u{2028}para\u{2029}end", "line para end"),
            ("👨\u{200D}👩\u{200D}👧", "👨\u{200D}👩\u{200D}👧"),
            ("鱿鱼游戏 Squid Game", "鱿鱼游戏 Squid Game"),
        ];
        for (input, want) in cases {
            assert_eq!(strip_invisible(input), want, "{input:?}");
        }
    }
}
