//! The queries answers are made of: titles by filters, one title by a (misspelled) name,
//! passages by words, and the facts of a place. Queries are built from analysed terms, never
//! parsed from user text, so no input can be a syntax error.

use std::collections::BTreeSet;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use super::analyzer::{analyze, exact_analyzer, text_analyzer};
use super::card::stored_title;
use super::schema::{KIND_PASSAGE, KIND_TITLE, RANK_ADDED, added_field};
use super::{Engine, SearchError, sorted};
use crate::corpus::{Kind, Title};
use crate::text::fold;

/// Titles per page.
pub const PAGE_SIZE: usize = 10;

/// How a list of titles is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleSort {
    /// Best match first (the default with a free-text query).
    Relevance,
    /// Newest first, then by title (the default otherwise).
    #[default]
    Year,
    /// Alphabetical.
    Title,
    /// Newest addition to a service first; titles without a date last.
    Added,
}

impl TitleSort {
    pub fn as_str(self) -> &'static str {
        match self {
            TitleSort::Relevance => "relevance",
            TitleSort::Year => "year",
            TitleSort::Title => "title",
            TitleSort::Added => "added",
        }
    }
}

/// Filters of a titles question. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TitleFilter {
    /// A place code: titles produced (partly) there.
    pub origin: Option<String>,
    pub kind: Option<Kind>,
    pub service: Option<String>,
    /// Titles on at least one of these services (no filter when empty): those available where
    /// the asker is.
    pub any_service: Vec<String>,
    pub genre: Option<String>,
    /// Release years, inclusive.
    pub years: Option<(u16, u16)>,
    /// Months added to a service, inclusive.
    pub added: Option<crate::domain::Months>,
    pub query: Option<String>,
    /// A director's or actor's whole name (folded before matching).
    pub director: Option<String>,
    pub cast: Option<String>,
    pub sort: Option<TitleSort>,
    /// 1-based.
    pub page: usize,
}

/// A result with its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<T> {
    pub score: f32,
    pub item: T,
}

/// A paragraph that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageHit {
    pub score: f32,
    pub doc_id: String,
    pub paragraph: u32,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

pub(super) fn term_q(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

pub(super) fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, boost))
}

pub(super) fn stored_json<T: serde::de::DeserializeOwned>(
    searcher: &Searcher,
    field: Field,
    addr: DocAddress,
) -> Result<T, SearchError> {
    let doc: TantivyDocument = searcher.doc(addr)?;
    let json = doc
        .get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    serde_json::from_str(json)
        .map_err(|e| SearchError::Tantivy(tantivy::TantivyError::InternalError(e.to_string())))
}

/// A genre word and its plural or singular (`comedy` ↔ `comedies`, `drama` ↔ `dramas`), so
/// that genres match without stemming (which would make `anime` match `animation`).
pub fn genre_variants(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    out.extend(
        crate::lexicon::Lexicon::global()
            .synonyms(word)
            .iter()
            .cloned(),
    );
    if let Some(stem) = word.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    } else if let Some(stem) = word.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    }
    if let Some(stem) = word.strip_suffix('s') {
        out.push(stem.to_string());
    } else {
        out.push(format!("{word}s"));
    }
    out
}

/// The page shown when `page` is asked of `total` matches: the last one when it is past the
/// end (page 1 when nothing matches).
pub fn shown_page(page: usize, total: usize) -> usize {
    page.clamp(1, total.div_ceil(PAGE_SIZE).max(1))
}

/// Where a filter's page starts among its matches.
fn page_offset(filter: &TitleFilter) -> usize {
    filter
        .page
        .saturating_sub(1)
        .saturating_mul(PAGE_SIZE)
        .min(1 << 30)
}

impl Engine {
    /// Whether `word` (or its plural/singular) appears in some genre.
    pub fn is_genre_word(&self, word: &str) -> bool {
        let folded = fold(word);
        let genres = self.genre_words();
        genre_variants(&folded)
            .iter()
            .any(|v| genres.binary_search(v).is_ok())
    }

