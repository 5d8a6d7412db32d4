//! The peer the benchmark compares against: the same rows in SQLite (bundled, in memory) with
//! FTS5, using the schema and indexes a competent SQLite user would choose, answering the same
//! questions and serialising the result rows to JSON as ours does.

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use crate::corpus::{Corpus, Kind};
use crate::places::Places;
use crate::text::fold;

/// Candidates fetched by trigrams before ranking by edit distance.
const FUZZY_CANDIDATES: usize = 50;

const SCHEMA: &str = "
CREATE TABLE titles(
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    title_fold TEXT NOT NULL,
    year INTEGER,
    director TEXT NOT NULL,
    cast_members TEXT NOT NULL,
    genres TEXT NOT NULL,
    countries TEXT NOT NULL,
    services TEXT NOT NULL,
    rating TEXT,
    duration TEXT,
    description TEXT NOT NULL
);
CREATE TABLE title_origin(
    code TEXT NOT NULL,
    title_id INTEGER NOT NULL REFERENCES titles(id),
    PRIMARY KEY (code, title_id)
) WITHOUT ROWID;
CREATE TABLE facts(
    service TEXT NOT NULL,
    place TEXT NOT NULL,
    ord INTEGER NOT NULL,
    status TEXT NOT NULL,
    since TEXT,
    category TEXT NOT NULL,
    fact TEXT NOT NULL,
    confidence TEXT,
    sources TEXT NOT NULL
);
CREATE TABLE passages(
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end_ INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE VIRTUAL TABLE titles_fts USING fts5(
    title, description, cast_members, director, genres,
    content='titles', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE titles_tri USING fts5(
    title_fold, content='titles', content_rowid='id', tokenize='trigram'
);
CREATE VIRTUAL TABLE passages_fts USING fts5(
    body, content='passages', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
";

/// Indexes created after the bulk insert, as one would for a bulk load.
const INDEXES: &str = "
CREATE INDEX titles_kind_year ON titles(kind, year DESC, title);
CREATE INDEX titles_year ON titles(year);
CREATE INDEX titles_fold ON titles(title_fold);
CREATE INDEX facts_service_place ON facts(service, place, ord);
INSERT INTO titles_fts(titles_fts) VALUES('rebuild');
INSERT INTO titles_tri(titles_tri) VALUES('rebuild');
INSERT INTO passages_fts(passages_fts) VALUES('rebuild');
ANALYZE;
";

/// The SQLite database, built from a loaded corpus.
pub struct Fts5 {
    conn: Connection,
}

/// An FTS5 query in which every word must occur (words quoted, so no input is a syntax error).
fn all_words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

fn trigrams(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    let mut out: Vec<String> = Vec::new();
    for w in chars.windows(3) {
        let t: String = w.iter().collect::<String>().replace('"', "\"\"");
        let q = format!("\"{t}\"");
        if !out.contains(&q) {
            out.push(q);
        }
    }
    out.join(" OR ")
}

fn title_json(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, i64>(0)?,
        "title": r.get::<_, String>(1)?,
        "year": r.get::<_, Option<i64>>(2)?,
        "type": r.get::<_, String>(3)?,
        "director": r.get::<_, String>(4)?,
        "cast": r.get::<_, String>(5)?,
        "genres": r.get::<_, String>(6)?,
        "countries": r.get::<_, String>(7)?,
        "services": r.get::<_, String>(8)?,
        "description": r.get::<_, String>(9)?,
    }))
}

const TITLE_COLS: &str = "t.id, t.title, t.year, t.kind, t.director, t.cast_members, t.genres, \
                          t.countries, t.services, t.description";

