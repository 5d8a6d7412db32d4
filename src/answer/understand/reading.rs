//! What the tags of a question say, gathered in one place before a rule chooses the question:
//! its service, kind, genres, place or origin, years, cue words and named people and titles.

use super::months::{Said, When};
use super::tag::{Mark, Tagged};
use crate::corpus::Kind;
use crate::domain::Months;
use crate::lexicon::Tag;
use crate::search::Role;

/// Everything the tags say, gathered.
#[derive(Debug, Default)]
pub(super) struct Reading {
    pub(super) service: Option<String>,
    pub(super) kind: Option<Kind>,
    pub(super) genres: Vec<String>,
    pub(super) place: Option<String>,
    /// The span that named the place.
    pub(super) place_span: Option<usize>,
    pub(super) origin: Option<String>,
    pub(super) years: Option<(u16, u16)>,
    pub(super) added: Option<Months>,
    /// A date said relative to now (`this year`, `去年`), the words it was said in, and
    /// whether it is a release date: the index's newest date resolves it.
    pub(super) relative: Option<(When, String, bool)>,
    pub(super) recent: bool,
    /// "on my services": only the asker's own.
    pub(super) mine: bool,
    /// A service the bot does not cover, by name.
    pub(super) other: Option<String>,
    pub(super) count: bool,
    pub(super) why: bool,
    pub(super) available: bool,
    pub(super) where_: bool,
    pub(super) info: bool,
    pub(super) docs: bool,
    pub(super) help: bool,
    /// Spans that say a person's name is next to them, and whose.
    pub(super) people: Vec<(usize, Option<Role>)>,
    /// People named in another script (`成龙`), with their span.
    pub(super) names: Vec<(String, usize)>,
    pub(super) map: bool,
    pub(super) figure: Option<String>,
    /// A ranking: what is watched most (`top`), review scores (`rated`, which the data lacks),
    /// hours rather than views, lowest or highest first, a Netflix plan.
    pub(super) top: bool,
    pub(super) rated: bool,
    /// Titles like the title named.
    pub(super) similar: bool,
    pub(super) hours: bool,
    pub(super) lowest: Option<bool>,
    pub(super) plan: Option<String>,
    /// Every place named, in order (a price comparison names several).
    pub(super) places: Vec<String>,
    /// Titles named in another script (`鱿鱼游戏`), as the data writes them, with their span.
    pub(super) titles: Vec<(String, usize)>,
    /// The place came after `from` with no why/whether/where word ("what's on Netflix from
    /// Japan"): it is where titles were made, and `origin` holds it instead of `place`.
    pub(super) from_place: bool,
}

