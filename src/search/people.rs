//! People and titles by their exact names: whether a phrase is a title's name or a director's
//! or actor's (for reading free text), and the names of people for autocomplete.

use std::sync::{Arc, RwLock};

use tantivy::Term;
use tantivy::schema::Field;

use super::names::read_strings;
use super::{Engine, SearchError};
use crate::text::fold;

/// Whose name a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Director,
    Cast,
}

/// How many titles a name has directed and acted in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Credits {
    pub directed: u64,
    pub acted: u64,
}

/// Every director's and actor's name, folded and sorted, with the name as the data writes it.
#[derive(Debug, Default)]
pub(super) struct PeopleDir {
    directors: Vec<(String, String)>,
    cast: Vec<(String, String)>,
}

/// The directory, read from the index on first use and dropped when the index is rebuilt.
#[derive(Default)]
pub(super) struct PeopleCache(RwLock<Option<Arc<PeopleDir>>>);

impl PeopleCache {
    pub(super) fn clear(&self) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

fn sorted_names(engine: &Engine, column: &str) -> Result<Vec<(String, String)>, SearchError> {
    let mut out = Vec::new();
    for seg in engine.searcher().segment_readers() {
        if let Some(col) = seg.fast_fields().str(column)? {
            for name in read_strings(&col)? {
                out.push((fold(&name), name));
            }
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    Ok(out)
}

impl Engine {
    fn doc_freq(&self, field: Field, key: &str) -> Result<u64, SearchError> {
        Ok(self
            .searcher()
            .doc_freq(&Term::from_field_text(field, key))?)
    }

    /// Whether some title (or its aka) is called exactly `name`, case and accents aside.
    pub fn title_exists(&self, name: &str) -> Result<bool, SearchError> {
        let key = fold(name);
        Ok(!key.is_empty() && self.doc_freq(self.fields().title_key, &key)? > 0)
    }

    /// How many titles `name` (a whole name, case and accents aside) directed and acted in.
    pub fn credits(&self, name: &str) -> Result<Credits, SearchError> {
        let key = fold(name);
        if key.is_empty() {
            return Ok(Credits::default());
        }
        let f = self.fields();
        Ok(Credits {
            directed: self.doc_freq(f.director, &key)?,
            acted: self.doc_freq(f.cast, &key)?,
        })
    }

    fn people(&self) -> Result<Arc<PeopleDir>, SearchError> {
        if let Some(dir) = self
            .people
            .0
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
        {
            return Ok(dir.clone());
        }
        let dir = Arc::new(PeopleDir {
            directors: sorted_names(self, "director_name")?,
            cast: sorted_names(self, "cast_name")?,
        });
        *self.people.0.write().unwrap_or_else(|e| e.into_inner()) = Some(dir.clone());
        Ok(dir)
    }

    /// Names of directors or actors starting with what was typed (then containing it), those
    /// with the most titles first: for autocomplete.
    pub fn complete_people(
        &self,
        partial: &str,
        role: Role,
        limit: usize,
    ) -> Result<Vec<String>, SearchError> {
        let key = fold(partial);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let dir = self.people()?;
        let (names, field) = match role {
            Role::Director => (&dir.directors, self.fields().director),
            Role::Cast => (&dir.cast, self.fields().cast),
        };
        /// Enough candidates to rank by how many titles they have.
        const CANDIDATES: usize = 200;
        let start = names.partition_point(|(k, _)| k.as_str() < key.as_str());
        let mut found: Vec<&(String, String)> = names[start..]
            .iter()
            .take_while(|(k, _)| k.starts_with(&key))
            .take(CANDIDATES)
            .collect();
        if found.len() < limit {
            let word = format!(" {key}");
            found.extend(
                names
                    .iter()
                    .filter(|(k, _)| k.contains(&word))
                    .take(CANDIDATES),
            );
        }
        let mut ranked = found
            .into_iter()
            .map(|(k, name)| Ok((self.doc_freq(field, k)?, name)))
            .collect::<Result<Vec<(u64, &String)>, SearchError>>()?;
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        ranked.dedup_by(|a, b| a.1 == b.1);
        Ok(ranked
            .into_iter()
            .take(limit)
            .map(|(_, n)| n.clone())
            .collect())
    }
}
