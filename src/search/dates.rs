//! The clauses for dates: a release year range, and the months titles were added — to the
//! service asked about (its own date), to any of the asker's services, or first anywhere.

use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery};
use tantivy::schema::Field;

use super::query::TitleFilter;
use super::schema::{Fields, added_key};
use crate::domain::{Months, Service};

/// Values of `field` in `from..=to`.
fn range(field: Field, from: u64, to: u64) -> Box<dyn Query> {
    Box::new(RangeQuery::new(
        Bound::Included(Term::from_field_u64(field, from)),
        Bound::Included(Term::from_field_u64(field, to)),
    ))
}

/// Years `from..=to` of a year field.
pub(super) fn years(field: Field, (from, to): (u16, u16)) -> Box<dyn Query> {
    range(field, from as u64, to as u64)
}

/// Added in `span`: by the asked service's own date; else by any of the asker's services'
/// (`any_service`); else by the title's first addition anywhere.
pub(super) fn added(f: &Fields, filter: &TitleFilter, span: Months) -> Box<dyn Query> {
    let (from, to) = (span.from, span.to);
    let services: Vec<usize> = match &filter.service {
        Some(s) => Service::from_id(s)
            .map(Service::index)
            .into_iter()
            .collect(),
        None => filter
            .any_service
            .iter()
            .filter_map(|s| Service::from_id(s).map(Service::index))
            .collect(),
    };
    if services.is_empty() {
        return range(f.added, from.key(), to.key());
    }
    let each = services
        .iter()
        .map(|&i| {
            let q = range(f.added_service, added_key(i, from), added_key(i, to));
            (Occur::Should, q)
        })
        .collect();
    Box::new(BooleanQuery::new(each))
}