    /// Whether some title's text (name, description, people, genres) has a term of `word`:
    /// a leftover word of a question that matches nothing is no filter.
    pub fn text_matches(&self, word: &str) -> Result<bool, SearchError> {
        let filter = TitleFilter {
            query: Some(word.to_string()),
            page: 1,
            ..TitleFilter::default()
        };
        let q = self.title_filter_query(&filter, true);
        Ok(self.searcher().search(&q, &tantivy::collector::Count)? > 0)
    }

    /// Terms of free text for the running-text fields; falls back to the name analyzer when
    /// everything was a stop word ("The It").
    pub(super) fn text_terms(&self, text: &str) -> Vec<String> {
        let mut seen = BTreeSet::new();
        let mut terms: Vec<String> = analyze(&mut text_analyzer(), text)
            .into_iter()
            .map(|t| t.0)
            .filter(|t| seen.insert(t.clone()))
            .collect();
        if terms.is_empty() {
            terms = analyze(&mut exact_analyzer(), text)
                .into_iter()
                .map(|t| t.0)
                .filter(|t| seen.insert(t.clone()))
                .collect();
        }
        terms.truncate(32);
        terms
    }

    /// A clause matching one term in any title field, title first.
    fn title_term_clause(&self, term: &str) -> Box<dyn Query> {
        let f = self.fields();
        Box::new(BooleanQuery::new(vec![
            (Occur::Should, boosted(term_q(f.title, term), 3.0)),
            (Occur::Should, boosted(term_q(f.title_exact, term), 1.0)),
            (Occur::Should, term_q(f.details, term)),
        ]))
    }

