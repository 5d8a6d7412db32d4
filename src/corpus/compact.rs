//! Merged titles held compactly while an index is built: one byte string per title instead of a
//! [`Title`] of some thirty separate allocations. A million titles took about 1.2 GB as
//! `Title`s and take the size of their text as packed titles; each is unpacked only when its
//! document is made.

use std::sync::Arc;

use super::merge::{Listing, Title};
use super::titles::{Day, Kind};

/// How much a block holds: more than glibc's largest threshold for serving an allocation with
/// its own memory map (32 MB), so that every block is mapped on its own and goes back to the
/// system as soon as it is dropped (titles are dropped as their documents are added). Only the
/// pages written count: a block that holds 22k titles occupies their 10 MB, not 48.
const BLOCK: usize = 48 << 20;

/// Where a title's bytes are: block, start and end.
#[derive(Debug, Clone, Copy)]
struct Span {
    block: u32,
    start: u32,
    end: u32,
}

/// Merged titles, packed, in the order they were first listed.
#[derive(Debug, Default)]
pub struct Titles {
    blocks: Vec<Vec<u8>>,
    at: Vec<Span>,
    scratch: Vec<u8>,
}

impl Titles {
    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    fn bytes(&self, s: Span) -> &[u8] {
        self.blocks
            .get(s.block as usize)
            .and_then(|b| b.get(s.start as usize..s.end as usize))
            .unwrap_or_default()
    }

    /// The `i`th title, unpacked.
    pub fn get(&self, i: usize) -> Option<Title> {
        self.at.get(i).map(|&s| unpack(self.bytes(s)))
    }

    /// Every title's name, in order, without unpacking the rest.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.at.iter().map(|&s| name(self.bytes(s)))
    }

    /// Packs `t` at the end of the last block (of a new one when it is full).
    fn add(&mut self, t: &Title) -> Span {
        self.scratch.clear();
        pack(t, &mut self.scratch);
        let n = self.scratch.len();
        let fits = self
            .blocks
            .last()
            .is_some_and(|b| b.capacity() - b.len() >= n && b.len() + n <= u32::MAX as usize);
        if !fits {
            self.blocks.push(Vec::with_capacity(BLOCK.max(n)));
        }
        let block = self.blocks.len() - 1;
        let b = &mut self.blocks[block];
        let start = b.len();
        b.extend_from_slice(&self.scratch);
        Span {
            block: block as u32,
            start: start as u32,
            end: b.len() as u32,
        }
    }

    pub(super) fn push(&mut self, t: &Title) {
        let s = self.add(t);
        self.at.push(s);
    }

    /// Replaces the `i`th title (its previous bytes are left unused).
    pub(super) fn set(&mut self, i: usize, t: &Title) {
        if i < self.at.len() {
            self.at[i] = self.add(t);
        }
    }

    /// The titles in runs of `size`, in order, to be unpacked one run at a time: a block goes
    /// back to the system once every run holding one of its titles is dropped.
    pub fn into_runs(self, size: usize) -> Vec<Run> {
        let blocks: Vec<Arc<Vec<u8>>> = self.blocks.into_iter().map(Arc::new).collect();
        self.at
            .chunks(size.max(1))
            .enumerate()
            .map(|(k, spans)| Run {
                from: k * size.max(1),
                titles: spans
                    .iter()
                    .filter_map(|s| {
                        let b = blocks.get(s.block as usize)?;
                        Some((b.clone(), s.start, s.end))
                    })
                    .collect(),
            })
            .collect()
    }

    /// Every title, unpacked.
    pub fn unpack_all(self) -> Vec<Title> {
        self.at.iter().map(|&s| unpack(self.bytes(s))).collect()
    }
}

/// Consecutive titles, packed: see [`Titles::into_runs`].
pub struct Run {
    /// The position of the first among all titles.
    pub from: usize,
    titles: Vec<(Arc<Vec<u8>>, u32, u32)>,
}

impl Run {
    pub fn len(&self) -> usize {
        self.titles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.titles.is_empty()
    }

    /// The titles, unpacked one at a time.
    pub fn unpack(self) -> impl Iterator<Item = Title> {
        self.titles
            .into_iter()
            .map(|(b, start, end)| unpack(b.get(start as usize..end as usize).unwrap_or_default()))
    }
}

fn pack(t: &Title, out: &mut Vec<u8>) {
    out.push(match t.kind {
        Kind::Movie => 0,
        Kind::Tv => 1,
    });
    varint(out, t.year.map_or(0, |y| u64::from(y) + 1));
    text(out, &t.title);
    opt(out, &t.aka);
    for list in [
        &t.origin,
        &t.countries,
        &t.genres,
        &t.director,
        &t.cast,
        &t.sources,
    ] {
        varint(out, list.len() as u64);
        for s in list {
            text(out, s);
        }
    }
    opt(out, &t.rating);
    opt(out, &t.duration);
    text(out, &t.description);
    varint(out, t.listings.len() as u64);
    for l in &t.listings {
        text(out, &l.service);
        text(out, &l.show_id);
        match l.date_added {
            Some(d) => {
                varint(out, u64::from(d.year) + 1);
                out.push(d.month);
                out.push(d.day);
            }
            None => varint(out, 0),
        }
        text(out, &l.file);
        varint(out, l.line);
    }
}

/// A packed title's name, without unpacking the rest.
fn name(b: &[u8]) -> &str {
    let mut r = Reader { b, at: 1 };
    r.varint();
    r.str()
}

