//! Titles by name: the exact or misspelled name of `/title`, and the prefixes of autocomplete.
//! Candidates are ranked from fast fields (folded names, listings, year), so only the title an
//! answer shows is read from the doc store: reading and parsing stored JSON was most of the
//! time these lookups took.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use tantivy::collector::TopDocs;
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentId;
use tantivy::query::{BooleanQuery, Occur};
use tantivy::{DocAddress, DocId, Searcher, SegmentReader};

use super::analyzer::{analyze, exact_analyzer};
use super::distance::Damerau;
use super::fuzzy::{self, NameGrams};
use super::query::term_q;
use super::schema::KIND_TITLE;
use super::sorted::SortedLists;
use super::{Engine, SearchError};
use crate::corpus::Title;
use crate::text::fold;

/// Candidates ranked by name similarity when the name is not found exactly. The trigram order
/// they come in is good enough that 40 find what 100 did (recall@1 0.96 at 22k either way) at
/// half the cost: ranking is a Damerau-Levenshtein per candidate.
pub(super) const FUZZY_CANDIDATES: usize = 40;

/// A title found by name, known from fast fields alone; [`Engine::title_at`] reads the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct NameHit {
    /// The similarity of the whole name (1.0 is exact) plus a tiny tie-break.
    pub score: f32,
    /// The title as written.
    pub title: String,
    pub year: Option<u16>,
    addr: DocAddress,
}

impl NameHit {
    /// `Title (2019)`, or the bare title without a year.
    pub fn label(&self) -> String {
        match self.year {
            Some(y) => format!("{} ({y})", self.title),
            None => self.title.clone(),
        }
    }
}

fn internal(e: impl std::fmt::Display) -> SearchError {
    SearchError::Tantivy(tantivy::TantivyError::InternalError(e.to_string()))
}

/// Every value of a string fast field in one buffer, by dictionary ordinal. The column's own
/// dictionary is zstd-compressed in blocks, so looking one value up decompresses a block; this
/// reads the dictionary once, in order, and then looks values up in O(1).
pub(super) struct Strings {
    text: String,
    ends: Vec<usize>,
}

