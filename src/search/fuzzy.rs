//! An in-memory index of folded title names (trigram postings), so that a misspelled name finds
//! its candidates without a Levenshtein automaton per word and per segment: building those and
//! scoring the union of every fuzzy-matched term was most of what a typo'd `/title` cost.
//! Each segment's index is built on the first fuzzy lookup and lives in the segment's cached
//! name columns, so a reload or reindex (which clears that cache) rebuilds it.

use std::collections::{HashMap, HashSet};

use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, DocId, Searcher};

use super::SearchError;
use super::analyzer::{analyze, exact_analyzer};
use super::distance::osa_within;
use super::names::{NameCache, NameColumns, Strings};

type Fast = foldhash::fast::RandomState;

/// Keys (folded titles and akas) taken from the trigram postings, most similar first, before
/// the word check below thins them to [`super::names::FUZZY_CANDIDATES`] titles.
const KEY_CANDIDATES: usize = 100;

/// The distinct trigrams of a folded name padded with a space on each side, each three chars
/// packed into one `u64`.
fn grams(key: &str, out: &mut Vec<u64>) {
    out.clear();
    let chars: Vec<char> = std::iter::once(' ')
        .chain(key.chars())
        .chain(std::iter::once(' '))
        .collect();
    out.extend(
        chars
            .windows(3)
            .map(|w| (w[0] as u64) << 42 | (w[1] as u64) << 21 | w[2] as u64),
    );
    out.sort_unstable();
    out.dedup();
}

/// One segment's trigram postings over its folded names, by the `title_key` column's ordinals.
pub(super) struct NameGrams {
    /// Trigram → its range in `postings`.
    ranges: HashMap<u64, (u32, u32), Fast>,
    /// Key ordinals, grouped by trigram.
    postings: Vec<u32>,
    /// Each key's length in chars.
    key_chars: Vec<u16>,
}

impl NameGrams {
    pub(super) fn build(values: &Strings) -> NameGrams {
        let n = values.len();
        let mut buf = Vec::new();
        let mut key_chars = Vec::with_capacity(n);
        let mut counts: HashMap<u64, u32, Fast> = HashMap::default();
        for ord in 0..n {
            let k = values.get(ord as u64);
            key_chars.push(k.chars().count().min(u16::MAX as usize) as u16);
            grams(k, &mut buf);
            for g in &buf {
                *counts.entry(*g).or_default() += 1;
            }
        }
        // Two passes, so the postings are one exact-sized array rather than a vector per gram.
        let mut ranges: HashMap<u64, (u32, u32), Fast> = HashMap::default();
        ranges.reserve(counts.len());
        let mut total = 0u32;
        for (g, c) in counts {
            ranges.insert(g, (total, total));
            total += c;
        }
        let mut postings = vec![0u32; total as usize];
        for ord in 0..n {
            grams(values.get(ord as u64), &mut buf);
            for g in &buf {
                if let Some(r) = ranges.get_mut(g) {
                    postings[r.1 as usize] = ord as u32;
                    r.1 += 1;
                }
            }
        }
        NameGrams {
            ranges,
            postings,
            key_chars,
        }
    }

    /// Up to `limit` keys sharing trigrams with `key`, by Dice coefficient (shared trigrams
    /// against both lengths), best first, ties by ordinal.
    fn nearest(&self, key: &str, limit: usize) -> Vec<(f32, u32)> {
        let mut q = Vec::new();
        grams(key, &mut q);
        let q_chars = key.chars().count() as f32;
        let mut counts = vec![0u16; self.key_chars.len()];
        let mut touched: Vec<u32> = Vec::new();
        for g in &q {
            let Some(&(from, to)) = self.ranges.get(g) else {
                continue;
            };
            for &ord in &self.postings[from as usize..to as usize] {
                let c = &mut counts[ord as usize];
                if *c == 0 {
                    touched.push(ord);
                }
                *c = c.saturating_add(1);
            }
        }
        let mut scored: Vec<(f32, u32)> = touched
            .into_iter()
            .map(|ord| {
                let shared = counts[ord as usize] as f32;
                let len = self.key_chars[ord as usize] as f32;
                (2.0 * shared / (q_chars + len).max(1.0), ord)
            })
            .collect();
        let best_first = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit, best_first);
            scored.truncate(limit);
        }
        scored.sort_unstable_by(best_first);
        scored
    }
}

