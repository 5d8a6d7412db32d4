//! Buttons, stateless so that any process (a gateway bot, or any HTTP replica) can answer a
//! click: a suggestion button's custom id is `run:<command>`, a page button's
//! `page:<n>:<command>`. Only the person who asked may turn pages; Discord tells who that was
//! in the clicked message's interaction metadata.

use poise::serenity_prelude as serenity;

use super::{Action, Reply};
use crate::answer::{Answer, Body, Request, TitlesArgs, TitlesPage};
use crate::discord::Data;
use crate::discord::cooldown::slow_down;
use crate::i18n::Lang;
use crate::limit::Verdict;
use crate::render::embed::{self, limits};
use crate::t;
use crate::telemetry::Outcome;

/// Custom ids of suggestion buttons start with this; the rest is the command to run.
pub const RUN_PREFIX: &str = "run:";
/// Custom ids of page buttons: `page:<n>:<the /titles command>`.
pub const PAGE_PREFIX: &str = "page:";

/// A button for each suggestion that is a command (`/titles origin:KR`), at most five: a click
/// asks that question.
pub fn suggestions(answer: &Answer) -> Vec<serenity::CreateActionRow> {
    let buttons: Vec<serenity::CreateButton> = answer
        .suggestions()
        .iter()
        .filter(|s| s.starts_with('/'))
        .filter(|s| RUN_PREFIX.len() + s.chars().count() <= limits::CUSTOM_ID)
        .take(limits::BUTTONS_PER_ROW)
        .map(|s| {
            serenity::CreateButton::new(format!("{RUN_PREFIX}{s}"))
                .label(embed::clip(s, limits::BUTTON_LABEL))
                .style(serenity::ButtonStyle::Secondary)
        })
        .collect();
    if buttons.is_empty() {
        Vec::new()
    } else {
        vec![serenity::CreateActionRow::Buttons(buttons)]
    }
}

/// The custom id of the button leading to `page` of `args`, if it fits Discord's 100
/// characters (a very long query gets no buttons; the log says so).
fn page_id(args: &TitlesArgs, page: usize) -> Option<String> {
    let first = TitlesArgs {
        page: 1,
        ..args.clone()
    };
    let id = format!(
        "{PAGE_PREFIX}{page}:{}",
        first.command(first.origin.as_deref())
    );
    (id.chars().count() <= limits::CUSTOM_ID).then_some(id)
}

/// Previous/Next under a page of titles, when there is more than one page.
pub fn pages(answer: &Answer, args: &TitlesArgs) -> Vec<serenity::CreateActionRow> {
    let Body::Titles(TitlesPage { page, pages, .. }) = answer.body else {
        return Vec::new();
    };
    if pages <= 1 {
        return Vec::new();
    }
    let previous = page_id(args, page.saturating_sub(1).max(1));
    let next = page_id(args, (page + 1).min(pages));
    let (Some(previous), Some(next)) = (previous, next) else {
        tracing::info!(pages, "a query too long for page buttons");
        return Vec::new();
    };
    vec![serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(previous)
            .label(t!(answer.lang, "button-previous"))
            .style(serenity::ButtonStyle::Secondary)
            .disabled(page <= 1),
        serenity::CreateButton::new(next)
            .label(t!(answer.lang, "button-next"))
            .style(serenity::ButtonStyle::Primary)
            .disabled(page >= pages),
    ])]
}

/// What a button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Press {
    Run(String),
    Page { page: usize, command: String },
}

impl Press {
    /// Reads a custom id of ours; anything longer than Discord's 100 characters is not one.
    /// The page is any positive number: the search answers a page past the end with the last.
    pub fn parse(custom_id: &str) -> Option<Press> {
        if custom_id.chars().count() > limits::CUSTOM_ID {
            return None;
        }
        if let Some(command) = custom_id.strip_prefix(RUN_PREFIX) {
            return Some(Press::Run(command.to_string()));
        }
        let (page, command) = custom_id.strip_prefix(PAGE_PREFIX)?.split_once(':')?;
        Some(Press::Page {
            page: page.parse().ok().filter(|p| *p >= 1)?,
            command: command.to_string(),
        })
    }
}

