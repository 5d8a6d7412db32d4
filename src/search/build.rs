//! Writing a corpus into the index: one document per passage, title and fact, plus a commit
//! payload that records what was built from what.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use tantivy::{IndexWriter, TantivyDocument};

use super::schema::{Fields, KIND_FACT, KIND_PASSAGE, KIND_TITLE, SCHEMA_VERSION, added_key};
use crate::corpus::{
    Action, Category, Corpus, FileKind, MarketFigures, PlaceFact, Status, Title, Titles,
};
use crate::i18n::Lang;
use crate::t;
use crate::text::fold;

/// A fact as stored in the index: what answers show, with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactRecord {
    pub service: String,
    pub place: String,
    pub status: Option<Status>,
    pub since: Option<String>,
    pub category: Category,
    pub label: String,
    pub value: String,
    /// `value` in Chinese, when the data has it (`fact_zh`) or, for figures, as built.
    #[serde(default)]
    pub value_zh: Option<String>,
    pub confidence: Option<String>,
    pub sources: Vec<String>,
    /// Figures' date (`YYYY-MM`), shown with every figure.
    pub as_of: Option<String>,
    /// A figure as a number, for maps: the library size in titles, or the Standard plan's
    /// monthly price in US dollars (Basic when there is no Standard).
    #[serde(default)]
    pub amount: Option<f64>,
    /// Position among all facts as loaded (data rows first, then figures): answers list a
    /// place's facts in this order, and its first row states the status. Documents come back
    /// from the index in whatever order its indexing threads wrote them, so this is stored.
    #[serde(default)]
    pub ord: u32,
}

/// A loaded file, as recorded in the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileInfo {
    pub file: String,
    pub kind: String,
    pub rows: usize,
}

/// A document, as recorded in the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub id: String,
    pub title: String,
    pub file: String,
    pub paragraphs: usize,
    pub bytes: usize,
}

/// What the index was built from, by whom and when: stored in the commit payload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexInfo {
    pub version: u32,
    pub fingerprint: String,
    /// Seconds since the Unix epoch.
    pub built_at: u64,
    pub built_by: String,
    pub build_ms: u64,
    pub titles: usize,
    pub passages: usize,
    pub facts: usize,
    pub files: Vec<FileInfo>,
    pub documents: Vec<DocumentInfo>,
    pub skipped_rows: usize,
    pub repaired_rows: usize,
    pub merged_rows: usize,
    /// Each service's newest `date_added` (`YYYY-MM-DD`), in service-table order: how old each
    /// catalogue is, said with every answer about what is new.
    #[serde(default)]
    pub latest_added: Vec<(String, String)>,
}

impl IndexInfo {
    /// The newest `date_added` of one service's titles, or of all (`None`).
    pub fn latest_added(&self, service: Option<&str>) -> Option<&str> {
        self.latest_added
            .iter()
            .filter(|(s, _)| service.is_none_or(|want| want == s))
            .map(|(_, d)| d.as_str())
            .max()
    }
}

/// `2021-12` → `December 2021`.
pub fn month_name(ym: &str) -> String {
    let mut parts = ym.splitn(2, '-');
    let (Some(y), Some(m)) = (parts.next(), parts.next()) else {
        return ym.to_string();
    };
    match m.parse::<usize>() {
        Ok(m @ 1..=12) => format!("{} {y}", crate::text::MONTHS[m - 1]),
        _ => ym.to_string(),
    }
}

fn fact_record(f: &PlaceFact) -> FactRecord {
    FactRecord {
        service: f.service.clone(),
        place: f.place.clone(),
        status: Some(f.status),
        since: f.since.clone(),
        category: f.category,
        label: f.category.label().to_string(),
        value: f.fact.clone(),
        value_zh: f.fact_zh.clone(),
        confidence: f.confidence.clone(),
        sources: f.sources.clone(),
        as_of: None,
        amount: None,
        ord: 0,
    }
}