impl Strings {
    fn read(column: &StrColumn) -> Result<Strings, SearchError> {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(column.num_terms());
        let mut stream = column.dictionary().stream().map_err(internal)?;
        while stream.advance() {
            text.push_str(&String::from_utf8_lossy(stream.key()));
            ends.push(text.len());
        }
        Ok(Strings { text, ends })
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(super) fn get(&self, ord: u64) -> &str {
        let i = ord as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.ends.get(i).map_or("", |&end| &self.text[start..end])
    }

    /// The ordinals of the values starting with `prefix` (the dictionary is sorted by bytes).
    fn prefixed(&self, prefix: &str) -> std::ops::Range<u32> {
        let n = self.len();
        let ord_of = |i: usize| self.get(i as u64);
        let start = partition(0, n, |i| ord_of(i) < prefix);
        let end = partition(start, n, |i| ord_of(i).starts_with(prefix));
        start as u32..end as u32
    }
}

/// The first index in `from..to` where `pred` turns false (it must be true then false).
fn partition(mut from: usize, mut to: usize, pred: impl Fn(usize) -> bool) -> usize {
    while from < to {
        let mid = from + (to - from) / 2;
        if pred(mid) {
            from = mid + 1;
        } else {
            to = mid;
        }
    }
    from
}

/// The docs of each value of the `title_key` column, by ordinal, in doc order: what the
/// postings of the indexed `title_key` hold, without reading postings.
pub(super) struct KeyDocs {
    /// Ordinal → its range in `docs`.
    start: Vec<u32>,
    docs: Vec<DocId>,
}

impl KeyDocs {
    fn build(keys: &StrColumn, n: usize, max_doc: DocId) -> KeyDocs {
        let mut start = vec![0u32; n + 1];
        for doc in 0..max_doc {
            for o in keys.term_ords(doc) {
                start[o as usize + 1] += 1;
            }
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut cursor = start.clone();
        let mut docs = vec![0; start[n] as usize];
        for doc in 0..max_doc {
            for o in keys.term_ords(doc) {
                docs[cursor[o as usize] as usize] = doc;
                cursor[o as usize] += 1;
            }
        }
        KeyDocs { start, docs }
    }

    pub(super) fn docs(&self, ord: u32) -> &[DocId] {
        let o = ord as usize;
        &self.docs[self.start[o] as usize..self.start[o + 1] as usize]
    }
}

/// Every value of a string fast field, in dictionary order.
pub(super) fn read_strings(column: &StrColumn) -> Result<Vec<String>, SearchError> {
    let values = Strings::read(column)?;
    Ok((0..values.ends.len() as u64)
        .map(|o| values.get(o).to_string())
        .collect())
}

/// One segment's fast fields for names, with their values read into memory.
pub(super) struct NameColumns {
    keys: StrColumn,
    key_values: Strings,
    names: StrColumn,
    name_values: Strings,
    listings: Column<u64>,
    year: Column<u64>,
    /// Trigram postings over `key_values`, built on the first fuzzy lookup.
    grams: OnceLock<NameGrams>,
    /// The docs of each key, built on the first lookup by name.
    key_docs: OnceLock<KeyDocs>,
}

impl NameColumns {
    fn open(seg: &SegmentReader) -> Result<NameColumns, SearchError> {
        let ff = seg.fast_fields();
        let missing = |f: &str| internal(format!("the index has no fast field {f}"));
        let keys = ff.str("title_key")?.ok_or_else(|| missing("title_key"))?;
        let names = ff.str("name")?.ok_or_else(|| missing("name"))?;
        Ok(NameColumns {
            key_values: Strings::read(&keys)?,
            keys,
            name_values: Strings::read(&names)?,
            names,
            listings: ff.u64("listings")?,
            year: ff.u64("year")?,
            grams: OnceLock::new(),
            key_docs: OnceLock::new(),
        })
    }

    /// The folded title and aka of `doc`.
    pub(super) fn keys(&self, doc: DocId) -> impl Iterator<Item = &str> + '_ {
        self.keys.term_ords(doc).map(|o| self.key_values.get(o))
    }

    pub(super) fn name(&self, doc: DocId) -> String {
        self.name_str(doc).to_string()
    }

    pub(super) fn name_str(&self, doc: DocId) -> &str {
        self.names
            .term_ords(doc)
            .next()
            .map(|o| self.name_values.get(o))
            .unwrap_or_default()
    }

    fn year(&self, doc: DocId) -> Option<u16> {
        self.year.first(doc).map(|y| y as u16)
    }

    /// The segment's trigram postings over its folded names.
    pub(super) fn grams(&self) -> &NameGrams {
        self.grams
            .get_or_init(|| NameGrams::build(&self.key_values))
    }

    /// The docs of each folded name (`max_doc` is the segment's).
    pub(super) fn key_docs(&self, max_doc: DocId) -> &KeyDocs {
        self.key_docs
            .get_or_init(|| KeyDocs::build(&self.keys, self.key_values.len(), max_doc))
    }
}

/// [`NameColumns`] of the segments seen so far, by segment id (segments never change, so an
/// entry stays valid for as long as its segment is searched; a reindex clears the cache), and
/// the sorted lists of titles by origin, type and service (cleared with them).
#[derive(Default)]
pub(super) struct NameCache {
    columns: Mutex<HashMap<SegmentId, Arc<NameColumns>>>,
    pub(super) sorted: SortedLists,
}

impl NameCache {
    pub(super) fn get(&self, seg: &SegmentReader) -> Result<Arc<NameColumns>, SearchError> {
        let id = seg.segment_id();
        if let Some(c) = self
            .columns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
        {
            return Ok(c.clone());
        }
        let cols = Arc::new(NameColumns::open(seg)?);
        self.columns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, cols.clone());
        Ok(cols)
    }

