//! One file per slash command (poise's definitions, for registration and the gateway bot), plus
//! the shared option types and autocomplete callbacks.

pub mod ask;
pub mod dm;
pub mod help;
pub mod map;
pub mod new;
pub mod reindex;
pub mod sources;
pub mod suggestion;
pub mod title;
pub mod titles;
pub mod why_not;

use std::borrow::Cow;

use poise::serenity_prelude as serenity;

use super::Context;
use super::interaction::complete::{self, Field};
use crate::domain::Service;

/// A service to pick: the choices are the rows of the service table
/// ([`crate::domain::SERVICES`]), in its order, chosen by index as Discord sends them.
#[derive(Debug, Clone, Copy)]
pub struct ServiceChoice(pub Service);

impl ServiceChoice {
    pub fn id(self) -> &'static str {
        self.0.id()
    }

    /// The choice at `index` (what an interaction carries).
    pub fn from_index(index: usize) -> Option<ServiceChoice> {
        Service::from_index(index).map(ServiceChoice)
    }
}

impl poise::ChoiceParameter for ServiceChoice {
    fn list() -> Cow<'static, [poise::CommandParameterChoice]> {
        Service::all()
            .map(|s| poise::CommandParameterChoice {
                name: s.name().into(),
                localizations: Cow::Borrowed(&[]),
                __non_exhaustive: (),
            })
            .collect::<Vec<_>>()
            .into()
    }

    fn from_index(index: usize) -> Option<Self> {
        ServiceChoice::from_index(index)
    }

    fn from_name(name: &str) -> Option<Self> {
        Service::all().find(|s| s.name() == name).map(ServiceChoice)
    }

    fn name(&self) -> &'static str {
        self.0.name()
    }

    fn localized_name(&self, _locale: &str) -> Option<&'static str> {
        None
    }
}

/// Runs the shared lookup for `field` off the async threads; a failure offers no choices.
async fn lookup(
    ctx: Context<'_>,
    field: Field,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let engine = ctx.data().engine.clone();
    let partial = partial.to_string();
    match tokio::task::spawn_blocking(move || complete::choices(&engine, field, &partial)).await {
        Ok(found) => complete::response(found),
        Err(e) => {
            tracing::warn!(error = %e, "autocomplete lookup panicked");
            complete::response(Vec::new())
        }
    }
}

/// Places whose names start with (or contain) what was typed.
pub async fn autocomplete_place(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    lookup(ctx, Field::Place, partial).await
}

/// Genres from the index.
pub async fn autocomplete_genre(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    lookup(ctx, Field::Genre, partial).await
}

/// Titles from the index, by prefix and then by similarity.
pub async fn autocomplete_title(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    lookup(ctx, Field::Title, partial).await
}

/// Directors' names, those with the most titles first.
pub async fn autocomplete_director(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    lookup(ctx, Field::Director, partial).await
}

/// Actors' names, those with the most titles first.
pub async fn autocomplete_cast(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    lookup(ctx, Field::Cast, partial).await
}
