//! `/similar` and "titles like X" (issue 22): the title is found by its name as `/title` finds
//! it, then the titles most like it (genres, origin, people, description words; see
//! `search::similar`), of its type unless another is asked, on the service asked about.

use super::request::UsageError;
use super::words::join;
use super::{Answer, AnswerError, Body, NotFound, TitleCard, TitlesPage};
use crate::domain::Kind;
use crate::i18n::Lang;
use crate::search::{Engine, SimilarFilter};
use crate::t;

/// Titles a page of likenesses shows.
const SHOWN: usize = 10;

/// Reads `/similar title:<name> [type] [service]` (the words outside options are the name).
pub(super) fn similar_args(
    opts: Vec<(String, String)>,
    free: &str,
    lang: Lang,
) -> Result<super::Request, UsageError> {
    let (mut name, mut kind, mut service) = (None, None, None);
    for (k, v) in opts {
        match k.as_str() {
            "title" => name = Some(v),
            "type" => {
                kind = Some(Kind::parse(&v).ok_or_else(|| {
                    UsageError(t!(lang, "usage-unknown-type", value = v.as_str()))
                })?)
            }
            _ => {
                service = Some(super::request::parse_service(&v).ok_or_else(|| {
                    UsageError(t!(lang, "usage-unknown-service", value = v.as_str()))
                })?)
            }
        }
    }
    let name = name.unwrap_or_else(|| free.trim().to_string());
    if name.trim().is_empty() {
        return Err(UsageError(t!(lang, "usage-similar-needs-title")));
    }
    Ok(super::Request::Similar {
        name,
        service,
        kind,
    })
}

/// Answers "titles like `name`".
pub fn similar(
    engine: &Engine,
    name: &str,
    service: Option<&str>,
    kind: Option<Kind>,
    lang: Lang,
) -> Result<Answer, AnswerError> {
    let request = super::Request::Similar {
        name: name.to_string(),
        service: service.map(str::to_string),
        kind,
    };
    let query = request.command();
    let Some((title, label)) = super::title::find(engine, name)? else {
        let message = t!(
            lang,
            "similar-not-found",
            name = crate::text::truncate(name, 100)
        );
        return Ok(Answer::new(
            query,
            message,
            Body::NotFound(NotFound::default()),
        ));
    };
    let filter = SimilarFilter {
        kind,
        service: service.map(str::to_string),
        limit: SHOWN,
    };
    let found = engine.similar(&title, &filter)?;
    let card = TitleCard::from(title);
    if found.is_empty() {
        let message = t!(lang, "similar-none", title = label.as_str());
        return Ok(Answer::new(
            query,
            message,
            Body::NotFound(NotFound::default()),
        ));
    }
    let mut sentences = vec![t!(
        lang,
        "similar-found",
        title = label.as_str(),
        count = found.len()
    )];
    if let Some(s) = service {
        sentences.push(t!(
            lang,
            "similar-on",
            service = crate::domain::service_name(s)
        ));
    }
    let titles: Vec<TitleCard> = found.into_iter().map(|h| TitleCard::from(h.item)).collect();
    let total = titles.len();
    let page = TitlesPage {
        service: service.map(str::to_string),
        place: None,
        titles,
        total,
        page: 1,
        pages: 1,
        ignored: Vec::new(),
        similar_to: Some((card.id.clone(), card.title.clone())),
    };
    Ok(Answer::new(
        query,
        join(lang, &sentences),
        Body::Titles(page),
    ))
}
