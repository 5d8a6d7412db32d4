//! One title per work: rows naming the same title (case- and accent-insensitive, punctuation
//! kept) with the same
//! release year are one title within a service, and one title across services when their type
//! agrees too; each service that lists it is a [`Listing`].

use std::collections::HashMap;

type Fast = foldhash::fast::RandomState;

use serde::{Deserialize, Serialize};

use super::report::{Action, LoadReport};
use super::titles::{Day, Kind, TitleRow};
use crate::text::title_key;

/// Where and how one service lists a title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub service: String,
    pub show_id: String,
    pub date_added: Option<Day>,
    pub file: String,
    pub line: u64,
}

/// A work, merged over every row and service that lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Title {
    pub kind: Kind,
    pub title: String,
    pub aka: Option<String>,
    pub year: Option<u16>,
    pub origin: Vec<String>,
    pub countries: Vec<String>,
    pub genres: Vec<String>,
    pub director: Vec<String>,
    pub cast: Vec<String>,
    pub rating: Option<String>,
    pub duration: Option<String>,
    pub description: String,
    pub sources: Vec<String>,
    pub listings: Vec<Listing>,
}

impl Title {
    /// `service:show_id` of the first listing.
    pub fn id(&self) -> String {
        self.listings
            .first()
            .map(|l| format!("{}:{}", l.service, l.show_id))
            .unwrap_or_default()
    }

    pub fn services(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for l in &self.listings {
            if !out.contains(&l.service) {
                out.push(l.service.clone());
            }
        }
        out
    }
}

fn union(into: &mut Vec<String>, from: Vec<String>) {
    for v in from {
        if !into.contains(&v) {
            into.push(v);
        }
    }
}

fn fill(into: &mut Option<String>, from: Option<String>) {
    if into.is_none() {
        *into = from;
    }
}

pub(super) fn merge(rows: Vec<TitleRow>, report: &mut LoadReport) -> Vec<Title> {
    let mut titles: Vec<Title> = Vec::new();
    // foldhash rather than SipHash: at a million rows, hashing these keys was half the merge.
    let mut in_service: HashMap<(String, String, Option<u16>), usize, Fast> = HashMap::default();
    let mut across: HashMap<(String, Option<u16>, Kind), usize, Fast> = HashMap::default();
    for row in rows {
        let key = title_key(&row.title);
        let listing = Listing {
            service: row.service.clone(),
            show_id: row.show_id.clone(),
            date_added: row.date_added,
            file: row.file.clone(),
            line: row.line,
        };
        let service_key = (row.service.clone(), key.clone(), row.release_year);
        if let Some(&i) = in_service.get(&service_key) {
            let first = titles[i]
                .listings
                .iter()
                .find(|l| l.service == row.service)
                .map(|l| format!("{}:{}", l.file, l.line))
                .unwrap_or_default();
            report.note(
                &row.file,
                row.line,
                Action::Merged,
                format!(
                    "{:?} ({}) is already listed for {} at {first}",
                    row.title,
                    row.release_year
                        .map_or("no year".to_string(), |y| y.to_string()),
                    row.service
                ),
            );
            absorb(&mut titles[i], row, None);
            continue;
        }
        let cross_key = (key, row.release_year, row.kind);
        if let Some(&i) = across.get(&cross_key) {
            in_service.insert(service_key, i);
            absorb(&mut titles[i], row, Some(listing));
            continue;
        }
        let i = titles.len();
        in_service.insert(service_key, i);
        across.insert(cross_key, i);
        titles.push(Title {
            kind: row.kind,
            title: row.title,
            aka: row.aka,
            year: row.release_year,
            origin: row.origin,
            countries: row.countries,
            genres: row.genres,
            director: row.director,
            cast: row.cast,
            rating: row.rating,
            duration: row.duration,
            description: row.description,
            sources: row.sources,
            listings: vec![listing],
        });
    }
    titles
}

fn absorb(t: &mut Title, row: TitleRow, listing: Option<Listing>) {
    union(&mut t.origin, row.origin);
    union(&mut t.countries, row.countries);
    union(&mut t.genres, row.genres);
    union(&mut t.director, row.director);
    union(&mut t.sources, row.sources);
    if t.cast.len() < row.cast.len() {
        t.cast = row.cast;
    }
    fill(&mut t.aka, row.aka);
    fill(&mut t.rating, row.rating);
    fill(&mut t.duration, row.duration);
    if t.description.is_empty() {
        t.description = row.description;
    }
    match listing {
        Some(l) => t.listings.push(l),
        None => {
            if let Some(l) = t.listings.iter_mut().find(|l| l.service == row.service)
                && l.date_added.is_none()
            {
                l.date_added = row.date_added;
            }
        }
    }
}