    pub(super) fn clear(&self) {
        self.columns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        self.sorted.clear();
    }
}

impl Engine {
    /// Titles whose name is `name`, or close to it (one or two typos a word), best first.
    pub fn names_by_name(&self, name: &str, limit: usize) -> Result<Vec<NameHit>, SearchError> {
        let key = fold(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let searcher = self.searcher();
        let f = self.fields();
        let exact = BooleanQuery::new(vec![
            (Occur::Must, term_q(f.kind, KIND_TITLE)),
            (Occur::Must, term_q(f.title_key, &key)),
        ]);
        let found = searcher.search(&exact, &TopDocs::with_limit(limit.max(1)).order_by_score())?;
        let candidates: Vec<DocAddress> = if !found.is_empty() {
            found.into_iter().map(|d| d.1).collect()
        } else {
            let words: Vec<String> = analyze(&mut exact_analyzer(), name)
                .into_iter()
                .map(|t| t.0)
                .take(12)
                .collect();
            if words.is_empty() {
                return Ok(Vec::new());
            }
            fuzzy::candidates(&self.names, &searcher, &key, &words, FUZZY_CANDIDATES)?
        };
        self.rank_by_name(&searcher, &key, candidates, limit)
    }

    /// Scores candidates by how close their title or aka is to `key`.
    fn rank_by_name(
        &self,
        searcher: &Searcher,
        key: &str,
        candidates: Vec<DocAddress>,
        limit: usize,
    ) -> Result<Vec<NameHit>, SearchError> {
        let mut columns: Vec<Option<Arc<NameColumns>>> = Vec::new();
        columns.resize_with(searcher.segment_readers().len(), || None);
        let mut hits: Vec<NameHit> = Vec::with_capacity(candidates.len());
        let mut damerau = Damerau::default();
        for addr in candidates {
            let slot = &mut columns[addr.segment_ord as usize];
            if slot.is_none() {
                *slot = Some(self.names.get(searcher.segment_reader(addr.segment_ord))?);
            }
            let Some(cols) = slot.as_ref() else {
                continue;
            };
            let doc = addr.doc_id;
            let sim = cols
                .keys(doc)
                .map(|k| damerau.normalized(key, k))
                .fold(0.0f64, f64::max);
            let year = cols.year(doc);
            let listings = cols.listings.first(doc).unwrap_or(0);
            // Among equally close names, prefer titles more services carry, then newer ones.
            let tiebreak = listings as f64 * 1e-3 + year.unwrap_or(0) as f64 * 1e-7;
            hits.push(NameHit {
                score: (sim + tiebreak) as f32,
                title: cols.name(doc),
                year,
                addr,
            });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.truncate(limit);
        Ok(hits)
    }

    /// The stored title of a name hit.
    pub fn title_at(&self, hit: &NameHit) -> Result<Title, SearchError> {
        super::card::stored_title(&self.searcher(), self.fields(), hit.addr)
    }

    /// Titles starting with what was typed, then close to it: (label with year, title).
    /// Prefixes walk the folded-name dictionary and read names from fast fields; no stored
    /// title is read.
    pub fn complete_titles(
        &self,
        partial: &str,
        limit: usize,
    ) -> Result<Vec<(String, String)>, SearchError> {
        let key = fold(partial);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let searcher = self.searcher();
        let mut out: Vec<(String, String)> = Vec::new();
        let mut docs: Vec<(usize, DocId)> = Vec::new();
        'segments: for seg in searcher.segment_readers() {
            if out.len() >= limit {
                break;
            }
            let cols = self.names.get(seg)?;
            let key_docs = cols.key_docs(seg.max_doc());
            for ord in cols.key_values.prefixed(&key) {
                docs.clear();
                // Titles without an aka first, as a search scores them higher.
                docs.extend(
                    key_docs
                        .docs(ord)
                        .iter()
                        .filter(|&&doc| !seg.is_deleted(doc))
                        .map(|&doc| (cols.keys.term_ords(doc).count(), doc)),
                );
                docs.sort_unstable();
                for &(_, doc) in docs.iter().take(3) {
                    push_completion(cols.name(doc), cols.year(doc), &mut out);
                }
                if out.len() >= limit {
                    break 'segments;
                }
            }
        }
        if out.len() < limit && key.chars().count() >= 3 {
            for h in self.names_by_name(partial, limit)? {
                push_completion(h.title, h.year, &mut out);
            }
        }
        out.truncate(limit);
        Ok(out)
    }
}

/// Adds a completion, labelled with its year (`Okja (2017)`), unless that label is already there.
fn push_completion(title: String, year: Option<u16>, out: &mut Vec<(String, String)>) {
    let label = match year {
        Some(y) => format!("{title} ({y})"),
        None => title.clone(),
    };
    if !out.iter().any(|(l, _)| *l == label) {
        out.push((label, title));
    }
}

#[cfg(test)]
mod tests {
    use tantivy::schema::IndexRecordOption;
    use tantivy::{DocSet, TERMINATED};

