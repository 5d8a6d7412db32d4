//! Tagging: each span of a question's tokens gets what it means — a lexicon phrase, a place
//! name or adjective, a flag, years — by longest match from left to right. Whatever no tag
//! covers is left for names of titles and people, or for a text search.

use crate::lexicon::{Lexicon, Tag, Token, tokens};
use crate::places::Places;

use super::months::{Said, months_at};
use super::years::years_at;

/// Codes that are codes even in a question written all in capitals.
const ALWAYS_CODES: &[&str] = &["US", "UK", "USA", "UAE", "PRC"];

/// Untagged words at least this long are compared with services and adjectives, one typo
/// allowed (`netflxi`, `kroean`).
const FUZZY_FROM: usize = 5;

/// The most tokens a place name takes (`Democratic Republic of the Congo`, `中華人民共和國`).
const LONGEST_PLACE: usize = 7;

/// What a span of tokens means.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Tag(Tag),
    Years(u16, u16),
    /// Months, or a date said relative to now (`this year`, `9月份`).
    Date(Said),
}

impl Mark {
    /// Years, months or a relative date: may also be part of a name (`Reply 1988`,
    /// `August Rush`).
    pub fn is_date(&self) -> bool {
        matches!(self, Mark::Years(..) | Mark::Date(_))
    }
}

/// A tagged span: tokens `from..to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub from: usize,
    pub to: usize,
    pub marks: Vec<Mark>,
}

impl Span {
    /// Only filler words: nothing a question turns on.
    pub fn is_filler(&self) -> bool {
        self.marks.iter().all(|m| *m == Mark::Tag(Tag::Filler))
    }

    pub fn has(&self, tag: &Tag) -> bool {
        self.marks
            .iter()
            .any(|m| matches!(m, Mark::Tag(t) if t == tag))
    }
}

/// A question cut into tokens, with its tagged spans in order.
#[derive(Debug)]
pub struct Tagged<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub spans: Vec<Span>,
    /// For each token, the index of its span in `spans`, if tagged.
    pub span_of: Vec<Option<usize>>,
}

impl<'a> Tagged<'a> {
    pub fn new(text: &'a str) -> Tagged<'a> {
        let tokens = tokens(text);
        let lexicon = Lexicon::global();
        // In a question written all in capitals, `IN` and `IS` are words, not country codes.
        let shouted = tokens.iter().filter(|t| !t.cjk && t.text.len() > 1).count() > 1
            && tokens
                .iter()
                .filter(|t| !t.cjk && t.text.len() > 1)
                .all(|t| t.upper || t.text.chars().all(|c| c.is_ascii_digit()));
        let mut spans = Vec::new();
        let mut span_of = vec![None; tokens.len()];
        let mut at = 0;
        while at < tokens.len() {
            let found = years_at(text, &tokens, at)
                .map(|(len, (a, b))| (len, vec![Mark::Years(a, b)]))
                .into_iter()
                .chain(months_at(text, &tokens, at).map(|(len, d)| (len, vec![Mark::Date(d)])))
                .chain(place_at(text, &tokens, at, shouted))
                .chain(
                    lexicon
                        .longest_at(&tokens, at)
                        .map(|(len, tags)| (len, tags.iter().cloned().map(Mark::Tag).collect())),
                )
                // The longest wins; on a tie the first (years, months, then places).
                .fold(
                    None::<(usize, Vec<Mark>)>,
                    |best, (len, marks)| match best {
                        Some((l, _)) if l >= len => best,
                        _ => Some((len, marks)),
                    },
                );
            match found {
                Some((len, marks)) => {
                    for slot in &mut span_of[at..at + len] {
                        *slot = Some(spans.len());
                    }
                    spans.push(Span {
                        from: at,
                        to: at + len,
                        marks,
                    });
                    at += len;
                }
                None => at += 1,
            }
        }
        // One typo in a service or an adjective, for words nothing else took.
        for (i, t) in tokens.iter().enumerate() {
            if span_of[i].is_some() || t.cjk || t.text.chars().count() < FUZZY_FROM {
                continue;
            }
            if let Some(tag) = lexicon
                .close_service(&t.text)
                .or_else(|| close_origin(&t.text))
            {
                span_of[i] = Some(spans.len());
                spans.push(Span {
                    from: i,
                    to: i + 1,
                    marks: vec![Mark::Tag(tag)],
                });
            }
        }
        spans.sort_by_key(|s| s.from);
        for (n, s) in spans.iter().enumerate() {
            for slot in &mut span_of[s.from..s.to] {
                *slot = Some(n);
            }
        }
        Tagged {
            text,
            tokens,
            spans,
            span_of,
        }
    }

    /// Whether token `i` is covered by nothing, by filler words, by a date or a ranking word (a
    /// name may hold one: `Reply 1988`, `August Rush`, `Top Gun`).
    pub fn is_loose(&self, i: usize) -> bool {
        self.span_of[i].is_none_or(|s| {
            let marks = &self.spans[s].marks;
            self.spans[s].is_filler()
                || marks.iter().all(Mark::is_date)
                // Ranking words are words of names too (`Top Gun`, `Best in Show`).
                || marks
                    .iter()
                    .all(|m| matches!(m, Mark::Tag(Tag::Top | Tag::Rated)))
        })
    }

    /// Whether token `i` is covered by no tag at all.
    pub fn is_untagged(&self, i: usize) -> bool {
        self.span_of[i].is_none()
    }

    /// The original text of tokens `from..to`.
    pub fn text_of(&self, from: usize, to: usize) -> &'a str {
        if from >= to {
            return "";
        }
        &self.text[self.tokens[from].start..self.tokens[to - 1].end]
    }

