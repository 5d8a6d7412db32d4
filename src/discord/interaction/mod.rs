//! One mapping for both fronts — the gateway bot and the HTTP interactions endpoint: a slash
//! command's options to an [`Action`], an action to a [`Reply`] (through the same core and
//! renderer), a button's custom id to what it does, an autocomplete to its choices. Pure
//! functions over serenity's interaction model; how a reply travels is each front's business.

pub mod buttons;
pub mod complete;
pub mod response;

use poise::ChoiceParameter;
use poise::serenity_prelude as serenity;

use super::commands::ServiceChoice;
use super::commands::map::FigureChoice;
use super::commands::titles::{SortChoice, TypeChoice};
use crate::answer::{Answer, AnswerError, Figure, Request, TitlesArgs};
use crate::i18n::Lang;
use crate::search::{Engine, TitleSort};
use crate::telemetry::Outcome;
pub use response::Reply;

/// What a slash command asks for.
#[derive(Debug, Clone)]
pub enum Action {
    /// `/why-not`, `/title`: one request, one answer with its suggestion buttons.
    Answer(Request),
    /// `/titles`, `/new`: a page of titles with Previous/Next buttons.
    Titles(TitlesArgs),
    /// `/ask`: free text, answered like a direct message.
    Ask(String),
    /// `/map`: an answer with a picture attached.
    Map(Request),
    Help,
    Sources,
    /// `/reindex` reaching the HTTP endpoint (the gateway bot runs its own command).
    Reindex,
    /// An option that could not be read (registered commands out of date).
    BadOption,
    /// A year option that is not a year or a span (`year:soon`), as typed; the reply, in the
    /// user's language, says how to write one.
    BadYears(String),
}

/// The options of `/titles` as typed, before checking.
#[derive(Debug, Clone, Default)]
pub struct TitlesOptions {
    pub origin: Option<String>,
    pub kind: Option<TypeChoice>,
    pub service: Option<ServiceChoice>,
    pub genre: Option<String>,
    pub year: Option<String>,
    pub added: Option<String>,
    pub director: Option<String>,
    pub cast: Option<String>,
    pub query: Option<String>,
    pub sort: Option<SortChoice>,
}

impl Action {
    pub fn why_not(place: String, service: Option<ServiceChoice>) -> Action {
        Action::Answer(Request::WhyNot {
            place,
            service: service.map(|s| s.id().to_string()),
        })
    }

    pub fn title(name: String, service: Option<ServiceChoice>) -> Action {
        Action::Answer(Request::Title {
            name,
            service: service.map(|s| s.id().to_string()),
        })
    }

    pub fn titles(o: TitlesOptions) -> Action {
        let years = |v: &Option<String>| match v.as_deref() {
            None => Ok(None),
            Some(v) => crate::answer::parse_years_in(v, Lang::En)
                .map(Some)
                .map_err(|_| v.to_string()),
        };
        let (years, added) = match (years(&o.year), years(&o.added)) {
            (Ok(y), Ok(a)) => (y, a),
            (Err(v), _) | (_, Err(v)) => return Action::BadYears(v),
        };
        Action::Titles(TitlesArgs {
            origin: o.origin,
            kind: o.kind.map(TypeChoice::kind),
            service: o.service.map(|s| s.id().to_string()),
            genre: o.genre,
            years,
            added,
            query: o.query,
            director: o.director,
            cast: o.cast,
            sort: o.sort.map(|s| match s {
                SortChoice::Relevance => TitleSort::Relevance,
                SortChoice::Year => TitleSort::Year,
                SortChoice::Title => TitleSort::Title,
                SortChoice::Added => TitleSort::Added,
            }),
            page: 1,
            count: false,
        })
    }

    /// `/new`: `/titles sort:added` in one word.
    pub fn new_titles(
        service: Option<ServiceChoice>,
        origin: Option<String>,
        kind: Option<TypeChoice>,
    ) -> Action {
        Action::Titles(TitlesArgs {
            origin,
            kind: kind.map(TypeChoice::kind),
            service: service.map(|s| s.id().to_string()),
            sort: Some(TitleSort::Added),
            page: 1,
            ..TitlesArgs::default()
        })
    }

    pub fn map(service: Option<ServiceChoice>, figure: Option<FigureChoice>) -> Action {
        Action::Map(Request::Map {
            service: service.map(|s| s.id().to_string()),
            figure: figure.map(|f| match f {
                FigureChoice::Library => Figure::Library,
                FigureChoice::Price => Figure::Price,
            }),
        })
    }