fn thousands(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn figure_records(f: &MarketFigures) -> Vec<FactRecord> {
    let when = f.as_of.as_deref().map(month_name);
    let dated = |label: &str| match &when {
        Some(w) => format!("{label} ({w})"),
        None => label.to_string(),
    };
    let mut out = Vec::new();
    let base = |label: String, value: String, value_zh: String, amount: Option<f64>| FactRecord {
        service: f.service.clone(),
        place: f.place.clone(),
        status: None,
        since: None,
        category: Category::Figures,
        label,
        value,
        value_zh: Some(value_zh),
        confidence: None,
        sources: f.sources.clone(),
        as_of: f.as_of.clone(),
        amount,
        ord: 0,
    };
    // The value is written in English and in Chinese (labels are localised by answers).
    if let Some(total) = f.library_total {
        let library = |lang: Lang| match (f.tv_shows, f.movies) {
            (Some(tv), Some(movies)) => t!(
                lang,
                "figure-library-split",
                total = thousands(total),
                tv = thousands(tv),
                movies = thousands(movies)
            ),
            _ => t!(lang, "figure-library-total", total = thousands(total)),
        };
        out.push(base(
            dated("Library size"),
            library(Lang::En),
            library(Lang::Zh),
            Some(f64::from(total)),
        ));
    }
    let plans = ["plan-basic", "plan-standard", "plan-premium"];
    let prices = |lang: Lang| -> Vec<String> {
        f.prices_usd
            .iter()
            .zip(plans)
            .filter_map(|(p, n)| p.map(|p| format!("{} ${p:.2}", t!(lang, n))))
            .collect()
    };
    if !prices(Lang::En).is_empty() {
        let amount = f.prices_usd[1].or(f.prices_usd[0]);
        out.push(base(
            dated("Monthly price in USD"),
            prices(Lang::En).join(" · "),
            prices(Lang::Zh).join(" · "),
            amount,
        ));
    }
    out
}

fn kind_name(kind: &FileKind) -> String {
    match kind {
        FileKind::Titles { service } => format!("titles ({service})"),
        FileKind::Document => "document".into(),
        FileKind::DocumentMeta => "document metadata".into(),
        FileKind::Facts => "availability facts".into(),
        FileKind::Figures { service } => format!("figures ({service})"),
        FileKind::Engagement { kind, .. } => format!("engagement ({})", kind.as_str()),
    }
}

/// Titles per unit of work when documents are built on several threads.
const CHUNK: usize = 1024;

/// Each title's place in alphabetical order (of folded names, then load order).
fn title_ranks(titles: &Titles) -> Vec<u32> {
    let keys: Vec<String> = titles.names().map(fold).collect();
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]).then(a.cmp(&b)));
    let mut rank = vec![0u32; order.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    rank
}