    /// Tokens `from..to` as words: the original spelling, spaces only between Latin words.
    pub fn words_of(&self, idx: impl IntoIterator<Item = usize>) -> String {
        let mut out = String::new();
        let mut last: Option<&Token> = None;
        for i in idx {
            let t = &self.tokens[i];
            if last.is_some_and(|l| l.start == t.start) {
                continue;
            }
            // A space where the text had a gap (never between Chinese characters): the words
            // as typed, never longer.
            if let Some(l) = last
                && !(l.cjk && t.cjk)
                && l.end < t.start
            {
                out.push(' ');
            }
            out.push_str(&self.text[t.start..t.end]);
            last = Some(t);
        }
        out
    }

    /// Runs of loose tokens (untagged or filler) with at least one untagged token, as
    /// `(from, to)`: where a title's or a person's name can be.
    pub fn loose_runs(&self) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            if !self.is_loose(i) {
                i += 1;
                continue;
            }
            let from = i;
            while i < self.tokens.len() && self.is_loose(i) {
                i += 1;
            }
            if (from..i).any(|j| self.is_untagged(j)) {
                runs.push((from, i));
            }
        }
        runs
    }
}

/// The adjective of a place one typo away from `word` (`kroean` → Korean).
fn close_origin(word: &str) -> Option<Tag> {
    Places::global()
        .close_demonym(word)
        .map(|p| Tag::Origin(p.code.clone()))
}

