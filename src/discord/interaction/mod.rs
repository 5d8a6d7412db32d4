//! One mapping for both fronts — the gateway bot and the HTTP interactions endpoint: a slash
//! command's options to an [`Action`], an action to a [`Reply`] (through the same core and
//! renderer), a button's custom id to what it does, an autocomplete to its choices. Pure
//! functions over serenity's interaction model; how a reply travels is each front's business.

pub mod buttons;
pub mod complete;
pub mod response;

use poise::serenity_prelude as serenity;

use crate::answer::commands::{Command, CommandId, Value};
use crate::answer::{Answer, AnswerError, Caller, Request, TitlesArgs, Who};
use crate::i18n::Lang;
use crate::search::Engine;
use crate::store::{Owner, Store};
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
    /// `/settings`: the asker's own settings, shown privately.
    Settings(crate::answer::SettingsArgs),
    /// `/reindex` reaching the HTTP endpoint (the gateway bot runs its own command).
    Reindex,
    /// Options that cannot be asked as given (`year:soon`, or registered commands out of date):
    /// the private reply, already in the user's language, says what to write.
    Usage(String),
}

impl Action {
    /// What a request read from a command's options asks the fronts to do.
    pub fn of(request: Request) -> Action {
        match request {
            Request::Titles(args) => Action::Titles(args),
            Request::Search { text, .. } => Action::Ask(text),
            Request::Map { .. } => Action::Map(request),
            Request::Help => Action::Help,
            Request::Settings(args) => Action::Settings(args),
            Request::WhyNot { .. }
            | Request::Title { .. }
            | Request::Uncovered { .. }
            | Request::Top(_)
            | Request::Similar { .. } => Action::Answer(request),
        }
    }

    /// Whether the reply is private whatever the answer (help, usage errors, reindex).
    pub fn is_private(&self) -> bool {
        matches!(
            self,
            Action::Help | Action::Reindex | Action::Settings(_) | Action::Usage(_)
        )
    }

