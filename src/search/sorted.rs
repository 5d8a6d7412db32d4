//! Titles filtered only by origin, type and service, newest first, from per-segment lists of
//! the matching docs sorted by `rank_year`: the page is a slice and the count a length. Scoring
//! every match of a large origin (a million titles, a third of them American) to keep the top
//! ten was what `/titles origin:US type:movie` cost. A list is built on its filter's first use,
//! from the very query the general path runs, and lives until the index is reloaded.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocId, Searcher, SegmentReader};

use super::SearchError;
use super::query::TitleFilter;

/// The fast field `TitleSort::Year` orders by.
pub(super) const RANK_YEAR: &str = "rank_year";

/// The filters a list answers: origin, type and service, any of them unset.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct ListKey {
    origin: Option<String>,
    kind: Option<&'static str>,
    service: Option<String>,
}

impl ListKey {
    /// The key of `filter` when it filters by nothing but origin, type and service.
    pub(super) fn of(filter: &TitleFilter) -> Option<ListKey> {
        let only_these = filter.genre.is_none()
            && filter.years.is_none()
            && filter.added.is_none()
            && filter.query.is_none()
            && filter.director.is_none()
            && filter.cast.is_none()
            && filter.any_service.is_empty();
        only_these.then(|| ListKey {
            origin: filter.origin.clone(),
            kind: filter.kind.map(|k| k.as_str()),
            service: filter.service.clone(),
        })
    }
}

/// One segment's docs matching a filter, by `rank_year` descending (a doc without one last),
/// ties by doc id; deleted docs included (they are skipped when read).
type List = Arc<Vec<DocId>>;

/// The lists built so far, by segment and filter; cleared when the index is reloaded.
#[derive(Default)]
pub(super) struct SortedLists(Mutex<HashMap<(tantivy::index::SegmentId, ListKey), List>>);

impl SortedLists {
    pub(super) fn clear(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Entries held (doc ids of every list).
    #[cfg(test)]
    pub(super) fn entries(&self) -> usize {
        let lists = self.0.lock().unwrap_or_else(|e| e.into_inner());
        lists.values().map(|l| l.len()).sum()
    }

    fn get(
        &self,
        seg: &SegmentReader,
        key: &ListKey,
        query: &dyn Query,
        searcher: &Searcher,
    ) -> Result<List, SearchError> {
        let id = (seg.segment_id(), key.clone());
        if let Some(l) = self.0.lock().unwrap_or_else(|e| e.into_inner()).get(&id) {
            return Ok(l.clone());
        }
        let list = Arc::new(build_list(seg, query, searcher)?);
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, list.clone());
        Ok(list)
    }
}

/// Every doc of `seg` matching `query` (deleted ones too), sorted as [`List`] says.
fn build_list(
    seg: &SegmentReader,
    query: &dyn Query,
    searcher: &Searcher,
) -> Result<Vec<DocId>, SearchError> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut docs: Vec<DocId> = Vec::new();
    let mut scorer = weight.scorer(seg, 1.0)?;
    let mut doc = scorer.doc();
    while doc != tantivy::TERMINATED {
        docs.push(doc);
        doc = scorer.advance();
    }
    let rank = seg.fast_fields().u64(RANK_YEAR)?;
    let mut keyed: Vec<(Option<u64>, DocId)> =
        docs.into_iter().map(|d| (rank.first(d), d)).collect();
    keyed.sort_unstable_by(|a, b| newest_first(a.0, b.0).then(a.1.cmp(&b.1)));
    Ok(keyed.into_iter().map(|(_, d)| d).collect())
}

/// `rank_year` descending, a missing one last: the order of tantivy's `TopDocs` ordered by a
/// u64 fast field with `Order::Desc` (which breaks ties by ascending doc address).
fn newest_first(a: Option<u64>, b: Option<u64>) -> Ordering {
    b.cmp(&a)
}