    /// Whether the reply is private whatever the answer (help, usage errors, reindex).
    pub fn is_private(&self) -> bool {
        matches!(
            self,
            Action::Help | Action::Reindex | Action::BadOption | Action::BadYears(_)
        )
    }

    /// The action of a slash command as Discord sends it (the HTTP endpoint's parsing; the
    /// gateway bot gets the same values from poise's typed arguments). `None`: a command this
    /// bot does not have.
    pub fn from_command(data: &serenity::CommandData) -> Option<Action> {
        let options = data.options();
        let text = |name: &str| {
            options
                .iter()
                .find(|o| o.name == name)
                .and_then(|o| match o.value {
                    serenity::ResolvedValue::String(s) => Some(s.to_string()),
                    _ => None,
                })
        };
        let index = |name: &str| {
            options
                .iter()
                .find(|o| o.name == name)
                .and_then(|o| match o.value {
                    serenity::ResolvedValue::Integer(i) => usize::try_from(i).ok(),
                    _ => None,
                })
        };
        let service = index("service").and_then(ServiceChoice::from_index);
        let kind = index("type").and_then(TypeChoice::from_index);
        Some(match data.name.as_str() {
            "why-not" => match text("place") {
                Some(place) => Action::why_not(place, service),
                None => Action::BadOption,
            },
            "title" => match text("name") {
                Some(name) => Action::title(name, service),
                None => Action::BadOption,
            },
            "titles" => Action::titles(TitlesOptions {
                origin: text("origin"),
                kind,
                service,
                genre: text("genre"),
                year: text("year"),
                added: text("added"),
                director: text("director"),
                cast: text("cast"),
                query: text("query"),
                sort: index("sort").and_then(SortChoice::from_index),
            }),
            "new" => Action::new_titles(service, text("origin"), kind),
            "map" => Action::map(service, index("figure").and_then(FigureChoice::from_index)),
            "ask" => match text("question") {
                Some(q) => Action::Ask(q),
                None => Action::BadOption,
            },
            "sources" => Action::Sources,
            "help" => Action::Help,
            "reindex" => Action::Reindex,
            _ => return None,
        })
    }
}

/// The language to answer in: `STREAMBOT_LANG` if set, else the user's Discord language, else
/// the server's, else English.
pub fn lang(configured: Option<Lang>, locale: &str, guild_locale: Option<&str>) -> Lang {
    configured
        .or_else(|| Lang::parse(locale))
        .or_else(|| guild_locale.and_then(Lang::parse))
        .unwrap_or_default()
}

/// Carries out an action against the index and renders the reply (blocking: call it off the
/// async threads). Usage errors become private text; other errors are the caller's to log.
pub fn compute(engine: &Engine, action: &Action, lang: Lang) -> anyhow::Result<Reply> {
    let usage = |r: Result<Reply, AnswerError>| match r {
        Ok(reply) => Ok(reply),
        Err(AnswerError::Usage(u)) => Ok(Reply::private(&u.0, Outcome::UsageError)),
        Err(e) => Err(anyhow::Error::from(e)),
    };
    match action {
        Action::Answer(request) => {
            usage(crate::answer::answer_in(engine, request, lang).map(|a| Reply::answer(&a)))
        }
        Action::Titles(args) => {
            let request = Request::Titles(args.clone());
            usage(crate::answer::answer_in(engine, &request, lang).map(|a| Reply::page(&a, args)))
        }
        Action::Ask(text) => {
            usage(crate::answer::respond_in(engine, text, lang).map(|a| Reply::answer(&a)))
        }
        Action::Map(request) => match crate::answer::answer_in(engine, request, lang) {
            Ok(answer) => Reply::map(&answer),
            Err(AnswerError::Usage(u)) => Ok(Reply::private(&u.0, Outcome::UsageError)),
            Err(e) => Err(e.into()),
        },
        Action::Help => {
            let message = format!(
                "{}\n{}",
                crate::answer::help(lang),
                crate::t!(lang, "help-extra")
            );
            let mut a = Answer::new("/help", message, crate::answer::Body::Help);
            a.lang = lang;
            let mut reply = Reply::answer(&a);
            reply.ephemeral = true;
            Ok(reply)
        }
        Action::Sources => Ok(Reply::sources(&engine.info(), lang)),
        // Each replica serves its own index and a request reaches one replica, so rebuilding
        // is an operator's step on every replica.
        Action::Reindex => Ok(Reply::private(
            &crate::t!(lang, "reindex-over-http"),
            Outcome::Refused,
        )),
        Action::BadOption => Ok(Reply::private(
            &crate::t!(lang, "error-bad-option"),
            Outcome::UsageError,
        )),
        Action::BadYears(value) => {
            let usage = crate::answer::parse_years_in(value, lang).err();
            let text = usage.map(|u| u.0).unwrap_or_default();
            Ok(Reply::private(&text, Outcome::UsageError))
        }
    }
}