    /// The action of a slash command as Discord sends it, read through the command table (the
    /// same rows the commands were registered from) for both fronts; usage errors are written
    /// in `lang`. `None`: a command this bot does not have.
    pub fn from_command(data: &serenity::CommandData, lang: Lang) -> Option<Action> {
        let command = Command::named(&data.name)?;
        match command.id {
            CommandId::Sources => return Some(Action::Sources),
            CommandId::Reindex => return Some(Action::Reindex),
            _ => {}
        }
        let out_of_date = || Action::Usage(crate::t!(lang, "error-outdated-command"));
        let mut given = Vec::new();
        for o in data.options() {
            let Some(opt) = command.option(o.name).filter(|o| o.on_discord) else {
                tracing::warn!(
                    command = command.name,
                    option = o.name,
                    "an option this command does not have"
                );
                return Some(out_of_date());
            };
            let value = match (opt.value, &o.value) {
                (Value::Text, serenity::ResolvedValue::String(s)) => s.to_string(),
                (Value::Choice(choices), serenity::ResolvedValue::Integer(i)) => {
                    let choice = usize::try_from(*i)
                        .ok()
                        .and_then(|i| choices.list().get(i).copied());
                    match choice {
                        Some(c) => c.value.to_string(),
                        None => return Some(out_of_date()),
                    }
                }
                (Value::File, _) => continue,
                _ => return Some(out_of_date()),
            };
            given.push((opt.name.to_string(), value));
        }
        let missing = command
            .options
            .iter()
            .any(|o| o.required && o.on_discord && !given.iter().any(|(n, _)| n == o.name));
        if missing {
            return Some(out_of_date());
        }
        Some(match crate::answer::read(command, given, "", lang) {
            Ok(request) => Action::of(request),
            Err(usage) => Action::Usage(usage.0),
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

/// Who an interaction comes from, for their settings and the server's: the member's
/// permissions there say whether they may change the server's defaults.
pub fn caller(
    user: serenity::UserId,
    guild: Option<serenity::GuildId>,
    member: Option<&serenity::Member>,
) -> Caller {
    Caller {
        owner: Owner::User(user.get()),
        guild: guild.map(|g| g.get()),
        manages_guild: guild.is_some()
            && member
                .and_then(|m| m.permissions)
                .is_some_and(|p| p.manage_guild()),
    }
}

/// Carries out an action against the index for `caller` (their settings read from `store`)
/// and renders the reply (blocking: call it off the async threads). Usage errors become private
/// text; other errors are the caller's to log.
pub fn compute(
    engine: &Engine,
    store: Option<&Store>,
    caller: Caller,
    action: &Action,
    lang: Lang,
) -> anyhow::Result<Reply> {
    let who = match action {
        Action::Usage(_) | Action::Reindex | Action::Sources | Action::Settings(_) => Who::nobody(),
        _ => Who::load(store, caller),
    };
    let lang = who.asker.lang(lang);
    let usage = |r: Result<Reply, AnswerError>| match r {
        Ok(reply) => Ok(reply),
        Err(AnswerError::Usage(u)) => Ok(Reply::private(&u.0, Outcome::UsageError)),
        Err(e) => Err(anyhow::Error::from(e)),
    };
    match action {
        Action::Answer(request) => {
            usage(crate::answer::answer_for(engine, &who, request, lang).map(|a| Reply::answer(&a)))
        }
        Action::Titles(args) => {
            let request = Request::Titles(args.clone());
            usage(
                crate::answer::answer_for(engine, &who, &request, lang)
                    .map(|a| Reply::page(&a, args)),
            )
        }
        Action::Ask(text) => {
            usage(crate::answer::respond_for(engine, &who, text, lang).map(|a| Reply::answer(&a)))
        }
        Action::Map(request) => match crate::answer::answer_for(engine, &who, request, lang) {
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
        Action::Settings(args) => {
            let who = Who {
                store,
                caller,
                asker: Default::default(),
            };
            let request = Request::Settings(args.clone());
            let mut reply = usage(
                crate::answer::answer_for(engine, &who, &request, lang).map(|a| Reply::answer(&a)),
            )?;
            reply.ephemeral = true;
            Ok(reply)
        }
        // Each replica serves its own index and a request reaches one replica, so rebuilding
        // is an operator's step on every replica.
        Action::Reindex => Ok(Reply::private(
            &crate::t!(lang, "reindex-over-http"),
            Outcome::Refused,
        )),
        Action::Usage(text) => Ok(Reply::private(text, Outcome::UsageError)),
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

    /// An interaction's command data as Discord sends it.
    fn data(name: &str, options: serde_json::Value) -> serenity::CommandData {
        serde_json::from_value(serde_json::json!({
            "id": "1", "name": name, "type": 1, "options": options,
        }))
        .unwrap()
    }

    fn action(name: &str, options: serde_json::Value, lang: Lang) -> String {
        format!("{:?}", Action::from_command(&data(name, options), lang))
    }

    #[test]
    fn interactions_are_read_through_the_command_table() {
        let titles = Action::from_command(
            &data(
                "titles",
                serde_json::json!([
                    {"name": "origin", "type": 3, "value": "KR"},
                    {"name": "type", "type": 4, "value": 0},
                    {"name": "service", "type": 4, "value": 2},
                    {"name": "year", "type": 3, "value": "2010-2020"},
                    {"name": "sort", "type": 4, "value": 3},
                ]),
            ),
            Lang::En,
        );
        let Some(Action::Titles(args)) = titles else {
            panic!("{titles:?}")
        };
        assert_eq!(
            args.command(args.origin.as_deref()),
            "/titles origin:KR type:movie service:disney_plus year:2010-2020 sort:added"
        );
        let cases = [
            (
                "why-not",
                serde_json::json!([{"name": "place", "type": 3, "value": "china"}]),
                r#"Some(Answer(WhyNot { place: "china", service: None }))"#,
            ),
            (
                "title",
                serde_json::json!([{"name": "name", "type": 3, "value": "Okja"}, {"name": "service", "type": 4, "value": 3}]),
                r#"Some(Answer(Title { name: "Okja", service: Some("hulu"), place: None }))"#,
            ),
            (
                "map",
                serde_json::json!([{"name": "figure", "type": 4, "value": 1}]),
                r#"Some(Map(Map { service: None, figure: Some(Price) }))"#,
            ),
            (
                "ask",
                serde_json::json!([{"name": "question", "type": 3, "value": "韩国电影"}]),
                r#"Some(Ask("韩国电影"))"#,
            ),
            ("help", serde_json::json!([]), "Some(Help)"),
            ("sources", serde_json::json!([]), "Some(Sources)"),
            ("nope", serde_json::json!([]), "None"),
        ];
        for (name, options, want) in cases {
            assert_eq!(action(name, options, Lang::En), want, "/{name}");
        }
    }

    #[test]
    fn options_that_cannot_be_asked_are_usage_errors_in_the_users_language() {
        let soon = serde_json::json!([{"name": "year", "type": 3, "value": "soon"}]);
        let en = action("titles", soon.clone(), Lang::En);
        assert!(en.starts_with("Some(Usage(") && en.contains("soon"), "{en}");
        let zh = action("titles", soon, Lang::Zh);
        assert!(zh.contains("soon") && zh != en, "{zh}");
        // Registered commands out of date: a choice past the end, an unknown option, a missing
        // required one, `page` (a text-only option).
        let out_of_date = format!(
            "Some(Usage({:?}))",
            crate::t!(Lang::En, "error-outdated-command")
        );
        let cases = [
            (
                "titles",
                serde_json::json!([{"name": "service", "type": 4, "value": 9}]),
            ),
            (
                "titles",
                serde_json::json!([{"name": "colour", "type": 3, "value": "red"}]),
            ),
            (
                "titles",
                serde_json::json!([{"name": "page", "type": 3, "value": "2"}]),
            ),
            ("why-not", serde_json::json!([])),
            (
                "why-not",
                serde_json::json!([{"name": "place", "type": 4, "value": 1}]),
            ),
        ];
        for (name, options) in cases {
            assert_eq!(
                action(name, options.clone(), Lang::En),
                out_of_date,
                "/{name} {options}"
            );
        }
    }

    #[test]
    fn the_language_follows_the_setting_then_the_user_then_the_server() {
        assert_eq!(lang(Some(Lang::En), "zh-CN", None), Lang::En);
        assert_eq!(lang(None, "zh-CN", Some("en-US")), Lang::Zh);
        assert_eq!(lang(None, "fr", Some("zh-TW")), Lang::ZhTw);
        assert_eq!(lang(None, "fr", None), Lang::En);
    }
}