    use super::*;

    /// Autocomplete as it was: each segment's term dictionary walked from the prefix, each
    /// term's postings read.
    fn complete_by_terms(engine: &Engine, partial: &str, limit: usize) -> Vec<(String, String)> {
        let key = fold(partial);
        if key.is_empty() {
            return Vec::new();
        }
        let searcher = engine.searcher();
        let mut out: Vec<(String, String)> = Vec::new();
        'segments: for seg in searcher.segment_readers() {
            if out.len() >= limit {
                break;
            }
            let inv = seg.inverted_index(engine.fields().title_key).unwrap();
            let cols = engine.names.get(seg).unwrap();
            let mut stream = inv
                .terms()
                .range()
                .ge(key.as_bytes())
                .into_stream()
                .unwrap();
            while stream.advance() {
                if !stream.key().starts_with(key.as_bytes()) || out.len() >= limit {
                    break;
                }
                let mut postings = inv
                    .read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)
                    .unwrap();
                let mut docs: Vec<(usize, DocId)> = Vec::new();
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if !seg.is_deleted(doc) {
                        docs.push((cols.keys.term_ords(doc).count(), doc));
                    }
                    doc = postings.advance();
                }
                docs.sort_unstable();
                for &(_, doc) in docs.iter().take(3) {
                    push_completion(cols.name(doc), cols.year(doc), &mut out);
                }
                if out.len() >= limit {
                    break 'segments;
                }
            }
        }
        if out.len() < limit && key.chars().count() >= 3 {
            for h in engine.names_by_name(partial, limit).unwrap() {
                push_completion(h.title, h.year, &mut out);
            }
        }
        out.truncate(limit);
        out
    }

    #[test]
    fn autocomplete_from_memory_is_autocomplete_from_the_term_dictionary() {
        let (engine, dir) = super::super::sorted::tests::engine("complete");
        let keys = engine.terms_of(engine.fields().title_key).unwrap();
        let mut typed: Vec<String> = vec!["a".into(), "Z".into(), "é".into(), "zzzz".into()];
        for key in keys.iter().step_by(37) {
            for n in [1, 2, 3, 4, 6] {
                typed.push(key.chars().take(n).collect());
            }
            typed.push(key.to_uppercase());
        }
        let mut compared = 0;
        for t in &typed {
            for limit in [1, 25] {
                assert_eq!(
                    engine.complete_titles(t, limit).unwrap(),
                    complete_by_terms(&engine, t, limit),
                    "{t}"
                );
                compared += 1;
            }
        }
        assert!(compared > 200, "{compared}");
        drop(engine);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