impl Reading {
    pub(super) fn of(t: &Tagged) -> Reading {
        let mut r = Reading::default();
        for (i, span) in t.spans.iter().enumerate() {
            for mark in &span.marks {
                let tag = match mark {
                    Mark::Years(a, b) => {
                        if near(t, i, &Tag::Added) && !near(t, i, &Tag::Released) {
                            r.added.get_or_insert(Months::years(*a, *b));
                        } else {
                            r.years.get_or_insert((*a, *b));
                        }
                        continue;
                    }
                    // Only additions are dated to the month; a release month is its year.
                    Mark::Date(Said::Months(m)) => {
                        if near(t, i, &Tag::Released) {
                            r.years.get_or_insert((m.from.year, m.to.year));
                        } else {
                            r.added.get_or_insert(*m);
                        }
                        continue;
                    }
                    Mark::Date(Said::Relative(w)) => {
                        let words = t.text_of(span.from, span.to).to_string();
                        r.relative
                            .get_or_insert((*w, words, near(t, i, &Tag::Released)));
                        continue;
                    }
                    Mark::Tag(tag) => tag,
                };
                match tag {
                    Tag::Service(s) => {
                        r.service.get_or_insert_with(|| s.clone());
                    }
                    Tag::Kind(k) => {
                        r.kind.get_or_insert(*k);
                    }
                    Tag::Genre(g) => {
                        if !r.genres.contains(g) {
                            r.genres.push(g.clone());
                        }
                    }
                    Tag::Place(p) => {
                        if !r.places.contains(p) {
                            r.places.push(p.clone());
                        }
                        if r.place.is_none() {
                            let before = span.from.checked_sub(1).map(|k| &t.tokens[k].text);
                            r.from_place = before.is_some_and(|w| w == "from");
                        }
                        if r.place.is_none() {
                            r.place = Some(p.clone());
                            r.place_span = Some(i);
                        }
                    }
                    Tag::Origin(o) => {
                        r.origin.get_or_insert_with(|| o.clone());
                    }
                    Tag::Recent => r.recent = true,
                    Tag::Mine => r.mine = true,
                    Tag::Other(name) => {
                        r.other.get_or_insert_with(|| name.clone());
                    }
                    Tag::Count => r.count = true,
                    Tag::Why => r.why = true,
                    Tag::Available => r.available = true,
                    Tag::Where => r.where_ = true,
                    Tag::Info => r.info = true,
                    Tag::Docs => r.docs = true,
                    Tag::Help => r.help = true,
                    Tag::Director => r.people.push((i, Some(Role::Director))),
                    Tag::Cast => r.people.push((i, Some(Role::Cast))),
                    Tag::Person => r.people.push((i, None)),
                    Tag::Name(n) => r.names.push((n.clone(), i)),
                    Tag::Title(n) => r.titles.push((n.clone(), i)),
                    Tag::Map => r.map = true,
                    Tag::Figure(f) => {
                        r.figure.get_or_insert_with(|| f.clone());
                    }
                    Tag::Top => r.top = true,
                    Tag::Rated => r.rated = true,
                    Tag::Similar => r.similar = true,
                    Tag::Hours => r.hours = true,
                    Tag::Order(lowest) => {
                        r.lowest.get_or_insert(*lowest);
                    }
                    Tag::Plan(p) => {
                        r.plan.get_or_insert_with(|| p.clone());
                    }
                    Tag::Added | Tag::Released | Tag::Filler => {}
                }
            }
        }
        // "can I watch Netflix from China" asks whether; "Netflix shows from China" and
        // "what's on Netflix from China" ask for titles made there.
        r.from_place &= !(r.why || r.available || r.where_);
        if r.from_place && r.origin.is_none() {
            r.origin = r.place.take();
            r.place_span = None;
        }
        r
    }

    /// Whether anything narrows a list of titles.
    pub(super) fn filters(&self) -> bool {
        self.kind.is_some() || self.filters_but_kind()
    }

    /// Whether anything but a kind narrows a list ("the movie Okja" names a title).
    pub(super) fn filters_but_kind(&self) -> bool {
        !self.genres.is_empty()
            || self.years.is_some()
            || self.added.is_some()
            || self.relative.is_some()
            || self.recent
            || self.count
            || self.mine
    }
}

/// Whether the date of span `i` has a `tag` word (added, released) next to it, or past filler
/// and service words (`shows added to Hulu in 2021`, `2019年奈飞上线`).
fn near(t: &Tagged, i: usize, tag: &Tag) -> bool {
    /// Filler and service spans looked past.
    const REACH: usize = 3;
    let passable = |s: &super::tag::Span| {
        s.marks
            .iter()
            .all(|m| matches!(m, Mark::Tag(Tag::Filler | Tag::Service(_))))
    };
    let before = t.spans[..i].iter().rev().take(REACH + 1);
    let after = t.spans[i + 1..].iter().take(REACH + 1);
    for side in [before.collect::<Vec<_>>(), after.collect::<Vec<_>>()] {
        for s in side {
            if s.has(tag) {
                return true;
            }
            if !passable(s) {
                break;
            }
        }
    }
    false
}