impl Fts5 {
    /// Creates the in-memory database and loads the corpus in one transaction.
    pub fn build(corpus: &Corpus) -> rusqlite::Result<Fts5> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch(SCHEMA)?;
        let tx = conn.transaction()?;
        {
            let mut title = tx.prepare(
                "INSERT INTO titles(id, kind, title, title_fold, year, director, cast_members, \
                 genres, countries, services, rating, duration, description) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            let mut origin =
                tx.prepare("INSERT OR IGNORE INTO title_origin(code, title_id) VALUES (?1, ?2)")?;
            for (i, t) in corpus.titles.iter().enumerate() {
                let id = i as i64 + 1;
                title.execute(params![
                    id,
                    t.kind.as_str(),
                    t.title,
                    fold(&t.title),
                    t.year,
                    t.director.join(", "),
                    t.cast.join(", "),
                    t.genres.join(", "),
                    t.countries.join(", "),
                    t.services().join(", "),
                    t.rating,
                    t.duration,
                    t.description,
                ])?;
                for code in &t.origin {
                    origin.execute(params![code, id])?;
                }
            }
            let mut fact = tx.prepare(
                "INSERT INTO facts(service, place, ord, status, since, category, fact, \
                 confidence, sources) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for (i, f) in corpus.facts.iter().enumerate() {
                fact.execute(params![
                    f.service,
                    f.place,
                    i as i64,
                    format!("{:?}", f.status),
                    f.since,
                    format!("{:?}", f.category),
                    f.fact,
                    f.confidence,
                    f.sources.join(" ; "),
                ])?;
            }
            let mut passage = tx.prepare(
                "INSERT INTO passages(doc_id, paragraph, start, end_, body) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for d in &corpus.documents {
                for p in d.passages() {
                    passage.execute(params![
                        d.id,
                        p.paragraph,
                        p.start as i64,
                        p.end as i64,
                        &d.text[p.start..p.end],
                    ])?;
                }
            }
        }
        tx.execute_batch(INDEXES)?;
        tx.commit()?;
        Ok(Fts5 { conn })
    }

