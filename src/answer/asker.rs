//! Answers for the person asking: their saved region answers "where can I watch X" and a bare
//! title for where they are (a place in the question wins), `service:mine` ("on my services",
//! "我的平台") narrows lists to what they have, and title cards mark their services.

use super::request::Request;
use super::settings::Caller;
use super::{Answer, AnswerError, Body, answer, understand};
use crate::domain::Service;
use crate::i18n::Lang;
use crate::search::Engine;
use crate::store::Store;
use crate::t;

/// Where a region came from, as the answer says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionFrom {
    /// The person's own `/settings region:`.
    Yours,
    /// The server's default, set by its moderators.
    Server,
    /// `--region` or `STREAMBOT_REGION` at the console.
    Flag,
}

/// What the asker's settings bring to a question.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Asker {
    /// A place code (`HK`).
    pub region: Option<(String, RegionFrom)>,
    pub services: Vec<Service>,
    pub language: Option<Lang>,
    /// The store could not be read: answers go on without settings, and say so.
    pub unavailable: bool,
}

impl Asker {
    /// The caller's settings (theirs, then their server's region), read from `store`; a store
    /// that fails is logged and leaves the asker without settings.
    pub fn load(store: Option<&Store>, caller: &Caller) -> Asker {
        let Some(store) = store else {
            return Asker::default();
        };
        match store.get_with(caller.owner, caller.guild) {
            Ok((mine, server)) => {
                let region = mine
                    .region
                    .map(|r| (r, RegionFrom::Yours))
                    .or_else(|| server.region.map(|r| (r, RegionFrom::Server)));
                Asker {
                    region,
                    services: mine.services,
                    language: mine.language,
                    unavailable: false,
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, backend = store.backend(), "settings unavailable; answering without them");
                Asker {
                    unavailable: true,
                    ..Asker::default()
                }
            }
        }
    }

    /// `--region` / `STREAMBOT_REGION` and `--services` / `STREAMBOT_SERVICES`: the console's
    /// own choices for this run, over the saved ones.
    pub fn with_flags(mut self, region: Option<&str>, services: Option<&[Service]>) -> Asker {
        if let Some(code) = region {
            self.region = Some((code.to_string(), RegionFrom::Flag));
        }
        if let Some(list) = services {
            self.services = list.to_vec();
        }
        self
    }

    /// The language to answer in: the saved one, else `otherwise`.
    pub fn lang(&self, otherwise: Lang) -> Lang {
        self.language.unwrap_or(otherwise)
    }
}

/// Who asks and where their settings live: what the fronts hand the core with a question.
pub struct Who<'a> {
    pub store: Option<&'a Store>,
    pub caller: Caller,
    /// Their settings, read once per question.
    pub asker: Asker,
}

impl<'a> Who<'a> {
    /// Reads the caller's settings from `store` (blocking).
    pub fn load(store: Option<&'a Store>, caller: Caller) -> Who<'a> {
        Who {
            asker: Asker::load(store, &caller),
            store,
            caller,
        }
    }

    /// Nobody in particular: no store, no settings (tests, benchmarks).
    pub fn nobody() -> Who<'static> {
        Who {
            store: None,
            caller: Caller::LOCAL,
            asker: Asker::default(),
        }
    }
}

/// [`super::respond`] for this asker: `/settings` reaches their store, every other question
/// is answered with their settings.
pub fn respond_for(
    engine: &Engine,
    who: &Who<'_>,
    input: &str,
    lang: Lang,
) -> Result<Answer, AnswerError> {
    let input = crate::text::strip_invisible(input);
    let understood = understand(engine, &input, lang)?;
    tracing::debug!(understood = %understood.request.canonical(), "read a question");
    let mut answer = answer_for(engine, who, &understood.request, lang)?;
    answer.other_reading = understood.also.as_ref().map(|also| also.command());
    Ok(answer)
}

/// [`super::answer`] for this asker.
pub fn answer_for(
    engine: &Engine,
    who: &Who<'_>,
    request: &Request,
    lang: Lang,
) -> Result<Answer, AnswerError> {
    match request {
        // A new language answers in that language at once.
        Request::Settings(args) => {
            let lang = match args.change.language {
                Some(Some(l)) => l,
                _ => lang,
            };
            Ok(super::settings::settings(
                who.store,
                &who.caller,
                args,
                lang,
            ))
        }
        _ => answer_as(engine, request, lang, &who.asker),
    }
}

/// [`super::answer`] for these settings: the request with their region and services filled in,
/// then the answer with their services marked.
pub fn answer_as(
    engine: &Engine,
    request: &Request,
    lang: Lang,
    asker: &Asker,
) -> Result<Answer, AnswerError> {
    let mut request = request.clone();
    let mut from = None;
    match &mut request {
        Request::Title { place, .. } if place.is_none() => {
            if let Some((code, why)) = &asker.region {
                *place = Some(code.clone());
                from = Some(*why);
            }
        }
        Request::Titles(args) if args.mine => {
            args.yours = asker.services.iter().map(|s| s.id().to_string()).collect();
        }
        _ => {}
    }
    let mut answer = answer(engine, &request, lang)?;
    if let Some(why) = from
        && let Body::Title(found) = &mut answer.body
        && let Some(in_place) = &mut found.in_place
    {
        in_place.saved_region = true;
        let key = match why {
            RegionFrom::Yours => "title-in-place-your-region",
            RegionFrom::Server => "title-in-place-server-region",
            RegionFrom::Flag => "title-in-place-flag-region",
        };
        let note = t!(
            lang,
            key,
            place = super::settings::region_name(&in_place.place.code, lang)
        );
        answer.message = super::words::join(lang, &[answer.message.clone(), note]);
    }
    if !asker.services.is_empty() {
        let mine: Vec<&str> = asker.services.iter().map(|s| s.id()).collect();
        for card in answer.cards_mut() {
            card.yours = card
                .services
                .iter()
                .filter(|s| mine.contains(&s.as_str()))
                .cloned()
                .collect();
        }
    }
    if asker.unavailable {
        answer.message = format!(
            "{}\n{}",
            answer.message,
            t!(lang, "settings-unavailable-note")
        );
    }
    Ok(answer)
}
