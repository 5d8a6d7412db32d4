//! One file per slash command, plus the shared option types and autocomplete callbacks.

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

use poise::serenity_prelude as serenity;

use super::Context;
use crate::places::Places;
use crate::render::embed::{clip, limits};

/// The services users can pick.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum Service {
    #[name = "Netflix"]
    Netflix,
    #[name = "Prime Video"]
    Prime,
    #[name = "Disney+"]
    Disney,
    #[name = "Hulu"]
    Hulu,
}

impl Service {
    pub fn id(self) -> &'static str {
        match self {
            Service::Netflix => "netflix",
            Service::Prime => "amazon_prime",
            Service::Disney => "disney_plus",
            Service::Hulu => "hulu",
        }
    }
}

fn choices(
    items: impl IntoIterator<Item = (String, String)>,
) -> serenity::CreateAutocompleteResponse {
    let list = items
        .into_iter()
        .take(limits::CHOICES)
        .map(|(name, value)| {
            serenity::AutocompleteChoice::new(
                clip(&name, limits::CHOICE_NAME),
                clip(&value, limits::CHOICE_NAME),
            )
        })
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(list)
}

/// Places whose names start with (or contain) what was typed.
pub async fn autocomplete_place(
    _ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let places = Places::global().complete(partial, limits::CHOICES);
    choices(
        places
            .into_iter()
            .map(|p| (format!("{} ({})", p.name, p.code), p.code.clone())),
    )
}

/// Runs an autocomplete lookup off the async threads; a failure offers no choices.
async fn lookup<T: Send + 'static>(
    ctx: Context<'_>,
    f: impl FnOnce(&crate::search::Engine) -> Result<Vec<T>, crate::search::SearchError>
    + Send
    + 'static,
) -> Vec<T> {
    let engine = ctx.data().engine.clone();
    match tokio::task::spawn_blocking(move || f(&engine)).await {
        Ok(Ok(found)) => found,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "autocomplete lookup failed");
            Vec::new()
        }
        Err(e) => {
            tracing::warn!(error = %e, "autocomplete lookup panicked");
            Vec::new()
        }
    }
}

/// Genres from the index.
pub async fn autocomplete_genre(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let partial = partial.to_string();
    let found = lookup(ctx, move |e| e.complete_genres(&partial, limits::CHOICES)).await;
    choices(found.into_iter().map(|g| (g.clone(), g)))
}

/// Titles from the index, by prefix and then by similarity.
pub async fn autocomplete_title(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let partial = partial.to_string();
    choices(lookup(ctx, move |e| e.complete_titles(&partial, limits::CHOICES)).await)
}

/// Directors' names, those with the most titles first.
pub async fn autocomplete_director(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    autocomplete_person(ctx, partial, crate::search::Role::Director).await
}

/// Actors' names, those with the most titles first.
pub async fn autocomplete_cast(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    autocomplete_person(ctx, partial, crate::search::Role::Cast).await
}

async fn autocomplete_person(
    ctx: Context<'_>,
    partial: &str,
    role: crate::search::Role,
) -> serenity::CreateAutocompleteResponse {
    let partial = partial.to_string();
    let found = lookup(ctx, move |e| {
        e.complete_people(&partial, role, limits::CHOICES)
    })
    .await;
    choices(found.into_iter().map(|n| (n.clone(), n)))
}