    /// `/why-not <place>`: the place resolved as ours does, its facts (or everywhere else's),
    /// and the three best passages naming it, with snippets.
    pub fn why_not(&self, place: &str) -> rusqlite::Result<String> {
        let Ok(p) = Places::global().resolve(place) else {
            return Ok(json!({"kind": "not_found"}).to_string());
        };
        let mut facts_q = self.conn.prepare_cached(
            "SELECT status, since, category, fact, confidence, sources FROM facts \
             WHERE service = 'netflix' AND place = ?1 ORDER BY ord",
        )?;
        let mut fact_rows = |code: &str| -> rusqlite::Result<Vec<Value>> {
            facts_q
                .query_map([code], |r| {
                    Ok(json!({
                        "status": r.get::<_, String>(0)?,
                        "since": r.get::<_, Option<String>>(1)?,
                        "label": r.get::<_, String>(2)?,
                        "value": r.get::<_, String>(3)?,
                        "confidence": r.get::<_, Option<String>>(4)?,
                        "source": r.get::<_, String>(5)?,
                    }))
                })?
                .collect()
        };
        let mut facts = fact_rows(&p.code)?;
        if facts.is_empty() {
            facts = fact_rows("*")?;
        }
        let mut pass = self.conn.prepare_cached(
            "SELECT p.doc_id, p.paragraph, p.start, p.end_, \
             snippet(passages_fts, 0, '**', '**', '…', 40) \
             FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid \
             WHERE passages_fts MATCH ?1 ORDER BY rank LIMIT 3",
        )?;
        let m = format!("({}) OR netflix", all_words(&p.name));
        let citations: Vec<Value> = pass
            .query_map([m], |r| {
                Ok(json!({
                    "document": r.get::<_, String>(0)?,
                    "paragraph": r.get::<_, i64>(1)?,
                    "start": r.get::<_, i64>(2)?,
                    "end": r.get::<_, i64>(3)?,
                    "text": r.get::<_, String>(4)?,
                }))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(json!({
            "kind": "why_not",
            "place": {"code": p.code, "name": p.name},
            "facts": facts,
            "citations": citations,
        })
        .to_string())
    }

    /// `/titles origin:XX type:…`: the exact total and the newest ten.
    pub fn titles_origin_type(&self, code: &str, kind: Kind) -> rusqlite::Result<String> {
        let mut count = self.conn.prepare_cached(
            "SELECT COUNT(*) FROM title_origin o JOIN titles t ON t.id = o.title_id \
             WHERE o.code = ?1 AND t.kind = ?2",
        )?;
        let total: i64 = count.query_row(params![code, kind.as_str()], |r| r.get(0))?;
        let mut page = self.conn.prepare_cached(&format!(
            "SELECT {TITLE_COLS} FROM title_origin o JOIN titles t ON t.id = o.title_id \
             WHERE o.code = ?1 AND t.kind = ?2 ORDER BY t.year DESC, t.title LIMIT 10"
        ))?;
        let titles: Vec<Value> = page
            .query_map(params![code, kind.as_str()], title_json)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(json!({"kind": "titles", "total": total, "titles": titles}).to_string())
    }

    /// `/titles query:<words>`: the exact total and the ten best by bm25.
    pub fn titles_text(&self, text: &str) -> rusqlite::Result<String> {
        let m = all_words(text);
        if m.is_empty() {
            return Ok(json!({"kind": "not_found"}).to_string());
        }
        let mut count = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM titles_fts WHERE titles_fts MATCH ?1")?;
        let total: i64 = count.query_row([&m], |r| r.get(0))?;
        let mut page = self.conn.prepare_cached(&format!(
            "SELECT {TITLE_COLS} FROM titles_fts JOIN titles t ON t.id = titles_fts.rowid \
             WHERE titles_fts MATCH ?1 ORDER BY rank LIMIT 10"
        ))?;
        let titles: Vec<Value> = page
            .query_map([&m], title_json)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(json!({"kind": "titles", "total": total, "titles": titles}).to_string())
    }

    /// Titles close to `name`: exact folded name first, else candidates sharing trigrams,
    /// ranked by normalised edit distance. Returns (title, json) of the best `limit`.
    fn fuzzy(&self, name: &str, limit: usize) -> rusqlite::Result<Vec<(String, Value)>> {
        let key = fold(name);
        let mut exact = self.conn.prepare_cached(&format!(
            "SELECT {TITLE_COLS} FROM titles t WHERE t.title_fold = ?1 LIMIT ?2"
        ))?;
        let found: Vec<Value> = exact
            .query_map(params![key, limit as i64], title_json)?
            .collect::<rusqlite::Result<_>>()?;
        if !found.is_empty() || key.chars().count() < 3 {
            return Ok(found
                .into_iter()
                .map(|v| (v["title"].as_str().unwrap_or_default().to_string(), v))
                .collect());
        }
        let mut cand = self.conn.prepare_cached(&format!(
            "SELECT {TITLE_COLS}, t.title_fold FROM titles_tri \
             JOIN titles t ON t.id = titles_tri.rowid \
             WHERE titles_tri MATCH ?1 ORDER BY rank LIMIT {FUZZY_CANDIDATES}"
        ))?;
        let mut scored: Vec<(f64, String, Value)> = cand
            .query_map([trigrams(&key)], |r| {
                let fold_name: String = r.get(10)?;
                let v = title_json(r)?;
                Ok((
                    strsim::normalized_levenshtein(&key, &fold_name),
                    v["title"].as_str().unwrap_or_default().to_string(),
                    v,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.truncate(limit);
        Ok(scored.into_iter().map(|(_, t, v)| (t, v)).collect())
    }

    /// `/title <name with typos>`: the best card, and its title.
    pub fn title_fuzzy(&self, name: &str) -> rusqlite::Result<(String, Option<String>)> {
        let mut hits = self.fuzzy(name, 1)?;
        let first = hits.first().map(|h| h.0.clone());
        let card = hits.pop().map(|h| h.1).unwrap_or(Value::Null);
        Ok((
            json!({"kind": "title", "titles": [card]}).to_string(),
            first,
        ))
    }

    /// Autocomplete: titles whose folded name starts with what was typed (a B-tree range),
    /// then fuzzy ones, plus places (resolved as ours does).
    pub fn autocomplete(&self, partial: &str, place: &str) -> rusqlite::Result<String> {
        let key = fold(partial);
        let mut out: Vec<String> = Vec::new();
        if !key.is_empty() {
            let mut pre = self.conn.prepare_cached(
                "SELECT title, year FROM titles WHERE title_fold >= ?1 AND title_fold < ?2 \
                 ORDER BY title_fold LIMIT 25",
            )?;
            let upper = format!("{key}\u{10FFFF}");
            for r in pre.query_map(params![key, upper], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?))
            })? {
                let (t, y) = r?;
                let label = match y {
                    Some(y) => format!("{t} ({y})"),
                    None => t,
                };
                if !out.contains(&label) {
                    out.push(label);
                }
            }
            if out.len() < 25 && key.chars().count() >= 3 {
                for (t, v) in self.fuzzy(partial, 25)? {
                    let label = match v["year"].as_i64() {
                        Some(y) => format!("{t} ({y})"),
                        None => t,
                    };
                    if !out.contains(&label) {
                        out.push(label);
                    }
                }
            }
            out.truncate(25);
        }
        let places: Vec<&str> = Places::global()
            .complete(place, 25)
            .into_iter()
            .map(|p| p.name.as_str())
            .collect();
        Ok(json!({"titles": out, "places": places}).to_string())
    }
}