/// The largest number of typos in a query word of `chars` characters: none up to 3, one up
/// to 6, else two (what `/title` has always allowed).
pub(super) fn allowed_typos(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// Whether a query word matches a word of a name, exactly or within its allowed typos
/// (a swap of neighbours is one typo).
fn word_matches(query: &str, word: &str) -> bool {
    let n = query.chars().count();
    let d = allowed_typos(n);
    if d == 0 {
        return query == word;
    }
    n.abs_diff(word.chars().count()) <= d && osa_within(query, word, d)
}

/// Whether a word of `doc`'s title or akas matches a query word: the candidates a misspelled
/// name has always had (a title sharing letters but no word is not offered).
fn shares_a_word(
    analyzer: &mut TextAnalyzer,
    cols: &NameColumns,
    doc: DocId,
    words: &[String],
) -> bool {
    std::iter::once(cols.name_str(doc))
        .chain(cols.keys(doc))
        .any(|text| {
            if text.is_ascii() {
                ascii_words_match(text, words)
            } else {
                analyze(analyzer, text)
                    .iter()
                    .any(|(w, _, _)| words.iter().any(|q| word_matches(q, w)))
            }
        })
}

/// Words the name analyzer drops, in bytes (its `RemoveLongFilter`).
const LONG_WORD: usize = 48;

/// Whether a word of ASCII `text` matches a query word, with the words the name analyzer makes
/// of it (runs of letters and digits, lower-cased, shorter than [`LONG_WORD`]) found without
/// allocating.
fn ascii_words_match(text: &str, words: &[String]) -> bool {
    let mut buf = [0u8; LONG_WORD];
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|run| !run.is_empty() && run.len() < LONG_WORD)
        .any(|run| {
            let w = &mut buf[..run.len()];
            w.copy_from_slice(run.as_bytes());
            w.make_ascii_lowercase();
            std::str::from_utf8(w).is_ok_and(|w| words.iter().any(|q| word_matches(q, w)))
        })
}

/// Titles whose name is close to `key` (folded), most similar first by trigrams, that share a
/// word (within its allowed typos) with the query's `words`; at most `limit`.
pub(super) fn candidates(
    names: &NameCache,
    searcher: &Searcher,
    key: &str,
    words: &[String],
    limit: usize,
) -> Result<Vec<DocAddress>, SearchError> {
    let mut columns = Vec::new();
    let mut keys: Vec<(f32, u32, u32)> = Vec::new();
    for (seg_ord, seg) in searcher.segment_readers().iter().enumerate() {
        let cols = names.get(seg)?;
        let grams = cols.grams();
        keys.extend(
            grams
                .nearest(key, KEY_CANDIDATES)
                .into_iter()
                .map(|(s, ord)| (s, seg_ord as u32, ord)),
        );
        columns.push(cols);
    }
    keys.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    keys.truncate(KEY_CANDIDATES);
    let mut analyzer = exact_analyzer();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (_, seg_ord, ord) in keys {
        let seg = searcher.segment_reader(seg_ord);
        let cols = &columns[seg_ord as usize];
        for &doc in cols.key_docs(seg.max_doc()).docs(ord) {
            if seg.is_deleted(doc)
                || !seen.insert((seg_ord, doc))
                || !shares_a_word(&mut analyzer, cols, doc, words)
            {
                continue;
            }
            out.push(DocAddress::new(seg_ord, doc));
            if out.len() >= limit {
                return Ok(out);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_matches_within_the_typos_its_length_allows() {
        assert!(word_matches("wticher", "witcher"));
        assert!(word_matches("brking", "braking"));
        assert!(!word_matches("bad", "bed"));
        assert!(word_matches("bad", "bad"));
        assert!(!word_matches("brkng", "braking"));
        assert_eq!(allowed_typos(3), 0);
        assert_eq!(allowed_typos(6), 1);
        assert_eq!(allowed_typos(7), 2);
    }

    #[test]
    fn ascii_words_are_the_analyzers() {
        let mut analyzer = exact_analyzer();
        let texts = [
            "Breaking Bad",
            "WALL·E",
            "Don't Look Up (2021)",
            "9-1-1: Lone Star",
            "a",
            "",
            "  --  ",
            "Mr. & Mrs. Smith",
            "x_y",
        ];
        let long = format!("{} short", "a".repeat(47));
        let longer = format!("{} short", "a".repeat(48));
        for text in texts
            .iter()
            .copied()
            .chain([long.as_str(), longer.as_str()])
        {
            let words: Vec<String> = analyze(&mut analyzer, text)
                .into_iter()
                .map(|t| t.0)
                .collect();
            for w in &words {
                assert!(
                    ascii_words_match(text, std::slice::from_ref(w)),
                    "{text} {w}"
                );
            }
            for q in [
                "bad", "breakin", "dont", "look", "lone", "star", "smith", "mrs", "x", "y",
            ] {
                let want = words.iter().any(|w| word_matches(q, w));
                assert_eq!(
                    ascii_words_match(text, &[q.to_string()]),
                    want,
                    "{text} {q}"
                );
            }
        }
        assert!(!ascii_words_match(&longer, &["a".repeat(48)]));
        assert!(ascii_words_match(&long, &["a".repeat(47)]));
    }

    #[test]
    fn trigrams_are_distinct_and_padded() {
        let mut g = Vec::new();
        grams("aaaa", &mut g);
        // " aa", "aaa", "aa "
        assert_eq!(g.len(), 3);
        grams("", &mut g);
        assert!(g.is_empty());
        grams("a", &mut g);
        assert_eq!(g.len(), 1);
    }
}
