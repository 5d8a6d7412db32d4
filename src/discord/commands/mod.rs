//! The gateway bot's commands: each row of the command table ([`crate::answer::commands`]) as a
//! poise command that reads its options through the shared mapping
//! ([`crate::discord::interaction::Action::from_command`], as the HTTP endpoint does), plus
//! `/reindex` (uploads and progress, in its own room) and the handlers of direct messages and
//! button clicks.

pub mod dm;
pub mod reindex;
pub mod suggestion;

use poise::serenity_prelude as serenity;

use super::interaction::Action;
use super::interaction::complete;
use super::localize::lang_of;
use super::{Data, Error, reply};
use crate::answer::commands::{Command, CommandId, Opt};

type App<'a> = poise::ApplicationContext<'a, Data, Error>;

/// The poise command of a table row: its name for dispatch and its options for autocomplete
/// (what Discord is sent comes from the same row, see [`super::localize::slash`]).
pub fn gateway(row: &'static Command) -> poise::Command<Data, Error> {
    if row.id == CommandId::Reindex {
        return reindex::reindex();
    }
    poise::Command {
        name: row.name.into(),
        qualified_name: row.name.into(),
        identifying_name: row.name.into(),
        source_code_name: row.name.into(),
        slash_action: Some(answer),
        parameters: row
            .options
            .iter()
            .filter(|o| o.on_discord)
            .map(parameter)
            .collect(),
        ..Default::default()
    }
}

fn parameter(opt: &'static Opt) -> poise::CommandParameter<Data, Error> {
    poise::CommandParameter {
        name: opt.name.into(),
        name_localizations: Default::default(),
        description: None,
        description_localizations: Default::default(),
        required: opt.required,
        channel_types: None,
        choices: Default::default(),
        type_setter: None,
        autocomplete_callback: opt.complete.map(|_| autocomplete as _),
        __non_exhaustive: (),
    }
}

/// Every table command but `/reindex`: the interaction's options to an action, then the reply.
fn answer(
    ctx: App<'_>,
) -> poise::BoxFuture<'_, Result<(), poise::FrameworkError<'_, Data, Error>>> {
    Box::pin(async move {
        let lang = lang_of(ctx.into());
        let action = Action::from_command(&ctx.interaction.data, lang)
            .unwrap_or_else(|| Action::Usage(crate::t!(lang, "error-unknown-command")));
        reply::run(ctx.into(), action)
            .await
            .map_err(|e| poise::FrameworkError::new_command(ctx.into(), e))
    })
}

/// The choices for the focused option, looked up off the async threads; a failure offers none.
fn autocomplete<'a>(
    ctx: App<'a>,
    partial: &'a str,
) -> poise::BoxFuture<'a, serenity::CreateAutocompleteResponse> {
    Box::pin(async move {
        let data = &ctx.interaction.data;
        let Some(field) = data
            .autocomplete()
            .and_then(|o| complete::field_of(&data.name, o.name))
        else {
            return complete::response(Vec::new());
        };
        let engine = ctx.data().engine.clone();
        let partial = partial.to_string();
        match tokio::task::spawn_blocking(move || complete::choices(&engine, field, &partial)).await
        {
            Ok(found) => complete::response(found),
            Err(e) => {
                tracing::warn!(error = %e, "autocomplete lookup panicked");
                complete::response(Vec::new())
            }
        }
    })
}
