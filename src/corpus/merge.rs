//! One title per work: rows naming the same title (case- and accent-insensitive, punctuation
//! kept) with the same
//! release year are one title within a service, and one title across services when their type
//! agrees too; each service that lists it is a [`Listing`].

use std::collections::HashMap;
use std::rc::Rc;

type Fast = foldhash::fast::RandomState;

use serde::{Deserialize, Serialize};

use super::compact::Titles;
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

/// Merges rows one at a time, in load order, into packed titles: rows need not all be held at
/// once, and each is dropped as soon as it is merged.
#[derive(Default)]
pub(super) struct Merger {
    titles: Titles,
    /// Services by number, for short keys below.
    services: HashMap<String, u32, Fast>,
    // foldhash rather than SipHash: at a million rows, hashing these keys was half the merge.
    // Title keys are shared by both maps, and titles numbered in 32 bits: at a million titles
    // the maps were a third of what loading held.
    in_service: HashMap<(u32, Rc<str>, Option<u16>), u32, Fast>,
    across: HashMap<(Rc<str>, Option<u16>, Kind), u32, Fast>,
}

impl Merger {
    pub(super) fn add(&mut self, row: TitleRow, report: &mut LoadReport) {
        let key: Rc<str> = Rc::from(title_key(&row.title));
        let service = match self.services.get(&row.service) {
            Some(&s) => s,
            None => {
                let s = self.services.len() as u32;
                self.services.insert(row.service.clone(), s);
                s
            }
        };
        let service_key = (service, key.clone(), row.release_year);
        if let Some(&i) = self.in_service.get(&service_key) {
            let i = i as usize;
            let Some(mut title) = self.titles.get(i) else {
                return;
            };
            let first = title
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
            absorb(&mut title, row, None);
            self.titles.set(i, &title);
            return;
        }
        let listing = Listing {
            service: row.service.clone(),
            show_id: row.show_id.clone(),
            date_added: row.date_added,
            file: row.file.clone(),
            line: row.line,
        };
        let cross_key = (key, row.release_year, row.kind);
        if let Some(&i) = self.across.get(&cross_key) {
            self.in_service.insert(service_key, i);
            if let Some(mut title) = self.titles.get(i as usize) {
                absorb(&mut title, row, Some(listing));
                self.titles.set(i as usize, &title);
            }
            return;
        }
        let i = u32::try_from(self.titles.len()).unwrap_or(u32::MAX);
        self.in_service.insert(service_key, i);
        self.across.insert(cross_key, i);
        self.titles.push(&Title {
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

    /// The merged titles, in the order they were first listed.
    pub(super) fn finish(self) -> Titles {
        self.titles
    }
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
        // A service listing the title twice added it when it first listed it.
        None => {
            if let Some(l) = t.listings.iter_mut().find(|l| l.service == row.service)
                && let Some(d) = row.date_added
                && l.date_added.is_none_or(|had| d < had)
            {
                l.date_added = Some(d);
            }
        }
    }
}