/// The one place where an interaction's command (or `button`), its outcome and the time to its
/// first response are known, for the HTTP endpoint and gateway buttons (gateway slash commands
/// are counted by the framework's hooks, see [`super::reply::count`]).
pub fn finished(command: &str, outcome: Outcome, first_response: std::time::Duration) {
    tracing::debug!(
        command,
        outcome = outcome.label(),
        first_response_ms = first_response.as_millis() as u64,
        "interaction answered"
    );
    crate::telemetry::interaction(command, outcome);
    crate::telemetry::first_response(first_response);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The HTTP endpoint reads options by name while the gateway gets them from poise: every
    /// option the commands register must change what [`Action::from_command`] makes of them,
    /// so a renamed or added option cannot be silently ignored over HTTP.
    #[test]
    fn every_registered_option_is_read_by_the_endpoint() {
        let mut checked = 0;
        for command in crate::discord::commands() {
            let registered =
                serde_json::to_value(command.create_as_slash_command().unwrap()).unwrap();
            let name = registered["name"].as_str().unwrap().to_string();
            let data = |options: serde_json::Value| -> serenity::CommandData {
                serde_json::from_value(serde_json::json!({
                    "id": "1", "name": name, "type": 1, "options": options,
                }))
                .unwrap()
            };
            let options = registered["options"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let mut given = Vec::new();
            for option in &options {
                let kind = option["type"].as_u64().unwrap();
                let value = match kind {
                    3 => serde_json::json!("2010"),
                    4 => option["choices"][1]["value"].clone(),
                    // Attachments (/reindex's file) are the gateway's business only.
                    11 => continue,
                    other => panic!("/{name}: option type {other} is not handled"),
                };
                let required = option["required"].as_bool().unwrap_or(false);
                given.push((option["name"].clone(), kind, value, required));
            }
            let action = |with: &dyn Fn(&str, bool) -> bool| {
                let options: Vec<serde_json::Value> = given
                    .iter()
                    .filter(|(n, .., required)| with(n.as_str().unwrap(), *required))
                    .map(|(n, kind, value, _)| {
                        serde_json::json!({ "name": n, "type": kind, "value": value })
                    })
                    .collect();
                format!(
                    "{:?}",
                    Action::from_command(&data(serde_json::json!(options)))
                )
            };
            // The required options alone, then each option left out (required) or added.
            let baseline = action(&|_, required| required);
            assert!(baseline.starts_with("Some("), "/{name} is not mapped");
            for (option, .., required) in &given {
                let option = option.as_str().unwrap();
                let changed = action(&|n, r| if n == option { !*required } else { r });
                assert_ne!(
                    changed, baseline,
                    "/{name} {option}: the endpoint ignores this option"
                );
                checked += 1;
            }
        }
        // why-not 2, titles 10, new 3, title 2, map 2, ask 1.
        assert_eq!(checked, 20);
    }

    #[test]
    fn titles_options_become_arguments_and_bad_years_a_usage_error() {
        let a = Action::titles(TitlesOptions {
            origin: Some("KR".into()),
            kind: Some(TypeChoice::Movie),
            year: Some("2010-2020".into()),
            ..TitlesOptions::default()
        });
        let Action::Titles(args) = a else {
            panic!("{a:?}")
        };
        assert_eq!(
            args.command(args.origin.as_deref()),
            "/titles origin:KR type:movie year:2010-2020"
        );
        let bad = Action::titles(TitlesOptions {
            year: Some("soon".into()),
            ..TitlesOptions::default()
        });
        assert!(
            matches!(bad, Action::BadYears(ref v) if v == "soon"),
            "{bad:?}"
        );
    }

    #[test]
    fn the_language_follows_the_setting_then_the_user_then_the_server() {
        assert_eq!(lang(Some(Lang::En), "zh-CN", None), Lang::En);
        assert_eq!(lang(None, "zh-CN", Some("en-US")), Lang::Zh);
        assert_eq!(lang(None, "fr", Some("zh-TW")), Lang::ZhTw);
        assert_eq!(lang(None, "fr", None), Lang::En);
    }
}