/// The page of `filter` at `offset` (at most `limit` docs) and the number of matches, from the
/// lists of `key`; `query` is the filter's query, which builds a list not yet built.
pub(super) fn page(
    lists: &SortedLists,
    searcher: &Searcher,
    key: &ListKey,
    query: &dyn Query,
    offset: usize,
    limit: usize,
) -> Result<(usize, Vec<DocAddress>), SearchError> {
    let want = offset.saturating_add(limit);
    let mut total = 0usize;
    let mut heads: Vec<(Option<u64>, DocAddress)> = Vec::new();
    for (seg_ord, seg) in searcher.segment_readers().iter().enumerate() {
        let list = lists.get(seg, key, query, searcher)?;
        let rank = seg.fast_fields().u64(RANK_YEAR)?;
        let mut taken = 0usize;
        if seg.has_deletes() {
            for &doc in list.iter() {
                if seg.is_deleted(doc) {
                    continue;
                }
                total += 1;
                if taken < want {
                    heads.push((rank.first(doc), DocAddress::new(seg_ord as u32, doc)));
                    taken += 1;
                }
            }
        } else {
            total += list.len();
            for &doc in list.iter().take(want) {
                heads.push((rank.first(doc), DocAddress::new(seg_ord as u32, doc)));
            }
        }
    }
    heads.sort_unstable_by(|a, b| newest_first(a.0, b.0).then(a.1.cmp(&b.1)));
    Ok((
        total,
        heads
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|h| h.1)
            .collect(),
    ))
}

#[cfg(test)]
pub(super) mod tests {
    use std::path::PathBuf;

    use super::super::Engine;
    use super::*;
    use crate::corpus::Kind;

    /// The repository's data and, when present, the four public datasets (several segments).
    pub(in crate::search) fn engine(name: &str) -> (Engine, PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("streambot-sorted-{name}-{}", std::process::id()));
        let mut data = vec![PathBuf::from("data")];
        let shared = PathBuf::from("../shared/data");
        if shared.is_dir() {
            data.push(shared);
        }
        let (engine, _) = Engine::open(&dir, &data, "sorted.rs", &|_, _| {}).unwrap();
        (engine, dir)
    }

    #[test]
    fn lists_give_the_pages_and_counts_tantivy_gives() {
        let (engine, dir) = engine("pages");
        let searcher = engine.searcher();
        let f = engine.fields();
        let mut origins: Vec<Option<String>> = vec![None];
        origins.extend(engine.terms_of(f.origin).unwrap().into_iter().map(Some));
        let mut services: Vec<Option<String>> = vec![None];
        services.extend(engine.terms_of(f.service).unwrap().into_iter().map(Some));
        services.push(Some("nosuchservice".into()));
        let mut compared = 0;
        for origin in &origins {
            for kind in [None, Some(Kind::Movie), Some(Kind::Tv)] {
                for service in &services {
                    let mut filter = TitleFilter {
                        origin: origin.clone(),
                        kind,
                        service: service.clone(),
                        page: 1,
                        ..TitleFilter::default()
                    };
                    assert!(ListKey::of(&filter).is_some());
                    let (total, _) = engine.title_page_tantivy(&searcher, &filter).unwrap();
                    let last = total.div_ceil(super::super::PAGE_SIZE).max(1);
                    for p in [1, 2, 3, last, last + 1] {
                        filter.page = p;
                        let want = engine.title_page_tantivy(&searcher, &filter).unwrap();
                        let got = engine.title_page(&searcher, &filter).unwrap();
                        assert_eq!(got, want, "{filter:?}");
                        compared += 1;
                    }
                    assert!(engine.names.sorted.entries() > 0 || total == 0);
                }
            }
        }
        assert!(compared > 100, "{compared}");
        // Any other filter or order is not answered from a list.
        let with_genre = TitleFilter {
            origin: Some("US".into()),
            genre: Some("drama".into()),
            ..TitleFilter::default()
        };
        assert_eq!(ListKey::of(&with_genre), None);
        drop(engine);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