/// Adds every record of `corpus` and every title of `titles` to `writer` (which the caller
/// commits), calling `progress` with (done, total) now and then. `corpus.titles` is not read:
/// titles come packed, and each is unpacked when its document is made and dropped once added,
/// so that the titles are never held twice.
pub fn write_corpus(
    writer: &IndexWriter,
    fields: &Fields,
    corpus: &Corpus,
    titles: Titles,
    fingerprint: &str,
    built_by: &str,
    progress: &dyn Fn(u64, u64),
) -> Result<IndexInfo, tantivy::TantivyError> {
    let started = Instant::now();
    let f = fields;
    let passages: usize = corpus.documents.iter().map(|d| d.passages().len()).sum();
    let title_count = titles.len();
    let total = (title_count + passages + corpus.facts.len() + corpus.figures.len()) as u64;
    let mut done = 0u64;
    let mut tick = |n: u64| {
        done += n;
        if done % 1000 < n || done == total {
            progress(done, total);
        }
    };
    progress(0, total);

    let mut documents = Vec::new();
    for d in &corpus.documents {
        let ps = d.passages();
        for p in &ps {
            let mut doc = TantivyDocument::default();
            doc.add_text(f.kind, KIND_PASSAGE);
            doc.add_text(f.doc_id, &d.id);
            doc.add_u64(f.paragraph, p.paragraph as u64);
            doc.add_u64(f.start, p.start as u64);
            doc.add_u64(f.end, p.end as u64);
            doc.add_text(f.body, &d.text[p.start..p.end]);
            writer.add_document(doc)?;
            tick(1);
        }
        documents.push(DocumentInfo {
            id: d.id.clone(),
            title: d.title.clone(),
            file: d.file.clone(),
            paragraphs: ps.len(),
            bytes: d.text.len(),
        });
    }

    let mut facts = 0;
    let records = corpus
        .facts
        .iter()
        .map(fact_record)
        .chain(corpus.figures.iter().flat_map(figure_records));
    for (ord, mut r) in records.enumerate() {
        r.ord = u32::try_from(ord).unwrap_or(u32::MAX);
        let mut doc = TantivyDocument::default();
        doc.add_text(f.kind, KIND_FACT);
        doc.add_text(f.place, &r.place);
        doc.add_text(f.service, &r.service);
        doc.add_text(f.data, serde_json::to_string(&r).unwrap_or_default());
        writer.add_document(doc)?;
        facts += 1;
    }
    tick((corpus.facts.len() + corpus.figures.len()) as u64);
    // Rankings, each report row linked to the catalogue title it is about.
    let names: std::collections::HashMap<String, String> =
        titles.names().map(|n| (fold(n), n.to_string())).collect();
    super::ranked::write(writer, f, corpus, &names)?;
    drop(names);

    let rank = title_ranks(&titles);
    // Units of work, each dropped once its titles are added.
    let queue = Mutex::new(titles.into_runs(CHUNK).into_iter());
    // Documents are built (and their records serialised) on every core: at a million titles
    // this was a third of a build's CPU time, all on one thread while the indexing threads
    // waited for it.
    // Each service's newest addition, as `yyyymmdd`, gathered by every indexing thread.
    let latest: Vec<std::sync::atomic::AtomicU32> = crate::domain::Service::all()
        .map(|_| std::sync::atomic::AtomicU32::new(0))
        .collect();
    let title_doc = |t: &Title, rank: u64| {
        let mut doc = TantivyDocument::default();
        doc.add_text(f.kind, KIND_TITLE);
        doc.add_text(f.title, &t.title);
        doc.add_text(f.title_exact, &t.title);
        doc.add_text(f.title_key, fold(&t.title));
        doc.add_text(f.name, &t.title);
        doc.add_u64(f.listings, t.listings.len() as u64);
        if let Some(aka) = &t.aka {
            doc.add_text(f.title, aka);
            doc.add_text(f.title_exact, aka);
            doc.add_text(f.title_key, fold(aka));
        }
        doc.add_text(f.kind_type, t.kind.as_str());
        for s in t.services() {
            doc.add_text(f.service, &s);
        }
        for o in &t.origin {
            doc.add_text(f.origin, o);
        }
        for g in &t.genres {
            doc.add_text(f.genre, g);
            doc.add_text(f.genre_key, fold(g));
        }
        let mut details = t.description.clone();
        for extra in t
            .genres
            .iter()
            .chain(&t.cast)
            .chain(&t.director)
            .chain(&t.countries)
        {
            details.push_str(" \n ");
            details.push_str(extra);
        }
        doc.add_text(f.details, &details);
        if let Some(y) = t.year {
            doc.add_u64(f.year, y as u64);
        }
        for name in &t.director {
            doc.add_text(f.director, fold(name));
            doc.add_text(f.director_name, name);
        }
        for name in &t.cast {
            doc.add_text(f.cast, fold(name));
            doc.add_text(f.cast_name, name);
        }
        let tie = u32::MAX as u64 - rank;
        let day_rank = |d: crate::corpus::Day| {
            let ymd = d.year as u64 * 10_000 + d.month as u64 * 100 + d.day as u64;
            (ymd << 32) | tie
        };
        let mut earliest = None;
        for l in &t.listings {
            if let Some(d) = l.date_added {
                if let Some(s) = crate::domain::Service::from_id(&l.service) {
                    doc.add_u64(f.added_service, added_key(s.index(), d.month_of()));
                    let ymd = d.year as u32 * 10_000 + d.month as u32 * 100 + d.day as u32;
                    latest[s.index()].fetch_max(ymd, std::sync::atomic::Ordering::Relaxed);
                }
                earliest = Some(earliest.map_or(d, |e: crate::corpus::Day| e.min(d)));
            }
        }
        if let Some(d) = earliest {
            doc.add_u64(f.added, d.month_of().key());
        }
        doc.add_u64(f.rank_added, earliest.map_or(0, day_rank));
        for (service, field) in &f.added_by_service {
            let day = t
                .listings
                .iter()
                .filter(|l| l.service == *service)
                .filter_map(|l| l.date_added)
                .max();
            doc.add_u64(*field, day.map_or(0, day_rank));
        }
        doc.add_u64(f.rank_title, rank);
        let year = t.year.unwrap_or(0) as u64;
        doc.add_u64(f.rank_year, (year << 32) | (u32::MAX as u64 - rank));
        doc.add_bytes(f.card, &super::card::encode(t));
        doc
    };
    let built = AtomicUsize::new(0);
    // Adds the next chunk of titles: how many are added in all by then, `None` when none are
    // left.
    let chunk = || -> Result<Option<usize>, tantivy::TantivyError> {
        let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
        let Some(run) = next else {
            return Ok(None);
        };
        let n = run.len();
        for (i, t) in (run.from..).zip(run.unpack()) {
            let r = rank.get(i).copied().unwrap_or_default();
            writer.add_document(title_doc(&t, u64::from(r)))?;
        }
        Ok(Some(built.fetch_add(n, Ordering::Relaxed) + n))
    };
    let work = || -> Result<(), tantivy::TantivyError> {
        while chunk()?.is_some() {}
        Ok(())
    };
    let helpers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .saturating_sub(1);
    let before = done;
    std::thread::scope(|s| -> Result<(), tantivy::TantivyError> {
        let handles: Vec<_> = (0..helpers).map(|_| s.spawn(work)).collect();
        // This thread works too, and reports progress between its chunks (`progress` may not
        // be shared with other threads).
        while let Some(n) = chunk()? {
            progress(before + n as u64, total);
        }
        for h in handles {
            h.join().map_err(|_| {
                tantivy::TantivyError::InternalError("an indexing thread panicked".into())
            })??;
        }
        Ok(())
    })?;
    progress(total, total);

    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Ok(IndexInfo {
        version: SCHEMA_VERSION,
        fingerprint: fingerprint.to_string(),
        built_at: now,
        built_by: built_by.to_string(),
        build_ms: started.elapsed().as_millis() as u64,
        titles: title_count,
        passages,
        facts,
        files: corpus
            .files
            .iter()
            .map(|(file, rows)| FileInfo {
                file: file.label.clone(),
                kind: kind_name(&file.kind),
                rows: *rows,
            })
            .collect(),
        documents,
        skipped_rows: corpus.report.count(Action::Skipped),
        repaired_rows: corpus.report.count(Action::Repaired),
        latest_added: crate::domain::Service::all()
            .zip(&latest)
            .filter_map(|(s, d)| {
                let d = d.load(std::sync::atomic::Ordering::Relaxed);
                (d > 0).then(|| {
                    let date = format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100);
                    (s.id().to_string(), date)
                })
            })
            .collect(),
        merged_rows: corpus.report.count(Action::Merged),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_carry_their_date() {
        let f = MarketFigures {
            service: "netflix".into(),
            place: "RU".into(),
            as_of: Some("2021-12".into()),
            library_total: Some(5234),
            tv_shows: Some(1234),
            movies: Some(4000),
            prices_usd: [Some(9.0), None, Some(12.5)],
            sources: vec!["fees.csv".into()],
            file: "fees.csv".into(),
            line: 2,
        };
        let r = figure_records(&f);
        assert_eq!(r[0].label, "Library size (December 2021)");
        assert_eq!(r[0].value, "5,234 titles: 1,234 TV shows and 4,000 movies");
        assert_eq!(r[1].value, "Basic $9.00 · Premium $12.50");
        assert_eq!(r[1].as_of.as_deref(), Some("2021-12"));
        assert_eq!(r[0].amount, Some(5234.0));
        assert_eq!(r[1].amount, Some(9.0));
    }
}