/// A place name, adjective or flag starting at `tokens[at]`, the longest first.
fn place_at(text: &str, tokens: &[Token], at: usize, shouted: bool) -> Option<(usize, Vec<Mark>)> {
    let places = Places::global();
    let first = &tokens[at];
    if let Some(code) = first.text.strip_prefix("flag:") {
        return places
            .by_code(code)
            .map(|p| (1, vec![Mark::Tag(Tag::Place(p.code.clone()))]));
    }
    let most = LONGEST_PLACE.min(tokens.len() - at);
    for len in (1..=most).rev() {
        let last = &tokens[at + len - 1];
        if tokens[at..at + len].iter().any(|t| t.cjk != first.cjk) {
            continue;
        }
        let phrase = &text[first.start..last.end];
        if len == 1 && !first.cjk && phrase.chars().count() < 4 {
            // Short words are places only as codes in capitals (`US`, `UK`), not `us` or `in`;
            // in shouted text, only the codes people write in capitals anyway.
            let word_too = shouted
                && !ALWAYS_CODES.contains(&phrase)
                && Lexicon::global().phrase(phrase).is_some();
            if first.upper
                && !word_too
                && let Some(p) = places.by_code(phrase).or_else(|| places.exact(phrase))
            {
                return Some((1, vec![Mark::Tag(Tag::Place(p.code.clone()))]));
            }
            continue;
        }
        // Split tokens of one word (`Guinea-Bissau`) share their byte range.
        if len > 1 && tokens[at + len - 1].start == tokens[at + len - 2].start {
            continue;
        }
        if let Some(p) = places.exact(phrase) {
            return Some((len, vec![Mark::Tag(Tag::Place(p.code.clone()))]));
        }
        if !first.cjk
            && let Some(p) = places.by_demonym(&crate::text::fold(phrase))
        {
            return Some((len, vec![Mark::Tag(Tag::Origin(p.code.clone()))]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Kind;

    fn marks(text: &str) -> Vec<(String, Vec<Mark>)> {
        let t = Tagged::new(text);
        t.spans
            .iter()
            .map(|s| (t.text_of(s.from, s.to).to_string(), s.marks.clone()))
            .collect()
    }

    fn tag(t: Tag) -> Mark {
        Mark::Tag(t)
    }

    #[test]
    fn spans_are_tagged_longest_first() {
        assert_eq!(
            marks("Korean movies on Prime Video"),
            vec![
                ("Korean".into(), vec![tag(Tag::Origin("KR".into()))]),
                ("movies".into(), vec![tag(Tag::Kind(Kind::Movie))]),
                ("on".into(), vec![tag(Tag::Filler)]),
                (
                    "Prime Video".into(),
                    vec![tag(Tag::Service("amazon_prime".into()))]
                ),
            ]
        );
        assert_eq!(
            marks("2019年的中国电视剧"),
            vec![
                ("2019年".into(), vec![Mark::Years(2019, 2019)]),
                ("的".into(), vec![tag(Tag::Filler)]),
                ("中国".into(), vec![tag(Tag::Place("CN".into()))]),
                ("电视剧".into(), vec![tag(Tag::Kind(Kind::Tv))]),
            ]
        );
        assert_eq!(
            marks("New Zealand news"),
            vec![("New Zealand".into(), vec![tag(Tag::Place("NZ".into()))])]
        );
        assert_eq!(
            marks("🇯🇵 anime"),
            vec![
                ("🇯🇵".into(), vec![tag(Tag::Place("JP".into()))]),
                ("anime".into(), vec![tag(Tag::Genre("anime".into()))]),
            ]
        );
        assert_eq!(
            marks("us in US"),
            vec![
                ("us".into(), vec![tag(Tag::Filler)]),
                ("in".into(), vec![tag(Tag::Filler)]),
                ("US".into(), vec![tag(Tag::Place("US".into()))]),
            ]
        );
    }

    #[test]
    fn shouted_words_are_not_country_codes() {
        let places = |text: &str| -> Vec<String> {
            Tagged::new(text)
                .spans
                .iter()
                .flat_map(|s| s.marks.clone())
                .filter_map(|m| match m {
                    Mark::Tag(Tag::Place(p)) => Some(p),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(places("WHY CAN'T I WATCH NETFLIX IN CHINA"), ["CN"]);
        assert_eq!(places("IS HULU IN THE US"), ["US"]);
        assert_eq!(places("Netflix in IN"), ["IN"]);
        assert_eq!(places("netfilx kroean"), Vec::<String>::new());
        let t = Tagged::new("netfilx kroean");
        assert_eq!(
            t.spans
                .iter()
                .flat_map(|s| s.marks.clone())
                .collect::<Vec<_>>(),
            vec![
                tag(Tag::Service("netflix".into())),
                tag(Tag::Origin("KR".into()))
            ]
        );
    }

    #[test]
    fn loose_runs_hold_the_untagged_words() {
        let t = Tagged::new("where can I watch the Witcher on Netflix");
        assert_eq!(t.loose_runs(), vec![(4, 7)]);
        assert_eq!(t.text_of(4, 6), "the Witcher");
        let t = Tagged::new("你的名字在哪里看");
        assert_eq!(t.loose_runs(), vec![(0, 4)]);
        assert_eq!(t.words_of(0..4), "你的名字");
    }
}
