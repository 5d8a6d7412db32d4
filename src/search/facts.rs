//! The facts of a place or a service, as stored records in file order.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query};

use super::query::{stored_json, term_q};
use super::schema::KIND_FACT;
use super::{Engine, FactRecord, SearchError};
use crate::corpus::EVERYWHERE_ELSE;

impl Engine {
    /// The facts recorded for `service` in `place`, in file order. When the place has none,
    /// the service's facts for everywhere else, and `false`.
    pub fn facts(
        &self,
        service: &str,
        place: &str,
    ) -> Result<(Vec<FactRecord>, bool), SearchError> {
        let own = self.facts_exact(service, place)?;
        if !own.is_empty() {
            return Ok((own, true));
        }
        Ok((self.facts_exact(service, EVERYWHERE_ELSE)?, false))
    }

    fn facts_exact(&self, service: &str, place: &str) -> Result<Vec<FactRecord>, SearchError> {
        let f = self.fields();
        self.facts_where(
            vec![
                (Occur::Must, term_q(f.kind, KIND_FACT)),
                (Occur::Must, term_q(f.place, place)),
                (Occur::Must, term_q(f.service, service)),
            ],
            200,
        )
    }

    /// Every fact recorded for `service` (all places, figures included), in file order.
    pub fn service_facts(&self, service: &str) -> Result<Vec<FactRecord>, SearchError> {
        let f = self.fields();
        self.facts_where(
            vec![
                (Occur::Must, term_q(f.kind, KIND_FACT)),
                (Occur::Must, term_q(f.service, service)),
            ],
            10_000,
        )
    }

    /// Every fact recorded for `place` (all services, figures included), in file order.
    pub fn place_facts(&self, place: &str) -> Result<Vec<FactRecord>, SearchError> {
        let f = self.fields();
        self.facts_where(
            vec![
                (Occur::Must, term_q(f.kind, KIND_FACT)),
                (Occur::Must, term_q(f.place, place)),
            ],
            1_000,
        )
    }

    fn facts_where(
        &self,
        clauses: Vec<(Occur, Box<dyn Query>)>,
        limit: usize,
    ) -> Result<Vec<FactRecord>, SearchError> {
        let f = self.fields();
        let q = BooleanQuery::new(clauses);
        let searcher = self.searcher();
        let mut facts = searcher
            .search(&q, &TopDocs::with_limit(limit).order_by_score())?
            .into_iter()
            .map(|(_, a)| stored_json::<FactRecord>(&searcher, f.data, a))
            .collect::<Result<Vec<_>, _>>()?;
        facts.sort_by_key(|r| r.ord);
        Ok(facts)
    }

    /// Services that have at least one fact.
    pub fn services_with_facts(&self) -> Result<Vec<String>, SearchError> {
        let f = self.fields();
        let searcher = self.searcher();
        let q = term_q(f.kind, KIND_FACT);
        let mut out: Vec<String> = Vec::new();
        for (_, a) in searcher.search(&q, &TopDocs::with_limit(10_000).order_by_score())? {
            let r: FactRecord = stored_json(&searcher, f.data, a)?;
            if !out.contains(&r.service) {
                out.push(r.service);
            }
        }
        Ok(out)
    }
}
