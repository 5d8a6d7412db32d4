//! The one tantivy schema holding passages, titles and place facts, told apart by `kind`.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use tantivy::IndexSettings;

use super::analyzer::{EXACT, TEXT};

/// Bump when the schema or what is stored changes: older indexes are then rebuilt.
pub const SCHEMA_VERSION: u32 = 13;

pub const KIND_PASSAGE: &str = "passage";
pub const KIND_TITLE: &str = "title";
pub const KIND_FACT: &str = "fact";
/// A row of a ranking: a title's views or hours, a place's price or library size.
pub const KIND_RANKED: &str = "ranked";

/// The schema's fields, looked up once.
#[derive(Debug, Clone)]
pub struct Fields {
    pub kind: Field,
    /// Stored JSON of a fact's whole record.
    pub data: Field,
    /// A title's whole record, stored in compact binary form (`card`).
    pub card: Field,
    // passages
    pub doc_id: Field,
    pub paragraph: Field,
    pub start: Field,
    pub end: Field,
    pub body: Field,
    // titles
    /// Title and aka, stemmed. Without positions: no query looks for phrases.
    pub title: Field,
    pub title_exact: Field,
    /// Folded title and aka: indexed for exact and prefix lookups, and a fast field so that
    /// candidates are ranked by name without loading their stored JSON.
    pub title_key: Field,
    /// The title as written (fast field only): autocomplete labels and suggestions.
    pub name: Field,
    /// How many services list the title (fast field): a tie-break among equally close names.
    pub listings: Field,
    pub kind_type: Field,
    pub service: Field,
    pub origin: Field,
    pub genre: Field,
    pub genre_key: Field,
    /// Description, cast, director and countries of a title, for free-text queries.
    pub details: Field,
    pub year: Field,
    /// The month (`yyyymm`) of the title's earliest addition to any service (`added:` without a
    /// service).
    pub added: Field,
    /// [`added_key`] of each service's addition (`added:` with one).
    pub added_service: Field,
    pub rank_title: Field,
    pub rank_year: Field,
    /// Folded whole names of directors and of the cast, for `director:` and `cast:`.
    pub director: Field,
    pub cast: Field,
    /// The names as written (fast fields only): the dictionaries autocomplete reads.
    pub director_name: Field,
    pub cast_name: Field,
    /// The earliest date any service added the title, `yyyymmdd << 32 | tie-break` (0 without
    /// a date), and each known service's own (its newest listing), for `sort:added`.
    pub rank_added: Field,
    pub added_by_service: Vec<(&'static str, Field)>,
    // facts
    pub place: Field,
    // ranked rows
    /// The metric a ranked row is of (`views`, `price_basic`).
    pub metric: Field,
    /// The row's figure, scaled to an integer ([`crate::domain::Metric::scaled`]).
    pub value: Field,
    /// `yes` / `no`: the engagement report's "available globally".
    pub globally: Field,
}

/// The fast field ordering titles by their first addition to any service.
pub const RANK_ADDED: &str = "rank_added";

/// The `added_service` value of a service's addition in `month`:
/// `(service index + 1) * 1_000_000 + yyyymm`.
pub fn added_key(service_index: usize, month: crate::domain::Month) -> u64 {
    (service_index as u64 + 1) * 1_000_000 + month.key()
}

/// The fast field ordering titles by their addition to `service` (a known service).
pub fn added_field(service: &str) -> String {
    format!("added_{service}")
}

fn text(analyzer: &str, positions: bool, stored: bool) -> TextOptions {
    let record = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::WithFreqs
    };
    let opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(record),
    );
    if stored { opts.set_stored() } else { opts }
}

/// Bytes per doc-store block. Smaller than tantivy's 16 KB default: every stored title read
/// decompresses its whole block, and answers read a handful of titles scattered over the
/// store, so a smaller block costs less per read (at a slightly larger store).
pub const DOCSTORE_BLOCKSIZE: usize = 4096;

/// The index settings: tantivy's defaults but for the doc-store block size.
pub fn settings() -> IndexSettings {
    IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCKSIZE,
        ..IndexSettings::default()
    }
}

pub fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        kind: b.add_text_field("kind", STRING),
        data: b.add_text_field("data", STORED),
        card: b.add_bytes_field("card", STORED),
        doc_id: b.add_text_field("doc_id", STRING | STORED),
        paragraph: b.add_u64_field("paragraph", STORED),
        start: b.add_u64_field("start", STORED),
        end: b.add_u64_field("end", STORED),
        body: b.add_text_field("body", text(TEXT, true, true)),
        title: b.add_text_field("title", text(TEXT, false, false)),
        title_exact: b.add_text_field("title_exact", text(EXACT, false, false)),
        title_key: b.add_text_field("title_key", STRING | FAST),
        name: b.add_text_field("name", TextOptions::default().set_fast("raw")),
        listings: b.add_u64_field("listings", FAST),
        kind_type: b.add_text_field("type", STRING),
        service: b.add_text_field("service", STRING),
        origin: b.add_text_field("origin", STRING),
        genre: b.add_text_field("genre", text(EXACT, false, false)),
        genre_key: b.add_text_field("genre_key", STRING),
        details: b.add_text_field("details", text(TEXT, false, false)),
        year: b.add_u64_field("year", INDEXED | FAST),
        added: b.add_u64_field("added", INDEXED),
        added_service: b.add_u64_field("added_service", INDEXED),
        rank_title: b.add_u64_field("rank_title", FAST),
        rank_year: b.add_u64_field("rank_year", FAST),
        director: b.add_text_field("director", STRING),
        cast: b.add_text_field("cast", STRING),
        director_name: b.add_text_field("director_name", TextOptions::default().set_fast("raw")),
        cast_name: b.add_text_field("cast_name", TextOptions::default().set_fast("raw")),
        rank_added: b.add_u64_field(RANK_ADDED, FAST),
        added_by_service: crate::domain::Service::all()
            .map(|s| (s.id(), b.add_u64_field(&added_field(s.id()), FAST)))
            .collect(),
        place: b.add_text_field("place", STRING),
        metric: b.add_text_field("metric", STRING),
        value: b.add_u64_field("value", FAST),
        globally: b.add_text_field("globally", STRING),
    };
    (b.build(), fields)
}
