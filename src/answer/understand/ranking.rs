//! Questions for a ranking (issue 22): "most watched shows on Netflix", "网飞上最受欢迎的剧",
//! "cheapest country for Netflix", "Netflix price US vs India vs Turkey", "how much is Netflix
//! in Turkey". What the figures cannot rank (another service, where titles were made, a genre,
//! one country's viewing) goes along as [`Cannot`], said in the answer.

use super::reading::Reading;
use crate::answer::ranking::{Cannot, RankingArgs};
use crate::domain::{Metric, Service};

/// Most places one comparison names (the rest are left out).
const MOST_PLACES: usize = 10;

/// The ranking the question asks for, if it asks for one.
pub(super) fn ranking(r: &Reading, has_title: bool) -> Option<RankingArgs> {
    // "where can I watch Top Gun" asks where, not for a ranking; "where is Netflix cheapest"
    // asks for one.
    let asks_where = r.where_ && r.lowest.is_none() && r.figure.is_none();
    if has_title || r.map || asks_where {
        return None;
    }
    let figure = r.figure.as_deref();
    // A figure with an order, several places, or one place (not a why).
    let figures = figure.is_some()
        && (r.lowest.is_some() || r.places.len() >= 2 || (r.place.is_some() && !r.why));
    if !(r.top || r.rated || r.hours || figures) {
        return None;
    }
    // "is Netflix popular in China" asks about the service there, not for a ranking.
    if !figures && r.place.is_some() && r.service.is_some() && r.kind.is_none() {
        return None;
    }
    let by = match figure {
        Some("price") => Some(match r.plan.as_deref() {
            Some("basic") => Metric::PriceBasic,
            Some("premium") => Metric::PricePremium,
            _ => Metric::PriceStandard,
        }),
        Some("library") => Some(Metric::Library),
        _ if r.hours => Some(Metric::Hours),
        _ => None,
    };
    let per_place = by.is_some_and(|m| m.row().per_place);
    let mut cannot = Vec::new();
    if let Some(s) = r.service.as_deref().filter(|s| *s != Service::DEFAULT.id()) {
        cannot.push(Cannot::Service(s.to_string()));
    }
    if !per_place {
        if let Some(o) = &r.origin {
            cannot.push(Cannot::Origin(o.clone()));
        }
        if let Some(g) = r.genres.first() {
            cannot.push(Cannot::Genre(g.clone()));
        }
        if let Some(p) = &r.place {
            cannot.push(Cannot::Place(p.clone()));
        }
    }
    if r.rated {
        cannot.push(Cannot::Rated);
    }
    // What can be listed instead, unranked: the titles the question's filters name.
    let refused = cannot
        .iter()
        .any(|c| !matches!(c, Cannot::Rated | Cannot::Place(_)));
    let instead = (refused && !per_place).then(|| {
        crate::answer::TitlesArgs {
            origin: r.origin.clone(),
            kind: r.kind,
            service: r.service.clone(),
            genre: (!r.genres.is_empty()).then(|| r.genres.join(" ")),
            years: r.years,
            page: 1,
            ..crate::answer::TitlesArgs::default()
        }
        .command(r.origin.as_deref())
    });
    Some(RankingArgs {
        by,
        kind: if per_place { None } else { r.kind },
        years: if per_place { None } else { r.years },
        globally: None,
        lowest: r.lowest.unwrap_or(false),
        places: if per_place {
            r.places.iter().take(MOST_PLACES).cloned().collect()
        } else {
            Vec::new()
        },
        page: 1,
        cannot,
        instead,
    })
}