    fn title_filter_query(&self, filter: &TitleFilter, all_terms: bool) -> Box<dyn Query> {
        let f = self.fields();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, term_q(f.kind, KIND_TITLE))];
        if let Some(o) = &filter.origin {
            clauses.push((Occur::Must, term_q(f.origin, o)));
        }
        if let Some(k) = filter.kind {
            clauses.push((Occur::Must, term_q(f.kind_type, k.as_str())));
        }
        if let Some(s) = &filter.service {
            clauses.push((Occur::Must, term_q(f.service, s)));
        }
        if !filter.any_service.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = filter
                .any_service
                .iter()
                .map(|s| (Occur::Should, term_q(f.service, s)))
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if let Some(g) = &filter.genre {
            for (word, _, _) in analyze(&mut exact_analyzer(), g).into_iter().take(8) {
                let variants: Vec<(Occur, Box<dyn Query>)> = genre_variants(&word)
                    .iter()
                    .map(|v| (Occur::Should, term_q(f.genre, v)))
                    .collect();
                clauses.push((Occur::Must, Box::new(BooleanQuery::new(variants))));
            }
        }
        if let Some(d) = &filter.director {
            clauses.push((Occur::Must, term_q(f.director, &fold(d))));
        }
        if let Some(c) = &filter.cast {
            clauses.push((Occur::Must, term_q(f.cast, &fold(c))));
        }
        if let Some(y) = filter.years {
            clauses.push((Occur::Must, super::dates::years(f.year, y)));
        }
        if let Some(span) = filter.added {
            clauses.push((Occur::Must, super::dates::added(f, filter, span)));
        }
        if let Some(q) = &filter.query {
            let terms = self.text_terms(q);
            let occur = if all_terms {
                Occur::Must
            } else {
                Occur::Should
            };
            let text: Vec<(Occur, Box<dyn Query>)> = terms
                .iter()
                .map(|t| (occur, self.title_term_clause(t)))
                .collect();
            if text.is_empty() {
                // Words that analyse to nothing (emoji, punctuation, one 10 kB word) match nothing.
                clauses.push((Occur::Must, term_q(f.kind, "")));
            } else {
                clauses.push((Occur::Must, Box::new(BooleanQuery::new(text))));
            }
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// One page of titles matching `filter`, and the exact number of matches. A page past the
    /// end is answered with the last page ([`shown_page`] says which): the offset asked of the
    /// index never exceeds the matches, whatever page a button or an option carries.
    pub fn titles(&self, filter: &TitleFilter) -> Result<(usize, Vec<Title>), SearchError> {
        let searcher = self.searcher();
        let bounded;
        let mut filter = filter;
        if filter.page > 1 {
            let query = self.title_filter_query(filter, true);
            let total = searcher.search(query.as_ref(), &Count)?;
            bounded = TitleFilter {
                page: shown_page(filter.page, total),
                ..filter.clone()
            };
            filter = &bounded;
        }
        let (total, addrs) = self.title_page(&searcher, filter)?;
        let titles = addrs
            .into_iter()
            .map(|a| stored_title(&searcher, self.fields(), a))
            .collect::<Result<Vec<Title>, _>>()?;
        Ok((total, titles))
    }

    /// Where the titles of [`Engine::titles`] are, and how many match: from the sorted lists
    /// when only origin, type and service filter and the newest come first, else from tantivy.
    pub(super) fn title_page(
        &self,
        searcher: &Searcher,
        filter: &TitleFilter,
    ) -> Result<(usize, Vec<DocAddress>), SearchError> {
        if filter.sort.unwrap_or_default() == TitleSort::Year
            && let Some(key) = sorted::ListKey::of(filter)
        {
            let query = self.title_filter_query(filter, true);
            return sorted::page(
                &self.names.sorted,
                searcher,
                &key,
                query.as_ref(),
                page_offset(filter),
                PAGE_SIZE,
            );
        }
        self.title_page_tantivy(searcher, filter)
    }

    /// [`Engine::title_page`] by a tantivy search (every filter and sort).
    pub(super) fn title_page_tantivy(
        &self,
        searcher: &Searcher,
        filter: &TitleFilter,
    ) -> Result<(usize, Vec<DocAddress>), SearchError> {
        let f = self.fields();
        let query = self.title_filter_query(filter, true);
        let has_text = filter
            .query
            .as_deref()
            .is_some_and(|q| !q.trim().is_empty());
        let sort = filter.sort.unwrap_or(if has_text {
            TitleSort::Relevance
        } else {
            TitleSort::Year
        });
        let top = TopDocs::with_limit(PAGE_SIZE).and_offset(page_offset(filter));
        let (total, addrs): (usize, Vec<DocAddress>) = match sort {
            TitleSort::Relevance => {
                let (n, docs) = searcher.search(&query, &(Count, top.order_by_score()))?;
                (n, docs.into_iter().map(|d| d.1).collect())
            }
            TitleSort::Year => {
                let c = top.order_by_u64_field(sorted::RANK_YEAR, Order::Desc);
                let (n, docs) = searcher.search(&query, &(Count, c))?;
                (n, docs.into_iter().map(|d| d.1).collect())
            }
            TitleSort::Title => {
                let c = top.order_by_u64_field("rank_title", Order::Asc);
                let (n, docs) = searcher.search(&query, &(Count, c))?;
                (n, docs.into_iter().map(|d| d.1).collect())
            }
            TitleSort::Added => {
                let field = match &filter.service {
                    Some(s) if f.added_by_service.iter().any(|(id, _)| id == s) => added_field(s),
                    _ => RANK_ADDED.to_string(),
                };
                let c = top.order_by_u64_field(&field, Order::Desc);
                let (n, docs) = searcher.search(&query, &(Count, c))?;
                (n, docs.into_iter().map(|d| d.1).collect())
            }
        };
        Ok((total, addrs))
    }

    /// Titles matching free text in any field, best first (all words if possible, else any).
    pub fn titles_by_text(&self, text: &str, limit: usize) -> Result<Vec<Hit<Title>>, SearchError> {
        let filter = TitleFilter {
            query: Some(text.to_string()),
            ..TitleFilter::default()
        };
        let searcher = self.searcher();
        let mut hits = Vec::new();
        for all in [true, false] {
            let q = self.title_filter_query(&filter, all);
            hits = searcher.search(&q, &TopDocs::with_limit(limit).order_by_score())?;
            if !hits.is_empty() {
                break;
            }
        }
        hits.into_iter()
            .map(|(score, a)| {
                Ok(Hit {
                    score,
                    item: stored_title(&searcher, self.fields(), a)?,
                })
            })
            .collect()
    }

    /// Paragraphs matching `text`, best first. With `required`, a paragraph must also contain
    /// one of those words.
    pub fn passages(
        &self,
        text: &str,
        required: &[String],
        limit: usize,
    ) -> Result<(Vec<PassageHit>, Vec<String>), SearchError> {
        let f = self.fields();
        let mut terms = self.text_terms(text);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, term_q(f.kind, KIND_PASSAGE))];
        let should: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .map(|t| (Occur::Should, term_q(f.body, t)))
            .collect();
        if !required.is_empty() {
            let mut req = Vec::new();
            for r in required {
                for t in self.text_terms(r) {
                    req.push((Occur::Should, boosted(term_q(f.body, &t), 2.0)));
                    if !terms.contains(&t) {
                        terms.push(t);
                    }
                }
            }
            if req.is_empty() {
                return Ok((Vec::new(), terms));
            }
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(req))));
            if !should.is_empty() {
                clauses.push((Occur::Should, Box::new(BooleanQuery::new(should))));
            }
        } else if should.is_empty() {
            return Ok((Vec::new(), terms));
        } else {
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(should))));
        }
        let searcher = self.searcher();
        let q = BooleanQuery::new(clauses);
        let mut out = Vec::new();
        for (score, addr) in searcher.search(&q, &TopDocs::with_limit(limit).order_by_score())? {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let u = |field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
            let s = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            out.push(PassageHit {
                score,
                doc_id: s(f.doc_id),
                paragraph: u(f.paragraph) as u32,
                start: u(f.start) as usize,
                end: u(f.end) as usize,
                text: s(f.body),
            });
        }
        Ok((out, terms))
    }

    /// Every distinct value of a keyword field (services, genres, origins), sorted.
    pub fn terms_of(&self, field: Field) -> Result<Vec<String>, SearchError> {
        let searcher = self.searcher();
        let mut out = BTreeSet::new();
        for seg in searcher.segment_readers() {
            let inv = seg.inverted_index(field)?;
            let mut stream = inv.terms().stream().map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                if let Ok(s) = std::str::from_utf8(stream.key()) {
                    out.insert(s.to_string());
                }
            }
        }
        Ok(out.into_iter().collect())
    }

    /// Services that list at least one title: the known ones first, in their usual order.
    pub fn title_services(&self) -> Result<Vec<String>, SearchError> {
        let f = self.fields();
        let searcher = self.searcher();
        let mut out = Vec::new();
        for s in self.terms_of(f.service)? {
            let q = BooleanQuery::new(vec![
                (Occur::Must, term_q(f.kind, KIND_TITLE)),
                (Occur::Must, term_q(f.service, &s)),
            ]);
            if searcher.search(&q, &Count)? > 0 {
                out.push(s);
            }
        }
        // The known services in their usual order, then any others.
        out.sort_by_key(|s| (crate::domain::service_rank(s), s.clone()));
        Ok(out)
    }

    /// Genres containing what was typed (folded), for autocomplete.
    pub fn complete_genres(&self, partial: &str, limit: usize) -> Result<Vec<String>, SearchError> {
        let key = fold(partial);
        let mut all = self.terms_of(self.fields().genre_key)?;
        all.retain(|g| g.contains(&key));
        all.sort_by_key(|g| (!g.starts_with(&key), g.len()));
        all.truncate(limit);
        Ok(all)
    }

    /// How many titles there are in all.
    pub fn title_count(&self) -> Result<usize, SearchError> {
        let q = term_q(self.fields().kind, KIND_TITLE);
        Ok(self.searcher().search(&q, &Count)?)
    }
}