/// Gives back exactly the title that was packed.
fn unpack(b: &[u8]) -> Title {
    let mut r = Reader { b, at: 0 };
    let kind = if r.byte() == 1 { Kind::Tv } else { Kind::Movie };
    let year = r.varint().checked_sub(1).map(|y| y as u16);
    let title = r.string();
    let aka = r.opt();
    let mut lists: [Vec<String>; 6] = Default::default();
    for list in &mut lists {
        let n = r.varint() as usize;
        list.reserve_exact(n);
        for _ in 0..n {
            list.push(r.string());
        }
    }
    let [origin, countries, genres, director, cast, sources] = lists;
    let rating = r.opt();
    let duration = r.opt();
    let description = r.string();
    let n = r.varint() as usize;
    let mut listings = Vec::with_capacity(n);
    for _ in 0..n {
        let service = r.string();
        let show_id = r.string();
        let date_added = r.varint().checked_sub(1).map(|y| Day {
            year: y as u16,
            month: r.byte(),
            day: r.byte(),
        });
        listings.push(Listing {
            service,
            show_id,
            date_added,
            file: r.string(),
            line: r.varint(),
        });
    }
    Title {
        kind,
        title,
        aka,
        year,
        origin,
        countries,
        genres,
        director,
        cast,
        rating,
        duration,
        description,
        sources,
        listings,
    }
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn text(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn opt(out: &mut Vec<u8>, s: &Option<String>) {
    match s {
        Some(s) => {
            varint(out, s.len() as u64 + 1);
            out.extend_from_slice(s.as_bytes());
        }
        None => varint(out, 0),
    }
}

/// Reads what [`pack`] wrote. Reading past the end gives zeros and empty strings
/// (which packed titles never need: they are only ever read as written).
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> u8 {
        let b = self.b.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn varint(&mut self) -> u64 {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
        }
        v
    }

    fn bytes(&mut self, n: usize) -> &'a [u8] {
        let from = self.at.min(self.b.len());
        let to = from.saturating_add(n).min(self.b.len());
        self.at = to;
        &self.b[from..to]
    }

    fn str(&mut self) -> &'a str {
        let n = self.varint() as usize;
        std::str::from_utf8(self.bytes(n)).unwrap_or_default()
    }

    fn string(&mut self) -> String {
        self.str().to_string()
    }

    fn opt(&mut self) -> Option<String> {
        let n = (self.varint() as usize).checked_sub(1)?;
        Some(String::from_utf8_lossy(self.bytes(n)).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(year: Option<u16>, aka: Option<&str>) -> Title {
        let v = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Title {
            kind: Kind::Tv,
            title: "流浪地球 Wandering Earth".into(),
            aka: aka.map(String::from),
            year,
            origin: v(&["CN"]),
            countries: v(&["China", "Hong Kong"]),
            genres: v(&[]),
            director: v(&["Frant Gwo"]),
            cast: v(&["Wu Jing", "Qu Chuxiao", "Li Guangjie"]),
            rating: Some(String::new()),
            duration: None,
            description: "a".repeat(300),
            sources: v(&["https://example.com/x"]),
            listings: vec![
                Listing {
                    service: "netflix".into(),
                    show_id: "s1".into(),
                    date_added: Some(Day {
                        year: 2019,
                        month: 5,
                        day: 6,
                    }),
                    file: "data/netflix_titles.csv".into(),
                    line: 1_000_000_000,
                },
                Listing {
                    service: "hulu".into(),
                    show_id: String::new(),
                    date_added: None,
                    file: "h.csv".into(),
                    line: 2,
                },
            ],
        }
    }

    #[test]
    fn titles_unpack_as_they_were_packed() {
        for t in [
            title(Some(2019), Some("The Wandering Earth")),
            title(None, None),
            title(Some(0), Some("")),
            Title {
                listings: Vec::new(),
                description: String::new(),
                ..title(Some(u16::MAX), None)
            },
        ] {
            let mut b = Vec::new();
            pack(&t, &mut b);
            assert_eq!(unpack(&b), t);
            assert_eq!(name(&b), "流浪地球 Wandering Earth");
        }
    }

    #[test]
    fn the_store_keeps_order_and_replaces_in_place() {
        let mut store = Titles::default();
        for year in 0..5 {
            store.push(&title(Some(year), None));
        }
        store.set(0, &title(Some(2020), None));
        store.set(9, &title(Some(2021), None));
        assert_eq!(store.len(), 5);
        assert_eq!(store.get(0).and_then(|t| t.year), Some(2020));
        assert_eq!(store.get(5), None);
        assert_eq!(store.names().count(), 5);
        let runs = store.into_runs(2);
        let starts: Vec<(usize, usize)> = runs.iter().map(|r| (r.from, r.len())).collect();
        assert_eq!(starts, vec![(0, 2), (2, 2), (4, 1)]);
        let years: Vec<Option<u16>> = runs
            .into_iter()
            .flat_map(Run::unpack)
            .map(|t| t.year)
            .collect();
        assert_eq!(years, vec![Some(2020), Some(1), Some(2), Some(3), Some(4)]);
    }

    #[test]
    fn a_full_block_starts_another() {
        let mut store = Titles::default();
        let big = Title {
            description: "x".repeat(BLOCK / 2),
            ..title(None, None)
        };
        for _ in 0..3 {
            store.push(&big);
        }
        assert_eq!(store.blocks.len(), 3);
        assert_eq!(store.unpack_all()[2], big);
    }
}