/// The user who ran the command that the clicked message answers.
fn asker(message: &serenity::Message) -> Option<serenity::UserId> {
    match message.interaction_metadata.as_deref() {
        Some(serenity::MessageInteractionMetadata::Command(m)) => Some(m.user.id),
        Some(serenity::MessageInteractionMetadata::Component(m)) => Some(m.user.id),
        _ =>
        {
            #[allow(deprecated)]
            message.interaction.as_ref().map(|i| i.user.id)
        }
    }
}

/// How a click is answered: a new message (suggestions, refusals) or an update of the clicked
/// one (page turns), with either a reply ready now or an action to compute.
pub struct Plan {
    pub update: bool,
    pub work: Result<Action, Reply>,
}

/// What to do about a click. `None`: not one of ours.
pub fn plan(data: &Data, press: &serenity::ComponentInteraction, lang: Lang) -> Option<Plan> {
    Some(match Press::parse(&press.data.custom_id)? {
        Press::Run(command) => match data.may_ask(press.user.id.get()) {
            Verdict::Limited { retry_after, .. } => Plan {
                update: false,
                work: Err(Reply::private(
                    &slow_down(retry_after, lang),
                    Outcome::Cooldown,
                )),
            },
            Verdict::Allowed => Plan {
                update: false,
                work: Ok(Action::Ask(command)),
            },
        },
        Press::Page { page, command } => {
            if asker(&press.message).is_some_and(|a| a != press.user.id) {
                return Some(Plan {
                    update: false,
                    work: Err(Reply::private(
                        &t!(lang, "only-the-asker"),
                        Outcome::Refused,
                    )),
                });
            }
            // Turning a page computes an answer: the same cooldown as asking.
            if let Verdict::Limited { retry_after, .. } = data.may_ask(press.user.id.get()) {
                return Some(Plan {
                    update: false,
                    work: Err(Reply::private(
                        &slow_down(retry_after, lang),
                        Outcome::Cooldown,
                    )),
                });
            }
            let work = match crate::answer::parse_command(&command, lang) {
                Some(Ok(Request::Titles(args))) => Ok(Action::Titles(TitlesArgs { page, ..args })),
                _ => {
                    tracing::warn!(command, "a page button with a command that does not parse");
                    Err(Reply::private(&t!(lang, "went-wrong"), Outcome::Error))
                }
            };
            Plan { update: true, work }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Kind;
    use crate::search::TitleSort;

    #[test]
    fn custom_ids_carry_the_page_and_the_command() {
        assert_eq!(
            Press::parse("page:3:/titles origin:KR type:movie"),
            Some(Press::Page {
                page: 3,
                command: "/titles origin:KR type:movie".into()
            })
        );
        assert_eq!(
            Press::parse("run:/titles origin:CN"),
            Some(Press::Run("/titles origin:CN".into()))
        );
        assert_eq!(Press::parse("page:0:/titles"), None);
        assert_eq!(Press::parse("page:x:/titles"), None);
        assert_eq!(Press::parse("123:next"), None);
        assert_eq!(
            Press::parse("page:99999999999:/titles sort:added"),
            Some(Press::Page {
                page: 99_999_999_999,
                command: "/titles sort:added".into()
            })
        );
        let long = format!("run:/titles query:{}", "x".repeat(100));
        assert_eq!(Press::parse(&long), None);
    }

    #[test]
    fn a_page_command_reads_back_as_the_same_arguments() {
        let args = TitlesArgs {
            origin: Some("KR".into()),
            kind: Some(Kind::Movie),
            service: Some("amazon_prime".into()),
            years: Some((2010, 2020)),
            sort: Some(TitleSort::Added),
            page: 1,
            ..TitlesArgs::default()
        };
        let id = page_id(&args, 2).unwrap();
        let Some(Press::Page { page, command }) = Press::parse(&id) else {
            panic!("{id}")
        };
        assert_eq!(page, 2);
        let Some(Ok(Request::Titles(back))) = crate::answer::parse_command(&command, Lang::En)
        else {
            panic!("{command}")
        };
        assert_eq!(
            back.command(back.origin.as_deref()),
            args.command(Some("KR"))
        );
    }
}
