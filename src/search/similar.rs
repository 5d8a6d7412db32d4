//! Titles like a title (issue 22): one BM25 query over what makes a title what it is — its
//! genres, where it was made, its director and leading cast, and the distinctive words of its
//! description — each a weighted clause, so rare shared genres and names count for more than
//! common ones. The title itself and its other entries (same name, or its name and more:
//! "Parasite (Black and White)") are left out; type and service still filter.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query};

use super::card::stored_title;
use super::query::{Hit, boosted, term_q};
use super::schema::KIND_TITLE;
use super::{Engine, SearchError};
use crate::corpus::{Kind, Title};
use crate::text::fold;

/// How much each kind of shared feature weighs, as a BM25 boost.
const GENRE: f32 = 4.0;
const ORIGIN: f32 = 1.5;
const DIRECTOR: f32 = 3.0;
const CAST: f32 = 1.5;
const WORD: f32 = 1.0;
/// Leading cast members compared; further names add noise more than likeness.
const LEADING_CAST: usize = 6;
/// Description words compared, at most.
const WORDS: usize = 24;
/// A word in more than this share of the index says nothing about a title.
const COMMON: f64 = 0.02;
/// Candidates read before the title's own entries are dropped.
const CANDIDATES: usize = 40;

/// What `similar` filters by besides likeness.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SimilarFilter {
    /// The title's own type unless said.
    pub kind: Option<Kind>,
    pub service: Option<String>,
    pub limit: usize,
}

impl Engine {
    /// The words of a description that say something about it: those at least one other title
    /// has too, but not the commonest (over [`COMMON`] of all titles), in the order written.
    fn distinctive_terms(&self, description: &str) -> Result<Vec<String>, SearchError> {
        let f = self.fields();
        let searcher = self.searcher();
        let most = (searcher.num_docs() as f64 * COMMON) as u64;
        let mut terms = Vec::new();
        for t in self.text_terms(description) {
            let df = searcher.doc_freq(&tantivy::Term::from_field_text(f.details, &t))?;
            if (2..=most.max(2)).contains(&df) {
                terms.push(t);
            }
        }
        terms.truncate(WORDS);
        Ok(terms)
    }

    /// Titles most like `title`, best first.
    pub fn similar(
        &self,
        title: &Title,
        filter: &SimilarFilter,
    ) -> Result<Vec<Hit<Title>>, SearchError> {
        let f = self.fields();
        let mut like: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for g in &title.genres {
            like.push((Occur::Should, boosted(term_q(f.genre_key, &fold(g)), GENRE)));
        }
        for o in &title.origin {
            like.push((Occur::Should, boosted(term_q(f.origin, o), ORIGIN)));
        }
        for d in &title.director {
            like.push((
                Occur::Should,
                boosted(term_q(f.director, &fold(d)), DIRECTOR),
            ));
        }
        for c in title.cast.iter().take(LEADING_CAST) {
            like.push((Occur::Should, boosted(term_q(f.cast, &fold(c)), CAST)));
        }
        for t in self.distinctive_terms(&title.description)? {
            like.push((Occur::Should, boosted(term_q(f.details, &t), WORD)));
        }
        if like.is_empty() {
            return Ok(Vec::new());
        }
        let kind = filter.kind.unwrap_or(title.kind);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, term_q(f.kind, KIND_TITLE)),
            (Occur::Must, term_q(f.kind_type, kind.as_str())),
            (Occur::Must, Box::new(BooleanQuery::new(like))),
        ];
        if let Some(s) = &filter.service {
            clauses.push((Occur::Must, term_q(f.service, s)));
        }
        let own = fold(&title.title);
        clauses.push((Occur::MustNot, term_q(f.title_key, &own)));
        let q = BooleanQuery::new(clauses);
        let searcher = self.searcher();
        let found = searcher.search(&q, &TopDocs::with_limit(CANDIDATES).order_by_score())?;
        let mut out = Vec::new();
        for (score, addr) in found {
            let t = stored_title(&searcher, f, addr)?;
            let name = fold(&t.title);
            // Its other entries: the same name, or its name and more.
            if name == own
                || name.starts_with(&format!("{own} "))
                || own.starts_with(&format!("{name} "))
            {
                continue;
            }
            out.push(Hit { score, item: t });
            if out.len() == filter.limit {
                break;
            }
        }
        Ok(out)
    }
}
